import type { ObjectType } from '../mapping';
import { RequestError, notFound } from '../errors';
import { salesforceId18 } from '../orgs/salesforce-id';
import type { BillomatAccounts } from '../orgs/billomat-accounts';
import { sha256Hex } from '../security/secrets';
import type { Job, Org, PushRecord, PushSource, Store } from '../store/contract';
import { jobView, type JobView, type ResultsPage } from './progress';

/** A record as an org sends it; the HTTP layer has checked its shape. */
export type IncomingRecord = { Id: string } & Record<string, unknown>;

export interface PushRequest {
  objectType: ObjectType;
  records: IncomingRecord[];
  expectMore: boolean;
  expectedTotal?: number | null;
  source: 'admin' | 'record-action' | 'api';
}

export interface AppendRequest {
  records: IncomingRecord[];
  expectMore: boolean;
}

/** Key prefixes of the record ids each object type takes. */
const ID_PREFIX: Record<ObjectType, string> = { Account: '001', Contact: '003' };

export interface PushLimits {
  maxRecordsPerPush: number;
}

/**
 * Pushes: accepted durably (job and records in one transaction), then done by the worker.
 * Replays with the same Idempotency-Key return the same job; a different body under a
 * used key is a conflict.
 */
export class Pushes {
  constructor(
    private readonly store: Store,
    private readonly accounts: BillomatAccounts,
    private readonly limits: PushLimits,
    private readonly onNewWork: () => void,
  ) {}

  async create(org: Org, request: PushRequest, idempotencyKey: string): Promise<{ job: Job; replayed: boolean }> {
    this.checkCount(request.records.length);
    if (request.records.length === 0 && !request.expectMore) {
      throw new RequestError(400, 'no_records', 'records is empty: send at least one record, or expectMore: true to add them in chunks.');
    }
    const records = toPushRecords(request.objectType, request.records);
    const mapping = await this.requireMapping(org.orgId, request.objectType);
    const outcome = await this.store.createJob({
      orgId: org.orgId,
      objectType: request.objectType,
      mappingVersion: mapping.version,
      source: request.source as PushSource,
      expectMore: request.expectMore,
      expectedTotal: request.expectedTotal ?? null,
      idempotencyKey,
      requestHash: sha256Hex(JSON.stringify(request)),
      records,
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict();
    if (outcome.kind === 'created') this.onNewWork();
    return { job: outcome.job, replayed: outcome.kind === 'replayed' };
  }

  async append(org: Org, jobId: string, request: AppendRequest, idempotencyKey: string): Promise<Job> {
    this.checkCount(request.records.length);
    const job = await this.requireJob(org, jobId);
    const records = toPushRecords(job.objectType, request.records);
    const outcome = await this.store.appendRecords(org.orgId, jobId, {
      idempotencyKey,
      requestHash: sha256Hex(JSON.stringify(request)),
      records,
      expectMore: request.expectMore,
    });
    switch (outcome) {
      case 'not_found':
        throw notFound('This push');
      case 'conflict':
        throw idempotencyConflict();
      case 'closed':
        throw new RequestError(409, 'push_closed', 'This push was closed (expectMore: false); start a new push for more records.');
      case 'appended':
        this.onNewWork();
        break;
      case 'replayed':
        break;
    }
    return this.requireJob(org, jobId);
  }

  /** Re-runs the failed records, with fresh record data where the caller sends it, on the current mapping. */
  async retry(org: Org, jobId: string, freshRecords: IncomingRecord[] | undefined): Promise<{ job: Job; retried: number }> {
    const job = await this.requireJob(org, jobId);
    const mapping = await this.requireMapping(org.orgId, job.objectType);
    const fresh = new Map<string, Record<string, unknown>>();
    for (const record of toPushRecords(job.objectType, freshRecords ?? [])) fresh.set(record.sfId, record.payload);
    const retried = await this.store.retryFailed(org.orgId, jobId, mapping.version, fresh);
    if (retried > 0) this.onNewWork();
    return { job: await this.requireJob(org, jobId), retried };
  }

  async view(org: Org, jobId: string, page?: ResultsPage): Promise<JobView> {
    return jobView(this.store, this.accounts, await this.requireJob(org, jobId), org.billomatId, page);
  }

  async recent(org: Org, limit: number): Promise<JobView[]> {
    const jobs = await this.store.listJobs(org.orgId, limit);
    return Promise.all(jobs.map((job) => jobView(this.store, this.accounts, job, org.billomatId)));
  }

  /** Waits up to `seconds` for the job to finish (for a single-record send). */
  async waitFor(org: Org, jobId: string, seconds: number): Promise<Job> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const job = await this.requireJob(org, jobId);
      if (job.state === 'completed' || job.state === 'blocked' || Date.now() >= deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private checkCount(count: number): void {
    if (count > this.limits.maxRecordsPerPush) {
      throw new RequestError(
        413,
        'too_many_records',
        `A request may hold at most ${this.limits.maxRecordsPerPush} records; this one has ${count}. Send bigger selections in chunks: open the push with expectMore: true and add chunks with POST /v1/pushes/{jobId}/records.`,
      );
    }
  }

  private async requireMapping(orgId: string, objectType: ObjectType) {
    const mapping = await this.store.latestMapping(orgId, objectType);
    if (!mapping) {
      throw new RequestError(
        409,
        'mapping_missing',
        `No mapping is saved for ${objectType} records yet. Open the Mapping tab of the Billomat Export app and save one first.`,
      );
    }
    return mapping;
  }

  private async requireJob(org: Org, jobId: string): Promise<Job> {
    const job = await this.store.getJob(org.orgId, jobId);
    if (!job) throw notFound('This push');
    return job;
  }
}

function idempotencyConflict(): RequestError {
  return new RequestError(
    409,
    'idempotency_conflict',
    'This Idempotency-Key was already used for a different request. Use a new key for new work.',
  );
}

/** Checks ids against the object type and each other, so that nothing is stored half-way. */
function toPushRecords(objectType: ObjectType, records: IncomingRecord[]): PushRecord[] {
  const seen = new Map<string, number>();
  const problems: Array<{ path: string; message: string }> = [];
  const result = records.map((record, index) => {
    const sfId = salesforceId18(record.Id) as string;
    if (!sfId.startsWith(ID_PREFIX[objectType])) {
      problems.push({ path: `records[${index}].Id`, message: `${record.Id} is not ${objectType === 'Account' ? 'an Account' : 'a Contact'} id` });
    }
    const earlier = seen.get(sfId);
    if (earlier !== undefined) {
      problems.push({ path: `records[${index}].Id`, message: `${record.Id} is already in this request at records[${earlier}]` });
    }
    seen.set(sfId, index);
    const { Id: _id, attributes: _attributes, ...payload } = record;
    return { sfId, payload };
  });
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    throw new RequestError(400, 'invalid_request', `${first.path}: ${first.message}${more}.`, problems.slice(0, 50));
  }
  return result;
}
