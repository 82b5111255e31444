/** Added by the REST API and jsforce to every record; never a field. */
const METADATA_KEY = 'attributes';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Salesforce API names are case-insensitive; the exact spelling wins when both exist. */
function lookup(record: Record<string, unknown>, key: string): unknown {
  if (key === METADATA_KEY) return undefined;
  if (Object.hasOwn(record, key)) return record[key];
  const lower = key.toLowerCase();
  const match = Object.keys(record).find((k) => k !== METADATA_KEY && k.toLowerCase() === lower);
  return match === undefined ? undefined : record[match];
}

/**
 * Reads `BillingCity` or a parent path like `Account.Name`, from nested objects
 * (`{Account: {Name}}`) or from a flat key (`{"Account.Name": …}`). A missing parent
 * (`Account: null`) reads as null.
 */
export function readField(record: Record<string, unknown>, path: string): unknown {
  const flat = lookup(record, path);
  if (flat !== undefined) return flat;
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  const parent = lookup(record, path.slice(0, dot));
  if (parent === null) return null;
  return isObject(parent) ? readField(parent, path.slice(dot + 1)) : undefined;
}

/** A field value as text, or undefined when it holds more than one value (an object or list). */
export function valueAsText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}
