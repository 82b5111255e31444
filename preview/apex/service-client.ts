import { createHash, randomUUID } from 'node:crypto';
import { ServiceError } from './errors';
import { parseObject, type JsonObject } from './json';

/**
 * BillomatServiceClient: every call to the export service. In Salesforce the Named Credential
 * adds the org's token; here the client holds it, which is all the Named Credential does.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 120_000;

export interface ServiceEndpoint {
  url: string;
  token: string;
}

export class ServiceClient {
  constructor(
    private readonly endpoint: ServiceEndpoint,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** Longer waits are for ?wait=N sends; a callout can never wait longer than 120 s. */
  withTimeout(milliseconds: number): ServiceClient {
    return new ServiceClient(this.endpoint, Math.max(1, Math.min(milliseconds, MAX_TIMEOUT_MS)));
  }

  get(path: string): Promise<string> {
    return this.send('GET', path, undefined, undefined);
  }

  async getObject(path: string): Promise<JsonObject> {
    return parseObject(await this.get(path));
  }

  post(path: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<string> {
    return this.send('POST', path, body, idempotencyKey);
  }

  put(path: string, body: unknown): Promise<string> {
    return this.send('PUT', path, body, randomUUID());
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.endpoint.token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${this.endpoint.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw ServiceError.unreachable(error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    if (response.ok) return text;
    throw ServiceError.fromResponse(response.status, text);
  }
}

/** The same key for the same parts, so a repeated attempt at the same work is done only once. */
export function idempotencyKeyFor(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
