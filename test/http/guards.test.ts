import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_MAPPING, account } from '../support/accounts';
import { apiClient, startHarness, type ApiClient, type Harness } from '../support/service-harness';

describe('authentication, tenancy and bad input', () => {
  let harness: Harness;
  let acme: ApiClient;
  let globex: ApiClient;

  beforeAll(async () => {
    harness = await startHarness({ env: { PUSH_MAX_RECORDS: '50', PUSH_MAX_BODY_BYTES: '65536' } });
    acme = await harness.registerOrg('00D000000000001', 'acme', 'acme-api-key-1');
    globex = await harness.registerOrg('00D000000000002', 'globex', 'globex-api-key-2');
    await acme.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    await globex.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
  });
  afterAll(async () => harness.close());

  async function jobsOf(client: ApiClient): Promise<number> {
    return (await client.get('/v1/pushes?limit=100')).body.items.length;
  }

  describe('authentication', () => {
    it('refuses a request without a token with 401 and says how to send one', async () => {
      const answer = await apiClient(harness.url, '').get('/v1/pushes');
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toMatch(/Authorization: Bearer/);
    });

    it('refuses an unknown token with 401', async () => {
      const answer = await apiClient(harness.url, 'bex_not-a-real-token').get('/v1/mappings/Account');
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
    });

    it('tells an unregistered org on the status endpoint that it is not registered, and nothing more', async () => {
      const answer = await apiClient(harness.url, 'bex_not-a-real-token').get('/v1/status');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ service: { status: 'ok' }, org: { registered: false }, billomat: null, mappings: null });
      expect(answer.body.org.message).toMatch(/not known/);
    });

    it('refuses an org token on the operator endpoint', async () => {
      const answer = await acme.post('/v1/orgs', { orgId: '00D000000000009', billomatId: 'x', billomatApiKey: 'some-key-123' });
      expect(answer.status).toBe(401);
    });

    it('registers an org only once and shows its token only at registration', async () => {
      const again = await harness.operator.post('/v1/orgs', { orgId: '00D000000000001', billomatId: 'acme', billomatApiKey: 'acme-api-key-1' });
      expect(again.status).toBe(409);
      const list = await harness.operator.get('/v1/orgs');
      expect(JSON.stringify(list.body)).not.toMatch(/apiToken|acme-api-key-1/);
    });

    it('stores the Billomat API key encrypted, never in clear', async () => {
      const orgs = await harness.service.store.listOrgs();
      for (const org of orgs) {
        expect(org.billomatApiKeySealed).not.toContain('api-key');
        expect(org.billomatApiKeySealed).toMatch(/^v1\./);
      }
    });
  });

  describe('tenancy', () => {
    it("answers 404 for another org's push, its retry and its chunks", async () => {
      const accepted = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1)] });
      const jobId = accepted.body.jobId;
      expect((await globex.get(`/v1/pushes/${jobId}`)).status).toBe(404);
      expect((await globex.post(`/v1/pushes/${jobId}/retry`, {})).status).toBe(404);
      expect((await globex.post(`/v1/pushes/${jobId}/records`, { records: [account(2)] })).status).toBe(404);
      expect((await acme.get(`/v1/pushes/${jobId}`)).status).toBe(200);
      await acme.waitForPush(jobId);
      expect(harness.emulator.clients('globex')).toHaveLength(0);
    });

    it("keeps each org's mappings and results to itself", async () => {
      await globex.put('/v1/mappings/Account', { fields: { name: { source: 'Name' } } });
      expect((await acme.get('/v1/mappings/Account')).body.fields).toHaveProperty('street');
      expect((await globex.get('/v1/results')).body.items).toHaveLength(0);
    });
  });

  describe('bad input gets a clear 4xx and stores nothing', () => {
    it('rejects malformed JSON with 400', async () => {
      const before = await jobsOf(acme);
      const answer = await acme.raw('POST', '/v1/pushes', '{"objectType": "Account", "records": [', {
        'Content-Type': 'application/json',
        'Idempotency-Key': 'malformed-1',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('malformed_json');
      expect(await jobsOf(acme)).toBe(before);
    });

    it('rejects a body that is not JSON with 415', async () => {
      const answer = await acme.raw('POST', '/v1/pushes', 'objectType=Account', {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Idempotency-Key': 'form-1',
      });
      expect(answer.status).toBe(415);
    });

    it('rejects wrong types and names the place', async () => {
      const before = await jobsOf(acme);
      const answer = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1), { Id: 42, Name: 'x' }] });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/records\[1\]\.Id/);
      const nested = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1, { Name: ['a', 'b'] })] });
      expect(nested.status).toBe(400);
      expect(await jobsOf(acme)).toBe(before);
    });

    it('rejects an unknown object type', async () => {
      const push = await acme.post('/v1/pushes', { objectType: 'Opportunity', records: [account(1)] });
      expect(push.status).toBe(400);
      expect(push.body.error.message).toMatch(/objectType/);
      const mapping = await acme.get('/v1/mappings/Opportunity');
      expect(mapping.status).toBe(404);
      expect(mapping.body.error.message).toMatch(/Account or Contact/);
    });

    it('rejects ids of the wrong object type and duplicates, storing none of the batch', async () => {
      const before = await jobsOf(acme);
      const contactId = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1), { Id: '003000000000001', Name: 'x' }] });
      expect(contactId.status).toBe(400);
      expect(contactId.body.error.message).toMatch(/not an Account id/);
      const twice = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1), account(1)] });
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toMatch(/already in this request/);
      expect(await jobsOf(acme)).toBe(before);
    });

    it('rejects more records than the limit with 413 and says how to send them', async () => {
      const records = Array.from({ length: 51 }, (_, i) => account(100 + i));
      const answer = await acme.post('/v1/pushes', { objectType: 'Account', records });
      expect(answer.status).toBe(413);
      expect(answer.body.error.message).toMatch(/at most 50 records; this one has 51/);
    });

    it('rejects an oversized body with 413', async () => {
      const answer = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(1, { Description: 'x'.repeat(70_000) })] });
      expect(answer.status).toBe(413);
      expect(answer.body.error.code).toBe('body_too_large');
    });

    it('requires an Idempotency-Key on a push', async () => {
      const answer = await acme.raw('POST', '/v1/pushes', JSON.stringify({ objectType: 'Account', records: [account(1)] }), {
        'Content-Type': 'application/json',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/Idempotency-Key/);
    });

    it('refuses a push for an object type without a saved mapping', async () => {
      const answer = await acme.post('/v1/pushes', { objectType: 'Contact', records: [{ Id: '003000000000001', LastName: 'Doe' }] });
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toMatch(/Mapping tab/);
    });

    it('answers an unknown route with a 404 in the same error shape', async () => {
      const answer = await acme.get('/v1/nothing-here');
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    });
  });
});
