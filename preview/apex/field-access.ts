import {
  describeField,
  fieldsOf,
  type FieldDescribe,
  type FieldType,
  type ObjectType,
} from '../org/describe';
import { InvalidInput } from './errors';
import { objectType as checkedObjectType } from './input';

/**
 * BillomatFieldAccess: which fields the running user may use. A name is accepted only if the
 * describe knows it and the user can read it, and it comes back in the describe's spelling.
 */

/** BillomatSalesforceField, as the mapping editor receives it. */
export interface SalesforceField {
  apiName: string;
  label: string;
  type: string;
}

const PARENT_RELATIONSHIP = 'Account';
const UNSENDABLE: FieldType[] = ['address'];
const TEXT_TYPES: FieldType[] = ['string', 'textarea', 'email', 'phone', 'url', 'picklist'];

/** The fields offered as mapping sources, sorted by label. */
export function mappableFields(type: string): SalesforceField[] {
  const objectType = checkedObjectType(type);
  const fields = readable(objectType)
    .filter((field) => !UNSENDABLE.includes(field.type))
    .map((field) => ({ apiName: field.name, label: field.label, type: field.type }));
  if (objectType === 'Contact') {
    for (const field of readable('Account').filter((f) => TEXT_TYPES.includes(f.type))) {
      fields.push({
        apiName: `${PARENT_RELATIONSHIP}.${field.name}`,
        label: `Account: ${field.label}`,
        type: field.type,
      });
    }
  }
  return fields.sort(byLabel);
}

/** The names the user may read, in describe spelling and without duplicates; the others are dropped. */
export function readableOnly(type: string, names: unknown): string[] {
  return resolve(checkedObjectType(type), names).accepted;
}

/** Like readableOnly, but a name that cannot be used is an error that names it. */
export function requireReadable(type: string, names: unknown): string[] {
  const objectType = checkedObjectType(type);
  const { accepted, rejected } = resolve(objectType, names);
  if (rejected.length > 0) {
    throw new InvalidInput(
      `These fields cannot be used for ${objectType}s because they do not exist or your user cannot read them: ` +
        `${rejected.join(', ')}.`,
    );
  }
  return accepted;
}

function resolve(
  objectType: ObjectType,
  names: unknown,
): { accepted: string[]; rejected: string[] } {
  const accepted: string[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  for (const name of Array.isArray(names) ? names : []) {
    const canonical =
      typeof name === 'string' && name.trim() !== ''
        ? canonicalName(objectType, name.trim())
        : null;
    if (canonical === null) rejected.push(String(name));
    else if (!seen.has(canonical.toLowerCase())) {
      seen.add(canonical.toLowerCase());
      accepted.push(canonical);
    }
  }
  return { accepted, rejected };
}

function canonicalName(objectType: ObjectType, name: string): string | null {
  const dot = name.indexOf('.');
  if (dot < 0) return sendable(describeField(objectType, name))?.name ?? null;
  if (
    objectType !== 'Contact' ||
    name.slice(0, dot).toLowerCase() !== PARENT_RELATIONSHIP.toLowerCase()
  )
    return null;
  const parentField = sendable(describeField('Account', name.slice(dot + 1)));
  return parentField ? `${PARENT_RELATIONSHIP}.${parentField.name}` : null;
}

function sendable(field: FieldDescribe | undefined): FieldDescribe | undefined {
  return field && field.accessible && !UNSENDABLE.includes(field.type) ? field : undefined;
}

function readable(objectType: ObjectType): FieldDescribe[] {
  return fieldsOf(objectType).filter((field) => field.accessible);
}

function byLabel(a: SalesforceField, b: SalesforceField): number {
  const left = a.label.toLowerCase();
  const right = b.label.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0;
}
