import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBillomatEmulator, type BillomatEmulator, type BillomatEmulatorOptions } from '../../emulators/billomat';
import { loadConfig } from '../../server/src/config';
import { startService, type Service } from '../../server/src/service';

export const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789';

export interface Harness {
  service: Service;
  emulator: BillomatEmulator;
  url: string;
  operator: ApiClient;
  /** Registers an org through the operator endpoint and returns a client with its token. */
  registerOrg(orgId: string, billomatId: string, apiKey: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

// Answers are JSON of many shapes; tests read them by path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiClient {
  token: string;
  get(pathAndQuery: string): Promise<ApiAnswer<Json>>;
  post(pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<Json>>;
  put(pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<Json>>;
  raw(method: string, pathAndQuery: string, body: string | undefined, headers: Record<string, string>): Promise<ApiAnswer<Json>>;
  /** Polls the push until it is completed or blocked. */
  waitForPush(jobId: string, timeoutMs?: number): Promise<Json>;
}

export function apiClient(baseUrl: string, token: string): ApiClient {
  const raw = async (method: string, pathAndQuery: string, body: string | undefined, headers: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${pathAndQuery}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const json = (method: string) => (pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(method, pathAndQuery, body === undefined ? undefined : JSON.stringify(body), {
      'Content-Type': 'application/json',
      ...(method === 'POST' && !('Idempotency-Key' in headers) ? { 'Idempotency-Key': randomBytes(8).toString('hex') } : {}),
      ...headers,
    });
  const client: ApiClient = {
    token,
    get: (p) => raw('GET', p, undefined, {}),
    post: json('POST'),
    put: json('PUT'),
    raw,
    async waitForPush(jobId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const answer = await client.get(`/v1/pushes/${jobId}?pageSize=500`);
        if (answer.status !== 200) throw new Error(`GET push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        if (answer.body.state === 'completed' || answer.body.state === 'blocked') return answer.body;
        if (Date.now() > deadline) throw new Error(`push ${jobId} did not finish: ${JSON.stringify(answer.body.counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  return client;
}

export async function startHarness(
  options: { emulator?: BillomatEmulatorOptions; env?: Record<string, string> } = {},
): Promise<Harness> {
  const emulator = await startBillomatEmulator(options.emulator ?? {});
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-test-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    SECRET_KEY: randomBytes(32).toString('hex'),
    OPERATOR_TOKEN,
    BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
    BILLOMAT_RETRY_BASE_MS: '5',
    BILLOMAT_RETRY_MAX_MS: '50',
    WORKER_POLL_MS: '25',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const service = await startService(config);
  const operator = apiClient(service.url, OPERATOR_TOKEN);
  return {
    service,
    emulator,
    url: service.url,
    operator,
    async registerOrg(orgId, billomatId, apiKey) {
      emulator.addAccount(billomatId, apiKey);
      const answer = await operator.post('/v1/orgs', { orgId, billomatId, billomatApiKey: apiKey });
      if (answer.status !== 201) throw new Error(`registering ${orgId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return apiClient(service.url, answer.body.apiToken as string);
    },
    async close() {
      await service.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
