/** Salesforce Account records as the package sends them, for tests. */

export const ACCOUNT_MAPPING = {
  name: { source: 'Name' },
  street: { source: 'BillingStreet', transform: 'street' },
  zip: { source: 'BillingPostalCode' },
  city: { source: 'BillingCity' },
  country_code: { source: 'BillingCountry', transform: 'country', default: 'DE' },
  phone: { source: 'Phone' },
  email: { source: 'Billing_Email__c' },
  www: { source: 'Website', transform: 'website' },
  note: { source: 'Description', default: 'Imported from Salesforce' },
  net_gross: { fixed: 'NET' },
} as const;

export function accountId(n: number): string {
  return `001${String(n).padStart(12, '0')}`;
}

export function account(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: accountId(n),
    Name: `Company ${String(n).padStart(4, '0')} GmbH`,
    BillingStreet: `Hauptstraße ${n}\n2. OG`,
    BillingPostalCode: String(10000 + n),
    BillingCity: 'Berlin',
    BillingCountry: 'Deutschland',
    Phone: `+49 30 ${1000 + n}`,
    Billing_Email__c: `billing${n}@company${n}.de`,
    Website: `https://www.company${n}.de/`,
    Description: null,
    ...overrides,
  };
}
