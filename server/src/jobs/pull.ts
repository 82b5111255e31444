import { randomUUID } from 'node:crypto';
import type { SalesforceSettings } from '../config';
import { SalesforceFailure } from '../orgs/salesforce-failure';
import type { SalesforceConnections } from '../orgs/salesforce-connections';
import { salesforceId18 } from '../orgs/salesforce-id';
import { pullRecords, type SalesforceProblem, type SalesforceRecord } from '../salesforce';
import { sha256Hex } from '../security/secrets';
import type { Job, PushRecord, Store } from '../store/contract';
import { count, emptyTally, judge, type DryRunTally } from './dry-run';
import { planPull, type PullPlan, type PullRequest } from './pull-plan';

export type { PullPlan, PullRequest } from './pull-plan';

export type PullSettings = Pick<
  SalesforceSettings,
  'bulkThreshold' | 'pullBatchSize' | 'bulkPollMs'
>;

export interface PullEvents {
  /** How many records match, and whether the REST or the Bulk API reads them. */
  onCount?: (total: number, api: 'rest' | 'bulk') => void;
  /** The push the records go into exists (with its first batch). */
  onJob?: (job: Job) => void;
  onBatch?: (read: number) => void;
  /** Stops reading after the batch in hand; what was read stays in the push. */
  signal?: AbortSignal;
}

export interface PullSummary {
  /** Records Salesforce said match, and records read. */
  total: number;
  read: number;
  api: 'rest' | 'bulk' | null;
  /** Why reading stopped early: Salesforce's problem, explained. */
  stopped: SalesforceProblem | null;
}

export interface PullOutcome extends PullSummary {
  job: Job;
}

export interface DryRunOutcome extends PullSummary {
  tally: DryRunTally;
}

function toPushRecord({ Id, ...payload }: SalesforceRecord): PushRecord {
  return { sfId: salesforceId18(Id) ?? Id, payload };
}

function batchHash(records: PushRecord[]): string {
  return sha256Hex(records.map((r) => r.sfId).join(','));
}

/**
 * Pulls: the service reads an org's Accounts or Contacts itself and streams them, batch by batch,
 * into ONE push job that the worker handles like any other (same mapping, ledger and results, so
 * a re-pull updates instead of duplicating). At most one batch is in memory at a time.
 */
export class Pulls {
  constructor(
    private readonly store: Store,
    private readonly connections: SalesforceConnections,
    private readonly settings: PullSettings,
    private readonly onNewWork: () => void,
  ) {}

  prepare(request: PullRequest): Promise<PullPlan> {
    return planPull(this.store, this.connections, request);
  }

  async run(plan: PullPlan, events: PullEvents = {}): Promise<PullOutcome> {
    let job: Job | null = null;
    let batchNumber = 0;
    const summary = await this.read(plan, events, async (records, total) => {
      if (!job) {
        job = await this.open(plan, records, total);
        events.onJob?.(job);
      } else {
        await this.append(job, `${job.jobId}:batch:${batchNumber}`, records, true);
      }
      batchNumber += 1;
      this.onNewWork();
    });
    const opened = job as Job | null;
    if (!opened) {
      if (summary.stopped) throw new SalesforceFailure(summary.stopped);
      const empty = await this.open(plan, [], summary.total, false);
      events.onJob?.(empty);
      return { ...summary, job: empty };
    }
    // Closing lets the push complete; what was read before a failure is still exported.
    await this.append(opened, `${opened.jobId}:end`, [], false);
    const closed = await this.store.getJob(plan.org.orgId, opened.jobId);
    return { ...summary, job: closed ?? opened };
  }

  /** Maps every record and compares it with the ledger: what a pull would do, writing nothing and calling Billomat never. */
  async dryRun(plan: PullPlan, events: PullEvents = {}): Promise<DryRunOutcome> {
    const tally = emptyTally();
    const mapping = { objectType: plan.objectType, fields: plan.mapping.fields };
    const summary = await this.read(plan, events, async (records) => {
      for (const record of records) {
        const ledger = await this.store.ledgerGet({
          orgId: plan.org.orgId,
          billomatId: plan.org.billomatId,
          sfId: record.sfId,
        });
        const { verdict, example } = judge(mapping, record, ledger);
        count(tally, verdict, example);
      }
    });
    if (summary.read === 0 && summary.stopped) throw new SalesforceFailure(summary.stopped);
    return { ...summary, tally };
  }

  /**
   * Reads batch after batch and hands each on. A failure while reading is Salesforce's (explained,
   * and remembered when the org must reconnect); a failure while handing on is the service's own and propagates.
   */
  private async read(
    plan: PullPlan,
    events: PullEvents,
    handle: (records: PushRecord[], total: number) => Promise<void>,
  ): Promise<PullSummary> {
    const summary: PullSummary = { total: 0, read: 0, api: null, stopped: null };
    const batches = pullRecords(plan.conn, {
      objectType: plan.objectType,
      fields: plan.fields,
      ...(plan.where ? { where: plan.where } : {}),
      bulkThreshold: this.settings.bulkThreshold,
      batchSize: this.settings.pullBatchSize,
      bulk: { pollIntervalMs: this.settings.bulkPollMs },
      onCount: (total, api) => {
        summary.total = total;
        summary.api = api;
        events.onCount?.(total, api);
      },
    });
    try {
      for (;;) {
        let next: IteratorResult<SalesforceRecord[]>;
        try {
          next = await batches.next();
        } catch (error) {
          summary.stopped = await this.connections.problem(plan.org.orgId, error);
          return summary;
        }
        if (next.done) return summary;
        await handle(next.value.map(toPushRecord), summary.total);
        summary.read += next.value.length;
        events.onBatch?.(summary.read);
        if (events.signal?.aborted) return summary;
      }
    } finally {
      // Ends a Bulk query job that is still open (stopped early or failed while handing on).
      await batches.return(undefined).catch(() => undefined);
    }
  }

  private async open(
    plan: PullPlan,
    records: PushRecord[],
    total: number,
    expectMore = true,
  ): Promise<Job> {
    const outcome = await this.store.createJob({
      orgId: plan.org.orgId,
      objectType: plan.objectType,
      mappingVersion: plan.mapping.version,
      source: 'pull',
      expectMore,
      expectedTotal: total > 0 ? total : null,
      idempotencyKey: `pull:${randomUUID()}`,
      requestHash: batchHash(records),
      records,
    });
    return outcome.job;
  }

  private async append(
    job: Job,
    idempotencyKey: string,
    records: PushRecord[],
    expectMore: boolean,
  ): Promise<void> {
    const outcome = await this.store.appendRecords(job.orgId, job.jobId, {
      idempotencyKey,
      requestHash: batchHash(records),
      records,
      expectMore,
    });
    if (outcome !== 'appended' && outcome !== 'replayed') {
      throw new Error(`Adding pulled records to push ${job.jobId} answered "${outcome}".`);
    }
  }
}
