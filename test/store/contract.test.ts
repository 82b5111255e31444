import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedRecord, FeedItem, NewSalesforceConnection, Store } from '../../server/src/store/contract';
import {
  LONG_LEASE_MS,
  SHORT_LEASE_MS,
  claimAll,
  claimUntilNoneLeft,
  finish,
  givenJob,
  givenOrg,
  newJob,
  newOrg,
  pushRecords,
  readFeed,
  sleep,
} from './builders';
import { STORES, type OpenedStore } from './stores';

describe.each(STORES)('the $name store', (subject) => {
  let opened: OpenedStore;
  let store: Store;
  let dispose: (() => Promise<void>) | undefined;
  let reachable: Promise<void> | undefined;

  // Checked before every test, so that a missing server fails each test instead of skipping it.
  beforeEach(async () => {
    await (reachable ??= subject.ensureReachable());
    opened = await subject.open();
    store = opened.store;
    dispose = () => opened.dispose();
  });
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  describe('orgs', () => {
    it('adds an org once and answers "exists" when the same org is added again', async () => {
      expect(await store.addOrg(newOrg('org-1'))).toBe('added');
      expect(await store.addOrg({ ...newOrg('org-1'), tokenHash: 'another-hash' })).toBe('exists');

      expect(await store.getOrg('org-1')).toMatchObject({
        orgId: 'org-1',
        billomatId: 'acme',
        billomatAppId: null,
      });
      expect((await store.listOrgs()).map((org) => org.orgId)).toEqual(['org-1']);
      expect(await store.getOrg('org-2')).toBeNull();
    });

    it('finds an org by its token hash until the token is replaced', async () => {
      await givenOrg(store, 'org-1');
      await givenOrg(store, 'org-2');

      expect(await store.findOrgByTokenHash('token-hash-of-org-1')).toMatchObject({
        orgId: 'org-1',
        tokenHash: 'token-hash-of-org-1',
        billomatApiKeySealed: 'sealed-key-of-org-1',
      });
      expect(await store.findOrgByTokenHash('no-such-hash')).toBeNull();

      expect(await store.replaceOrgToken('org-1', 'new-hash')).toBe(true);
      expect(await store.findOrgByTokenHash('token-hash-of-org-1')).toBeNull();
      expect((await store.findOrgByTokenHash('new-hash'))?.orgId).toBe('org-1');
      expect(await store.replaceOrgToken('org-9', 'other-hash')).toBe(false);
    });

    it('replaces the Billomat credentials of a known org only', async () => {
      await givenOrg(store, 'org-1');
      const update = {
        billomatId: 'globex',
        billomatApiKeySealed: 'new-key',
        billomatAppId: 'app',
        billomatAppSecretSealed: 'secret',
      };

      expect(await store.updateOrgCredentials('org-1', update)).toBe(true);
      expect(await store.updateOrgCredentials('org-9', update)).toBe(false);
      expect(await store.getOrg('org-1')).toMatchObject(update);
    });
  });

  describe('mappings', () => {
    it('numbers mapping versions per org and object type, keeping the old versions', async () => {
      const [orgA, orgB] = [await givenOrg(store), await givenOrg(store)];

      expect((await store.saveMapping(orgA, 'Account', { name: { source: 'Name' } })).version).toBe(
        1,
      );
      expect((await store.saveMapping(orgA, 'Account', { name: { fixed: 'ACME' } })).version).toBe(
        2,
      );
      expect(
        (await store.saveMapping(orgA, 'Contact', { last_name: { source: 'LastName' } })).version,
      ).toBe(1);
      expect(
        (await store.saveMapping(orgB, 'Account', { city: { source: 'BillingCity' } })).version,
      ).toBe(1);

      expect(await store.latestMapping(orgA, 'Account')).toMatchObject({
        version: 2,
        fields: { name: { fixed: 'ACME' } },
      });
      expect(await store.mappingVersion(orgA, 'Account', 1)).toMatchObject({
        fields: { name: { source: 'Name' } },
      });
      expect(await store.latestMapping(orgB, 'Account')).toMatchObject({
        version: 1,
        fields: { city: { source: 'BillingCity' } },
      });
      expect(await store.latestMapping(orgB, 'Contact')).toBeNull();
      expect(await store.mappingVersion(orgB, 'Account', 2)).toBeNull();
    });

    it('gives mappings saved at the same time distinct versions', async () => {
      const orgId = await givenOrg(store);
      const sibling = await opened.sibling();

      const saved = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          (index % 2 ? sibling : store).saveMapping(orgId, 'Account', {
            name: { fixed: `v${index}` },
          }),
        ),
      );

      expect(saved.map((mapping) => mapping.version).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    });
  });

  describe('jobs', () => {
    it('stores a push as a queued job with every record pending', async () => {
      const orgId = await givenOrg(store);

      const outcome = await store.createJob(
        newJob(orgId, pushRecords(3), { expectedTotal: 3, source: 'admin' }),
      );

      expect(outcome).toMatchObject({
        kind: 'created',
        job: { orgId, state: 'queued', source: 'admin', expectedTotal: 3 },
      });
      expect(await store.jobCounts(outcome.job.jobId, 0)).toMatchObject({ total: 3, pending: 3 });
      expect(await store.getJob(orgId, outcome.job.jobId)).toEqual(outcome.job);
    });

    it('replays a push with the same idempotency key and body, and refuses one with a different body', async () => {
      const orgId = await givenOrg(store);
      const push = newJob(orgId, pushRecords(2));
      const first = await store.createJob(push);

      const replay = await store.createJob(push);
      const conflict = await store.createJob({
        ...push,
        requestHash: 'another-body',
        records: pushRecords(5),
      });

      expect(replay).toEqual({ kind: 'replayed', job: first.job });
      expect(conflict).toEqual({ kind: 'conflict', job: first.job });
      expect((await store.jobCounts(first.job.jobId, 0)).total).toBe(2);
      expect(await store.listJobs(orgId, 10)).toHaveLength(1);
    });

    it('keeps idempotency keys apart per org', async () => {
      const [orgA, orgB] = [await givenOrg(store), await givenOrg(store)];

      const a = await store.createJob(newJob(orgA, pushRecords(1), { idempotencyKey: 'same-key' }));
      const b = await store.createJob(newJob(orgB, pushRecords(1), { idempotencyKey: 'same-key' }));

      expect([a.kind, b.kind]).toEqual(['created', 'created']);
      expect(a.job.jobId).not.toBe(b.job.jobId);
    });

    it('stores nothing of a push when one of its records cannot be stored', async () => {
      const orgId = await givenOrg(store);
      const broken = [...pushRecords(3), { sfId: null as unknown as string, payload: {} }];

      await expect(
        store.createJob(newJob(orgId, broken, { idempotencyKey: 'key-1' })),
      ).rejects.toThrow();

      expect(await store.listJobs(orgId, 10)).toEqual([]);
      expect(await claimAll(store, 'worker-a')).toEqual([]);
      expect(
        (await store.createJob(newJob(orgId, pushRecords(3), { idempotencyKey: 'key-1' }))).kind,
      ).toBe('created');
    });

    it('completes an empty push at once unless more records are expected', async () => {
      const orgId = await givenOrg(store);

      const empty = await givenJob(store, orgId, []);
      const opening = await givenJob(store, orgId, [], { expectMore: true });

      expect(empty).toMatchObject({ state: 'completed', expectMore: false });
      expect(empty.finishedAt).not.toBeNull();
      expect(opening).toMatchObject({ state: 'queued', expectMore: true, finishedAt: null });
    });

    it("lists an org's jobs newest first and never shows them to another org", async () => {
      const [orgA, orgB] = [await givenOrg(store), await givenOrg(store)];
      const first = await givenJob(store, orgA, pushRecords(1));
      const second = await givenJob(store, orgA, pushRecords(1));
      const third = await givenJob(store, orgA, pushRecords(1));

      expect((await store.listJobs(orgA, 2)).map((job) => job.jobId)).toEqual([
        third.jobId,
        second.jobId,
      ]);
      expect((await store.listJobs(orgA, 10)).map((job) => job.jobId)).toEqual([
        third.jobId,
        second.jobId,
        first.jobId,
      ]);
      expect(await store.getJob(orgB, first.jobId)).toBeNull();
      expect(await store.listJobs(orgB, 10)).toEqual([]);
      expect(await store.getJob(orgA, 'no-such-job')).toBeNull();
    });
  });

  describe('appending to a push', () => {
    it('adds the records of each chunk after the ones already there', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(2, 'A'), { expectMore: true });

      const appended = await store.appendRecords(orgId, job.jobId, {
        idempotencyKey: 'chunk-2',
        requestHash: 'hash-2',
        records: pushRecords(3, 'B'),
        expectMore: true,
      });

      expect(appended).toBe('appended');
      const claimed = await claimAll(store, 'worker-a');
      expect(claimed.map((record) => [record.seq, record.sfId])).toEqual([
        [0, '001A00000'],
        [1, '001A00001'],
        [2, '001B00000'],
        [3, '001B00001'],
        [4, '001B00002'],
      ]);
    });

    it('closes a push that got no chunk for too long, keeps a recent one open, and completes the closed one when it is done', async () => {
      const orgId = await givenOrg(store);
      const idle = await givenJob(store, orgId, [], { expectMore: true, idempotencyKey: 'idle' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const recent = await givenJob(store, orgId, pushRecords(1), { expectMore: true, idempotencyKey: 'recent' });

      expect(await store.closeIdlePushes(100, 'closed for being idle')).toBe(1);

      const closed = await store.getJob(orgId, idle.jobId);
      expect(closed).toMatchObject({ expectMore: false, state: 'completed', message: 'closed for being idle' });
      expect((await store.getJob(orgId, recent.jobId))?.expectMore).toBe(true);
      expect(await store.appendRecords(orgId, idle.jobId, { idempotencyKey: 'late', requestHash: 'h', records: pushRecords(1), expectMore: false })).toBe('closed');
      // A chunk counts as activity: the recent push stays open after its own idle time is reset.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await store.appendRecords(orgId, recent.jobId, { idempotencyKey: 'c2', requestHash: 'h2', records: pushRecords(1, 'B'), expectMore: true });
      expect(await store.closeIdlePushes(100, 'idle')).toBe(0);
    });

    it('replays a chunk with the same key and body without adding records, and refuses a different body', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, [], { expectMore: true });
      const chunk = {
        idempotencyKey: 'chunk-1',
        requestHash: 'hash-1',
        records: pushRecords(2),
        expectMore: true,
      };

      expect(await store.appendRecords(orgId, job.jobId, chunk)).toBe('appended');
      expect(await store.appendRecords(orgId, job.jobId, chunk)).toBe('replayed');
      expect(
        await store.appendRecords(orgId, job.jobId, { ...chunk, requestHash: 'hash-other' }),
      ).toBe('conflict');
      expect((await store.jobCounts(job.jobId, 0)).total).toBe(2);
    });

    it("refuses chunks after the last one and does not find another org's push", async () => {
      const [orgA, orgB] = [await givenOrg(store), await givenOrg(store)];
      const job = await givenJob(store, orgA, pushRecords(1), { expectMore: true });
      const last = {
        idempotencyKey: 'last',
        requestHash: 'hash-last',
        records: pushRecords(1, 'B'),
        expectMore: false,
      };

      expect(await store.appendRecords(orgB, job.jobId, last)).toBe('not_found');
      expect(await store.appendRecords(orgA, 'no-such-job', last)).toBe('not_found');
      expect(await store.appendRecords(orgA, job.jobId, last)).toBe('appended');
      expect(await store.appendRecords(orgA, job.jobId, { ...last, idempotencyKey: 'late' })).toBe(
        'closed',
      );
      expect(await store.appendRecords(orgA, job.jobId, last)).toBe('replayed');
      expect((await store.jobCounts(job.jobId, 0)).total).toBe(2);
    });

    it('completes the push when the last chunk arrives after every earlier record finished', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(1), { expectMore: true });
      const [record] = await claimAll(store, 'worker-a');
      await finish(store, record!, 'worker-a', 'created');
      expect((await store.settleJob(job.jobId))?.state).toBe('running');

      await store.appendRecords(orgId, job.jobId, {
        idempotencyKey: 'end',
        requestHash: 'h',
        records: [],
        expectMore: false,
      });

      expect(await store.getJob(orgId, job.jobId)).toMatchObject({
        state: 'completed',
        expectMore: false,
      });
    });
  });

  describe('claiming work', () => {
    it('gives each record to exactly one of several instances claiming at the same time', async () => {
      const orgId = await givenOrg(store);
      await givenJob(store, orgId, pushRecords(60, 'A'));
      await givenJob(store, orgId, pushRecords(60, 'B'));
      const instances = [store, await opened.sibling()];
      const owners = ['worker-a', 'worker-b', 'worker-c', 'worker-d'];

      const claimsPerOwner = await Promise.all(
        owners.map((owner, index) =>
          claimUntilNoneLeft(instances[index % instances.length]!, owner, 3),
        ),
      );

      const claimedKeys = claimsPerOwner.flat().map((record) => `${record.jobId}/${record.seq}`);
      expect(new Set(claimedKeys).size).toBe(claimedKeys.length);
      expect(claimedKeys).toHaveLength(120);
      expect(claimsPerOwner.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
    });

    it('hands out the oldest push first, in record order, and marks it running', async () => {
      const orgId = await givenOrg(store);
      const older = await givenJob(store, orgId, pushRecords(3, 'A'));
      const newer = await givenJob(store, orgId, pushRecords(3, 'B'));

      const claimed = await store.claimRecords('worker-a', LONG_LEASE_MS, 4, []);

      expect(claimed.map((record) => record.sfId)).toEqual([
        '001A00000',
        '001A00001',
        '001A00002',
        '001B00000',
      ]);
      expect(claimed[0]).toMatchObject({
        jobId: older.jobId,
        orgId,
        objectType: 'Account',
        mappingVersion: 1,
        attempts: 0,
      });
      expect(claimed[0]?.payload).toEqual({ Name: 'Customer A0', BillingCity: 'Köln' });
      const running = await store.getJob(orgId, newer.jobId);
      expect(running?.state).toBe('running');
      expect(running?.startedAt).not.toBeNull();
    });

    it('skips the pushes of blocked orgs and of orgs the worker asks to skip', async () => {
      const [blocked, skipped, open] = [
        await givenOrg(store),
        await givenOrg(store),
        await givenOrg(store),
      ];
      await givenJob(store, blocked, pushRecords(2, 'A'));
      await givenJob(store, skipped, pushRecords(2, 'B'));
      await givenJob(store, open, pushRecords(2, 'C'));
      await store.blockJobsOfOrg(blocked, 'The Billomat API key was refused.');

      const claimed = await claimAll(store, 'worker-a', [skipped]);

      expect(new Set(claimed.map((record) => record.orgId))).toEqual(new Set([open]));
      expect((await claimAll(store, 'worker-a')).map((record) => record.orgId)).toEqual([
        skipped,
        skipped,
      ]);
    });

    it('offers a record again once its lease expired, and the first owner can no longer finish it', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(1));
      const [first] = await store.claimRecords('worker-a', SHORT_LEASE_MS, 10, []);
      expect(first).toBeDefined();
      expect(await store.claimRecords('worker-b', LONG_LEASE_MS, 10, [])).toEqual([]);

      await sleep(SHORT_LEASE_MS + 150);
      const [second] = await store.claimRecords('worker-b', LONG_LEASE_MS, 10, []);

      expect(second).toMatchObject({ jobId: job.jobId, seq: first!.seq });
      expect(await finish(store, first!, 'worker-a', 'created')).toBe(false);
      expect(await finish(store, second!, 'worker-b', 'created')).toBe(true);
      expect(await store.jobCounts(job.jobId, 0)).toMatchObject({ created: 1, pending: 0 });
    });

    it('keeps a record from others while its owner extends the lease', async () => {
      const orgId = await givenOrg(store);
      await givenJob(store, orgId, pushRecords(1));
      const [record] = await store.claimRecords('worker-a', SHORT_LEASE_MS, 10, []);

      expect(await store.extendLease('worker-a', record!.jobId, record!.seq, LONG_LEASE_MS)).toBe(
        true,
      );
      expect(await store.extendLease('worker-b', record!.jobId, record!.seq, LONG_LEASE_MS)).toBe(
        false,
      );
      await sleep(SHORT_LEASE_MS + 150);

      expect(await store.claimRecords('worker-b', LONG_LEASE_MS, 10, [])).toEqual([]);
    });

    it('holds a released record back until its delay has passed and counts the attempt when asked', async () => {
      const orgId = await givenOrg(store);
      await givenJob(store, orgId, pushRecords(2));
      const [counted, uncounted] = await claimAll(store, 'worker-a');

      await store.releaseRecord('worker-a', counted!.jobId, counted!.seq, SHORT_LEASE_MS, true);
      await store.releaseRecord('worker-a', uncounted!.jobId, uncounted!.seq, 0, false);
      await store.releaseRecord('worker-b', counted!.jobId, counted!.seq, 0, true);

      expect(
        (await claimAll(store, 'worker-b')).map((record) => [record.seq, record.attempts]),
      ).toEqual([[uncounted!.seq, 0]]);
      await sleep(SHORT_LEASE_MS + 150);
      expect(
        (await claimAll(store, 'worker-b')).map((record) => [record.seq, record.attempts]),
      ).toEqual([[counted!.seq, 1]]);
    });
  });

  describe('progress and results', () => {
    it('completes a push once no record is pending, and not before', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(2));
      const [first, second] = await claimAll(store, 'worker-a');

      await finish(store, first!, 'worker-a', 'created');
      expect(await store.settleJob(job.jobId)).toMatchObject({
        state: 'running',
        finishedAt: null,
      });

      await finish(store, second!, 'worker-a', 'failed');
      const settled = await store.settleJob(job.jobId);
      expect(settled?.state).toBe('completed');
      expect(settled?.finishedAt).not.toBeNull();
      expect(await store.settleJob('no-such-job')).toBeNull();
    });

    it('counts records by outcome, with the Billomat calls they needed and those finished recently', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(6));
      const claimed = await claimAll(store, 'worker-a');
      const outcomes = ['created', 'created', 'updated', 'unchanged', 'failed'] as const;
      for (const [index, status] of outcomes.entries())
        await finish(store, claimed[index]!, 'worker-a', status);

      expect(await store.jobCounts(job.jobId, Date.now() - 60_000)).toEqual({
        total: 6,
        pending: 1,
        created: 2,
        updated: 1,
        unchanged: 1,
        failed: 1,
        finishedRecently: 5,
        calls: 3,
      });
      expect((await store.jobCounts(job.jobId, Date.now() + 60_000)).finishedRecently).toBe(0);
    });

    it('pages results with the failed records first and filters them by outcome', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(6));
      const claimed = await claimAll(store, 'worker-a');
      for (const record of claimed) {
        const status = record.seq === 2 || record.seq === 4 ? 'failed' : 'created';
        await finish(store, record, 'worker-a', status, {
          message: status === 'failed' ? 'Name is missing.' : null,
        });
      }

      const firstPage = await store.jobResults(job.jobId, { offset: 0, limit: 3 });
      const secondPage = await store.jobResults(job.jobId, { offset: 3, limit: 3 });
      const failed = await store.jobResults(job.jobId, { offset: 0, limit: 10, status: 'failed' });

      expect(firstPage.total).toBe(6);
      expect(firstPage.items.map((item) => [item.sfId, item.status])).toEqual([
        ['001A00002', 'failed'],
        ['001A00004', 'failed'],
        ['001A00000', 'created'],
      ]);
      expect(firstPage.items[0]).toMatchObject({ billomatId: null, message: 'Name is missing.' });
      expect(firstPage.items[2]).toMatchObject({
        billomatId: 1000,
        billomatNumber: 'KD-0',
        message: null,
      });
      expect(secondPage.items.map((item) => item.sfId)).toEqual([
        '001A00001',
        '001A00003',
        '001A00005',
      ]);
      expect(failed.total).toBe(2);
      expect(failed.items.every((item) => item.status === 'failed')).toBe(true);
      expect(
        await store.jobResults(job.jobId, { offset: 0, limit: 10, status: 'pending' }),
      ).toEqual({ total: 0, items: [] });
    });

    it('puts failed records back to pending with fresh data and the new mapping version', async () => {
      const orgId = await givenOrg(store);
      const job = await givenJob(store, orgId, pushRecords(3));
      const claimed = await claimAll(store, 'worker-a');
      await finish(store, claimed[0]!, 'worker-a', 'failed');
      await finish(store, claimed[1]!, 'worker-a', 'created');
      await finish(store, claimed[2]!, 'worker-a', 'failed');
      await store.settleJob(job.jobId);
      expect(await store.failedSfIds(job.jobId)).toEqual(['001A00000', '001A00002']);

      const fresh = new Map([['001A00000', { Name: 'Fixed in Salesforce' }]]);
      expect(await store.retryFailed(await givenOrg(store), job.jobId, 2, fresh)).toBe(0);
      expect(await store.retryFailed(orgId, job.jobId, 2, fresh)).toBe(2);

      expect(await store.getJob(orgId, job.jobId)).toMatchObject({
        state: 'queued',
        mappingVersion: 2,
        finishedAt: null,
      });
      expect(await store.failedSfIds(job.jobId)).toEqual([]);
      const retried = await claimAll(store, 'worker-b');
      expect(
        retried.map((record) => [
          record.sfId,
          record.payload,
          record.mappingVersion,
          record.attempts,
        ]),
      ).toEqual([
        ['001A00000', { Name: 'Fixed in Salesforce' }, 2, 0],
        ['001A00002', { Name: 'Customer A2', BillingCity: 'Köln' }, 2, 0],
      ]);
      expect(await store.retryFailed(orgId, job.jobId, 3, new Map())).toBe(0);
    });

    it('blocks the unfinished pushes of an org and unblocks them again', async () => {
      const [orgId, otherOrg] = [await givenOrg(store), await givenOrg(store)];
      const running = await givenJob(store, orgId, pushRecords(2, 'B'));
      await store.claimRecords('worker-a', LONG_LEASE_MS, 1, []);
      const queued = await givenJob(store, orgId, pushRecords(1, 'A'));
      const done = await givenJob(store, orgId, []);
      const other = await givenJob(store, otherOrg, pushRecords(1, 'C'));

      await store.blockJobsOfOrg(orgId, 'The Billomat API key was refused.');

      expect(await store.getJob(orgId, queued.jobId)).toMatchObject({
        state: 'blocked',
        message: 'The Billomat API key was refused.',
      });
      expect((await store.getJob(orgId, running.jobId))?.state).toBe('blocked');
      expect((await store.getJob(orgId, done.jobId))?.state).toBe('completed');
      expect((await store.getJob(otherOrg, other.jobId))?.state).toBe('queued');
      expect(await claimAll(store, 'worker-b', [otherOrg])).toEqual([]);

      expect(await store.unblockJobsOfOrg(orgId)).toBe(2);
      expect(await store.getJob(orgId, queued.jobId)).toMatchObject({
        state: 'queued',
        message: null,
      });
      expect((await claimAll(store, 'worker-b', [otherOrg])).map((record) => record.sfId)).toEqual([
        '001B00001',
        '001A00000',
      ]);
    });
  });

  describe('ledger', () => {
    const key = { orgId: 'org-1', billomatId: 'acme', sfId: '001A00000' };

    it('lets one worker create a customer and tells the others it is busy until that lease expires', async () => {
      expect(await store.ledgerBeginCreate(key, 'worker-a', SHORT_LEASE_MS)).toBe('fresh');
      expect(await store.ledgerBeginCreate(key, 'worker-b', SHORT_LEASE_MS)).toBe('busy');
      expect(await store.ledgerBeginCreate(key, 'worker-a', SHORT_LEASE_MS)).toBe('takeover');
      expect(await store.ledgerGet(key)).toMatchObject({
        state: 'creating',
        owner: 'worker-a',
        billomatClientId: null,
      });

      await sleep(SHORT_LEASE_MS + 150);

      expect(await store.ledgerBeginCreate(key, 'worker-b', LONG_LEASE_MS)).toBe('takeover');
      expect(await store.ledgerGet(key)).toMatchObject({ state: 'creating', owner: 'worker-b' });
    });

    it('answers "done" once the Billomat customer is recorded, per org and Billomat account', async () => {
      await store.ledgerBeginCreate(key, 'worker-a', LONG_LEASE_MS);
      await store.ledgerBeginCreate({ ...key, sfId: '001A00001' }, 'worker-a', LONG_LEASE_MS);

      await store.ledgerRecord(key, {
        billomatClientId: 4711,
        billomatNumber: 'KD-4711',
        fingerprint: 'fp-1',
        jobId: 'job-1',
        status: 'created',
      });

      expect(await store.ledgerBeginCreate(key, 'worker-b', LONG_LEASE_MS)).toBe('done');
      expect(await store.ledgerGet(key)).toEqual({
        sfId: key.sfId,
        billomatClientId: 4711,
        billomatNumber: 'KD-4711',
        fingerprint: 'fp-1',
        state: 'done',
        owner: null,
        leaseUntil: null,
        lastJobId: 'job-1',
        lastStatus: 'created',
      });
      expect(await store.ledgerSize('org-1', 'acme')).toBe(1);
      expect(
        await store.ledgerBeginCreate({ ...key, billomatId: 'globex' }, 'worker-b', LONG_LEASE_MS),
      ).toBe('fresh');
      expect(
        await store.ledgerBeginCreate({ ...key, orgId: 'org-2' }, 'worker-b', LONG_LEASE_MS),
      ).toBe('fresh');
      expect(await store.ledgerSize('org-1', 'globex')).toBe(0);
    });

    it('lets exactly one of many instances begin creating the same customer at the same time', async () => {
      const instances = [store, await opened.sibling()];

      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          instances[index % 2]!.ledgerBeginCreate(key, `worker-${index}`, LONG_LEASE_MS),
        ),
      );

      expect(answers.filter((answer) => answer === 'fresh')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'busy')).toHaveLength(9);
    });

    it('frees an unfinished create only when its owner abandons it', async () => {
      await store.ledgerBeginCreate(key, 'worker-a', LONG_LEASE_MS);

      await store.ledgerAbandonCreate(key, 'worker-b');
      expect(await store.ledgerBeginCreate(key, 'worker-b', LONG_LEASE_MS)).toBe('busy');

      await store.ledgerAbandonCreate(key, 'worker-a');
      expect(await store.ledgerGet(key)).toBeNull();
      expect(await store.ledgerBeginCreate(key, 'worker-b', LONG_LEASE_MS)).toBe('fresh');
    });

    it('does not abandon a customer that was already created', async () => {
      await store.ledgerBeginCreate(key, 'worker-a', LONG_LEASE_MS);
      await store.ledgerRecord(key, {
        billomatClientId: 4711,
        billomatNumber: null,
        fingerprint: 'fp-1',
        jobId: 'job-1',
        status: 'created',
      });

      await store.ledgerAbandonCreate(key, 'worker-a');

      expect((await store.ledgerGet(key))?.state).toBe('done');
    });

    it('forgets a customer only under the Billomat id it was recorded with', async () => {
      await store.ledgerRecord(key, {
        billomatClientId: 4711,
        billomatNumber: 'KD-4711',
        fingerprint: 'fp-1',
        jobId: 'job-1',
        status: 'created',
      });

      await store.ledgerForget(key, 9999);
      expect((await store.ledgerGet(key))?.billomatClientId).toBe(4711);

      await store.ledgerForget(key, 4711);
      expect(await store.ledgerGet(key)).toBeNull();
      expect(await store.ledgerSize('org-1', 'acme')).toBe(0);
      expect(await store.ledgerBeginCreate(key, 'worker-a', LONG_LEASE_MS)).toBe('fresh');
    });
  });

  describe('results feed', () => {
    async function finishInOrder(owner: string, order: ClaimedRecord[]): Promise<void> {
      for (const record of order) await finish(store, record, owner, 'created');
    }

    it("returns an org's finished results after a cursor, in the order they finished", async () => {
      const [orgA, orgB] = [await givenOrg(store), await givenOrg(store)];
      const jobA = await givenJob(store, orgA, pushRecords(3, 'A'));
      await givenJob(store, orgB, pushRecords(1, 'B'), { objectType: 'Contact' });
      const claimed = await claimAll(store, 'worker-a');
      const bySfId = new Map(claimed.map((record) => [record.sfId, record]));
      await finishInOrder(
        'worker-a',
        ['001A00002', '001B00000', '001A00000'].map((sfId) => bySfId.get(sfId)!),
      );

      const feedA = await store.resultsAfter(orgA, 0, 10);
      const feedB = await store.resultsAfter(orgB, 0, 10);

      expect(feedA.map((item) => item.sfId)).toEqual(['001A00002', '001A00000']);
      expect(feedA[0]).toMatchObject({
        jobId: jobA.jobId,
        objectType: 'Account',
        status: 'created',
        billomatId: 1002,
      });
      expect(feedA[0]!.cursor).toBeLessThan(feedA[1]!.cursor);
      expect(feedB.map((item) => [item.sfId, item.objectType])).toEqual([['001B00000', 'Contact']]);
      expect(await store.resultsAfter(orgA, feedA[1]!.cursor, 10)).toEqual([]);
    });

    it('pages through the feed with the cursor of the last result', async () => {
      const orgId = await givenOrg(store);
      await givenJob(store, orgId, pushRecords(5));
      await finishInOrder('worker-a', await claimAll(store, 'worker-a'));

      const feed = await readFeed(store, orgId, 2);

      expect(feed.map((item) => item.sfId)).toEqual([
        '001A00000',
        '001A00001',
        '001A00002',
        '001A00003',
        '001A00004',
      ]);
    });

    it('shows every result exactly once to a reader following the cursor while several instances finish records', async () => {
      const orgId = await givenOrg(store);
      await givenJob(store, orgId, pushRecords(150));
      const instances = [store, await opened.sibling(), await opened.sibling()];
      let working = instances.length;

      const workers = instances.map(async (instance, index) => {
        const owner = `worker-${index}`;
        await claimUntilNoneLeft(instance, owner, 2, (batch) =>
          Promise.all(batch.map((record) => finish(instance, record, owner, 'created'))),
        );
        working -= 1;
      });
      // Follows the cursor while the workers finish; one empty page after they are done ends it.
      const reader = (async () => {
        const seen: FeedItem[] = [];
        let cursor = 0;
        let caughtUp = false;
        while (!caughtUp) {
          const workersDone = working === 0;
          const page = await store.resultsAfter(orgId, cursor, 7);
          seen.push(...page);
          cursor = page.at(-1)?.cursor ?? cursor;
          caughtUp = workersDone && page.length === 0;
        }
        return seen;
      })();
      await Promise.all(workers);
      const seen = await reader;

      const sfIds = seen.map((item) => item.sfId);
      expect(new Set(sfIds).size).toBe(sfIds.length);
      expect(sfIds).toHaveLength(150);
    });
  });

  describe('Salesforce connections', () => {
    const connection = (orgId: string, overrides: Partial<NewSalesforceConnection> = {}): NewSalesforceConnection => ({
      orgId,
      method: 'oauth',
      loginUrl: 'https://login.salesforce.com',
      instanceUrl: 'https://acme.my.salesforce.com',
      userId: '0055g00000AbCdEAAV',
      username: 'admin@acme.example',
      clientId: null,
      refreshTokenSealed: 'sealed-refresh-1',
      accessTokenSealed: 'sealed-access-1',
      privateKeySealed: null,
      ...overrides,
    });

    it("keeps one connection per org and never shows it to another org", async () => {
      await givenOrg(store, 'org-1');
      await givenOrg(store, 'org-2');

      await store.saveSalesforceConnection(connection('org-1'));

      expect(await store.getSalesforceConnection('org-1')).toMatchObject({
        ...connection('org-1'),
        reconnectReason: null,
        connectedAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await store.getSalesforceConnection('org-2')).toBeNull();
    });

    it('stores a refreshed access token, and the refresh token only when Salesforce rotated it', async () => {
      await givenOrg(store, 'org-1');
      await store.saveSalesforceConnection(connection('org-1'));

      expect(await store.updateSalesforceTokens('org-1', { accessTokenSealed: 'sealed-access-2' })).toBe(true);
      expect(await store.getSalesforceConnection('org-1')).toMatchObject({
        accessTokenSealed: 'sealed-access-2',
        refreshTokenSealed: 'sealed-refresh-1',
      });

      await store.updateSalesforceTokens('org-1', { accessTokenSealed: 'sealed-access-3', refreshTokenSealed: 'sealed-refresh-2' });
      expect(await store.getSalesforceConnection('org-1')).toMatchObject({
        accessTokenSealed: 'sealed-access-3',
        refreshTokenSealed: 'sealed-refresh-2',
      });
      expect(await store.updateSalesforceTokens('org-9', { accessTokenSealed: 'x' })).toBe(false);
    });

    it('marks a connection for reconnecting until it works again or the org is connected again', async () => {
      await givenOrg(store, 'org-1');
      await store.saveSalesforceConnection(connection('org-1'));

      expect(await store.setSalesforceReconnect('org-1', 'The refresh token was revoked.')).toBe(true);
      expect((await store.getSalesforceConnection('org-1'))?.reconnectReason).toBe('The refresh token was revoked.');
      expect(await store.setSalesforceReconnect('org-9', 'nothing to mark')).toBe(false);
      await store.setSalesforceReconnect('org-1', null);
      expect((await store.getSalesforceConnection('org-1'))?.reconnectReason).toBeNull();
      await store.setSalesforceReconnect('org-1', 'Revoked again.');

      await store.saveSalesforceConnection(
        connection('org-1', { method: 'jwt', clientId: 'consumer-key', refreshTokenSealed: null, privateKeySealed: 'sealed-key' }),
      );
      expect(await store.getSalesforceConnection('org-1')).toMatchObject({
        method: 'jwt',
        clientId: 'consumer-key',
        refreshTokenSealed: null,
        privateKeySealed: 'sealed-key',
        reconnectReason: null,
      });
    });

    it('hands a pending authorization out once, also to several instances asking at the same time', async () => {
      await givenOrg(store, 'org-1');
      const pending = {
        stateHash: 'state-hash-1',
        orgId: 'org-1',
        loginUrl: 'https://test.salesforce.com',
        redirectUri: 'https://export.example.com/v1/oauth/callback',
        codeVerifierSealed: 'sealed-verifier',
        expiresAt: Date.now() + 600_000,
      };
      await store.savePendingAuthorization(pending, Date.now());
      const sibling = await opened.sibling();

      const taken = await Promise.all([store.takePendingAuthorization('state-hash-1'), sibling.takePendingAuthorization('state-hash-1')]);

      expect(taken.filter((t) => t !== null)).toEqual([pending]);
      expect(await store.takePendingAuthorization('state-hash-1')).toBeNull();
      expect(await store.takePendingAuthorization('unknown-state')).toBeNull();
    });

    it('drops authorizations that expired when the next one is started', async () => {
      await givenOrg(store, 'org-1');
      const base = {
        orgId: 'org-1',
        loginUrl: 'https://login.salesforce.com',
        redirectUri: 'https://export.example.com/v1/oauth/callback',
        codeVerifierSealed: 'sealed-verifier',
      };
      const now = Date.now();
      await store.savePendingAuthorization({ ...base, stateHash: 'old', expiresAt: now - 1 }, now - 700_000);
      await store.savePendingAuthorization({ ...base, stateHash: 'fresh', expiresAt: now + 600_000 }, now);

      expect(await store.takePendingAuthorization('old')).toBeNull();
      expect((await store.takePendingAuthorization('fresh'))?.expiresAt).toBe(now + 600_000);
    });
  });

  it('migrating an already migrated database keeps what it holds', async () => {
    const orgId = await givenOrg(store);

    await store.migrate();

    expect((await store.getOrg(orgId))?.orgId).toBe(orgId);
  });
});
