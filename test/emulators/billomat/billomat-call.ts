// Plain fetch against the emulator, the way any Billomat client would speak to Billomat.
import type { BillomatEmulator } from '../../../emulators/billomat';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface Caller {
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  delete(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** Calls `/{billomatId}/api/{path}` with the account's key, JSON in and out. */
export function caller(emulator: BillomatEmulator, billomatId: string, apiKey: string): Caller {
  const base = emulator.baseUrlTemplate.replace('{billomatId}', billomatId);
  const send = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await fetch(`${base}/${path}`, {
      method,
      headers: { ...jsonHeaders, 'X-BillomatApiKey': apiKey, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  return {
    get: (path, headers) => send('GET', path, undefined, headers),
    post: (path, body, headers) => send('POST', path, body, headers),
    put: (path, body, headers) => send('PUT', path, body, headers),
    delete: (path, headers) => send('DELETE', path, undefined, headers),
  };
}

/** The `client` object of a `{"client": {…}}` answer. */
export function clientOf(reply: Reply): Record<string, unknown> {
  const body = reply.body as { client?: Record<string, unknown> } | null;
  if (!body?.client) throw new Error(`No client in ${reply.status} ${JSON.stringify(reply.body)}`);
  return body.client;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
