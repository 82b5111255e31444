import { BillomatError } from './errors';

/** The fields sent for a customer: Billomat field name → value. */
export type ClientFields = Record<string, string | number>;

/** A customer as Billomat returns it. */
export type BillomatClientRecord = {
  id: number;
  client_number: string;
  [field: string]: string | number;
};

export interface ClientPage {
  clients: BillomatClientRecord[];
  page: number;
  perPage: number;
  total: number;
}

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpectedShape(what: string): BillomatError {
  return new BillomatError('unclear', `Billomat answered with an unexpected ${what}`, null);
}

/** Reads `{"client": {...}}`. */
export function readClientAnswer(body: unknown): BillomatClientRecord {
  if (!isObject(body) || !isObject(body.client)) throw unexpectedShape('customer answer');
  return toClientRecord(body.client);
}

/**
 * Reads `{"clients": {"client": [...] | {...} | (missing), "@page", "@per_page", "@total"}}`.
 * Billomat sends a single object instead of a list when there is exactly one customer,
 * and leaves the key out when there is none.
 */
export function readClientList(body: unknown): ClientPage {
  if (!isObject(body) || !isObject(body.clients)) throw unexpectedShape('customer list');
  const list = body.clients;
  const items =
    list.client === undefined ? [] : Array.isArray(list.client) ? list.client : [list.client];
  const clients = items.map((item) => {
    if (!isObject(item)) throw unexpectedShape('customer in a list');
    return toClientRecord(item);
  });
  return {
    clients,
    page: Number(list['@page'] ?? 1),
    perPage: Number(list['@per_page'] ?? clients.length),
    total: Number(list['@total'] ?? clients.length),
  };
}

function toClientRecord(raw: JsonObject): BillomatClientRecord {
  const id = Number(raw.id);
  if (!Number.isInteger(id) || id <= 0) throw unexpectedShape('customer id');
  const record: BillomatClientRecord = { id, client_number: '' };
  for (const [field, value] of Object.entries(raw)) {
    if (field === 'id') continue;
    if (typeof value === 'string' || typeof value === 'number') record[field] = value;
    else if (typeof value === 'boolean') record[field] = value ? 1 : 0;
    else if (value === null) record[field] = '';
    // Nested objects (e.g. custom property lists) are not customer fields; leave them out.
  }
  record.client_number = String(raw.client_number ?? '');
  return record;
}

/** Reads `{"errors": {"error": "msg" | ["msg", ...]}}`; anything else gives no messages. */
export function readErrorMessages(body: unknown): string[] {
  if (!isObject(body) || !isObject(body.errors)) return [];
  const error = body.errors.error;
  const items = Array.isArray(error) ? error : [error];
  return items
    .filter((item): item is string => typeof item === 'string')
    .map((message) => message.trim())
    .filter((message) => message.length > 0);
}
