import { COUNTRY_TABLE, type CountryRow } from './country-table';

/** "Österreich", "OESTERREICH " and "osterreich" all give "osterreich" or "oesterreich". */
function countryKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== 'the')
    .map((word) => (word === 'st' ? 'saint' : word))
    .join('');
}

/** German writes "Oesterreich" when the keyboard has no umlauts. */
function withoutUmlauts(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue');
}

function spellings(row: CountryRow): string[] {
  const [alpha2, alpha3, english, german, local = []] = row;
  const names = [...english, ...german, ...local];
  return [alpha2, alpha3, ...names, ...names.map(withoutUmlauts)];
}

function buildIndex(rows: readonly CountryRow[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const clashes: string[] = [];
  for (const row of rows) {
    for (const spelling of spellings(row)) {
      const key = countryKey(spelling);
      const known = index.get(key);
      if (known !== undefined && known !== row[0]) {
        clashes.push(`'${spelling}' (${known}/${row[0]})`);
      }
      index.set(key, row[0]);
    }
  }
  // The table is data we edit by hand; a spelling that points to two countries is a bug in it.
  if (clashes.length > 0) throw new Error(`Country table is ambiguous: ${clashes.join(', ')}`);
  return index;
}

const INDEX = buildIndex(COUNTRY_TABLE);
const ALPHA2 = new Set(COUNTRY_TABLE.map((row) => row[0]));

/** The ISO 3166 alpha-2 code for a country name or code in English or German, if we know it. */
export function countryCodeFor(nameOrCode: string): string | undefined {
  return INDEX.get(countryKey(nameOrCode));
}

/** Whether `code` (any case) is an assigned ISO 3166 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return ALPHA2.has(code.toUpperCase());
}

export const COUNTRY_CODES: readonly string[] = [...ALPHA2];
