import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryCodeFor, isCountryCode } from '../../server/src/mapping';
import { COUNTRY_TABLE } from '../../server/src/mapping/country-table';

describe('the country table', () => {
  it('lists all 249 ISO 3166 countries once, each with a distinct alpha-2 and alpha-3 code', () => {
    expect(COUNTRY_TABLE).toHaveLength(249);
    expect(new Set(COUNTRY_TABLE.map((row) => row[0])).size).toBe(249);
    expect(new Set(COUNTRY_TABLE.map((row) => row[1])).size).toBe(249);
    expect(COUNTRY_CODES).toHaveLength(249);
    for (const [alpha2, alpha3, english, german] of COUNTRY_TABLE) {
      expect(alpha2).toMatch(/^[A-Z]{2}$/);
      expect(alpha3).toMatch(/^[A-Z]{3}$/);
      expect(english.length).toBeGreaterThan(0);
      expect(german.length).toBeGreaterThan(0);
    }
  });

  it('finds every country by its alpha-2 code, its alpha-3 code and each of its names', () => {
    for (const [alpha2, alpha3, english, german, local = []] of COUNTRY_TABLE) {
      for (const spelling of [alpha2, alpha3, ...english, ...german, ...local]) {
        expect(countryCodeFor(spelling), spelling).toBe(alpha2);
      }
    }
  });
});

describe('countryCodeFor', () => {
  it.each([
    ['Germany', 'DE'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['United Kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['Austria', 'AT'],
    ['Switzerland', 'CH'],
    ['China', 'CN'],
    ['Netherlands', 'NL'],
    ['Czech Republic', 'CZ'],
    ['Russian Federation', 'RU'],
    ['Korea, Republic of', 'KR'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Taiwan, Province of China', 'TW'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Ivory Coast', 'CI'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
  ])('reads the English name %s as %s', (name, code) => {
    expect(countryCodeFor(name)).toBe(code);
  });

  it.each([
    ['Deutschland', 'DE'],
    ['République française', 'FR'],
    ['Vereinigte Staaten', 'US'],
    ['Vereinigte Staaten von Amerika', 'US'],
    ['Großbritannien', 'GB'],
    ['Vereinigtes Königreich', 'GB'],
    ['Österreich', 'AT'],
    ['Schweiz', 'CH'],
    ['Volksrepublik China', 'CN'],
    ['Kanada', 'CA'],
    ['Japan', 'JP'],
    ['Indien', 'IN'],
    ['Russland', 'RU'],
    ['Türkei', 'TR'],
    ['Australien', 'AU'],
    ['Brasilien', 'BR'],
    ['Frankreich', 'FR'],
    ['Niederlande', 'NL'],
    ['Belgien', 'BE'],
    ['Dänemark', 'DK'],
    ['Spanien', 'ES'],
    ['Italien', 'IT'],
    ['Polen', 'PL'],
    ['Tschechien', 'CZ'],
    ['Ungarn', 'HU'],
    ['Griechenland', 'GR'],
    ['Zypern', 'CY'],
    ['Norwegen', 'NO'],
    ['Island', 'IS'],
    ['Irland', 'IE'],
    ['Luxemburg', 'LU'],
    ['Rumänien', 'RO'],
    ['Kroatien', 'HR'],
    ['Slowakei', 'SK'],
    ['Slowenien', 'SI'],
    ['Estland', 'EE'],
    ['Lettland', 'LV'],
    ['Litauen', 'LT'],
    ['Schweden', 'SE'],
    ['Finnland', 'FI'],
    ['Bulgarien', 'BG'],
    ['Portugal', 'PT'],
    ['Malta', 'MT'],
    ['Liechtenstein', 'LI'],
  ])('reads the German name %s as %s', (name, code) => {
    expect(countryCodeFor(name)).toBe(code);
  });

  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['DEU', 'DE'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['U.S.', 'US'],
    ['UK', 'GB'],
    ['GBR', 'GB'],
    ['CHE', 'CH'],
    ['UAE', 'AE'],
    ['PRC', 'CN'],
  ])('reads the code or abbreviation %s as %s', (code, expected) => {
    expect(countryCodeFor(code)).toBe(expected);
  });

  it.each([
    ['Oesterreich', 'AT'],
    ['Osterreich', 'AT'],
    ['Grossbritannien', 'GB'],
    ['Daenemark', 'DK'],
    ['  germany  ', 'DE'],
    ['GERMANY', 'DE'],
    ['united   states', 'US'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Cote d’Ivoire', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Trinidad & Tobago', 'TT'],
    ['St. Lucia', 'LC'],
    ['Saint Lucia', 'LC'],
    ['Bosnia-Herzegovina', 'BA'],
    ['Réunion', 'RE'],
    ['Reunion', 'RE'],
    ['England', 'GB'],
    ['VR China', 'CN'],
    ['Republik Korea', 'KR'],
  ])('ignores case, accents, umlaut spelling, spaces and punctuation: %s is %s', (input, code) => {
    expect(countryCodeFor(input)).toBe(code);
  });

  it.each(['Narnia', 'Atlantis', 'XX', 'XYZ', '', 'Deutschlandd'])(
    'does not guess a country for %j',
    (input) => {
      expect(countryCodeFor(input)).toBeUndefined();
    },
  );
});

describe('isCountryCode', () => {
  it('accepts assigned alpha-2 codes in any case and rejects everything else', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('cn')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
    expect(isCountryCode('DEU')).toBe(false);
  });
});
