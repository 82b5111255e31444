import type { RateLimitOptions } from './types';

const billomatWindowMs = 15 * 60 * 1000;

/** Billomat's clock-aligned 15-minute windows (XX:00, :15, :30, :45), optionally time-scaled. */
export class RateWindows {
  readonly perWindow: number;
  readonly perWindowWithApp: number;
  readonly timeScale: number;
  readonly windowMs: number;

  constructor(options: RateLimitOptions = {}) {
    this.perWindow = options.perWindow ?? 300;
    this.perWindowWithApp = options.perWindowWithApp ?? 1000;
    this.timeScale = options.timeScale ?? 1;
    if (!(this.timeScale > 0)) throw new Error('rateLimit.timeScale must be greater than 0');
    this.windowMs = billomatWindowMs / this.timeScale;
  }

  indexAt(nowMs: number): number {
    return Math.floor(nowMs / this.windowMs);
  }

  nextStartMs(nowMs: number): number {
    return (this.indexAt(nowMs) + 1) * this.windowMs;
  }

  budget(withApp: boolean): number {
    return withApp ? this.perWindowWithApp : this.perWindow;
  }

  /** X-Rate-Limit-Reset: epoch seconds, with millisecond decimals when time-scaled. */
  resetHeader(nowMs: number): string {
    const resetMs = this.nextStartMs(nowMs);
    if (this.timeScale === 1) return String(Math.round(resetMs / 1000));
    return trimmedSeconds(Math.round(resetMs));
  }

  /** The real-time wait until the next window, as the 429 message states it. */
  waitSeconds(nowMs: number): string {
    const waitMs = this.nextStartMs(nowMs) - nowMs;
    if (this.timeScale === 1) return String(Math.max(1, Math.ceil(waitMs / 1000)));
    return trimmedSeconds(Math.max(1, Math.ceil(waitMs)));
  }

  limitMessage(withApp: boolean, nowMs: number): string {
    return (
      `Maximum number of requests (${this.budget(withApp)} per 15 minutes) reached. ` +
      `Try again in ${this.waitSeconds(nowMs)} seconds.`
    );
  }
}

/** Calls one account has used in the current window; a new window starts from zero. */
export class Quota {
  private window = -1;
  private used = 0;

  usedIn(window: number): number {
    return window === this.window ? this.used : 0;
  }

  spend(window: number, calls: number): void {
    this.used = this.usedIn(window) + calls;
    this.window = window;
  }
}

function trimmedSeconds(ms: number): string {
  return (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
}
