import type { ApexContext } from './context';
import { ServiceError } from './errors';
import { asList, asString } from './json';
import { applyResults } from './write-back';

/**
 * BillomatResultCollector: brings finished results home without anyone keeping a page open. In
 * an org it is scheduled every 15 minutes or hourly; the preview runs it every few seconds.
 * The cursor lives where the custom setting Billomat_Export_Settings__c.Results_Cursor__c would.
 */

const PAGE_SIZE = 200;
const MAX_PAGES = 10;

export class ResultCollector {
  private cursor: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(private readonly ctx: ApexContext) {}

  scheduleEvery(intervalMs: number, log: (line: string) => void): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .then(
          () => undefined,
          (error: unknown) =>
            log(
              `BillomatResultCollector failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
        )
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run of the Queueable: returns how many records took a result. */
  async run(): Promise<number> {
    const results: unknown[] = [];
    let cursor = this.cursor;
    let more = true;
    let failure: ServiceError | null = null;
    for (let page = 0; page < MAX_PAGES && more; page += 1) {
      const path = `/v1/results?limit=${PAGE_SIZE}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`;
      let answer: Record<string, unknown>;
      try {
        answer = await this.ctx.client.getObject(path);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        failure = error;
        break;
      }
      const items = asList(answer.items);
      results.push(...items);
      const nextCursor = asString(answer.nextCursor);
      if (nextCursor) cursor = nextCursor;
      more = items.length === PAGE_SIZE && Boolean(nextCursor);
    }
    const updated = applyResults(this.ctx.org, results);
    this.cursor = cursor;
    if (failure && results.length === 0) throw failure;
    return updated;
  }
}
