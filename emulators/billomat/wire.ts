// What the emulator sends and reads on the wire. Every assumption about Billomat's wire format
// is listed, marked *assumed*, in README.md beside this file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientNumber, type StoredClient } from './client-book';
import type { EmulatedClient } from './types';

export type WireClient = Record<string, string>;

/** Read-only figures Billomat adds to a client answer; the emulator has no invoices, so zero. */
const readOnlyExtras: Readonly<WireClient> = { revenue_gross: '0', revenue_net: '0' };

export function wireClient(client: StoredClient): WireClient {
  return {
    id: String(client.id),
    created: client.created,
    client_number: clientNumber(client.fields),
    ...client.fields,
    ...readOnlyExtras,
  };
}

export function emulatedClient(client: StoredClient): EmulatedClient {
  return {
    id: client.id,
    client_number: clientNumber(client.fields),
    created: client.created,
    ...client.fields,
  };
}

/** `{"errors":{"error":"…"}}`, or a list under `error` when there are several. */
export function errorBody(messages: string | string[]): unknown {
  const list = typeof messages === 'string' ? [messages] : messages;
  return { errors: { error: list.length === 1 ? list[0] : list } };
}

/** Billomat's list shape: one item is an object, none leaves out the item key. */
export function clientListBody(
  items: WireClient[],
  page: number,
  perPage: number,
  total: number,
): unknown {
  const list: Record<string, unknown> = {};
  if (items.length === 1) list.client = items[0];
  else if (items.length > 1) list.client = items;
  list['@page'] = String(page);
  list['@per_page'] = String(perPage);
  list['@total'] = String(total);
  return { clients: list };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
}

export function acceptsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').toLowerCase().includes('application/json');
}

export function hasJsonBody(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  return type.split(';')[0]?.trim() === 'application/json';
}

const maxBodyBytes = 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyTooLarge('Request body larger than 1 MB');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
