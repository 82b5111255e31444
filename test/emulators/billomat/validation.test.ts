import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../../emulators/billomat';
import { caller, clientOf, type Caller } from './billomat-call';

describe('Billomat emulator: field validation', () => {
  let emulator: BillomatEmulator;
  let acme: Caller;

  const errorFor = async (client: Record<string, unknown>): Promise<unknown> => {
    const reply = await acme.post('clients', { client: { name: 'Acme', ...client } });
    expect(reply.status).toBe(400);
    return (reply.body as { errors: { error: unknown } }).errors.error;
  };

  beforeAll(async () => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
    });
    acme = caller(emulator, 'acme', 'acme-key');
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('rejects a field Billomat clients do not have', async () => {
    expect(await errorFor({ colour: 'blue' })).toBe('Unknown field: colour');
  });

  it('rejects read-only fields in a create', async () => {
    expect(await errorFor({ client_number: 'KD0009' })).toBe('Unknown field: client_number');
  });

  it('rejects an e-mail address that is not one', async () => {
    expect(await errorFor({ email: 'info(at)acme' })).toBe(
      'Invalid email: "info(at)acme" is not a valid e-mail address',
    );
  });

  it('rejects a country code that is not ISO 3166-1 alpha-2', async () => {
    expect(await errorFor({ country_code: 'Germany' })).toBe(
      'Invalid country_code: "Germany" is not an ISO 3166-1 alpha-2 country code',
    );
    expect(await errorFor({ country_code: 'XX' })).toMatch(/^Invalid country_code/);
  });

  it('rejects enum values outside their list, for tax_rule, net_gross and the *_type fields', async () => {
    expect(await errorFor({ tax_rule: 'FREE' })).toBe(
      'Invalid tax_rule: "FREE" is not one of TAX, NO_TAX, COUNTRY',
    );
    expect(await errorFor({ net_gross: 'net' })).toMatch(/^Invalid net_gross/);
    expect(await errorFor({ due_days_type: 'DAYS' })).toBe(
      'Invalid due_days_type: "DAYS" is not one of SETTINGS, ABSOLUTE, RELATIVE',
    );
  });

  it('rejects integers that are not whole numbers', async () => {
    expect(await errorFor({ due_days: '14.5' })).toBe(
      'Invalid due_days: "14.5" is not a whole number',
    );
    expect(await errorFor({ price_group: 'two' })).toMatch(/^Invalid price_group/);
  });

  it('rejects archived values other than 0 and 1', async () => {
    expect(await errorFor({ archived: 'true' })).toBe('Invalid archived: "true" must be 0 or 1');
  });

  it('rejects dates that are not YYYY-MM-DD calendar dates', async () => {
    expect(await errorFor({ sepa_mandate_date: '01.02.2025' })).toBe(
      'Invalid sepa_mandate_date: "01.02.2025" is not a date (YYYY-MM-DD)',
    );
    expect(await errorFor({ sepa_mandate_date: '2025-02-30' })).toMatch(
      /^Invalid sepa_mandate_date/,
    );
  });

  it('rejects values that are neither strings nor numbers', async () => {
    expect(await errorFor({ note: { text: 'x' } })).toBe(
      'Invalid note: must be a string or a number',
    );
  });

  it('lists several problems as an array under "error"', async () => {
    const errors = await errorFor({ email: 'nope', colour: 'blue', archived: 2 });
    expect(errors).toEqual([
      'Invalid email: "nope" is not a valid e-mail address',
      'Unknown field: colour',
      'Invalid archived: "2" must be 0 or 1',
    ]);
  });

  it('stores nothing when a create is rejected', async () => {
    await errorFor({ email: 'nope' });
    expect(emulator.clients('acme')).toEqual([]);
  });

  it('validates an update too and leaves the client as it was', async () => {
    const id = String(clientOf(await acme.post('clients', { client: { name: 'Acme' } })).id);
    const reply = await acme.put(`clients/${id}`, { client: { name: 'Renamed', email: 'nope' } });
    expect(reply.status).toBe(400);
    expect(emulator.clients('acme')[0]).toMatchObject({ name: 'Acme', email: '' });
  });

  it('accepts valid values of every kind and answers them as strings', async () => {
    const reply = await acme.post('clients', {
      client: {
        name: 'Acme',
        email: 'info@acme.de',
        country_code: 'AT',
        tax_rule: 'NO_TAX',
        net_gross: 'NET',
        due_days_type: 'ABSOLUTE',
        due_days: 30,
        discount_rate: 2.5,
        archived: 1,
        sepa_mandate_date: '2024-02-29',
      },
    });
    expect(reply.status).toBe(201);
    expect(clientOf(reply)).toMatchObject({
      country_code: 'AT',
      due_days: '30',
      discount_rate: '2.5',
      archived: '1',
      sepa_mandate_date: '2024-02-29',
    });
  });
});
