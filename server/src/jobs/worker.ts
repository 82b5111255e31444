import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Mapping } from '../mapping';
import type { BillomatAccounts } from '../orgs/billomat-accounts';
import type { ClaimedRecord, Store } from '../store/contract';
import type { Logger } from '../logger';
import { processRecord, type RecordOutcome } from './process-record';

export interface WorkerOptions {
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
  /** Work only on this org's pushes (the CLI's in-process worker next to a running service). */
  onlyOrgId?: string;
  /** Close pushes still expecting chunks after this long without one (checked once a minute). */
  idleCloseMs?: number;
}

const IDLE_CHECK_EVERY_MS = 60_000;

/**
 * Takes pending records from the store (claims with leases, so any number of workers in
 * any number of processes can share the work) and processes them. Holds no job state of
 * its own: a restart, or another instance, resumes from the store.
 */
export class Worker {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private running = false;
  private readonly inFlight = new Set<Promise<void>>();
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly accounts: BillomatAccounts,
    private readonly options: WorkerOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** New work arrived: look now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    let idleCheckedAt = 0;
    while (this.running) {
      if (this.options.idleCloseMs !== undefined && Date.now() - idleCheckedAt >= IDLE_CHECK_EVERY_MS) {
        idleCheckedAt = Date.now();
        await this.closeIdlePushes(this.options.idleCloseMs);
      }
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: ClaimedRecord[] = [];
      if (free > 0) {
        try {
          claimed = await this.store.claimRecords(this.owner, this.options.leaseMs, free, await this.orgsToSkip());
        } catch (error) {
          this.log.error('claiming records failed', { error: String(error) });
        }
      }
      for (const record of claimed) this.track(this.handle(record));
      if (claimed.length === 0 || this.inFlight.size >= this.options.concurrency) {
        await this.idle();
      }
    }
  }

  private async orgsToSkip(): Promise<string[]> {
    const skipped = await this.accounts.orgsWaitingForQuota();
    const only = this.options.onlyOrgId;
    if (only === undefined) return skipped;
    const others = (await this.store.listOrgs()).map((org) => org.orgId).filter((orgId) => orgId !== only);
    return [...skipped, ...others];
  }

  private async closeIdlePushes(idleMs: number): Promise<void> {
    const hours = Math.round((idleMs / 3_600_000) * 10) / 10;
    try {
      const closed = await this.store.closeIdlePushes(
        idleMs,
        `No more records arrived for ${hours} h, so this push was closed with the records it has. If records are missing, send them again.`,
      );
      if (closed > 0) this.log.warn('closed idle pushes', { closed });
    } catch (error) {
      this.log.error('closing idle pushes failed', { error: String(error) });
    }
  }

  /** Waits for a free slot, new work, or the poll interval, whichever comes first. */
  private async idle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      const slotFreed = this.inFlight.size >= this.options.concurrency ? Promise.race([...this.inFlight]) : null;
      slotFreed?.then(done, done);
      this.wakeUp = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    this.wakeUp = null;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(record: ClaimedRecord): Promise<void> {
    const heartbeat = setInterval(() => {
      void this.store.extendLease(this.owner, record.jobId, record.seq, this.options.leaseMs).catch(() => undefined);
    }, Math.max(this.options.leaseMs / 3, 50));
    try {
      const org = await this.store.getOrg(record.orgId);
      const saved = await this.store.mappingVersion(record.orgId, record.objectType, record.mappingVersion);
      if (!org || !saved) {
        await this.finish(record, failure(`The mapping version ${record.mappingVersion} for ${record.objectType} is missing.`));
        return;
      }
      const mapping: Mapping = { objectType: record.objectType, fields: saved.fields };
      const outcome = await processRecord(
        {
          store: this.store,
          client: this.accounts.clientFor(org),
          billomatId: org.billomatId,
          mapping,
          owner: this.owner,
          leaseMs: this.options.leaseMs,
          maxAttempts: this.options.maxAttempts,
        },
        record,
      );
      switch (outcome.kind) {
        case 'finished':
          await this.finish(record, outcome);
          break;
        case 'later':
          this.log.debug('record deferred', { jobId: record.jobId, sfId: record.sfId, reason: outcome.reason });
          await this.store.releaseRecord(this.owner, record.jobId, record.seq, outcome.delayMs, outcome.countAttempt);
          break;
        case 'blocked':
          this.log.warn('jobs of org blocked', { orgId: record.orgId, reason: outcome.message });
          await this.store.releaseRecord(this.owner, record.jobId, record.seq, 0, false);
          await this.store.blockJobsOfOrg(record.orgId, outcome.message);
          break;
      }
    } catch (error) {
      this.log.error('processing a record failed', { jobId: record.jobId, sfId: record.sfId, error: String(error) });
      const giveUp = record.attempts + 1 >= this.options.maxAttempts;
      await (giveUp
        ? this.finish(record, failure('The export service could not process this record. Ask the service operator to check its log.'))
        : this.store.releaseRecord(this.owner, record.jobId, record.seq, 5_000, true)
      ).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finish(record: ClaimedRecord, outcome: FinishedOutcome): Promise<void> {
    const { kind: _kind, ...result } = outcome;
    await this.store.finishRecord({ jobId: record.jobId, seq: record.seq, owner: this.owner, ...result });
    await this.store.settleJob(record.jobId);
  }
}

type FinishedOutcome = Extract<RecordOutcome, { kind: 'finished' }>;

function failure(message: string): FinishedOutcome {
  return { kind: 'finished', status: 'failed', billomatId: null, billomatNumber: null, message };
}
