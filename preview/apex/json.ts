import { InvalidInput } from './errors';

/** BillomatJson: lenient readers for the service's JSON answers. */

export type JsonObject = Record<string, unknown>;

export function parseObject(json: string): JsonObject {
  const parsed = parse(json);
  if (!isObject(parsed)) throw new InvalidInput('Expected a JSON object.');
  return parsed;
}

export function parseList(json: string): unknown[] {
  const parsed = parse(json);
  if (!Array.isArray(parsed)) throw new InvalidInput('Expected a JSON list.');
  return parsed;
}

export function asMap(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function asBoolean(value: unknown): boolean {
  return value === true;
}

export function asInteger(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new InvalidInput(
      `The text is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
