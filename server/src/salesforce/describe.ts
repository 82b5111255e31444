import type { Connection, DescribeSObjectResult } from 'jsforce';
import type { FilterableField } from './filter';

/** A field the caller asked for, with the spelling and type from the describe. */
export interface FieldPath {
  /** `Name`, or `Account.Name` for a parent field. */
  path: string;
  type: string;
}

export class UnknownFieldError extends Error {
  readonly code = 'unknown_field';

  constructor(message: string) {
    super(message);
    this.name = 'UnknownFieldError';
  }
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?$/;

type Describe = (objectType: string) => Promise<DescribeSObjectResult>;

function describer(conn: Connection): Describe {
  const cache = new Map<string, Promise<DescribeSObjectResult>>();
  return (objectType) => {
    let describe = cache.get(objectType);
    if (!describe) {
      describe = conn.sobject(objectType).describe();
      cache.set(objectType, describe);
    }
    return describe;
  };
}

function byName(describe: DescribeSObjectResult, name: string) {
  const lower = name.toLowerCase();
  return describe.fields.find((field) => field.name.toLowerCase() === lower);
}

async function resolvePath(
  describe: Describe,
  objectType: string,
  requested: string,
): Promise<FieldPath> {
  if (!FIELD_PATH.test(requested))
    throw new UnknownFieldError(`'${requested}' is not a Salesforce field name.`);
  const object = await describe(objectType);
  const [first = '', second] = requested.split('.');
  if (second === undefined) {
    const field = byName(object, first);
    if (!field)
      throw new UnknownFieldError(
        `${objectType} has no field '${requested}' (or the connected user may not read it).`,
      );
    return { path: field.name, type: field.type };
  }
  const lookup = object.fields.find(
    (field) => field.relationshipName?.toLowerCase() === first.toLowerCase(),
  );
  const parentType = lookup?.referenceTo?.[0];
  if (!lookup?.relationshipName || !parentType)
    throw new UnknownFieldError(
      `${objectType} has no relationship '${first}' for the field '${requested}'.`,
    );
  const field = byName(await describe(parentType), second);
  if (!field)
    throw new UnknownFieldError(
      `${parentType} has no field '${second}' (asked for as '${requested}').`,
    );
  return { path: `${lookup.relationshipName}.${field.name}`, type: field.type };
}

/** Checks field names against the describe and returns them in Salesforce's spelling, without duplicates. */
export async function resolveFields(
  conn: Connection,
  objectType: string,
  requested: readonly string[],
): Promise<FieldPath[]> {
  const describe = describer(conn);
  const resolved = await Promise.all(
    requested.map((name) => resolvePath(describe, objectType, name)),
  );
  const seen = new Set<string>();
  return resolved.filter((field) => !seen.has(field.path) && seen.add(field.path));
}

/** The allow-list for parseFilter: the object's filterable fields, plus those of the named parents (e.g. Account). */
export async function filterableFields(
  conn: Connection,
  objectType: string,
  parents: readonly string[] = [],
): Promise<FilterableField[]> {
  const describe = describer(conn);
  const object = await describe(objectType);
  const fields: FilterableField[] = object.fields
    .filter((f) => f.filterable)
    .map((f) => ({ name: f.name, type: f.type }));
  for (const relationship of parents) {
    const lookup = object.fields.find(
      (f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase(),
    );
    const parentType = lookup?.referenceTo?.[0];
    if (!lookup?.relationshipName || !parentType)
      throw new UnknownFieldError(`${objectType} has no relationship '${relationship}'.`);
    const parent = await describe(parentType);
    for (const f of parent.fields)
      if (f.filterable) fields.push({ name: `${lookup.relationshipName}.${f.name}`, type: f.type });
  }
  return fields;
}
