import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_MAPPING, account } from '../support/accounts';
import { startHarness, type ApiClient, type Harness } from '../support/service-harness';

describe('mapping endpoints', () => {
  let harness: Harness;
  let acme: ApiClient;

  beforeAll(async () => {
    harness = await startHarness();
    acme = await harness.registerOrg('00D000000000001', 'acme', 'acme-api-key-1');
  });
  afterAll(async () => harness.close());

  it('answers an empty mapping with version null before one is saved', async () => {
    const answer = await acme.get('/v1/mappings/Contact');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ objectType: 'Contact', version: null, fields: {} });
  });

  it('saves new versions and answers the latest', async () => {
    const first = await acme.put('/v1/mappings/Account', { fields: { name: { source: 'Name' } } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const second = await acme.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    expect(second.body.version).toBe(2);
    const latest = await acme.get('/v1/mappings/Account');
    expect(latest.body).toMatchObject({ version: 2, fields: { net_gross: { fixed: 'NET' } } });
  });

  it('refuses an invalid mapping with 422 and a problem per field', async () => {
    const answer = await acme.put('/v1/mappings/Account', {
      fields: { name: { source: 'Name' }, net_gross: { fixed: 'BRUTTO' }, colour: { source: 'Colour__c' } },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('invalid_mapping');
    const fields = answer.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['net_gross', 'colour']));
    expect((await acme.get('/v1/mappings/Account')).body.version).toBe(2);
  });

  it('previews unsaved fields on sample records, one result per record with its problems', async () => {
    const answer = await acme.post('/v1/mappings/Account/preview', {
      fields: ACCOUNT_MAPPING,
      records: [account(1), account(2, { BillingCountry: 'Narnia' })],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(2);
    expect(answer.body.results[0].customer).toMatchObject({ name: 'Company 0001 GmbH', country_code: 'DE', net_gross: 'NET' });
    expect(answer.body.results[1].problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'country_code', severity: 'error' })]),
    );
    // A preview costs no Billomat call.
    expect(harness.emulator.callCount('acme')).toBe(0);
  });

  it('lists the Billomat field catalogue and the transforms for the editor', async () => {
    const answer = await acme.get('/v1/billomat-fields');
    expect(answer.status).toBe(200);
    const names = answer.body.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'country_code', 'net_gross', 'bank_iban', 'price_group']));
    expect(answer.body.transforms.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['country', 'street']));
  });
});
