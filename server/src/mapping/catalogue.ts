export const BILLOMAT_FIELD_NAMES = [
  'name',
  'first_name',
  'last_name',
  'salutation',
  'street',
  'zip',
  'city',
  'state',
  'country_code',
  'email',
  'phone',
  'fax',
  'mobile',
  'www',
  'tax_number',
  'vat_number',
  'bank_account_owner',
  'bank_name',
  'bank_iban',
  'bank_swift',
  'bank_account_number',
  'bank_number',
  'sepa_mandate',
  'sepa_mandate_date',
  'tax_rule',
  'net_gross',
  'note',
  'locale',
  'currency_code',
  'price_group',
  'discount_rate_type',
  'discount_rate',
  'discount_days_type',
  'discount_days',
  'due_days_type',
  'due_days',
  'reminder_due_days_type',
  'reminder_due_days',
  'offer_validity_days_type',
  'offer_validity_days',
  'number_pre',
  'number',
  'number_length',
  'archived',
] as const;

export type BillomatFieldName = (typeof BILLOMAT_FIELD_NAMES)[number];

export type BillomatFieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'enum'
  | 'email'
  | 'date'
  | 'countryCode'
  | 'url'
  | 'boolean01'
  | 'locale'
  | 'currencyCode';

export interface BillomatField {
  readonly name: BillomatFieldName;
  readonly label: string;
  readonly type: BillomatFieldType;
  /** Allowed values of an enum, in Billomat's spelling. */
  readonly values?: readonly string[];
  /** Longest text Billomat keeps; longer strings are cut (with a warning). */
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly help: string;
}

/**
 * Billomat does not publish field lengths. These are our own sensible limits, kept in this one
 * table so they are easy to correct once Billomat confirms (or rejects) them.
 */
const MAX_LENGTHS = {
  name: 255,
  first_name: 100,
  last_name: 100,
  salutation: 50,
  street: 255,
  zip: 20,
  city: 100,
  state: 100,
  email: 255,
  phone: 60,
  fax: 60,
  mobile: 60,
  www: 255,
  tax_number: 50,
  vat_number: 50,
  bank_account_owner: 255,
  bank_name: 255,
  bank_iban: 50,
  bank_swift: 20,
  bank_account_number: 50,
  bank_number: 50,
  sepa_mandate: 35,
  note: 10_000,
  number_pre: 20,
} as const satisfies Partial<Record<BillomatFieldName, number>>;

const PAYMENT_TERM_TYPES = ['SETTINGS', 'ABSOLUTE', 'RELATIVE'] as const;

type FieldDefinition = Omit<BillomatField, 'name' | 'maxLength'>;

function termType(label: string, what: string): FieldDefinition {
  return {
    label,
    type: 'enum',
    values: PAYMENT_TERM_TYPES,
    help: `How ${what} is set for this customer: SETTINGS uses the account default, ABSOLUTE or RELATIVE use the value given here.`,
  };
}

function days(label: string, help: string): FieldDefinition {
  return { label, type: 'integer', min: 0, help };
}

const DEFINITIONS: Record<BillomatFieldName, FieldDefinition> = {
  name: { label: 'Company name', type: 'string', help: 'The company name of the customer.' },
  first_name: { label: 'First name', type: 'string', help: "The contact person's first name." },
  last_name: { label: 'Last name', type: 'string', help: "The contact person's last name." },
  salutation: {
    label: 'Salutation',
    type: 'string',
    help: 'Form of address, e.g. "Herr" or "Frau" (the salutation transform turns Mr./Ms. into these).',
  },
  street: {
    label: 'Street',
    type: 'string',
    help: 'Street and house number on one line (the street transform joins multi-line streets).',
  },
  zip: { label: 'ZIP code', type: 'string', help: 'Postal code.' },
  city: { label: 'City', type: 'string', help: 'City or town.' },
  state: { label: 'State', type: 'string', help: 'State, county, district or region.' },
  country_code: {
    label: 'Country',
    type: 'countryCode',
    help: 'Two-letter ISO country code such as DE. The country transform turns names like "Germany" into codes. Empty: the Billomat account\'s own country.',
  },
  email: { label: 'E-mail', type: 'email', help: 'E-mail address for invoices.' },
  phone: { label: 'Phone', type: 'string', help: 'Phone number.' },
  fax: { label: 'Fax', type: 'string', help: 'Fax number.' },
  mobile: { label: 'Mobile', type: 'string', help: 'Mobile phone number.' },
  www: {
    label: 'Website',
    type: 'url',
    help: 'Website without http:// or https:// (the website transform removes them).',
  },
  tax_number: { label: 'Tax number', type: 'string', help: "The customer's tax number." },
  vat_number: {
    label: 'VAT ID',
    type: 'string',
    help: 'VAT identification number, e.g. DE123456789.',
  },
  bank_account_owner: {
    label: 'Account holder',
    type: 'string',
    help: 'Name on the bank account.',
  },
  bank_name: { label: 'Bank name', type: 'string', help: 'Name of the bank.' },
  bank_iban: { label: 'IBAN', type: 'string', help: 'International bank account number.' },
  bank_swift: { label: 'BIC/SWIFT', type: 'string', help: 'BIC (SWIFT code) of the bank.' },
  bank_account_number: {
    label: 'Bank account number',
    type: 'string',
    help: 'Account number (older national format; prefer the IBAN).',
  },
  bank_number: {
    label: 'Bank code',
    type: 'string',
    help: 'Bank code, e.g. the German BLZ (older national format; prefer the BIC).',
  },
  sepa_mandate: {
    label: 'SEPA mandate reference',
    type: 'string',
    help: 'Reference of the SEPA direct debit mandate (at most 35 characters).',
  },
  sepa_mandate_date: {
    label: 'SEPA mandate date',
    type: 'date',
    help: 'Date the SEPA mandate was signed, as YYYY-MM-DD.',
  },
  tax_rule: {
    label: 'Tax rule',
    type: 'enum',
    values: ['TAX', 'NO_TAX', 'COUNTRY'],
    help: "TAX: charge tax; NO_TAX: no tax; COUNTRY: decide by the customer's country.",
  },
  net_gross: {
    label: 'Net/gross',
    type: 'enum',
    values: ['NET', 'GROSS', 'SETTINGS'],
    help: 'Whether prices for this customer are net or gross; SETTINGS uses the account default.',
  },
  note: { label: 'Note', type: 'string', help: 'Internal note about the customer.' },
  locale: {
    label: 'Language',
    type: 'locale',
    help: 'Language of documents for this customer, e.g. de_DE or en_US.',
  },
  currency_code: {
    label: 'Currency',
    type: 'currencyCode',
    help: 'Three-letter ISO currency code, e.g. EUR.',
  },
  price_group: {
    label: 'Price group',
    type: 'integer',
    min: 0,
    help: 'Number of the price group whose article prices apply to this customer.',
  },
  discount_rate_type: termType('Discount rate type', 'the cash discount rate'),
  discount_rate: {
    label: 'Discount rate',
    type: 'number',
    min: 0,
    max: 100,
    help: 'Cash discount in percent, e.g. 2 or 2.5.',
  },
  discount_days_type: termType('Discount days type', 'the cash discount period'),
  discount_days: days('Discount days', 'Days within which the cash discount applies.'),
  due_days_type: termType('Due days type', 'the payment term'),
  due_days: days('Due days', 'Days until an invoice is due.'),
  reminder_due_days_type: termType('Reminder due days type', 'the reminder payment term'),
  reminder_due_days: days('Reminder due days', 'Days until a payment reminder is due.'),
  offer_validity_days_type: termType('Offer validity days type', 'the offer validity'),
  offer_validity_days: days('Offer validity days', 'Days an offer stays valid.'),
  number_pre: {
    label: 'Customer number prefix',
    type: 'string',
    help: 'Prefix of the customer number, e.g. KD. Empty: the account setting.',
  },
  number: {
    label: 'Customer number',
    type: 'integer',
    min: 1,
    help: 'Sequential customer number. Empty: Billomat takes the next free number.',
  },
  number_length: {
    label: 'Customer number length',
    type: 'integer',
    min: 0,
    max: 20,
    help: 'Minimum digits of the customer number, padded with zeros. Empty: the account setting.',
  },
  archived: {
    label: 'Archived',
    type: 'boolean01',
    help: '1 archives the customer, 0 keeps it active.',
  },
};

export const BILLOMAT_CLIENT_FIELDS: readonly BillomatField[] = BILLOMAT_FIELD_NAMES.map((name) => {
  const maxLength: number | undefined = (MAX_LENGTHS as Partial<Record<BillomatFieldName, number>>)[
    name
  ];
  return { name, ...DEFINITIONS[name], ...(maxLength === undefined ? {} : { maxLength }) };
});

const BY_NAME = new Map<string, BillomatField>(BILLOMAT_CLIENT_FIELDS.map((f) => [f.name, f]));

export function isBillomatFieldName(name: string): name is BillomatFieldName {
  return BY_NAME.has(name);
}

export function billomatField(name: BillomatFieldName): BillomatField;
export function billomatField(name: string): BillomatField | undefined;
export function billomatField(name: string): BillomatField | undefined {
  return BY_NAME.get(name);
}
