export interface BillomatEmulatorOptions {
  host?: string;
  port?: number;
  accounts?: Array<{ billomatId: string; apiKey: string }>;
  /** Registered apps; a request with a valid X-AppId + X-AppSecret pair gets the bigger budget. */
  apps?: Array<{ appId: string; appSecret: string }>;
  rateLimit?: RateLimitOptions;
  faults?: Faults;
  /** Seed of the PRNG behind every random fault and latency. */
  seed?: number;
  log?: (line: string) => void;
}

export interface RateLimitOptions {
  perWindow?: number;
  perWindowWithApp?: number;
  /** 15 minutes of Billomat time pass in 15 / timeScale real minutes. */
  timeScale?: number;
}

export interface Faults {
  latencyMs?: number | [min: number, max: number];
  /** 0..1: answer 503 without doing anything. */
  serverErrorRatio?: number;
  /** 0..1: destroy the socket before doing anything. */
  dropRatio?: number;
  /** 0..1: for POST /clients: create the client, then destroy the socket (answer lost). */
  lostAnswerRatio?: number;
}

export type FaultKind = 'serverError' | 'drop' | 'lostAnswer' | 'rateLimited';

export type EmulatedClient = {
  id: number;
  client_number: string;
  created: string;
  [field: string]: string | number;
};

export interface EmulatedRequest {
  method: string;
  /** The API path below the account, without the query: `/api/clients/7`. */
  path: string;
  /** The raw query string without `?`, empty when there is none. */
  query: string;
  /** The status sent, or would have been sent: 0 for a dropped connection. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  /** Set when an injected fault shaped this answer. */
  fault?: FaultKind;
}

export interface BillomatEmulator {
  readonly url: string;
  baseUrlTemplate: string;
  addAccount(billomatId: string, apiKey: string): void;
  setFaults(faults: Faults): void;
  failNext(count: number, kind: FaultKind): void;
  spendQuota(billomatId: string, calls: number): void;
  clients(billomatId: string): EmulatedClient[];
  callCount(billomatId: string, filter?: { method?: string; path?: RegExp }): number;
  requests(billomatId: string): ReadonlyArray<EmulatedRequest>;
  reset(): void;
  close(): Promise<void>;
}
