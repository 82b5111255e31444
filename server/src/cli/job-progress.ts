import { jobView, type JobView } from '../jobs/progress';
import type { BillomatAccounts } from '../orgs/billomat-accounts';
import type { Org, Store } from '../store/contract';
import type { CliOutput } from './exit';
import { createProgressReporter, type ProgressReporter, type ProgressSnapshot } from './progress';

/** How often the push is looked at: a terminal redraws smoothly; plain lines are printed only every few seconds anyway. */
const LOOK_EVERY_MS = { tty: 250, plain: 500 };

/** Follows one push on the terminal: counts, rate and ETA while it runs, until it is completed or blocked. */
export class JobProgress {
  jobId: string | null = null;
  /** Records Salesforce said match; the bar's total while they are still being read. */
  expectedTotal = 0;
  private readonly reporter: ProgressReporter;
  private readonly lookEveryMs: number;

  constructor(
    private readonly store: Store,
    private readonly accounts: BillomatAccounts,
    private readonly org: Org,
    label: string,
    io: CliOutput,
  ) {
    this.reporter = createProgressReporter(
      label,
      { write: (text) => io.out(text), isTTY: io.isTTY },
      io.progressEveryMs,
    );
    this.lookEveryMs = io.isTTY ? LOOK_EVERY_MS.tty : LOOK_EVERY_MS.plain;
  }

  async show(): Promise<JobView | null> {
    if (!this.jobId) return null;
    const job = await this.store.getJob(this.org.orgId, this.jobId);
    if (!job) return null;
    const view = await jobView(this.store, this.accounts, job, this.org.billomatId);
    this.reporter.update(this.snapshot(view));
    return view;
  }

  /** Redraws in the background (while records are still being read); returns how to stop. */
  keepShowing(): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void this.show()
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, this.lookEveryMs);
    return () => clearInterval(timer);
  }

  async untilFinished(signal?: AbortSignal): Promise<JobView | null> {
    for (;;) {
      const view = await this.show();
      if (!view || view.state === 'completed' || view.state === 'blocked' || signal?.aborted)
        return view;
      await new Promise((resolve) => setTimeout(resolve, this.lookEveryMs));
    }
  }

  finish(): void {
    this.reporter.finish();
  }

  private snapshot(view: JobView): ProgressSnapshot {
    const { total, pending, failed } = view.counts;
    return {
      done: total - pending,
      failed,
      total: Math.max(total, this.expectedTotal),
      ratePerMinute: view.ratePerMinute,
      // Before the first records are done there is no pace to estimate from.
      etaSeconds: view.ratePerMinute ? view.etaSeconds : null,
    };
  }
}
