import { demoAccounts } from '../../server/src/demo/accounts';
import { salesforceId18 } from '../../server/src/orgs/salesforce-id';

/**
 * The fake org's records: the demo Accounts (the newest ones, some with problems a sales rep
 * must fix) plus older, clean Accounts to page through, and one Contact per demo Account.
 */

export type FieldValue = string | number | null;
export type OrgRecord = Record<string, FieldValue> & { Id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const OLDER_ACCOUNTS = 200;
/** The demo Accounts from this index on were created in the last 30 days. */
const FIRST_NEW_DEMO_ACCOUNT = 24;

const SURNAMES = [
  'Bauer',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
];
const TRADES = [
  'Metallbau',
  'Haustechnik',
  'Druckerei',
  'Logistik',
  'Elektro',
  'Gartenbau',
  'Architekten',
  'Bäckerei',
  'Zimmerei',
  'Autoteile',
  'Reisen',
  'Möbelwerkstatt',
  'Sanitär',
  'IT-Service',
  'Weinhandel',
];
const LEGAL_FORMS = ['GmbH', 'KG', 'GmbH & Co. KG', 'e.K.', 'AG'];
const PLACES: Array<[zip: string, city: string, country: string]> = [
  ['80331', 'München', 'Deutschland'],
  ['50667', 'Köln', 'Germany'],
  ['60311', 'Frankfurt am Main', 'DE'],
  ['01067', 'Dresden', 'Deutschland'],
  ['28195', 'Bremen', 'Germany'],
  ['90402', 'Nürnberg', 'Deutschland'],
  ['44135', 'Dortmund', 'DE'],
  ['24103', 'Kiel', 'Deutschland'],
  ['1010', 'Wien', 'Österreich'],
  ['8010', 'Graz', 'Austria'],
  ['3011', 'Bern', 'Schweiz'],
  ['6003', 'Luzern', 'CH'],
];
const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gewerbering',
  'Industriestraße',
  'Am Markt',
  'Lindenweg',
];
const INDUSTRIES = [
  'Manufacturing',
  'Construction',
  'Retail',
  'Technology',
  'Logistics',
  'Hospitality',
];
const FIRST_NAMES = [
  ['Ms.', 'Anna'],
  ['Mr.', 'Jonas'],
  ['Ms.', 'Lea'],
  ['Mr.', 'Felix'],
  ['Dr.', 'Miriam'],
  ['Mr.', 'Lukas'],
  ['Ms.', 'Sophie'],
  ['Mr.', 'Paul'],
  ['Ms.', 'Clara'],
  ['Prof.', 'Stefan'],
] as const;
const TITLES = ['Head of Accounting', 'Buyer', 'Managing Director', 'Office Manager', 'Controller'];

export function sampleAccounts(now: number): OrgRecord[] {
  const demo = demoAccounts()
    .map((account, index) => ({ account, index }))
    // Salesforce requires an Account Name, so the demo's nameless record cannot exist in an org.
    .filter(({ account }) => typeof account.Name === 'string' && account.Name.trim() !== '')
    .map(({ account, index }) => {
      const record: OrgRecord = { Id: id18(account.Id) };
      for (const [key, value] of Object.entries(account)) {
        if (key !== 'Id')
          record[key] = typeof value === 'string' || typeof value === 'number' ? value : null;
      }
      return withSystemFields(record, now - demoAgeDays(index) * DAY_MS - index * 60_000);
    });
  const older = Array.from({ length: OLDER_ACCOUNTS }, (_, index) => olderAccount(index, now));
  return [...demo, ...older];
}

export function sampleContacts(accounts: OrgRecord[]): OrgRecord[] {
  return accounts
    .filter((account) => account.Id.includes('DEMO'))
    .map((account, index) => {
      const [salutation, firstName] = FIRST_NAMES[index % FIRST_NAMES.length] ?? ['Ms.', 'Anna'];
      const lastName =
        SURNAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % SURNAMES.length] ?? 'Bauer';
      const domain = domainOf(String(account.Billing_Email__c ?? ''), String(account.Name));
      const contact: OrgRecord = {
        Id: id18(`003PRV${String(index + 1).padStart(9, '0')}`),
        AccountId: account.Id,
        Salutation: salutation,
        FirstName: firstName,
        LastName: lastName,
        Name: `${firstName} ${lastName}`,
        Title: TITLES[index % TITLES.length] ?? null,
        Email: `${ascii(firstName)}.${ascii(lastName)}@${domain}`,
        Phone: account.Phone ?? null,
        MailingStreet: account.BillingStreet ?? null,
        MailingPostalCode: account.BillingPostalCode ?? null,
        MailingCity: account.BillingCity ?? null,
        MailingCountry: account.BillingCountry ?? null,
      };
      return withSystemFields(contact, Date.parse(String(account.CreatedDate)) + 3_600_000);
    });
}

function demoAgeDays(index: number): number {
  return index >= FIRST_NEW_DEMO_ACCOUNT ? 49 - index : 40 + (FIRST_NEW_DEMO_ACCOUNT - index) * 3;
}

function olderAccount(index: number, now: number): OrgRecord {
  const surname = SURNAMES[index % SURNAMES.length] ?? 'Bauer';
  const trade =
    TRADES[(index * 7 + Math.floor(index / SURNAMES.length)) % TRADES.length] ?? 'Metallbau';
  const form = LEGAL_FORMS[index % LEGAL_FORMS.length] ?? 'GmbH';
  const [zip, city, country] = PLACES[(index * 5) % PLACES.length] ?? [
    '80331',
    'München',
    'Deutschland',
  ];
  const domain = `${ascii(surname)}-${ascii(trade)}.${country === 'Österreich' || country === 'Austria' ? 'at' : 'de'}`;
  const record: OrgRecord = {
    Id: id18(`001PRV${String(index + 1).padStart(9, '0')}`),
    Name: `${surname} ${trade} ${form}`,
    BillingStreet: `${STREETS[index % STREETS.length] ?? 'Hauptstraße'} ${(index % 97) + 1}`,
    BillingPostalCode: zip,
    BillingCity: city,
    BillingCountry: country,
    Phone: `+49 ${200 + index} ${String(100000 + index * 37).slice(0, 6)}`,
    Billing_Email__c: `rechnung@${domain}`,
    Website: index % 3 === 0 ? `www.${domain}` : null,
    Industry: INDUSTRIES[index % INDUSTRIES.length] ?? null,
  };
  return withSystemFields(record, now - (60 + index * 5) * DAY_MS);
}

function withSystemFields(record: OrgRecord, createdAt: number): OrgRecord {
  const created = new Date(createdAt).toISOString();
  return {
    ...record,
    OwnerId: id18('005PRV000000001'),
    CreatedDate: created,
    LastModifiedDate: created,
  };
}

function id18(id: string): string {
  const long = salesforceId18(id);
  if (!long) throw new Error(`${id} is not a Salesforce id`);
  return long;
}

function domainOf(email: string, name: string): string {
  const at = email.indexOf('@');
  return at > 0 && !email.includes('(')
    ? email.slice(at + 1)
    : `${ascii(name.split(' ')[0] ?? 'firma')}.example`;
}

function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
