import { describe, expect, it } from 'vitest';
import {
  explainSalesforceError,
  FilterError,
  parseFilter,
  type FilterableField,
} from '../../server/src/salesforce';

const FIELDS: FilterableField[] = [
  { name: 'Name', type: 'string' },
  { name: 'BillingCountry', type: 'string' },
  { name: 'Industry', type: 'picklist' },
  { name: 'NumberOfEmployees', type: 'int' },
  { name: 'AnnualRevenue', type: 'currency' },
  { name: 'CreatedDate', type: 'datetime' },
  { name: 'IsDeleted', type: 'boolean' },
  { name: 'Account.Name', type: 'string' },
];

function soql(text: string): string {
  return parseFilter(text, FIELDS).soql;
}

function problem(text: string): FilterError {
  try {
    parseFilter(text, FIELDS);
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to be refused`);
}

describe('parseFilter renders what it accepts canonically', () => {
  it.each([
    ["billingcountry='DE'", "BillingCountry = 'DE'"],
    [
      "Name like 'Acme%' and NumberOfEmployees>=10",
      "Name LIKE 'Acme%' AND NumberOfEmployees >= 10",
    ],
    [
      "Industry in ('Retail','Energy') or Industry = null",
      "Industry IN ('Retail', 'Energy') OR Industry = null",
    ],
    ["Industry not in ('Retail')", "Industry NOT IN ('Retail')"],
    ["BillingCountry <> 'DE'", "BillingCountry != 'DE'"],
    [
      "Name = 'a' OR Name = 'b' AND AnnualRevenue > 1000.50",
      "Name = 'a' OR (Name = 'b' AND AnnualRevenue > 1000.50)",
    ],
    [
      "(Name = 'a' OR Name = 'b') AND IsDeleted = FALSE",
      "(Name = 'a' OR Name = 'b') AND IsDeleted = false",
    ],
    ["NOT Name LIKE 'Test%'", "NOT (Name LIKE 'Test%')"],
    ['CreatedDate = LAST_N_DAYS:30', 'CreatedDate = LAST_N_DAYS:30'],
    [
      'CreatedDate >= 2024-01-01T00:00:00Z AND CreatedDate < today',
      'CreatedDate >= 2024-01-01T00:00:00Z AND CreatedDate < TODAY',
    ],
    ["Account.Name = 'Müller GmbH'", "Account.Name = 'Müller GmbH'"],
  ])('%s → %s', (input, expected) => {
    expect(soql(input)).toBe(expected);
  });

  it('keeps escaped quotes and LIKE wildcards escaped inside the string', () => {
    expect(soql("Name = 'O\\'Brien & Söhne'")).toBe("Name = 'O\\'Brien & Söhne'");
    expect(soql("Name LIKE '100\\% Bio\\_%'")).toBe("Name LIKE '100\\% Bio\\_%'");
  });

  it('lists the fields the filter reads, in the allow-list spelling', () => {
    expect(parseFilter("name = 'x' and account.name != null", FIELDS).fields).toEqual([
      'Name',
      'Account.Name',
    ]);
  });

  it('accepts any value type when the allow-list has names only', () => {
    expect(parseFilter("Custom__c = 5 OR Custom__c = 'x'", ['Custom__c']).soql).toBe(
      "Custom__c = 5 OR Custom__c = 'x'",
    );
    expect(() => parseFilter('Custom__c LIKE 5', ['Custom__c'])).toThrow(
      'LIKE needs a text in single quotes (at character 11)',
    );
  });
});

describe('parseFilter refuses injection and mistakes with the problem and its position', () => {
  it('keeps a quote-breaking attempt inside the string', () => {
    expect(soql("Name = 'x\\' OR Name != \\''")).toBe("Name = 'x\\' OR Name != \\''");
  });

  it.each([
    ["Name = 'x'; DELETE FROM Account", 'semicolon', 11],
    ["Name = 'x' -- and the rest", 'Comments are not allowed', 12],
    ["Name = 'x' /* hidden */", 'Comments are not allowed', 12],
    ["Name = 'x", 'no closing quote', 8],
    ["Name = 'x' OR Name = 'y", 'no closing quote', 22],
    ['Id IN (SELECT AccountId FROM Contact)', "Unknown field 'Id'", 1],
    ['Name IN (SELECT Name FROM Contact)', 'Subqueries are not allowed', 10],
    ['(SELECT Name FROM Contact)', 'Subqueries are not allowed', 2],
    ["Password__c = 'x'", "Unknown field 'Password__c'", 1],
    ["Name = 'x' OR 1=1", 'Expected a field name', 15],
    ["Name = 'x' OR Name", 'Expected an operator', 19],
    ["(Name = 'x'", 'is never closed', 12],
    ["Name = 'x')", 'no opening one', 11],
    ['Name = "x"', 'single quotes', 8],
    ["Name = 'a\\x'", 'escape sequence', 10],
    ["NumberOfEmployees = '10'", 'is a int field', 21],
    ['Industry LIKE 5', 'is not a picklist value', 15],
    ["NumberOfEmployees LIKE '1%'", 'LIKE works on text fields only', 19],
    ['CreatedDate = LAST_N_FORTNIGHTS:2', 'Expected a value', 15],
    ['CreatedDate = LAST_N_DAYS', 'needs a number', 26],
    ['CreatedDate > 2024-02-30', 'not a calendar date', 15],
    ["Name = 'x' LIMIT 1", 'Expected AND, OR or the end', 12],
    ['NumberOfEmployees > null', 'null can only be compared', 19],
    ['', 'empty', 1],
  ])('refuses %s', (input, message, column) => {
    const error = problem(input);
    expect(error.message).toContain(message);
    expect(error.column).toBe(column);
    expect(error.message).toContain(`(at character ${column})`);
  });

  it('refuses very deep nesting and very long filters', () => {
    expect(problem(`${'('.repeat(50)}Name = 'x'${')'.repeat(50)}`).message).toContain(
      'nested too deeply',
    );
    expect(problem(`Name = '${'x'.repeat(4000)}'`).message).toContain('longer than 4000');
  });

  it('is explained as a filter problem for people', () => {
    expect(explainSalesforceError(problem('Foo = 1'))).toMatchObject({
      code: 'invalid_filter',
      reconnect: false,
      message: expect.stringContaining("Unknown field 'Foo'"),
    });
  });
});
