import { countryCodeFor } from './countries';
import type { TransformName } from './model';

/**
 * Turns the subject of a sentence ("'Narnia' from BillingCountry") into a message; the caller
 * knows where the value came from, the transform knows what is wrong with it.
 */
export type Explain = (subject: string) => string;

export type TransformOutcome =
  { ok: true; value: string; warning?: Explain } | { ok: false; error: Explain };

export interface Transform {
  readonly name: TransformName;
  readonly label: string;
  readonly help: string;
  /** `value` is trimmed and not empty. An empty result leaves the field out. */
  readonly apply: (value: string) => TransformOutcome;
}

function country(value: string): TransformOutcome {
  const code = countryCodeFor(value);
  if (code !== undefined) return { ok: true, value: code };
  return {
    ok: false,
    error: (subject) =>
      `Billomat needs a country code; ${subject} is not a country we recognise — use e.g. 'DE' or 'Germany'`,
  };
}

function street(value: string): TransformOutcome {
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/,+$/, '').trimEnd())
    .filter((line) => line !== '');
  return { ok: true, value: lines.join(', ') };
}

/** Salesforce picklist values and German forms → what German invoices print; '' drops the word. */
const SALUTATION_WORDS: Readonly<Record<string, string>> = {
  mr: 'Herr',
  mister: 'Herr',
  herr: 'Herr',
  herrn: 'Herr',
  hr: 'Herr',
  ms: 'Frau',
  mrs: 'Frau',
  miss: 'Frau',
  frau: 'Frau',
  fr: 'Frau',
  // German has no gendered form for Mx.; business letters then use no salutation word.
  mx: '',
  dr: 'Dr.',
  doctor: 'Dr.',
  doktor: 'Dr.',
  prof: 'Prof.',
  professor: 'Prof.',
};

function salutation(value: string): TransformOutcome {
  const words = value.split(/[\s.]+/).filter((word) => word !== '');
  const german = words.map((word) => SALUTATION_WORDS[word.toLowerCase()]);
  if (german.some((word) => word === undefined)) {
    return {
      ok: true,
      value,
      warning: (subject) =>
        `${subject} is not a salutation we know (Mr., Ms., Mrs., Mx., Dr., Prof., Herr, Frau), so it is sent unchanged`,
    };
  }
  const kept = german.filter((word): word is string => word !== undefined && word !== '');
  return { ok: true, value: [...new Set(kept)].join(' ') };
}

function website(value: string): TransformOutcome {
  return { ok: true, value: value.replace(/^https?:\/\//i, '').replace(/\/+$/, '') };
}

export const TRANSFORMS: Readonly<Record<TransformName, Transform>> = {
  country: {
    name: 'country',
    label: 'Country name → code',
    help: "Turns country names and codes in English or German ('Germany', 'Deutschland', 'DEU') into the two-letter code Billomat needs ('DE').",
    apply: country,
  },
  street: {
    name: 'street',
    label: 'Street on one line',
    help: 'Joins a street written on several lines into one line, separated by commas; blank lines are dropped.',
    apply: street,
  },
  salutation: {
    name: 'salutation',
    label: 'Salutation in German',
    help: "Turns Mr./Ms./Mrs./Dr./Prof. into 'Herr', 'Frau', 'Dr.', 'Prof.'; Mx. leaves the salutation empty; other values are sent unchanged.",
    apply: salutation,
  },
  website: {
    name: 'website',
    label: 'Website without http',
    help: "Removes 'http://' or 'https://' and a trailing slash, as Billomat's website field expects.",
    apply: website,
  },
  uppercase: {
    name: 'uppercase',
    label: 'UPPERCASE',
    help: 'Writes the value in capital letters.',
    apply: (value) => ({ ok: true, value: value.toUpperCase() }),
  },
  lowercase: {
    name: 'lowercase',
    label: 'lowercase',
    help: 'Writes the value in small letters.',
    apply: (value) => ({ ok: true, value: value.toLowerCase() }),
  },
};

/** The transforms as the mapping editor lists them. */
export const TRANSFORM_CATALOGUE: ReadonlyArray<Pick<Transform, 'name' | 'label' | 'help'>> =
  Object.values(TRANSFORMS).map(({ name, label, help }) => ({ name, label, help }));
