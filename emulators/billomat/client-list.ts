import { clientFieldRules } from './client-fields';
import { clientListBody, type WireClient } from './wire';

const containsFilters = ['name', 'client_number', 'email', 'first_name', 'last_name', 'note'];
/** Filters on things the emulator does not keep (tags, invoices): a value there matches nobody. */
const unkeptFilters = ['tags', 'invoice_id'];
const sortableFields = new Set([
  'id',
  'created',
  'client_number',
  ...Object.keys(clientFieldRules),
]);
const numericFields = new Set(
  ['id', ...Object.keys(clientFieldRules)].filter((field) => {
    const kind = clientFieldRules[field]?.kind;
    return field === 'id' || kind === 'integer' || kind === 'decimal' || kind === 'flag';
  }),
);

export type ListOutcome = { ok: true; body: unknown } | { ok: false; errors: string[] };

/** GET /api/clients: filter, order, then page. */
export function listClients(clients: WireClient[], query: URLSearchParams): ListOutcome {
  const errors: string[] = [];
  const perPage = pagingNumber(query, 'per_page', 100, errors);
  const page = pagingNumber(query, 'page', 1, errors);
  const order = parseOrder(query.get('order_by'), errors);
  if (errors.length > 0) return { ok: false, errors };

  const matching = clients.filter((client) => matches(client, query)).sort(order);
  const shownPerPage = Math.min(perPage, 1000);
  const start = (page - 1) * shownPerPage;
  const items = matching.slice(start, start + shownPerPage);
  return { ok: true, body: clientListBody(items, page, shownPerPage, matching.length) };
}

function matches(client: WireClient, query: URLSearchParams): boolean {
  for (const field of containsFilters) {
    const wanted = query.get(field);
    if (wanted && !(client[field] ?? '').toLowerCase().includes(wanted.toLowerCase())) return false;
  }
  const country = query.get('country_code');
  if (country && (client.country_code ?? '').toLowerCase() !== country.toLowerCase()) return false;
  return unkeptFilters.every((field) => !query.get(field));
}

function pagingNumber(
  query: URLSearchParams,
  name: string,
  fallback: number,
  errors: string[],
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    errors.push(`Invalid ${name}: "${raw}" is not a whole number of at least 1`);
    return fallback;
  }
  return Number(raw);
}

type Order = (a: WireClient, b: WireClient) => number;

/** `order_by=name+ASC,id+DESC`; the `+` arrives as a space, or literally when it was escaped. */
function parseOrder(raw: string | null, errors: string[]): Order {
  const keys: Array<{ field: string; sign: number }> = [];
  for (const part of (raw ?? '').split(',').filter((text) => text.trim() !== '')) {
    const [field = '', direction = 'ASC', ...rest] = part.trim().split(/[ +]+/);
    const sign = direction.toUpperCase() === 'DESC' ? -1 : 1;
    if (
      !sortableFields.has(field) ||
      !['ASC', 'DESC'].includes(direction.toUpperCase()) ||
      rest.length
    ) {
      errors.push(`Invalid order_by: "${part.trim()}"`);
      continue;
    }
    keys.push({ field, sign });
  }
  keys.push({ field: 'id', sign: 1 });
  return (a, b) => {
    for (const { field, sign } of keys) {
      const compared = compareValues(field, a[field] ?? '', b[field] ?? '');
      if (compared !== 0) return compared * sign;
    }
    return 0;
  };
}

function compareValues(field: string, a: string, b: string): number {
  if (numericFields.has(field)) return (Number(a) || 0) - (Number(b) || 0);
  return a.localeCompare(b);
}
