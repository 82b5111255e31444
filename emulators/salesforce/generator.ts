import {
  ACCOUNT_TYPES,
  ADDRESS_PREFIXES,
  COUNTRIES,
  DEPARTMENTS,
  INDUSTRIES,
  SALUTATIONS,
  TITLES,
  type CountryProfile,
} from './generator-data';
import { KEY_PREFIX, salesforceId } from './ids';
import type { RecordInput } from './records';

export interface GeneratorOptions {
  seed: number;
  count: number;
  /** Index of the first record; record i is the same whatever the batch it is generated in. */
  startIndex?: number;
  /** Records are created in the three years before this instant (default 2026-01-01). */
  now?: Date;
}

export interface ContactGeneratorOptions extends GeneratorOptions {
  /** Contacts point at the first `accountCount` generated Accounts; 0 leaves them without an Account. */
  accountCount: number;
}

const DEFAULT_NOW = Date.UTC(2026, 0, 1);
const THREE_YEARS_MS = 3 * 365 * 86_400_000;

type Random = () => number;

/** mulberry32: small, fast and good enough for test data. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function recordRandom(seed: number, kind: number, index: number): Random {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(index + 1, 0x85ebca6b) + kind);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

function digits(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 10);
  return out;
}

function pickCountry(random: Random): CountryProfile {
  const total = COUNTRIES.reduce((sum, country) => sum + country.weight, 0);
  let roll = random() * total;
  for (const country of COUNTRIES) {
    roll -= country.weight;
    if (roll < 0) return country;
  }
  return COUNTRIES[0] as CountryProfile;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Address {
  street: string;
  city: string;
  state: string | null;
  postalCode: string;
  country: string | null;
}

function address(random: Random, country: CountryProfile): Address {
  const [city, state] = pick(random, country.cities);
  const streetName = pick(random, country.streets);
  const number = `${1 + Math.floor(random() * 180)}${chance(random, 0.1) ? pick(random, ['a', 'b', 'c']) : ''}`;
  let street =
    country.streetFormat === 'nameNumber' ? `${streetName} ${number}` : `${number} ${streetName}`;
  if (chance(random, 0.15)) street = `${pick(random, ADDRESS_PREFIXES)}\n${street}`;
  else if (chance(random, 0.05))
    street = `Postfach ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`;
  if (chance(random, 0.03)) street = `  ${street} `;
  const letters = () => String.fromCharCode(65 + Math.floor(random() * 26));
  return {
    street,
    city,
    state: chance(random, 0.6) ? state : null,
    postalCode: country.postalCode(() => digits(random, 6), letters),
    country: chance(random, 0.06) ? null : pick(random, country.spellings),
  };
}

function phone(random: Random, country: CountryProfile): string {
  const area = digits(random, 2 + Math.floor(random() * 2));
  const line = digits(random, 6 + Math.floor(random() * 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${country.phonePrefix} ${area} ${line}`;
    case 1:
      return `0${area}/${line}`;
    case 2:
      return `${country.phonePrefix} (0)${area} ${line.slice(0, 3)} ${line.slice(3)}`;
    default:
      return `${country.phonePrefix}${area}${line}`;
  }
}

function createdDate(random: Random, now: number): string {
  return new Date(now - Math.floor(random() * THREE_YEARS_MS)).toISOString().replace('Z', '+0000');
}

/** The Id the generator gives Account number `index`, so Contacts and tests can point at it. */
export function generatedAccountId(index: number): string {
  return salesforceId(KEY_PREFIX.Account, index + 1);
}

export function generatedContactId(index: number): string {
  return salesforceId(KEY_PREFIX.Contact, index + 1);
}

function account(seed: number, index: number, now: number): RecordInput {
  const random = recordRandom(seed, 1, index);
  const country = pickCountry(random);
  const name = `${pick(random, country.surnames)}${chance(random, 0.2) ? ` & ${pick(random, country.surnames)}` : ''} ${pick(random, country.trades)} ${pick(random, country.legalForms)}`;
  const billing = address(random, country);
  const shipping = chance(random, 0.3) ? address(random, country) : null;
  const created = createdDate(random, now);
  return {
    Id: generatedAccountId(index),
    Name: name,
    AccountNumber: chance(random, 0.7) ? `KD-${String(10_000 + index)}` : null,
    Type: pick(random, ACCOUNT_TYPES),
    Industry: chance(random, 0.8) ? pick(random, INDUSTRIES) : null,
    Phone: chance(random, 0.85) ? phone(random, country) : null,
    Fax: chance(random, 0.2) ? phone(random, country) : null,
    Website: chance(random, 0.75)
      ? `${pick(random, ['www.', 'https://www.', 'http://', ''])}${slug(name)}.${country.domain}`
      : null,
    Description: chance(random, 0.1)
      ? `Kunde seit ${created.slice(0, 4)}.\nZahlungsziel 30 Tage.`
      : null,
    AnnualRevenue: chance(random, 0.5) ? Math.round(random() * 5_000_000) * 10 : null,
    NumberOfEmployees: chance(random, 0.6) ? 1 + Math.floor(random() * 2_000) : null,
    BillingStreet: billing.street,
    BillingCity: billing.city,
    BillingState: billing.state,
    BillingPostalCode: billing.postalCode,
    BillingCountry: billing.country,
    ShippingStreet: shipping?.street ?? null,
    ShippingCity: shipping?.city ?? null,
    ShippingState: shipping?.state ?? null,
    ShippingPostalCode: shipping?.postalCode ?? null,
    ShippingCountry: shipping?.country ?? null,
    CreatedDate: created,
    LastModifiedDate: created,
  };
}

function email(random: Random, first: string, last: string, domain: string): string | null {
  const local = `${slug(first)}.${slug(last)}`.replace(/-/g, '');
  const roll = random();
  if (roll < 0.08) return null;
  if (roll < 0.11) return `${local}(at)${domain}`;
  if (roll < 0.13) return `${local}@${domain.split('.')[0] ?? domain}`;
  if (roll < 0.15) return ` ${local.toUpperCase()}@${domain} `;
  return `${local}@${domain}`;
}

function contact(seed: number, index: number, accountCount: number, now: number): RecordInput {
  const random = recordRandom(seed, 2, index);
  const country = pickCountry(random);
  const first = pick(random, country.firstNames);
  const last = pick(random, country.surnames);
  const mailing = address(random, country);
  const accountIndex =
    accountCount > 0 && chance(random, 0.92) ? Math.floor(random() * accountCount) : null;
  const created = createdDate(random, now);
  return {
    Id: generatedContactId(index),
    AccountId: accountIndex === null ? null : generatedAccountId(accountIndex),
    Salutation: chance(random, 0.7) ? pick(random, SALUTATIONS) : null,
    FirstName: chance(random, 0.95) ? first : null,
    LastName: last,
    Title: chance(random, 0.6) ? pick(random, TITLES) : null,
    Department: chance(random, 0.4) ? pick(random, DEPARTMENTS) : null,
    Email: email(
      random,
      first,
      last,
      `${slug(last)}-${pick(random, country.trades)
        .toLowerCase()
        .replace(/[^a-z]/g, '')}.${country.domain}`,
    ),
    Phone: chance(random, 0.7) ? phone(random, country) : null,
    MobilePhone: chance(random, 0.4) ? phone(random, country) : null,
    MailingStreet: mailing.street,
    MailingCity: mailing.city,
    MailingState: mailing.state,
    MailingPostalCode: mailing.postalCode,
    MailingCountry: mailing.country,
    CreatedDate: created,
    LastModifiedDate: created,
  };
}

/** Deterministic Accounts from a seed, produced one at a time. */
export function* generateAccounts({
  seed,
  count,
  startIndex = 0,
  now,
}: GeneratorOptions): Generator<RecordInput> {
  const anchor = now?.getTime() ?? DEFAULT_NOW;
  for (let i = startIndex; i < startIndex + count; i++) yield account(seed, i, anchor);
}

/** Deterministic Contacts from a seed; most belong to one of the first `accountCount` generated Accounts. */
export function* generateContacts({
  seed,
  count,
  accountCount,
  startIndex = 0,
  now,
}: ContactGeneratorOptions): Generator<RecordInput> {
  const anchor = now?.getTime() ?? DEFAULT_NOW;
  for (let i = startIndex; i < startIndex + count; i++)
    yield contact(seed, i, accountCount, anchor);
}
