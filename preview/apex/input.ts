import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import { OBJECT_LABELS, type ObjectType } from '../org/describe';
import { InvalidInput } from './errors';

/** BillomatInput: checks what the components send before it reaches a query or a callout path. */

export const OBJECT_TYPES: ObjectType[] = ['Account', 'Contact'];
const RESULT_STATUSES = ['pending', 'created', 'updated', 'unchanged', 'failed'];
const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LIST_VIEW_PREFIX = '00B';

export function objectType(value: unknown): ObjectType {
  const text = typeof value === 'string' ? value : String(value);
  const known = OBJECT_TYPES.find((type) => type.toLowerCase() === text.toLowerCase());
  if (!known) throw new InvalidInput(`Choose Account or Contact (got '${text}').`);
  return known;
}

export function jobId(value: unknown): string {
  if (typeof value !== 'string' || !JOB_ID.test(value)) {
    throw new InvalidInput(`The push id '${String(value)}' is not valid.`);
  }
  return value;
}

export function pageNumber(value: unknown): number {
  return typeof value === 'number' && value >= 1 ? Math.trunc(value) : 1;
}

export function pageSize(value: unknown, defaultSize: number, maxSize: number): number {
  if (typeof value !== 'number' || value < 1) return defaultSize;
  return Math.min(Math.trunc(value), maxSize);
}

export function statusFilter(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const status = value.trim().toLowerCase();
  if (!RESULT_STATUSES.includes(status)) {
    throw new InvalidInput(`Filter by one of ${RESULT_STATUSES.join(', ')} (got '${value}').`);
  }
  return status;
}

export function listViewId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidInput('No list view was given.');
  const id = salesforceId18(value.trim());
  if (!id) throw new InvalidInput(`'${value}' is not a valid list view id.`);
  if (!id.startsWith(LIST_VIEW_PREFIX)) throw new InvalidInput(`'${value}' is not a list view.`);
  return id;
}

/** Apex receives an Id parameter already checked; a malformed one fails as the Id conversion would. */
export function recordId(value: unknown, expected: ObjectType): string {
  if (value === null || value === undefined || value === '')
    throw new InvalidInput('No record was given.');
  const id = typeof value === 'string' ? salesforceId18(value) : null;
  if (!id) throw new InvalidInput(`Invalid id: ${String(value)}`);
  if (!id.startsWith(OBJECT_LABELS[expected].idPrefix)) {
    throw new InvalidInput(
      `Record ${id} belongs to ${pluralLabelOf(id)}, not to ${OBJECT_LABELS[expected].plural}.`,
    );
  }
  return id;
}

/** The ids in their given order, without duplicates; every id must belong to the object type. */
export function recordIds(type: string, values: unknown): string[] {
  const expected = objectType(type);
  if (!Array.isArray(values) || values.length === 0)
    throw new InvalidInput('Select at least one record.');
  return [...new Set(values.map((value) => recordId(value, expected)))];
}

export function requiredText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidInput(`${what} is missing.`);
  return value;
}

function pluralLabelOf(id: string): string {
  const type = OBJECT_TYPES.find((candidate) => id.startsWith(OBJECT_LABELS[candidate].idPrefix));
  return type ? OBJECT_LABELS[type].plural : 'another object';
}
