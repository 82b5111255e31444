import { BILLOMAT_CLIENT_FIELDS, billomatField, type BillomatField } from './catalogue';
import {
  MappingSchema,
  SALESFORCE_FIELD_PATH,
  TRANSFORM_NAMES,
  type Mapping,
  type ObjectType,
  type TransformName,
} from './model';
import { settle, shorten, type Origin } from './settle';

export interface MappingProblem {
  /** The Billomat field the problem is about, or `fields` / `objectType` for the whole mapping. */
  field: string;
  message: string;
}

export type MappingValidation =
  { ok: true; mapping: Mapping } | { ok: false; problems: MappingProblem[] };

const SETTINGS = new Set(['source', 'default', 'transform', 'fixed']);
const NAME_FIELDS = ['name', 'last_name', 'first_name'] as const;
const NAME_SOURCE: Record<ObjectType, string> = { Account: 'Name', Contact: 'LastName' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTransformName(value: unknown): value is TransformName {
  return (TRANSFORM_NAMES as readonly unknown[]).includes(value);
}

const looseKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function unknownField(key: string): string {
  const match = BILLOMAT_CLIENT_FIELDS.find(
    (field) => looseKey(field.name) === looseKey(key) || looseKey(field.label) === looseKey(key),
  );
  const hint = match ? ` — did you mean '${match.name}' (${match.label})?` : '';
  return `'${shorten(key)}' is not a Billomat client field${hint}`;
}

/** An admin-typed value (fixed or default) that the field would reject on every record. */
function typedValueProblems(
  field: BillomatField,
  text: string,
  transform: TransformName | undefined,
  origin: Origin,
): string[] {
  const length = [...text].length;
  if (field.type === 'string' && field.maxLength !== undefined && length > field.maxLength) {
    const what = origin.kind === 'fixed' ? 'the fixed value' : 'the default';
    return [
      `${field.label}: ${what} has ${length} characters; Billomat keeps at most ${field.maxLength}`,
    ];
  }
  return settle(field, text, transform, origin)
    .problems.filter((problem) => problem.severity === 'error')
    .map((problem) => problem.message);
}

function fixedProblems(field: BillomatField, raw: Record<string, unknown>): string[] {
  const { label } = field;
  if ('default' in raw) {
    return [`${label}: a default goes only with a Salesforce field; a fixed value is always used`];
  }
  if ('transform' in raw) {
    return [
      `${label}: a transform goes only with a Salesforce field; write the fixed value as Billomat should get it`,
    ];
  }
  if (typeof raw.fixed !== 'string') return [`${label}: the fixed value must be text, e.g. "14"`];
  const fixed = raw.fixed.trim();
  if (fixed === '') {
    return [`${label}: the fixed value is empty — enter a value or remove the field`];
  }
  return typedValueProblems(field, fixed, undefined, { kind: 'fixed' });
}

function sourceProblems(field: BillomatField, raw: Record<string, unknown>): string[] {
  const { label } = field;
  const { source, transform } = raw;
  const problems: string[] = [];
  if (typeof source !== 'string' || !SALESFORCE_FIELD_PATH.test(source)) {
    const shown = typeof source === 'string' ? `'${shorten(source)}'` : 'the source';
    problems.push(
      `${label}: ${shown} is not a Salesforce field API name — write it like BillingCity, Custom_Field__c or Account.Name`,
    );
  }
  if (transform !== undefined && !isTransformName(transform)) {
    const shown = typeof transform === 'string' ? `'${shorten(transform)}'` : 'this';
    problems.push(
      `${label}: ${shown} is not a transform — choose one of ${TRANSFORM_NAMES.join(', ')}`,
    );
  }
  if (raw.default !== undefined && typeof raw.default !== 'string') {
    problems.push(`${label}: the default must be text, e.g. "DE"`);
  }
  if (problems.length > 0 || typeof raw.default !== 'string' || typeof source !== 'string') {
    return problems;
  }
  const fallback = raw.default.trim();
  if (fallback === '') return [];
  const chosen = isTransformName(transform) ? transform : undefined;
  return typedValueProblems(field, fallback, chosen, { kind: 'default', source });
}

function assignmentProblems(field: BillomatField, raw: unknown): string[] {
  const { label } = field;
  const either = `${label}: give either a Salesforce field (source) or a fixed value`;
  if (!isObject(raw)) return [either];
  const strange = Object.keys(raw).filter((key) => !SETTINGS.has(key));
  if (strange.length > 0) {
    return strange.map(
      (key) =>
        `${label}: '${shorten(key)}' is not a setting — use source, default and transform, or fixed`,
    );
  }
  const hasSource = 'source' in raw;
  const hasFixed = 'fixed' in raw;
  if (hasSource && hasFixed) {
    return [`${label}: choose either a Salesforce field (source) or a fixed value, not both`];
  }
  if (hasFixed) return fixedProblems(field, raw);
  if (hasSource) return sourceProblems(field, raw);
  return [either];
}

type FieldsRead = { fields: Record<string, unknown> } | { problem: MappingProblem };

function readFields(input: unknown, objectType: ObjectType): FieldsRead {
  if (!isObject(input) || !isObject(input.fields)) {
    return {
      problem: {
        field: 'fields',
        message: 'The mapping needs "fields": one entry per Billomat field',
      },
    };
  }
  if (input.objectType !== undefined && input.objectType !== objectType) {
    const shown =
      typeof input.objectType === 'string' ? shorten(input.objectType) : 'another object';
    const message = `This mapping is for ${shown}, but it is being saved for ${objectType}`;
    return { problem: { field: 'objectType', message } };
  }
  return { fields: input.fields };
}

/**
 * Checks a mapping as an admin sends it (`{fields}`, optionally with `objectType`) against the
 * Billomat field catalogue. Fixed values and defaults are checked as if applied, so a mapping
 * that can never produce a valid customer cannot be saved.
 */
export function validateMapping(input: unknown, objectType: ObjectType): MappingValidation {
  const read = readFields(input, objectType);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const problems: MappingProblem[] = [];
  const kept: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(read.fields)) {
    // The editor sends null for a field it cleared.
    if (raw === null || raw === undefined) continue;
    const field = billomatField(key);
    if (field === undefined) {
      problems.push({ field: key, message: unknownField(key) });
      continue;
    }
    kept[key] = raw;
    problems.push(...assignmentProblems(field, raw).map((message) => ({ field: key, message })));
  }
  if (!NAME_FIELDS.some((name) => kept[name] !== undefined)) {
    problems.push({
      field: 'name',
      message: `Billomat needs a company name or a person's name: assign a Salesforce field (e.g. ${NAME_SOURCE[objectType]}) or a fixed value to Company name, Last name or First name`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const parsed = MappingSchema.safeParse({ objectType, fields: kept });
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: String(issue.path[1] ?? 'fields'),
      message: issue.message,
    })),
  };
}
