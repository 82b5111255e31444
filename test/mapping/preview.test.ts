import { describe, expect, it } from 'vitest';
import { hasErrors, previewMapping, type Mapping } from '../../server/src/mapping';

const mapping: Mapping = {
  objectType: 'Account',
  fields: {
    name: { source: 'Name' },
    city: { source: 'BillingCity' },
    country_code: { source: 'BillingCountry', default: 'DE', transform: 'country' },
    net_gross: { fixed: 'NET' },
  },
};

describe('previewMapping', () => {
  it('shows what each record becomes, in the order the records came, with their Salesforce Ids', () => {
    const results = previewMapping(mapping, [
      {
        Id: '001000000000001AAA',
        Name: 'Acme GmbH',
        BillingCity: 'Bonn',
        BillingCountry: 'Deutschland',
      },
      {
        Id: '001000000000002AAA',
        Name: 'Globex Inc.',
        BillingCity: 'Springfield',
        BillingCountry: 'USA',
      },
      { Id: '001000000000003AAA', Name: 'Initech', BillingCountry: null },
    ]);
    expect(results).toEqual([
      {
        sfId: '001000000000001AAA',
        customer: { name: 'Acme GmbH', city: 'Bonn', country_code: 'DE', net_gross: 'NET' },
        problems: [],
      },
      {
        sfId: '001000000000002AAA',
        customer: {
          name: 'Globex Inc.',
          city: 'Springfield',
          country_code: 'US',
          net_gross: 'NET',
        },
        problems: [],
      },
      {
        sfId: '001000000000003AAA',
        customer: { name: 'Initech', country_code: 'DE', net_gross: 'NET' },
        problems: [],
      },
    ]);
  });

  it('keeps a record’s problems with that record and does not let them spill onto the next', () => {
    const [bad, good] = previewMapping(mapping, [
      { Id: '001000000000004AAA', Name: '', BillingCountry: 'Narnia' },
      { Id: '001000000000005AAA', Name: 'Umbrella AG', BillingCountry: 'Schweiz' },
    ]);
    expect(bad?.problems.map((p) => p.field)).toEqual(['country_code', null]);
    expect(hasErrors(bad?.problems ?? [])).toBe(true);
    expect(good?.problems).toEqual([]);
    expect(good?.customer.country_code).toBe('CH');
  });

  it('returns nothing for no records', () => {
    expect(previewMapping(mapping, [])).toEqual([]);
  });
});
