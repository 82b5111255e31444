import type { BillomatClientRecord, ClientFields } from './wire';

/**
 * The search that finds a customer a create may have made: by company name, else by last
 * name (Billomat's list filters), else by the other searchable fields that were sent.
 */
const SEARCHABLE_FIELDS = [
  'name',
  'last_name',
  'email',
  'first_name',
  'client_number',
  'note',
] as const;

export function lookupFilter(fields: ClientFields): Record<string, string> | null {
  for (const field of SEARCHABLE_FIELDS) {
    const value = fields[field];
    if (value !== undefined && String(value).trim() !== '')
      return { [field]: String(value).trim() };
  }
  return null;
}

/** True when the customer holds every sent field, compared as trimmed strings. */
export function holdsAllFields(client: BillomatClientRecord, fields: ClientFields): boolean {
  return Object.entries(fields).every(
    ([field, sent]) => String(client[field] ?? '').trim() === String(sent).trim(),
  );
}

/**
 * The customer to adopt among the search results. When several match, the newest (highest
 * id) is the one most likely made by the create in question.
 */
export function customerToAdopt(
  candidates: readonly BillomatClientRecord[],
  fields: ClientFields,
): BillomatClientRecord | null {
  const matches = candidates.filter((client) => holdsAllFields(client, fields));
  if (matches.length === 0) return null;
  return matches.reduce((newest, client) => (client.id > newest.id ? client : newest));
}
