import { describe, expect, it } from 'vitest';
import { validateMapping, type MappingProblem } from '../../server/src/mapping';

const NAME = { name: { source: 'Name' } };

function problemsOf(
  fields: Record<string, unknown>,
  objectType: 'Account' | 'Contact' = 'Account',
) {
  const result = validateMapping({ fields }, objectType);
  if (result.ok) throw new Error('expected the mapping to be rejected');
  return result.problems;
}

function only(problems: MappingProblem[]): MappingProblem {
  expect(problems).toHaveLength(1);
  return problems[0] as MappingProblem;
}

describe('validateMapping: valid mappings', () => {
  it('accepts a complete Account mapping and returns it typed, with the object type', () => {
    const fields = {
      name: { source: 'Name' },
      street: { source: 'BillingStreet', transform: 'street' },
      zip: { source: 'BillingPostalCode' },
      city: { source: 'BillingCity' },
      country_code: { source: 'BillingCountry', default: 'DE', transform: 'country' },
      www: { source: 'Website', transform: 'website' },
      note: { source: 'Custom_Note__c' },
      net_gross: { fixed: 'NET' },
      due_days: { fixed: '14' },
    };
    expect(validateMapping({ fields }, 'Account')).toEqual({
      ok: true,
      mapping: { objectType: 'Account', fields },
    });
  });

  it('accepts a Contact mapping with a parent field', () => {
    const result = validateMapping(
      {
        objectType: 'Contact',
        fields: { name: { source: 'Account.Name' }, last_name: { source: 'LastName' } },
      },
      'Contact',
    );
    expect(result.ok).toBe(true);
  });

  it('accepts a fixed country name, because it becomes a code when applied', () => {
    expect(
      validateMapping({ fields: { ...NAME, country_code: { fixed: 'China' } } }, 'Account').ok,
    ).toBe(true);
  });

  it('accepts enum values in any case', () => {
    expect(
      validateMapping({ fields: { ...NAME, net_gross: { fixed: 'gross' } } }, 'Account').ok,
    ).toBe(true);
  });

  it('drops fields the editor cleared to null', () => {
    const result = validateMapping({ fields: { ...NAME, city: null } }, 'Account');
    expect(result).toEqual({ ok: true, mapping: { objectType: 'Account', fields: NAME } });
  });

  it('accepts a person mapping with only a last name', () => {
    expect(validateMapping({ fields: { last_name: { source: 'LastName' } } }, 'Contact').ok).toBe(
      true,
    );
  });
});

describe('validateMapping: problems', () => {
  it('rejects a field Billomat does not have and suggests the one that was meant', () => {
    expect(problemsOf({ ...NAME, City: { source: 'BillingCity' } })).toEqual([
      {
        field: 'City',
        message: "'City' is not a Billomat client field — did you mean 'city' (City)?",
      },
    ]);
    expect(only(problemsOf({ ...NAME, client_number: { fixed: '1' } })).message).toBe(
      "'client_number' is not a Billomat client field",
    );
  });

  it('rejects an assignment with both a source and a fixed value', () => {
    expect(only(problemsOf({ ...NAME, city: { source: 'BillingCity', fixed: 'Bonn' } }))).toEqual({
      field: 'city',
      message: 'City: choose either a Salesforce field (source) or a fixed value, not both',
    });
  });

  it('rejects an assignment with neither a source nor a fixed value', () => {
    expect(only(problemsOf({ ...NAME, city: {} })).message).toBe(
      'City: give either a Salesforce field (source) or a fixed value',
    );
    expect(only(problemsOf({ ...NAME, city: 'BillingCity' })).message).toBe(
      'City: give either a Salesforce field (source) or a fixed value',
    );
  });

  it('rejects settings it does not know, such as a misspelt default', () => {
    expect(
      only(problemsOf({ ...NAME, city: { source: 'BillingCity', defualt: 'Bonn' } })).message,
    ).toBe("City: 'defualt' is not a setting — use source, default and transform, or fixed");
  });

  it('rejects a default or a transform next to a fixed value', () => {
    expect(only(problemsOf({ ...NAME, city: { fixed: 'Bonn', default: 'Köln' } })).message).toBe(
      'City: a default goes only with a Salesforce field; a fixed value is always used',
    );
    expect(
      only(problemsOf({ ...NAME, city: { fixed: 'bonn', transform: 'uppercase' } })).message,
    ).toBe(
      'City: a transform goes only with a Salesforce field; write the fixed value as Billomat should get it',
    );
  });

  it('rejects an unknown transform and lists the ones there are', () => {
    expect(
      only(problemsOf({ ...NAME, city: { source: 'BillingCity', transform: 'capitalise' } }))
        .message,
    ).toBe(
      "City: 'capitalise' is not a transform — choose one of country, street, salutation, website, uppercase, lowercase",
    );
  });

  it.each([
    'Billing City',
    'BillingCity; DELETE',
    'Account..Name',
    '1Field',
    'Name,Id',
    'A.B.C.D.E.F',
    '',
  ])('rejects %j as a source, since a source becomes part of a SOQL query', (source) => {
    expect(only(problemsOf({ ...NAME, city: { source } })).message).toMatch(
      /^City: .* is not a Salesforce field API name — write it like BillingCity, Custom_Field__c or Account.Name$/,
    );
  });

  it.each([
    'BillingCity',
    'ns__Custom_Field__c',
    'Account.Name',
    'Account.Owner.Email',
    'Parent__r.Name',
  ])('accepts %j as a source', (source) => {
    expect(validateMapping({ fields: { ...NAME, city: { source } } }, 'Account').ok).toBe(true);
  });

  it('rejects a fixed value the field type rejects, saying what is allowed', () => {
    expect(only(problemsOf({ ...NAME, net_gross: { fixed: 'BRUTTO' } }))).toEqual({
      field: 'net_gross',
      message:
        "Net/gross: the fixed value 'BRUTTO' is not allowed — Net/gross must be one of NET, GROSS, SETTINGS",
    });
    expect(only(problemsOf({ ...NAME, due_days: { fixed: '14 Tage' } })).message).toBe(
      "Due days: the fixed value '14 Tage' is not a whole number",
    );
    expect(only(problemsOf({ ...NAME, country_code: { fixed: 'Narnia' } })).message).toBe(
      "Country: Billomat needs a country code; the fixed value 'Narnia' is not a country we recognise — use e.g. 'DE' or 'Germany'",
    );
  });

  it('rejects a default the field type rejects', () => {
    expect(only(problemsOf({ ...NAME, email: { source: 'Email', default: 'none' } })).message).toBe(
      "E-mail: the default 'none' (used because Email is empty) is not a valid e-mail address",
    );
    expect(
      only(
        problemsOf({
          ...NAME,
          country_code: { source: 'BillingCountry', default: 'Narnia', transform: 'country' },
        }),
      ).message,
    ).toContain(
      "the default 'Narnia' (used because BillingCountry is empty) is not a country we recognise",
    );
  });

  it('accepts a default country name even without the country transform', () => {
    const result = validateMapping(
      { fields: { ...NAME, country_code: { source: 'Code__c', default: 'Germany' } } },
      'Account',
    );
    expect(result.ok).toBe(true);
  });

  it('rejects an empty fixed value and a fixed value longer than Billomat keeps', () => {
    expect(only(problemsOf({ ...NAME, city: { fixed: '  ' } })).message).toBe(
      'City: the fixed value is empty — enter a value or remove the field',
    );
    expect(only(problemsOf({ ...NAME, zip: { fixed: '1'.repeat(21) } })).message).toBe(
      'ZIP code: the fixed value has 21 characters; Billomat keeps at most 20',
    );
  });

  it('rejects fixed values and defaults that are not text', () => {
    expect(only(problemsOf({ ...NAME, due_days: { fixed: 14 } })).message).toBe(
      'Due days: the fixed value must be text, e.g. "14"',
    );
    expect(
      only(problemsOf({ ...NAME, country_code: { source: 'BillingCountry', default: 49 } }))
        .message,
    ).toBe('Country: the default must be text, e.g. "DE"');
  });

  it('rejects a mapping that gives the customer no name at all', () => {
    expect(problemsOf({ city: { source: 'BillingCity' } })).toEqual([
      {
        field: 'name',
        message:
          "Billomat needs a company name or a person's name: assign a Salesforce field (e.g. Name) or a fixed value to Company name, Last name or First name",
      },
    ]);
    expect(only(problemsOf({}, 'Contact')).message).toContain('(e.g. LastName)');
  });

  it('collects every problem of the mapping at once', () => {
    const problems = problemsOf({
      city: { source: 'Billing City' },
      net_gross: { fixed: 'BRUTTO' },
      colour: { fixed: 'red' },
    });
    expect(problems.map((p) => p.field)).toEqual(['city', 'net_gross', 'colour', 'name']);
  });

  it('rejects input that is not a mapping, or a mapping for the other object', () => {
    expect(validateMapping(null, 'Account')).toEqual({
      ok: false,
      problems: [
        { field: 'fields', message: 'The mapping needs "fields": one entry per Billomat field' },
      ],
    });
    expect(validateMapping({ fields: [] }, 'Account').ok).toBe(false);
    expect(validateMapping({ objectType: 'Contact', fields: NAME }, 'Account')).toEqual({
      ok: false,
      problems: [
        {
          field: 'objectType',
          message: 'This mapping is for Contact, but it is being saved for Account',
        },
      ],
    });
  });
});
