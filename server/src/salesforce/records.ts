import type { FieldPath } from './describe';

export type SalesforceValue = string | number | boolean | null;

/** A pulled Account or Contact: `Id`, the asked-for fields, parent fields nested (`Account: { Name }` or `Account: null`). */
export interface SalesforceRecord {
  Id: string;
  [field: string]: SalesforceValue | { [field: string]: SalesforceValue } | null;
}

type RestValue = SalesforceValue | { [key: string]: RestValue } | RestValue[];

/** A REST query record without its `attributes` (also inside parent objects). */
export function fromRestRecord(raw: Record<string, unknown>): SalesforceRecord {
  const strip = (value: Record<string, unknown>) => {
    const out: Record<string, RestValue> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'attributes') continue;
      out[key] =
        inner !== null && typeof inner === 'object' && !Array.isArray(inner)
          ? strip(inner as Record<string, unknown>)
          : (inner as RestValue);
    }
    return out;
  };
  return strip(raw) as SalesforceRecord;
}

const NUMBER_TYPES = new Set(['int', 'long', 'double', 'currency', 'percent']);

/** Bulk CSV holds only text; the describe type turns it back into what the REST API would have answered. */
function typed(text: string, type: string): SalesforceValue {
  // Salesforce stores no empty strings, so an empty CSV value is a null.
  if (text === '') return null;
  if (type === 'boolean') return text === 'true';
  if (NUMBER_TYPES.has(type)) {
    const number = Number(text);
    return Number.isNaN(number) ? text : number;
  }
  return text;
}

/** A Bulk API 2.0 CSV row in the REST shape: typed values, `Account.Name` nested as `Account: { Name }`. */
export function fromCsvRow(
  row: readonly string[],
  columns: readonly FieldPath[],
): SalesforceRecord {
  const record: Record<string, SalesforceValue | Record<string, SalesforceValue> | null> = {};
  const parents = new Map<string, Record<string, SalesforceValue>>();
  columns.forEach((column, index) => {
    const value = typed(row[index] ?? '', column.type);
    const [first, second] = column.path.split('.') as [string, string | undefined];
    if (second === undefined) {
      record[first] = value;
      return;
    }
    const parent = parents.get(first) ?? {};
    parent[second] = value;
    parents.set(first, parent);
  });
  // A record without a parent gets `Account: null` from REST; CSV can only say so with empty columns.
  for (const [relationship, values] of parents) {
    record[relationship] = Object.values(values).every((v) => v === null) ? null : values;
  }
  return record as SalesforceRecord;
}
