import type { BillomatField } from './catalogue';
import { coerce } from './coerce';
import type { Problem, TransformName } from './model';
import { TRANSFORMS, type Explain } from './transforms';

/** Where a value came from, so a message can point a sales rep at the right place. */
export type Origin =
  { kind: 'source'; source: string } | { kind: 'default'; source: string } | { kind: 'fixed' };

const SHOWN_LENGTH = 40;

/** A value as quoted in messages: on one line and at most 40 characters. */
export function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  const chars = [...oneLine];
  return chars.length <= SHOWN_LENGTH ? oneLine : `${chars.slice(0, SHOWN_LENGTH - 1).join('')}…`;
}

function subject(origin: Origin, value: string): string {
  const quoted = `'${shorten(value)}'`;
  switch (origin.kind) {
    case 'source':
      return `${quoted} from ${origin.source}`;
    case 'default':
      return `the default ${quoted} (used because ${origin.source} is empty)`;
    case 'fixed':
      return `the fixed value ${quoted}`;
  }
}

function owner(origin: Origin): string {
  switch (origin.kind) {
    case 'source':
      return origin.source;
    case 'default':
      return 'the default';
    case 'fixed':
      return 'the fixed value';
  }
}

/** Values an admin typed (fixed, default) for a country may be names: they need no transform. */
function transformFor(field: BillomatField, origin: Origin, chosen: TransformName | undefined) {
  if (chosen !== undefined) return TRANSFORMS[chosen];
  return field.type === 'countryCode' && origin.kind !== 'source' ? TRANSFORMS.country : undefined;
}

function cut(
  field: BillomatField,
  value: string,
  origin: Origin,
): { value: string; problem?: Problem } {
  const chars = [...value];
  if (field.maxLength === undefined || chars.length <= field.maxLength) return { value };
  const problem: Problem = {
    field: field.name,
    severity: 'warning',
    message: `${field.label} was cut to ${field.maxLength} characters (${owner(origin)} has ${chars.length})`,
  };
  return { value: chars.slice(0, field.maxLength).join('').trimEnd(), problem };
}

export interface Settled {
  /** Absent when the value ends up empty or is rejected; the field is then not sent. */
  value?: string | number;
  problems: Problem[];
}

/**
 * Takes a trimmed, non-empty value through transform → type check → length cut, collecting
 * problems written for the person who can fix the data.
 */
export function settle(
  field: BillomatField,
  text: string,
  chosen: TransformName | undefined,
  origin: Origin,
): Settled {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], explain: Explain) =>
    problems.push({
      field: field.name,
      severity,
      message: `${field.label}: ${explain(subject(origin, text))}`,
    });

  let value = text;
  const transform = transformFor(field, origin, chosen);
  if (transform !== undefined) {
    const outcome = transform.apply(text);
    if (!outcome.ok) {
      report('error', outcome.error);
      return { problems };
    }
    if (outcome.warning) report('warning', outcome.warning);
    value = outcome.value.trim();
    if (value === '') return { problems };
  }

  const coerced = coerce(field, value);
  if (!coerced.ok) {
    report('error', coerced.error);
    return { problems };
  }
  if (typeof coerced.value === 'number' || field.type !== 'string') {
    return { value: coerced.value, problems };
  }
  const shortened = cut(field, coerced.value, origin);
  if (shortened.problem) problems.push(shortened.problem);
  return { value: shortened.value, problems };
}
