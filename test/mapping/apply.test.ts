import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  hasErrors,
  type Mapping,
  type MappingFields,
  type ObjectType,
  type Problem,
} from '../../server/src/mapping';

const ID = '001000000000001AAA';

function mapping(fields: MappingFields, objectType: ObjectType = 'Account'): Mapping {
  return { objectType, fields: { name: { source: 'Name' }, ...fields } };
}

function apply(fields: MappingFields, record: Record<string, unknown>) {
  return applyMapping(mapping(fields), { Id: ID, Name: 'Acme GmbH', ...record });
}

function messages(problems: Problem[], severity: Problem['severity']): string[] {
  return problems.filter((p) => p.severity === severity).map((p) => p.message);
}

describe('applyMapping: reading values', () => {
  it('copies a Salesforce field into the Billomat field it is assigned to', () => {
    const { customer, problems } = apply(
      { city: { source: 'BillingCity' } },
      { BillingCity: 'Köln' },
    );
    expect(customer).toEqual({ name: 'Acme GmbH', city: 'Köln' });
    expect(problems).toEqual([]);
  });

  it('trims whitespace around values', () => {
    const { customer } = apply({ city: { source: 'BillingCity' } }, { BillingCity: '  Köln \n' });
    expect(customer.city).toBe('Köln');
  });

  it('leaves out fields whose value is empty, blank or null, so they are not sent', () => {
    const { customer, problems } = apply(
      {
        city: { source: 'BillingCity' },
        zip: { source: 'BillingPostalCode' },
        state: { source: 'BillingState' },
      },
      { BillingCity: '   ', BillingPostalCode: null },
    );
    expect(customer).toEqual({ name: 'Acme GmbH' });
    expect(problems).toEqual([]);
  });

  it('ignores the attributes key that REST and jsforce add to records', () => {
    const { customer, problems } = applyMapping(mapping({ note: { source: 'attributes' } }), {
      Id: ID,
      attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001' },
      Name: 'Acme',
    });
    expect(customer).toEqual({ name: 'Acme' });
    expect(problems).toEqual([]);
  });

  it('matches field names without regard to case when the exact spelling is absent', () => {
    const { customer } = apply({ city: { source: 'billingcity' } }, { BillingCity: 'Bonn' });
    expect(customer.city).toBe('Bonn');
  });

  it('turns Salesforce numbers and booleans into text for text fields', () => {
    const { customer } = apply(
      { note: { source: 'NumberOfEmployees' }, tax_number: { source: 'IsPartner__c' } },
      { NumberOfEmployees: 250, IsPartner__c: true },
    );
    expect(customer.note).toBe('250');
    expect(customer.tax_number).toBe('true');
  });

  it('rejects a source that holds a whole object instead of one value', () => {
    const { customer, problems } = apply(
      { street: { source: 'BillingAddress' } },
      { BillingAddress: { street: 'Main St 1', city: 'Bonn' } },
    );
    expect(customer.street).toBeUndefined();
    expect(messages(problems, 'error')).toEqual([
      'Street: BillingAddress holds several values, not one — map a single field instead (e.g. Account.Name, not Account)',
    ]);
  });
});

describe('applyMapping: Contact parent fields', () => {
  const contactMapping = mapping(
    { name: { source: 'Account.Name' }, last_name: { source: 'LastName' } },
    'Contact',
  );

  it('reads Account.Name from a nested parent object', () => {
    const { customer } = applyMapping(contactMapping, {
      Id: '003000000000001AAA',
      LastName: 'Meier',
      Account: { attributes: { type: 'Account' }, Name: 'Acme GmbH' },
    });
    expect(customer).toEqual({ name: 'Acme GmbH', last_name: 'Meier' });
  });

  it('reads Account.Name from a flat "Account.Name" key', () => {
    const { customer } = applyMapping(contactMapping, {
      Id: '003000000000001AAA',
      LastName: 'Meier',
      'Account.Name': 'Acme GmbH',
    });
    expect(customer).toEqual({ name: 'Acme GmbH', last_name: 'Meier' });
  });

  it('treats a contact without an account as having an empty Account.Name', () => {
    const { customer, problems } = applyMapping(
      mapping({ name: { source: 'Account.Name', default: 'Privatkunde' } }, 'Contact'),
      { Id: '003000000000001AAA', Account: null },
    );
    expect(customer).toEqual({ name: 'Privatkunde' });
    expect(problems).toEqual([]);
  });

  it('reads grandparent paths such as Account.Owner.Email', () => {
    const { customer } = applyMapping(
      mapping(
        { name: { source: 'LastName' }, email: { source: 'Account.Owner.Email' } },
        'Contact',
      ),
      {
        Id: '003000000000001AAA',
        LastName: 'Meier',
        Account: { Owner: { Email: 'owner@acme.de' } },
      },
    );
    expect(customer.email).toBe('owner@acme.de');
  });
});

describe('applyMapping: defaults and fixed values', () => {
  const country = { source: 'BillingCountry', default: 'DE', transform: 'country' } as const;

  it('uses the default when the Salesforce field is missing, null, empty or blank', () => {
    for (const value of [undefined, null, '', '   ']) {
      const record = value === undefined ? {} : { BillingCountry: value };
      expect(apply({ country_code: country }, record).customer.country_code).toBe('DE');
    }
  });

  it('does not use the default when the Salesforce field has a value', () => {
    expect(
      apply({ country_code: country }, { BillingCountry: 'Austria' }).customer.country_code,
    ).toBe('AT');
  });

  it('runs the default through the transform and the type check like any other value', () => {
    const { customer } = apply(
      { country_code: { source: 'BillingCountry', default: 'Deutschland', transform: 'country' } },
      {},
    );
    expect(customer.country_code).toBe('DE');
  });

  it('says that a rejected value was the default, so the admin knows to fix the mapping', () => {
    const { problems } = apply({ due_days: { source: 'Terms__c', default: 'soon' } }, {});
    expect(messages(problems, 'error')).toEqual([
      "Due days: the default 'soon' (used because Terms__c is empty) is not a whole number",
    ]);
  });

  it('sends a fixed value for every record, whatever the record holds', () => {
    const first = apply({ net_gross: { fixed: 'NET' } }, { net_gross: 'GROSS' });
    const second = apply({ net_gross: { fixed: 'NET' } }, {});
    expect(first.customer.net_gross).toBe('NET');
    expect(second.customer.net_gross).toBe('NET');
  });

  it('turns a fixed country name into its code', () => {
    expect(apply({ country_code: { fixed: 'China' } }, {}).customer.country_code).toBe('CN');
  });

  it('checks fixed values against the field type too', () => {
    const { customer, problems } = apply({ due_days: { fixed: 'fourteen' } }, {});
    expect(customer.due_days).toBeUndefined();
    expect(messages(problems, 'error')).toEqual([
      "Due days: the fixed value 'fourteen' is not a whole number",
    ]);
  });
});

describe('applyMapping: transforms in the pipeline', () => {
  it('joins a multi-line street and sends it on one line', () => {
    const { customer } = apply(
      { street: { source: 'BillingStreet', transform: 'street' } },
      { BillingStreet: 'Hauptstraße 5\r\n\r\n2. Etage' },
    );
    expect(customer.street).toBe('Hauptstraße 5, 2. Etage');
  });

  it('names the source and the value when a country is not recognised', () => {
    const { customer, problems } = apply(
      { country_code: { source: 'BillingCountry', transform: 'country' } },
      { BillingCountry: 'Narnia' },
    );
    expect(customer.country_code).toBeUndefined();
    expect(problems).toEqual([
      {
        field: 'country_code',
        severity: 'error',
        message:
          "Country: Billomat needs a country code; 'Narnia' from BillingCountry is not a country we recognise — use e.g. 'DE' or 'Germany'",
      },
    ]);
  });

  it('sends an unknown salutation unchanged and warns about it without blocking the record', () => {
    const { customer, problems } = apply(
      { salutation: { source: 'Salutation', transform: 'salutation' } },
      { Salutation: 'Sir' },
    );
    expect(customer.salutation).toBe('Sir');
    expect(hasErrors(problems)).toBe(false);
    expect(messages(problems, 'warning')[0]).toMatch(
      /^Salutation: 'Sir' from Salutation is not a salutation we know/,
    );
  });

  it('leaves out a salutation that the transform empties', () => {
    const { customer } = apply(
      { salutation: { source: 'Salutation', transform: 'salutation' } },
      { Salutation: 'Mx.' },
    );
    expect(customer).not.toHaveProperty('salutation');
  });

  it('strips http:// from a website before sending it', () => {
    const { customer } = apply(
      { www: { source: 'Website', transform: 'website' } },
      { Website: 'https://acme.de/' },
    );
    expect(customer.www).toBe('acme.de');
  });
});

describe('applyMapping: type checks', () => {
  it('accepts enum values in any case and sends Billomat’s spelling', () => {
    const { customer } = apply(
      { net_gross: { source: 'Pricing__c' }, tax_rule: { source: 'Tax__c' } },
      { Pricing__c: 'gross', Tax__c: 'no tax' },
    );
    expect(customer.net_gross).toBe('GROSS');
    expect(customer.tax_rule).toBe('NO_TAX');
  });

  it('lists the allowed values when an enum value is not one of them', () => {
    const { problems } = apply({ net_gross: { source: 'Pricing__c' } }, { Pricing__c: 'BRUTTO' });
    expect(messages(problems, 'error')).toEqual([
      "Net/gross: 'BRUTTO' from Pricing__c is not allowed — Net/gross must be one of NET, GROSS, SETTINGS",
    ]);
  });

  it('sends whole numbers as numbers, from Salesforce numbers or text', () => {
    const { customer, problems } = apply(
      {
        due_days: { source: 'Terms__c' },
        discount_days: { source: 'Discount__c' },
        number: { source: 'No__c' },
      },
      { Terms__c: 14, Discount__c: ' 7 ', No__c: '1042.0' },
    );
    expect(problems).toEqual([]);
    expect(customer).toMatchObject({ due_days: 14, discount_days: 7, number: 1042 });
  });

  it('rejects a fraction or text where Billomat needs a whole number', () => {
    const { problems } = apply(
      { due_days: { source: 'Terms__c' }, price_group: { source: 'Group__c' } },
      { Terms__c: 14.5, Group__c: 'gold' },
    );
    expect(messages(problems, 'error')).toEqual([
      "Price group: 'gold' from Group__c is not a whole number",
      "Due days: '14.5' from Terms__c is not a whole number",
    ]);
  });

  it('rejects numbers outside the range Billomat allows', () => {
    const { problems } = apply(
      { due_days: { source: 'Terms__c' }, discount_rate: { source: 'Rate__c' } },
      { Terms__c: -3, Rate__c: 150 },
    );
    expect(messages(problems, 'error')).toEqual([
      "Discount rate: '150' from Rate__c is out of range — Discount rate must be between 0 and 100",
      "Due days: '-3' from Terms__c is out of range — Due days must be 0 or more",
    ]);
  });

  it('reads decimal numbers written with a point or a German comma', () => {
    const first = apply({ discount_rate: { source: 'Rate__c' } }, { Rate__c: '2,5' });
    const second = apply({ discount_rate: { source: 'Rate__c' } }, { Rate__c: 3.75 });
    expect(first.customer.discount_rate).toBe(2.5);
    expect(second.customer.discount_rate).toBe(3.75);
  });

  it('accepts a valid e-mail address and rejects one that is not, naming field and value', () => {
    const good = apply({ email: { source: 'Email__c' } }, { Email__c: 'rechnung@müller-bau.de' });
    expect(good.customer.email).toBe('rechnung@müller-bau.de');
    for (const bad of ['info(at)acme.de', 'info@acme', 'info @acme.de', '@acme.de']) {
      const { customer, problems } = apply({ email: { source: 'Email' } }, { Email: bad });
      expect(customer.email).toBeUndefined();
      expect(messages(problems, 'error')).toEqual([
        `E-mail: '${bad}' from Email is not a valid e-mail address`,
      ]);
    }
  });

  it('explains that Billomat takes one e-mail address when a field holds several', () => {
    const { problems } = apply({ email: { source: 'Email' } }, { Email: 'a@acme.de; b@acme.de' });
    expect(messages(problems, 'error')[0]).toContain('Billomat takes exactly one address here');
  });

  it('accepts dates as YYYY-MM-DD, Salesforce date-times and German dates, and sends YYYY-MM-DD', () => {
    const field = { sepa_mandate_date: { source: 'Mandate__c' } } as const;
    expect(apply(field, { Mandate__c: '2024-02-29' }).customer.sepa_mandate_date).toBe(
      '2024-02-29',
    );
    expect(
      apply(field, { Mandate__c: '2024-03-01T09:30:00.000+0000' }).customer.sepa_mandate_date,
    ).toBe('2024-03-01');
    expect(apply(field, { Mandate__c: '1.3.2024' }).customer.sepa_mandate_date).toBe('2024-03-01');
  });

  it('rejects dates that do not exist or are not dates', () => {
    for (const bad of ['2023-02-29', '2024-13-01', 'next week', '03/01/2024']) {
      const { problems } = apply(
        { sepa_mandate_date: { source: 'Mandate__c' } },
        { Mandate__c: bad },
      );
      expect(messages(problems, 'error')).toEqual([
        `SEPA mandate date: '${bad}' from Mandate__c is not a date — write it as YYYY-MM-DD, e.g. 2025-03-31`,
      ]);
    }
  });

  it('accepts a known two-letter country code in any case and sends it in capitals', () => {
    expect(
      apply({ country_code: { source: 'Code__c' } }, { Code__c: 'at' }).customer.country_code,
    ).toBe('AT');
  });

  it('rejects a country name in a country code field and suggests the country transform', () => {
    const { problems } = apply(
      { country_code: { source: 'BillingCountry' } },
      { BillingCountry: 'Germany' },
    );
    expect(messages(problems, 'error')).toEqual([
      "Country: 'Germany' from BillingCountry is not a two-letter ISO country code such as DE — it looks like DE; give this field the 'country' transform to turn country names into codes",
    ]);
  });

  it('rejects a two-letter code that is not an assigned country', () => {
    const { problems } = apply({ country_code: { source: 'Code__c' } }, { Code__c: 'XX' });
    expect(messages(problems, 'error')).toEqual([
      "Country: 'XX' from Code__c is not a two-letter ISO country code such as DE",
    ]);
  });

  it('sends archived as 1 or 0 from checkboxes and yes/no words', () => {
    const field = { archived: { source: 'Inactive__c' } } as const;
    expect(apply(field, { Inactive__c: true }).customer.archived).toBe(1);
    expect(apply(field, { Inactive__c: false }).customer.archived).toBe(0);
    expect(apply(field, { Inactive__c: 'Ja' }).customer.archived).toBe(1);
    expect(apply(field, { Inactive__c: '0' }).customer.archived).toBe(0);
    expect(hasErrors(apply(field, { Inactive__c: 'maybe' }).problems)).toBe(true);
  });

  it('normalises language and currency codes and rejects unknown ones', () => {
    const fields = {
      locale: { source: 'Lang__c' },
      currency_code: { source: 'CurrencyIsoCode' },
    } as const;
    expect(apply(fields, { Lang__c: 'de-de', CurrencyIsoCode: 'eur' }).customer).toMatchObject({
      locale: 'de_DE',
      currency_code: 'EUR',
    });
    const { problems } = apply(fields, { Lang__c: 'German', CurrencyIsoCode: 'EURO' });
    expect(messages(problems, 'error')).toEqual([
      "Language: 'German' from Lang__c is not a language code such as de_DE or en_US",
      "Currency: 'EURO' from CurrencyIsoCode is not a three-letter currency code such as EUR",
    ]);
  });

  it('rejects a website with spaces in it', () => {
    const { problems } = apply({ www: { source: 'Website' } }, { Website: 'acme dot de' });
    expect(messages(problems, 'error')).toEqual([
      "Website: 'acme dot de' from Website is not a web address (it contains spaces)",
    ]);
  });
});

describe('applyMapping: long values', () => {
  it('cuts text longer than Billomat keeps and warns, naming the source', () => {
    const long = 'Industriestraße '.repeat(20);
    const { customer, problems } = apply(
      { street: { source: 'BillingStreet' } },
      { BillingStreet: long },
    );
    expect([...String(customer.street)].length).toBeLessThanOrEqual(255);
    expect(long.trim().startsWith(String(customer.street))).toBe(true);
    expect(problems).toEqual([
      {
        field: 'street',
        severity: 'warning',
        message: `Street was cut to 255 characters (BillingStreet has ${long.trim().length})`,
      },
    ]);
  });

  it('counts characters, not UTF-16 units, and never splits an emoji', () => {
    const zip = '😀'.repeat(25);
    const { customer } = apply(
      { zip: { source: 'BillingPostalCode' } },
      { BillingPostalCode: zip },
    );
    expect(customer.zip).toBe('😀'.repeat(20));
  });

  it('cuts text one character over the maximum', () => {
    const { customer, problems } = apply({ zip: { source: 'Zip' } }, { Zip: '1'.repeat(21) });
    expect(customer.zip).toBe('1'.repeat(20));
    expect(problems.map((p) => p.message)).toEqual([
      'ZIP code was cut to 20 characters (Zip has 21)',
    ]);
  });

  it('keeps text of exactly the maximum length without a warning', () => {
    const { customer, problems } = apply({ zip: { source: 'Zip' } }, { Zip: '1'.repeat(20) });
    expect(customer.zip).toBe('1'.repeat(20));
    expect(problems).toEqual([]);
  });

  it('shortens long values quoted in messages', () => {
    const { problems } = apply(
      { email: { source: 'Email' } },
      { Email: `${'x'.repeat(100)} at acme` },
    );
    const message = messages(problems, 'error')[0] ?? '';
    expect(message).toContain(`'${'x'.repeat(39)}…' from Email`);
    expect(message.length).toBeLessThan(120);
  });
});

describe('applyMapping: a customer needs a name', () => {
  it('is an error when the record has neither a company name nor a person’s name', () => {
    const { problems } = applyMapping(mapping({}), { Id: ID, Name: '  ' });
    expect(hasErrors(problems)).toBe(true);
    expect(problems).toEqual([
      {
        field: null,
        severity: 'error',
        message:
          "Billomat needs a company name or a person's name; this record has neither — fill in Account Name",
      },
    ]);
  });

  it('names the Contact fields to fill in', () => {
    const { problems } = applyMapping(
      mapping({ name: { source: 'Account.Name' }, last_name: { source: 'LastName' } }, 'Contact'),
      { Id: '003000000000001AAA' },
    );
    expect(messages(problems, 'error')).toEqual([
      "Billomat needs a company name or a person's name; this record has neither — fill in Account Name or Last Name",
    ]);
  });

  it('is satisfied by a last name or a first name alone', () => {
    const personal = {
      name: { source: 'Company__c' },
      first_name: { source: 'FirstName' },
      last_name: { source: 'LastName' },
    } as const;
    expect(hasErrors(applyMapping(mapping(personal), { Id: ID, LastName: 'Meier' }).problems)).toBe(
      false,
    );
    expect(hasErrors(applyMapping(mapping(personal), { Id: ID, FirstName: 'Anna' }).problems)).toBe(
      false,
    );
  });
});

describe('hasErrors', () => {
  it('is true only when at least one problem is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ field: 'street', severity: 'warning', message: 'cut' }])).toBe(false);
    expect(
      hasErrors([
        { field: 'street', severity: 'warning', message: 'cut' },
        { field: 'email', severity: 'error', message: 'bad' },
      ]),
    ).toBe(true);
  });
});

describe('applyMapping: several problems at once', () => {
  it('reports every problem of a record, not just the first, and still maps the good fields', () => {
    const { customer, problems } = apply(
      {
        email: { source: 'Email' },
        due_days: { source: 'Terms__c' },
        city: { source: 'BillingCity' },
      },
      { Email: 'nope', Terms__c: 'x', BillingCity: 'Bonn' },
    );
    expect(customer).toEqual({ name: 'Acme GmbH', city: 'Bonn' });
    expect(problems.map((p) => p.field)).toEqual(['email', 'due_days']);
  });
});
