import { customerToAdopt, lookupFilter } from './adoption';
import { backoffDelayMs, DEFAULT_RETRY, type RetryPolicy } from './backoff';
import type { RateBudget } from './budget';
import { BillomatError } from './errors';
import { exchange, type Exchange, type ExchangeRequest } from './exchange';
import { rejectionFor, type BillomatAction } from './rejection';
import {
  readClientAnswer,
  readClientList,
  type BillomatClientRecord,
  type ClientFields,
} from './wire';

export const DEFAULT_BASE_URL_TEMPLATE = 'https://{billomatId}.billomat.net/api';

export interface BillomatAccount {
  billomatId: string;
  apiKey: string;
  appId?: string;
  appSecret?: string;
}

/** What the client did on its own, for logs and progress; never holds a secret. */
export type BillomatClientEvent =
  | { type: 'rate-limited'; action: BillomatAction['name'] }
  | {
      type: 'retrying';
      action: BillomatAction['name'];
      failedAttempts: number;
      delayMs: number;
      reason: string;
    }
  | { type: 'adopted'; clientId: number };

export interface BillomatClientOptions {
  account: BillomatAccount;
  /** `{billomatId}` is replaced by the account's id. */
  baseUrlTemplate?: string;
  /** The account's budget, shared with every other client of the same account. */
  budget: RateBudget;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How many 429 answers one call sits out before giving up. */
  maxRateLimitedWaits?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Stamps when answers arrive (for the clock-skew check); the budget keeps its own clock. */
  now?: () => number;
  random?: () => number;
  onEvent?: (event: BillomatClientEvent) => void;
}

interface Call {
  action: BillomatAction;
  method: ExchangeRequest['method'];
  path: string;
  body?: unknown;
  /** False for a create: after an unclear outcome it must not be sent again blindly. */
  repeatable: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Billomat's customer API for one account, paced to the account's rate budget. */
export class BillomatClient {
  private readonly account: BillomatAccount;
  private readonly baseUrl: string;
  private readonly budget: RateBudget;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly maxRateLimitedWaits: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly onEvent: (event: BillomatClientEvent) => void;

  constructor(options: BillomatClientOptions) {
    this.account = options.account;
    const template = options.baseUrlTemplate ?? DEFAULT_BASE_URL_TEMPLATE;
    this.baseUrl = template
      .replaceAll('{billomatId}', encodeURIComponent(options.account.billomatId))
      .replace(/\/+$/, '');
    new URL(this.baseUrl); // a malformed template fails here, not as endless "connection" retries
    this.budget = options.budget;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.maxRateLimitedWaits = options.maxRateLimitedWaits ?? 10;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  /**
   * Creates a customer with one call on the normal path.
   *
   * Billomat has no idempotency key, so a create that ended without a clear answer (time-out,
   * dropped connection, 5xx) may still have made the customer; sending it again blindly could
   * make a duplicate. So after such an outcome the customer is looked up first and adopted when
   * it holds every sent field; only when none does is the create sent again.
   */
  async createClient(fields: ClientFields): Promise<BillomatClientRecord> {
    for (let attempt = 1; ; attempt += 1) {
      let unclear: BillomatError;
      try {
        return await this.postClient(fields);
      } catch (error) {
        if (!(error instanceof BillomatError) || error.kind !== 'unclear') throw error;
        unclear = error;
      }
      const delayMs = backoffDelayMs(attempt, this.retry, this.random);
      this.onEvent({
        type: 'retrying',
        action: 'create',
        failedAttempts: attempt,
        delayMs,
        reason: unclear.message,
      });
      await this.sleep(delayMs);
      const adopted = await this.findCreated(fields);
      if (adopted !== null) {
        this.onEvent({ type: 'adopted', clientId: adopted.id });
        return adopted;
      }
      if (attempt >= this.retry.maxAttempts) {
        throw new BillomatError(
          'unavailable',
          `Billomat is not available: ${attempt} attempts to create the customer failed; try again later`,
          unclear.status,
        );
      }
    }
  }

  /** Changes a customer; `not_found` when Billomat has no customer with this id. */
  async updateClient(id: number, fields: ClientFields): Promise<BillomatClientRecord> {
    const body = await this.send({
      action: { name: 'update', clientId: id },
      method: 'PUT',
      path: `/clients/${id}`,
      body: { client: fields },
      repeatable: true,
    });
    return readClientAnswer(body);
  }

  async getClient(id: number): Promise<BillomatClientRecord> {
    const body = await this.send({
      action: { name: 'get', clientId: id },
      method: 'GET',
      path: `/clients/${id}`,
      repeatable: true,
    });
    return readClientAnswer(body);
  }

  /** Every customer matching the filter (Billomat's list filters), through all pages. */
  async findClients(
    filter: Record<string, string>,
    { perPage = 100 }: { perPage?: number } = {},
  ): Promise<BillomatClientRecord[]> {
    const found: BillomatClientRecord[] = [];
    for (let page = 1; ; page += 1) {
      const query = new URLSearchParams({
        ...filter,
        per_page: String(perPage),
        page: String(page),
      });
      const body = await this.send({
        action: { name: 'find' },
        method: 'GET',
        path: `/clients?${query}`,
        repeatable: true,
      });
      const list = readClientList(body);
      found.push(...list.clients);
      const done = Number.isFinite(list.total)
        ? found.length >= list.total
        : list.clients.length < perPage;
      if (list.clients.length === 0 || done) return found;
    }
  }

  /** The account's own record; a cheap way to see that Billomat is reachable and the key works. */
  async myself(): Promise<BillomatClientRecord> {
    const body = await this.send({
      action: { name: 'myself' },
      method: 'GET',
      path: '/clients/myself',
      repeatable: true,
    });
    return readClientAnswer(body);
  }

  private async postClient(fields: ClientFields): Promise<BillomatClientRecord> {
    const body = await this.send({
      action: { name: 'create' },
      method: 'POST',
      path: '/clients',
      body: { client: fields },
      repeatable: false,
    });
    return readClientAnswer(body);
  }

  /**
   * The customer a create of exactly these fields would have made, if Billomat has one.
   * For callers that lost track of a create (e.g. a worker that crashed mid-call).
   */
  async findMatchingClient(fields: ClientFields): Promise<BillomatClientRecord | null> {
    return this.findCreated(fields);
  }

  private async findCreated(fields: ClientFields): Promise<BillomatClientRecord | null> {
    const filter = lookupFilter(fields);
    if (filter === null) {
      throw new BillomatError(
        'unclear',
        'Billomat did not confirm whether the customer was created, and it has no name to look it up by; not creating it again',
        null,
      );
    }
    try {
      return customerToAdopt(await this.findClients(filter), fields);
    } catch (error) {
      if (!(error instanceof BillomatError) || error.kind !== 'unavailable') throw error;
      throw new BillomatError(
        'unclear',
        `Billomat did not confirm whether the customer was created, and looking it up failed (${error.message})`,
        error.status,
      );
    }
  }

  /** Sends a call, sitting out 429s and retrying unclear outcomes when the call may be repeated. */
  private async send(call: Call): Promise<unknown> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const answer = await exchange(this.request(call), {
        budget: this.budget,
        timeoutMs: this.timeoutMs,
        now: this.now,
      });
      if (answer.outcome === 'answered' && answer.status < 500) {
        if (answer.status >= 200 && answer.status < 300) return answer.body;
        if (answer.status !== 429) {
          throw this.redacted(
            rejectionFor(answer.status, answer.messages, this.rejectionContext(call)),
          );
        }
        // A 429 did nothing, so any call may be repeated; the budget now holds the next
        // attempt until the window Billomat named is over.
        rateLimited += 1;
        if (rateLimited > this.maxRateLimitedWaits) {
          throw new BillomatError(
            'unavailable',
            `Billomat kept refusing calls for account '${this.account.billomatId}' as over its rate limit`,
            429,
          );
        }
        this.onEvent({ type: 'rate-limited', action: call.action.name });
        continue;
      }
      const reason = this.describeFailure(answer);
      const status = answer.outcome === 'answered' ? answer.status : null;
      if (!call.repeatable) {
        throw new BillomatError(
          'unclear',
          `Billomat did not confirm whether the customer was created (${reason})`,
          status,
        );
      }
      failures += 1;
      if (failures >= this.retry.maxAttempts) {
        throw new BillomatError(
          'unavailable',
          `Billomat is not available (${reason}, ${failures} attempts); try again later`,
          status,
        );
      }
      const delayMs = backoffDelayMs(failures, this.retry, this.random);
      this.onEvent({
        type: 'retrying',
        action: call.action.name,
        failedAttempts: failures,
        delayMs,
        reason,
      });
      await this.sleep(delayMs);
    }
  }

  private request(call: Call): ExchangeRequest {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-BillomatApiKey': this.account.apiKey,
    };
    if (this.account.appId && this.account.appSecret) {
      headers['X-AppId'] = this.account.appId;
      headers['X-AppSecret'] = this.account.appSecret;
    }
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    return { method: call.method, url: `${this.baseUrl}${call.path}`, headers, body: call.body };
  }

  private rejectionContext(call: Call) {
    return {
      billomatId: this.account.billomatId,
      usesApp: Boolean(this.account.appId),
      action: call.action,
    };
  }

  private describeFailure(answer: Exchange): string {
    if (answer.outcome === 'no-answer')
      return answer.reason === 'timeout' ? answer.detail : `connection lost: ${answer.detail}`;
    const said = answer.messages.join('; ');
    return this.redact(`HTTP ${answer.status}${said ? `: ${said}` : ''}`);
  }

  /** Billomat's messages are shown to people; make sure none of them repeats a secret. */
  private redacted(error: BillomatError): BillomatError {
    return new BillomatError(
      error.kind,
      this.redact(error.message),
      error.status,
      error.details.map((detail) => this.redact(detail)),
    );
  }

  private redact(text: string): string {
    let result = text;
    for (const secret of [this.account.apiKey, this.account.appSecret]) {
      if (secret) result = result.replaceAll(secret, '[hidden]');
    }
    return result;
  }
}
