import { isoCountryCodes } from './countries';

/**
 * The emulator's own table of writable Billomat client fields, from the Billomat API documentation.
 * Kept apart from the service's field catalogue on purpose: the emulator must not drift into
 * whatever the service expects.
 */
type FieldRule =
  | { kind: 'text' }
  | { kind: 'email' }
  | { kind: 'country' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'integer'; min: number }
  | { kind: 'decimal' }
  | { kind: 'flag' }
  | { kind: 'date' };

const text: FieldRule = { kind: 'text' };
const wholeNumber: FieldRule = { kind: 'integer', min: 0 };
const termType: FieldRule = { kind: 'enum', values: ['SETTINGS', 'ABSOLUTE', 'RELATIVE'] };

export const clientFieldRules: Readonly<Record<string, FieldRule>> = {
  archived: { kind: 'flag' },
  number_pre: text,
  number: { kind: 'integer', min: 1 },
  number_length: wholeNumber,
  name: text,
  street: text,
  zip: text,
  city: text,
  state: text,
  country_code: { kind: 'country' },
  first_name: text,
  last_name: text,
  salutation: text,
  phone: text,
  fax: text,
  mobile: text,
  email: { kind: 'email' },
  www: text,
  tax_number: text,
  vat_number: text,
  bank_account_number: text,
  bank_account_owner: text,
  bank_number: text,
  bank_name: text,
  bank_swift: text,
  bank_iban: text,
  sepa_mandate: text,
  sepa_mandate_date: { kind: 'date' },
  tax_rule: { kind: 'enum', values: ['TAX', 'NO_TAX', 'COUNTRY'] },
  net_gross: { kind: 'enum', values: ['NET', 'GROSS', 'SETTINGS'] },
  note: text,
  discount_rate_type: termType,
  discount_days_type: termType,
  due_days_type: termType,
  reminder_due_days_type: termType,
  offer_validity_days_type: termType,
  discount_rate: { kind: 'decimal' },
  discount_days: wholeNumber,
  due_days: wholeNumber,
  reminder_due_days: wholeNumber,
  offer_validity_days: wholeNumber,
  price_group: wholeNumber,
};

export const writableClientFields: readonly string[] = Object.keys(clientFieldRules);

export type FieldCheck =
  { ok: true; values: Record<string, string> } | { ok: false; errors: string[] };

/** Checks a `client` body against the field table; accepted values come back as strings. */
export function checkClientFields(input: Record<string, unknown>): FieldCheck {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const [field, raw] of Object.entries(input)) {
    const rule = clientFieldRules[field];
    if (!rule) {
      errors.push(`Unknown field: ${field}`);
      continue;
    }
    if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
      errors.push(`Invalid ${field}: must be a string or a number`);
      continue;
    }
    const value = String(raw);
    const problem = value === '' ? null : problemWith(rule, value);
    if (problem) errors.push(`Invalid ${field}: "${value}" ${problem}`);
    else values[field] = normalised(rule, value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function problemWith(rule: FieldRule, value: string): string | null {
  switch (rule.kind) {
    case 'text':
      return null;
    case 'email':
      return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) ? null : 'is not a valid e-mail address';
    case 'country':
      return isoCountryCodes.has(value) ? null : 'is not an ISO 3166-1 alpha-2 country code';
    case 'enum':
      return rule.values.includes(value) ? null : `is not one of ${rule.values.join(', ')}`;
    case 'integer':
      if (!/^-?\d+$/.test(value)) return 'is not a whole number';
      return Number(value) >= rule.min ? null : `is less than ${rule.min}`;
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(value) ? null : 'is not a number';
    case 'flag':
      return value === '0' || value === '1' ? null : 'must be 0 or 1';
    case 'date':
      return isCalendarDate(value) ? null : 'is not a date (YYYY-MM-DD)';
  }
}

function normalised(rule: FieldRule, value: string): string {
  if (value === '') return value;
  if (rule.kind === 'integer') return String(Number(value));
  if (rule.kind === 'decimal') return String(Number(value));
  return value;
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
