import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import { ACCOUNT_MAPPING, account, accountId } from '../support/accounts';
import { startHarness, type ApiClient, type Harness } from '../support/service-harness';

const ORG = '00D000000000001';
const BILLOMAT = 'acme';

describe('pushing accounts to Billomat over HTTP', () => {
  let harness: Harness;
  let acme: ApiClient;

  beforeAll(async () => {
    harness = await startHarness();
    acme = await harness.registerOrg(ORG, BILLOMAT, 'acme-api-key-1');
    const saved = await acme.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => harness.close());

  it('creates the customers with mapped fields, defaults, fixed values and transformed country codes', async () => {
    const records = [
      account(1),
      account(2, { BillingCountry: 'United States', Description: 'Key account' }),
      account(3, { BillingCountry: null }),
    ];
    const accepted = await acme.post('/v1/pushes', { objectType: 'Account', records });
    expect(accepted.status).toBe(202);
    expect(accepted.body.jobId).toEqual(expect.any(String));

    const job = await acme.waitForPush(accepted.body.jobId);
    expect(job.counts).toMatchObject({ total: 3, created: 3, failed: 0, pending: 0 });

    const clients = harness.emulator.clients(BILLOMAT);
    expect(clients).toHaveLength(3);
    const first = clients.find((c) => c.name === 'Company 0001 GmbH');
    expect(first).toMatchObject({
      street: 'Hauptstraße 1, 2. OG',
      zip: '10001',
      city: 'Berlin',
      country_code: 'DE',
      email: 'billing1@company1.de',
      www: 'www.company1.de',
      note: 'Imported from Salesforce',
      net_gross: 'NET',
    });
    expect(clients.find((c) => c.name === 'Company 0002 GmbH')).toMatchObject({ country_code: 'US', note: 'Key account' });
    // An empty country falls back to the default value.
    expect(clients.find((c) => c.name === 'Company 0003 GmbH')).toMatchObject({ country_code: 'DE' });

    const result = job.results.items.find((item: { sfId: string }) => item.sfId === salesforceId18(accountId(1)));
    expect(result).toMatchObject({ status: 'created', billomatNumber: first?.client_number, billomatId: first?.id });
  });

  it('updates a pushed-again record, skips an unchanged one without a call, and never duplicates', async () => {
    const before = harness.emulator.clients(BILLOMAT).length;
    const callsBefore = harness.emulator.callCount(BILLOMAT);
    const again = await acme.post('/v1/pushes', {
      objectType: 'Account',
      records: [account(1, { BillingCity: 'Hamburg' }), account(2, { BillingCountry: 'United States', Description: 'Key account' })],
    });
    const job = await acme.waitForPush(again.body.jobId);
    expect(job.counts).toMatchObject({ updated: 1, unchanged: 1, created: 0, failed: 0 });
    expect(harness.emulator.clients(BILLOMAT)).toHaveLength(before);
    expect(harness.emulator.clients(BILLOMAT).find((c) => c.name === 'Company 0001 GmbH')?.city).toBe('Hamburg');
    // Exactly one call: the update. The unchanged record costs nothing.
    expect(harness.emulator.callCount(BILLOMAT) - callsBefore).toBe(1);
  });

  it('fails a bad record alone with a message a sales rep can act on, and sends the rest', async () => {
    const records = [account(10), account(11, { Billing_Email__c: 'billing(at)company11' }), account(12, { Name: '  ' })];
    const accepted = await acme.post('/v1/pushes', { objectType: 'Account', records });
    const job = await acme.waitForPush(accepted.body.jobId);
    expect(job.counts).toMatchObject({ created: 1, failed: 2 });
    const failed = job.results.items.filter((item: { status: string }) => item.status === 'failed');
    // Failed records come first in the results: they are what someone must act on.
    expect(job.results.items[0].status).toBe('failed');
    expect(failed.map((f: { sfId: string }) => f.sfId).sort()).toEqual([salesforceId18(accountId(11)), salesforceId18(accountId(12))].sort());
    const emailProblem = failed.find((f: { sfId: string }) => f.sfId === salesforceId18(accountId(11)));
    expect(emailProblem.message).toMatch(/billing\(at\)company11/);
    expect(emailProblem.message).toMatch(/e-mail/i);
    expect(emailProblem.message).not.toMatch(/Error:|at .*\.ts/);
  });

  it('answers a single-record send inline with ?wait and the Billomat customer number', async () => {
    const answer = await acme.post('/v1/pushes?wait=10', { objectType: 'Account', records: [account(20)], source: 'record-action' });
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('completed');
    const created = harness.emulator.clients(BILLOMAT).find((c) => c.name === 'Company 0020 GmbH');
    expect(answer.body.results.items[0]).toMatchObject({ status: 'created', billomatNumber: created?.client_number });
  });

  it('returns the same push for a replayed Idempotency-Key and refuses the key for a different body', async () => {
    const headers = { 'Idempotency-Key': 'replay-key-1' };
    const first = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(30)] }, headers);
    const replay = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(30)] }, headers);
    expect(replay.status).toBe(202);
    expect(replay.body.jobId).toBe(first.body.jobId);
    const other = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(31)] }, headers);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_conflict');
    await acme.waitForPush(first.body.jobId);
    expect(harness.emulator.clients(BILLOMAT).filter((c) => c.name === 'Company 0030 GmbH')).toHaveLength(1);
  });

  it('retries only the failed records, with the fixed data the org sends', async () => {
    const accepted = await acme.post('/v1/pushes', {
      objectType: 'Account',
      records: [account(40), account(41, { Billing_Email__c: 'not-an-email' })],
    });
    const first = await acme.waitForPush(accepted.body.jobId);
    expect(first.counts).toMatchObject({ created: 1, failed: 1 });
    const callsBefore = harness.emulator.callCount(BILLOMAT);

    const retry = await acme.post(`/v1/pushes/${accepted.body.jobId}/retry`, { records: [account(41)] });
    expect(retry.status).toBe(202);
    expect(retry.body.retried).toBe(1);
    const after = await acme.waitForPush(accepted.body.jobId);
    expect(after.counts).toMatchObject({ created: 2, failed: 0 });
    // Only the failed record was sent again: one create.
    expect(harness.emulator.callCount(BILLOMAT) - callsBefore).toBe(1);
  });

  it('takes records with REST-style parent relationships and flat parent keys', async () => {
    const answer = await acme.post('/v1/pushes?wait=10', {
      objectType: 'Account',
      records: [account(60, { attributes: { type: 'Account', url: '/x' }, Owner: { attributes: { type: 'User' }, Name: 'Jo' }, 'Parent.Name': 'Holding' })],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.counts.created).toBe(1);
  });

  it('takes a big selection in chunks under one push and finishes when the last chunk closes it', async () => {
    const empty = await acme.post('/v1/pushes', { objectType: 'Account', records: [], expectMore: true, expectedTotal: null });
    expect(empty.status).toBe(202);
    const opened = await acme.post('/v1/pushes', { objectType: 'Account', records: [account(50)], expectMore: true, expectedTotal: 3 });
    expect(opened.status).toBe(202);
    const jobId = opened.body.jobId;
    const chunk = await acme.post(`/v1/pushes/${jobId}/records`, { records: [account(51)], expectMore: true });
    expect(chunk.status).toBe(202);
    const last = await acme.post(`/v1/pushes/${jobId}/records`, { records: [account(52)], expectMore: false });
    expect(last.status).toBe(202);
    const job = await acme.waitForPush(jobId);
    expect(job.counts).toMatchObject({ total: 3, created: 3 });
    const closed = await acme.post(`/v1/pushes/${jobId}/records`, { records: [account(53)] });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('push_closed');
  });

  it('lists recent pushes and feeds finished results to the scheduled write-back in order', async () => {
    const recent = await acme.get('/v1/pushes?limit=3');
    expect(recent.status).toBe(200);
    expect(recent.body.items).toHaveLength(3);
    const page1 = await acme.get('/v1/results?after=0&limit=5');
    expect(page1.body.items).toHaveLength(5);
    const page2 = await acme.get(`/v1/results?after=${page1.body.nextCursor}&limit=1000`);
    const cursors = [...page1.body.items, ...page2.body.items].map((item: { cursor: number }) => item.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(page2.body.items.every((item: { status: string }) => item.status !== 'pending')).toBe(true);
  });

  it('reports status: org registered, Billomat reachable, mappings saved', async () => {
    const status = await acme.get('/v1/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      service: { status: 'ok' },
      org: { registered: true, billomatId: BILLOMAT },
      billomat: { reachable: true },
      mappings: { Account: { saved: true }, Contact: { saved: false, version: null } },
    });
  });
});
