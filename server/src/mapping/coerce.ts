import type { BillomatField } from './catalogue';
import { countryCodeFor, isCountryCode } from './countries';
import type { Explain } from './transforms';

export type CoerceOutcome = { ok: true; value: string | number } | { ok: false; error: Explain };

const ok = (value: string | number): CoerceOutcome => ({ ok: true, value });
const fail = (error: Explain): CoerceOutcome => ({ ok: false, error });

// The HTML standard's e-mail syntax, widened to letters of any script.
const EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
const INTEGER = /^[+-]?\d+(?:[.,]0+)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const LOCALE = /^([a-z]{2})[-_]([a-z]{2})$/i;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'ja', 'y', 'x']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'nein', 'n']);

function tooLong(field: BillomatField, value: string): boolean {
  return field.maxLength !== undefined && [...value].length > field.maxLength;
}

function inRange(field: BillomatField, value: number): CoerceOutcome {
  const { min, max } = field;
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return ok(value);
  const range =
    max === undefined
      ? `${min} or more`
      : min === undefined
        ? `${max} or less`
        : `between ${min} and ${max}`;
  return fail((subject) => `${subject} is out of range — ${field.label} must be ${range}`);
}

function email(field: BillomatField, value: string): CoerceOutcome {
  if (EMAIL.test(value) && value.length <= 254 && !tooLong(field, value)) return ok(value);
  const several = (value.match(/@/g) ?? []).length > 1;
  const hint = several ? ' — Billomat takes exactly one address here' : '';
  return fail((subject) => `${subject} is not a valid e-mail address${hint}`);
}

function url(field: BillomatField, value: string): CoerceOutcome {
  if (/\s/.test(value)) {
    return fail((subject) => `${subject} is not a web address (it contains spaces)`);
  }
  if (tooLong(field, value)) {
    return fail(
      (subject) => `${subject} is longer than the ${field.maxLength} characters Billomat keeps`,
    );
  }
  return ok(value);
}

function integer(field: BillomatField, value: string): CoerceOutcome {
  const parsed = INTEGER.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) return fail((subject) => `${subject} is not a whole number`);
  return inRange(field, parsed);
}

function decimal(field: BillomatField, value: string): CoerceOutcome {
  const parsed = DECIMAL.test(value) ? Number(value.replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(parsed)) return fail((subject) => `${subject} is not a number`);
  return inRange(field, parsed);
}

function choice(field: BillomatField, value: string): CoerceOutcome {
  const wanted = value.toUpperCase().replace(/[\s-]+/g, '_');
  const canonical = field.values?.find((allowed) => allowed === wanted);
  if (canonical !== undefined) return ok(canonical);
  const allowed = (field.values ?? []).join(', ');
  return fail((subject) => `${subject} is not allowed — ${field.label} must be one of ${allowed}`);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function date(value: string): CoerceOutcome {
  const iso = ISO_DATE.exec(value);
  const german = iso ? null : GERMAN_DATE.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : german
      ? [Number(german[3]), Number(german[2]), Number(german[1])]
      : [0, 0, 0];
  if (!isCalendarDate(year, month, day) || year < 1000) {
    return fail((subject) => `${subject} is not a date — write it as YYYY-MM-DD, e.g. 2025-03-31`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return ok(`${year}-${pad(month)}-${pad(day)}`);
}

function countryCode(value: string): CoerceOutcome {
  if (/^[a-z]{2}$/i.test(value) && isCountryCode(value)) return ok(value.toUpperCase());
  const guess = countryCodeFor(value);
  const hint =
    guess === undefined
      ? ''
      : ` — it looks like ${guess}; give this field the 'country' transform to turn country names into codes`;
  return fail((subject) => `${subject} is not a two-letter ISO country code such as DE${hint}`);
}

function flag(value: string): CoerceOutcome {
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(1);
  if (FALSE_WORDS.has(word)) return ok(0);
  return fail((subject) => `${subject} is neither yes nor no — use 1 or 0`);
}

function locale(value: string): CoerceOutcome {
  const parts = LOCALE.exec(value);
  if (parts?.[1] && parts[2]) return ok(`${parts[1].toLowerCase()}_${parts[2].toUpperCase()}`);
  return fail((subject) => `${subject} is not a language code such as de_DE or en_US`);
}

function currency(value: string): CoerceOutcome {
  const code = value.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && CURRENCIES.has(code)) return ok(code);
  return fail((subject) => `${subject} is not a three-letter currency code such as EUR`);
}

/**
 * Checks a trimmed, non-empty value against the Billomat field's type and brings it into the
 * form Billomat expects. Text that is too long is not rejected here: the caller cuts it.
 */
export function coerce(field: BillomatField, value: string): CoerceOutcome {
  switch (field.type) {
    case 'string':
      return ok(value);
    case 'email':
      return email(field, value);
    case 'url':
      return url(field, value);
    case 'integer':
      return integer(field, value);
    case 'number':
      return decimal(field, value);
    case 'enum':
      return choice(field, value);
    case 'date':
      return date(value);
    case 'countryCode':
      return countryCode(value);
    case 'boolean01':
      return flag(value);
    case 'locale':
      return locale(value);
    case 'currencyCode':
      return currency(value);
  }
}
