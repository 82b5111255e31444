import { describe, expect, it } from 'vitest';
import {
  BILLOMAT_CLIENT_FIELDS,
  billomatField,
  isBillomatFieldName,
} from '../../server/src/mapping';

const DOCUMENTED_FIELDS = [
  'archived', 'number_pre', 'number', 'number_length', 'name', 'street', 'zip', 'city', 'state',
  'country_code', 'first_name', 'last_name', 'salutation', 'phone', 'fax', 'mobile', 'email', 'www',
  'tax_number', 'vat_number', 'bank_account_number', 'bank_account_owner', 'bank_number',
  'bank_name', 'bank_swift', 'bank_iban', 'sepa_mandate', 'sepa_mandate_date', 'tax_rule',
  'net_gross', 'note', 'discount_rate_type', 'discount_days_type', 'due_days_type',
  'reminder_due_days_type', 'offer_validity_days_type', 'discount_rate', 'discount_days',
  'due_days', 'reminder_due_days', 'offer_validity_days', 'price_group', 'locale', 'currency_code',
]; // prettier-ignore

describe('the Billomat client field catalogue', () => {
  it('has exactly the writable client fields Billomat documents, plus locale and currency_code', () => {
    expect(BILLOMAT_CLIENT_FIELDS.map((field) => field.name).sort()).toEqual(
      [...DOCUMENTED_FIELDS].sort(),
    );
  });

  it('gives every field a label and a help text', () => {
    for (const field of BILLOMAT_CLIENT_FIELDS) {
      expect(field.label, field.name).toMatch(/^\S/);
      expect(field.help.length, field.name).toBeGreaterThan(5);
    }
  });

  it('gives every text field a maximum length and no other field one', () => {
    for (const field of BILLOMAT_CLIENT_FIELDS) {
      const isText = ['string', 'email', 'url'].includes(field.type);
      expect(field.maxLength !== undefined, field.name).toBe(isText);
    }
    expect(billomatField('name').maxLength).toBe(255);
    expect(billomatField('street').maxLength).toBe(255);
    expect(billomatField('zip').maxLength).toBe(20);
    expect(billomatField('phone').maxLength).toBe(60);
  });

  it('lists the allowed values of every enum field', () => {
    expect(billomatField('net_gross').values).toEqual(['NET', 'GROSS', 'SETTINGS']);
    expect(billomatField('tax_rule').values).toEqual(['TAX', 'NO_TAX', 'COUNTRY']);
    expect(billomatField('due_days_type').values).toEqual(['SETTINGS', 'ABSOLUTE', 'RELATIVE']);
    for (const field of BILLOMAT_CLIENT_FIELDS) {
      expect((field.values ?? []).length > 0, field.name).toBe(field.type === 'enum');
    }
  });

  it('types the fields as Billomat reads them', () => {
    expect(billomatField('country_code').type).toBe('countryCode');
    expect(billomatField('email').type).toBe('email');
    expect(billomatField('www').type).toBe('url');
    expect(billomatField('sepa_mandate_date').type).toBe('date');
    expect(billomatField('due_days').type).toBe('integer');
    expect(billomatField('discount_rate').type).toBe('number');
    expect(billomatField('archived').type).toBe('boolean01');
  });

  it('looks fields up by their exact name only', () => {
    expect(billomatField('city')?.label).toBe('City');
    expect(billomatField('City')).toBeUndefined();
    expect(isBillomatFieldName('vat_number')).toBe(true);
    expect(isBillomatFieldName('client_number')).toBe(false);
  });

  it('is plain data that survives a trip through JSON', () => {
    expect(JSON.parse(JSON.stringify(BILLOMAT_CLIENT_FIELDS))).toEqual(BILLOMAT_CLIENT_FIELDS);
  });
});
