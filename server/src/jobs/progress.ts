import { estimateSeconds } from '../billomat';
import type { Job, JobCounts, RecordResult, RecordStatus, Store } from '../store/contract';
import type { BillomatAccounts } from '../orgs/billomat-accounts';

/** The job as the API shows it: state, counts, rate, ETA and a page of per-record results. */
export interface JobView {
  jobId: string;
  objectType: Job['objectType'];
  state: Job['state'];
  message: string | null;
  mappingVersion: number;
  source: Job['source'];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expectMore: boolean;
  expectedTotal: number | null;
  counts: Omit<JobCounts, 'finishedRecently' | 'calls'>;
  ratePerMinute: number | null;
  etaSeconds: number | null;
  etaAt: string | null;
  results?: { page: number; pageSize: number; total: number; items: RecordResult[] };
}

/** The rate is measured over the last few minutes, so a long job shows its current pace. */
export const RATE_WINDOW_MS = 5 * 60_000;

export interface ResultsPage {
  page: number;
  pageSize: number;
  status?: RecordStatus;
}

export async function jobView(
  store: Store,
  accounts: BillomatAccounts,
  job: Job,
  billomatId: string,
  resultsPage?: ResultsPage,
  now = Date.now(),
): Promise<JobView> {
  const counts = await store.jobCounts(job.jobId, now - RATE_WINDOW_MS);
  const ratePerMinute = measuredRate(job, counts, now);
  const etaSeconds = estimateJobSeconds(job, counts, accounts, billomatId, ratePerMinute, now);
  const { finishedRecently: _recent, calls: _calls, ...shownCounts } = counts;
  const view: JobView = {
    jobId: job.jobId,
    objectType: job.objectType,
    state: job.state,
    message: job.message,
    mappingVersion: job.mappingVersion,
    source: job.source,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    expectMore: job.expectMore,
    expectedTotal: job.expectedTotal,
    counts: shownCounts,
    ratePerMinute,
    etaSeconds,
    etaAt: etaSeconds === null ? null : new Date(now + etaSeconds * 1000).toISOString(),
  };
  if (resultsPage) {
    const page = await store.jobResults(job.jobId, {
      offset: (resultsPage.page - 1) * resultsPage.pageSize,
      limit: resultsPage.pageSize,
      ...(resultsPage.status ? { status: resultsPage.status } : {}),
    });
    view.results = { page: resultsPage.page, pageSize: resultsPage.pageSize, ...page };
  }
  return view;
}

function measuredRate(job: Job, counts: JobCounts, now: number): number | null {
  if (!job.startedAt) return null;
  const finishedAt = job.finishedAt ? Date.parse(job.finishedAt) : now;
  const startedAt = Date.parse(job.startedAt);
  const done = counts.total - counts.pending;
  if (job.state === 'completed') {
    const minutes = Math.max((finishedAt - startedAt) / 60_000, 1 / 60);
    return round(done / minutes);
  }
  const windowMinutes = Math.max(Math.min(now - startedAt, RATE_WINDOW_MS) / 60_000, 1 / 60);
  return round(counts.finishedRecently / windowMinutes);
}

/**
 * The ETA comes from Billomat's real budget, not from the measured rate alone: the records
 * still to do need about as many calls as the finished ones did (unchanged ones need none),
 * and calls beyond what is left of this window wait for the next windows.
 */
function estimateJobSeconds(
  job: Job,
  counts: JobCounts,
  accounts: BillomatAccounts,
  billomatId: string,
  ratePerMinute: number | null,
  now: number,
): number | null {
  if (job.state === 'completed') return 0;
  if (job.state === 'blocked') return null;
  const toDo = job.expectMore && job.expectedTotal ? Math.max(job.expectedTotal - counts.total, 0) + counts.pending : counts.pending;
  if (toDo === 0) return 0;
  const finished = counts.total - counts.pending;
  const callsPerRecord = finished > 0 ? Math.max(counts.calls / finished, 0.05) : 1;
  const snapshot = accounts.budgetSnapshot(billomatId);
  // The measured rate is records per minute; unchanged records cost no call, so a call takes longer.
  const meanCallMs = ratePerMinute && ratePerMinute > 0 ? 60_000 / ratePerMinute / callsPerRecord : 1_000;
  return Math.round(
    estimateSeconds({
      callsNeeded: toDo * callsPerRecord,
      remaining: snapshot.remaining,
      resetAt: snapshot.resetAt,
      windowBudget: snapshot.windowBudget,
      now,
      meanCallMs: Math.min(meanCallMs, 60_000),
    }),
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
