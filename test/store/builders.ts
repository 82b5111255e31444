import { randomBytes } from 'node:crypto';
import type {
  ClaimedRecord,
  FeedItem,
  FinishRecord,
  Job,
  NewJob,
  NewOrg,
  PushRecord,
  Store,
} from '../../server/src/store/contract';

/** Long enough never to expire during a test. */
export const LONG_LEASE_MS = 60_000;
/** Short enough to wait out, long enough that a slow machine still checks within it. */
export const SHORT_LEASE_MS = 250;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const uniqueId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export function newOrg(orgId: string): NewOrg {
  return {
    orgId,
    billomatId: 'acme',
    billomatApiKeySealed: `sealed-key-of-${orgId}`,
    billomatAppId: null,
    billomatAppSecretSealed: null,
    tokenHash: `token-hash-of-${orgId}`,
  };
}

export async function givenOrg(store: Store, orgId = uniqueId('org')): Promise<string> {
  await store.addOrg(newOrg(orgId));
  return orgId;
}

/** Salesforce-looking records `001<prefix>00000`, `001<prefix>00001`, … */
export function pushRecords(count: number, prefix = 'A'): PushRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    sfId: `001${prefix}${String(index).padStart(5, '0')}`,
    payload: { Name: `Customer ${prefix}${index}`, BillingCity: 'Köln' },
  }));
}

export function newJob(
  orgId: string,
  records: PushRecord[],
  overrides: Partial<NewJob> = {},
): NewJob {
  return {
    orgId,
    objectType: 'Account',
    mappingVersion: 1,
    source: 'api',
    expectMore: false,
    expectedTotal: null,
    idempotencyKey: uniqueId('key'),
    requestHash: 'request-hash-1',
    records,
    ...overrides,
  };
}

export async function givenJob(
  store: Store,
  orgId: string,
  records: PushRecord[],
  overrides: Partial<NewJob> = {},
): Promise<Job> {
  const outcome = await store.createJob(newJob(orgId, records, overrides));
  if (outcome.kind !== 'created') throw new Error(`Expected a new job, got "${outcome.kind}".`);
  return outcome.job;
}

/** Claims everything claimable for `owner` with a lease that outlives the test. */
export function claimAll(
  store: Store,
  owner: string,
  skipOrgs: string[] = [],
): Promise<ClaimedRecord[]> {
  return store.claimRecords(owner, LONG_LEASE_MS, 10_000, skipOrgs);
}

export function finish(
  store: Store,
  record: ClaimedRecord,
  owner: string,
  status: FinishRecord['status'],
  details: Partial<Pick<FinishRecord, 'billomatId' | 'billomatNumber' | 'message'>> = {},
): Promise<boolean> {
  return store.finishRecord({
    jobId: record.jobId,
    seq: record.seq,
    owner,
    status,
    billomatId: details.billomatId ?? (status === 'failed' ? null : 1000 + record.seq),
    billomatNumber: details.billomatNumber ?? (status === 'failed' ? null : `KD-${record.seq}`),
    message: details.message ?? (status === 'failed' ? `Record ${record.sfId} was refused.` : null),
  });
}

/** Claims small batches for `owner` until none is left, handing each batch to `work` first. */
export async function claimUntilNoneLeft(
  store: Store,
  owner: string,
  batchSize: number,
  work: (batch: ClaimedRecord[]) => Promise<unknown> = async () => undefined,
): Promise<ClaimedRecord[]> {
  const claimed: ClaimedRecord[] = [];
  let batch = await store.claimRecords(owner, LONG_LEASE_MS, batchSize, []);
  while (batch.length > 0) {
    claimed.push(...batch);
    await work(batch);
    batch = await store.claimRecords(owner, LONG_LEASE_MS, batchSize, []);
  }
  return claimed;
}

/** Reads the org's results feed from the start, page by page, as the write-back does. */
export async function readFeed(store: Store, orgId: string, pageSize: number): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let page = await store.resultsAfter(orgId, 0, pageSize);
  while (page.length > 0) {
    items.push(...page);
    page = await store.resultsAfter(orgId, page[page.length - 1]!.cursor, pageSize);
  }
  return items;
}
