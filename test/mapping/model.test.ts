import { describe, expect, it } from 'vitest';
import {
  FieldAssignmentSchema,
  MappingSchema,
  ProblemSchema,
  SalesforceRecordSchema,
} from '../../server/src/mapping';

describe('the mapping schemas', () => {
  it('accept a source assignment with an optional default and transform, or a fixed value', () => {
    expect(
      FieldAssignmentSchema.safeParse({
        source: 'BillingCountry',
        default: 'DE',
        transform: 'country',
      }).success,
    ).toBe(true);
    expect(FieldAssignmentSchema.safeParse({ source: 'Account.Name' }).success).toBe(true);
    expect(FieldAssignmentSchema.safeParse({ fixed: 'NET' }).success).toBe(true);
  });

  it('reject both or neither of source and fixed, a default with fixed, and unknown transforms', () => {
    expect(FieldAssignmentSchema.safeParse({ source: 'Name', fixed: 'Acme' }).success).toBe(false);
    expect(FieldAssignmentSchema.safeParse({}).success).toBe(false);
    expect(FieldAssignmentSchema.safeParse({ fixed: 'NET', default: 'GROSS' }).success).toBe(false);
    expect(FieldAssignmentSchema.safeParse({ source: 'Name', transform: 'reverse' }).success).toBe(
      false,
    );
  });

  it('reject a source that could smuggle SOQL into a query', () => {
    expect(FieldAssignmentSchema.safeParse({ source: 'Name FROM User --' }).success).toBe(false);
    expect(FieldAssignmentSchema.safeParse({ source: "Name' OR ''='" }).success).toBe(false);
  });

  it('reject a mapping with a field Billomat does not have or an unknown object type', () => {
    expect(
      MappingSchema.safeParse({ objectType: 'Account', fields: { colour: { fixed: 'red' } } })
        .success,
    ).toBe(false);
    expect(MappingSchema.safeParse({ objectType: 'Lead', fields: {} }).success).toBe(false);
    expect(
      MappingSchema.safeParse({
        objectType: 'Contact',
        fields: { last_name: { source: 'LastName' } },
      }).success,
    ).toBe(true);
  });

  it('accept a Salesforce record with any fields, nested parents and attributes, but only with an Id', () => {
    const record = {
      attributes: { type: 'Contact' },
      Id: '003000000000001AAA',
      LastName: 'Meier',
      Account: { Name: 'Acme' },
      'Account.Name': 'Acme',
      NumberOfEmployees: 5,
      IsActive__c: true,
      Fax: null,
    };
    expect(SalesforceRecordSchema.parse(record)).toEqual(record);
    expect(SalesforceRecordSchema.safeParse({ LastName: 'Meier' }).success).toBe(false);
    expect(SalesforceRecordSchema.safeParse({ Id: '' }).success).toBe(false);
  });

  it('describe a problem as field, severity and message', () => {
    expect(ProblemSchema.safeParse({ field: null, severity: 'error', message: 'x' }).success).toBe(
      true,
    );
    expect(ProblemSchema.safeParse({ field: 'city', severity: 'info', message: 'x' }).success).toBe(
      false,
    );
  });
});
