import type { Account } from './account';
import { checkClientFields } from './client-fields';
import { listClients } from './client-list';
import { errorBody, isPlainObject, wireClient, type WireClient } from './wire';

export interface ApiRequest {
  method: string;
  /** Path segments after `/api`: `['clients', '7']`. */
  segments: string[];
  query: URLSearchParams;
  /** The parsed JSON body, or an answer that says why there is none. */
  readJson(): Promise<{ ok: true; value: unknown } | { ok: false; answer: Answer }>;
  now: Date;
}

export interface Answer {
  status: number;
  /** Omitted for an empty body. */
  body?: unknown;
  /** True when a client was created: only then can the answer be lost on purpose. */
  created?: boolean;
}

const notFound: Answer = { status: 404, body: errorBody('Not found') };
const notAllowed: Answer = { status: 405, body: errorBody('Method not allowed') };

/** The /api/clients resource of one account. */
export async function answerClients(account: Account, request: ApiRequest): Promise<Answer> {
  const [resource, id, ...rest] = request.segments;
  if (resource !== 'clients' || rest.length > 0) return notFound;
  if (id === undefined) {
    if (request.method === 'GET') return list(account, request.query);
    if (request.method === 'POST') return create(account, request);
    return notAllowed;
  }
  if (id === 'myself') return request.method === 'GET' ? myself(account, request.now) : notAllowed;
  if (!/^\d+$/.test(id)) return notFound;
  if (request.method === 'GET') return read(account, Number(id));
  if (request.method === 'PUT') return update(account, Number(id), request);
  if (request.method === 'DELETE') return remove(account, Number(id));
  return notAllowed;
}

function list(account: Account, query: URLSearchParams): Answer {
  const outcome = listClients(account.clients.all().map(wireClient), query);
  return outcome.ok ? { status: 200, body: outcome.body } : invalid(outcome.errors);
}

function read(account: Account, id: number): Answer {
  const client = account.clients.get(id);
  return client ? { status: 200, body: { client: wireClient(client) } } : notFound;
}

async function create(account: Account, request: ApiRequest): Promise<Answer> {
  const fields = await clientFields(request);
  if (!fields.ok) return fields.answer;
  const outcome = account.clients.create(fields.values, request.now);
  if (!outcome.ok) return invalid(outcome.errors);
  return { status: 201, body: { client: wireClient(outcome.client) }, created: true };
}

async function update(account: Account, id: number, request: ApiRequest): Promise<Answer> {
  if (!account.clients.get(id)) return notFound;
  const fields = await clientFields(request);
  if (!fields.ok) return fields.answer;
  const outcome = account.clients.update(id, fields.values);
  if (!outcome) return notFound;
  if (!outcome.ok) return invalid(outcome.errors);
  return { status: 200, body: { client: wireClient(outcome.client) } };
}

function remove(account: Account, id: number): Answer {
  return account.clients.remove(id) ? { status: 200 } : notFound;
}

/** The account's own company data, as Billomat keeps it for the account holder. */
function myself(account: Account, now: Date): Answer {
  const own: WireClient = {
    id: '1',
    created: `${now.toISOString().slice(0, 10)}T00:00:00+00:00`,
    name: `${account.billomatId} GmbH`,
    street: 'Musterstraße 1',
    zip: '90402',
    city: 'Nürnberg',
    country_code: 'DE',
    email: `office@${account.billomatId}.example`,
    currency_code: 'EUR',
    locale: 'de_DE',
  };
  return { status: 200, body: { client: own } };
}

type FieldsRead = { ok: true; values: Record<string, string> } | { ok: false; answer: Answer };

async function clientFields(request: ApiRequest): Promise<FieldsRead> {
  const body = await request.readJson();
  if (!body.ok) return body;
  const value = body.value;
  if (!isPlainObject(value) || Object.keys(value).length !== 1 || !isPlainObject(value.client)) {
    return { ok: false, answer: invalid(['The body must be {"client": {…}}']) };
  }
  const check = checkClientFields(value.client);
  return check.ok ? check : { ok: false, answer: invalid(check.errors) };
}

function invalid(errors: string[]): Answer {
  return { status: 400, body: errorBody(errors) };
}
