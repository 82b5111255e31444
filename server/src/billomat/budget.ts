import type { RateObservation } from './rate-headers';

/** Billomat's window sizes, used until the account's answers tell the real one. */
export const WINDOW_BUDGET = 300;
export const WINDOW_BUDGET_WITH_APP = 1000;
export const WINDOW_SECONDS = 900;

export interface BudgetSnapshot {
  /** Calls left in the current window as last seen; null when not known (yet, or since a reset). */
  remaining: number | null;
  /** Local-clock epoch milliseconds of the next window start; null when not known. */
  resetAt: number | null;
  /** Calls per window: learned from the answers, else Billomat's documented size. */
  windowBudget: number;
}

/**
 * The rate budget of one Billomat account, shared by every caller that spends it.
 * Every `acquire()` must be followed by exactly one `observe()`.
 */
export interface RateBudget {
  /** Resolves when one more call fits in the budget; the call then counts as in flight. */
  acquire(): Promise<void>;
  /** Ends a call begun with `acquire()`: what its answer said, or null when no answer came. */
  observe(observation: RateObservation | null): void;
  snapshot(): BudgetSnapshot;
}

/** Hands out one budget per Billomat account. */
export interface RateBudgets {
  forAccount(billomatId: string, options?: { withApp?: boolean }): RateBudget;
}

export interface RateBudgetOptions {
  /** The window size assumed until answers show the real one. */
  windowBudget?: number;
  /** Calls left unspent in every window, for other tools and single sends. */
  reserve?: number;
  /** How long past the announced reset to wait, against clocks that disagree a little. */
  resetMarginMs?: number;
  windowSeconds?: number;
  now?: () => number;
}

/** The start of the next clock-aligned window after `now`. */
export function nextWindowStart(now: number, windowSeconds: number): number {
  const windowMs = windowSeconds * 1000;
  return Math.floor(now / windowMs) * windowMs + windowMs;
}

/**
 * A budget kept in this process's memory. It never assumes it is the only spender: it
 * paces to what Billomat last reported and counts its own calls in flight against that.
 */
export class InProcessRateBudget implements RateBudget {
  private remaining: number | null = null;
  private resetAt: number | null = null;
  private window: number | null = null;
  private inFlight = 0;
  private learnedWindowBudget: number | null = null;
  private waiters: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Number.POSITIVE_INFINITY;

  private readonly defaultWindowBudget: number;
  private readonly reserve: number;
  private readonly resetMarginMs: number;
  private readonly windowSeconds: number;
  private readonly now: () => number;

  constructor(options: RateBudgetOptions = {}) {
    this.defaultWindowBudget = options.windowBudget ?? WINDOW_BUDGET;
    this.reserve = options.reserve ?? 0;
    this.resetMarginMs = options.resetMarginMs ?? 500;
    this.windowSeconds = options.windowSeconds ?? WINDOW_SECONDS;
    this.now = options.now ?? Date.now;
  }

  async acquire(): Promise<void> {
    for (;;) {
      const verdict = this.admit();
      if (verdict === 'admitted') return;
      if (verdict !== 'after-an-answer') this.wakeAt(this.now() + verdict);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  observe(observation: RateObservation | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (observation === null) {
      // A call without an answer may still have been counted by Billomat.
      if (this.remaining !== null) this.remaining = Math.max(0, this.remaining - 1);
    } else {
      this.record(observation);
    }
    this.wakeAll();
  }

  snapshot(): BudgetSnapshot {
    this.forgetPassedWindow(this.now());
    return {
      remaining: this.remaining,
      resetAt: this.resetAt,
      windowBudget: this.learnedWindowBudget ?? this.defaultWindowBudget,
    };
  }

  /** 'admitted', or how long to wait (ms), or 'after-an-answer' when only an answer can tell. */
  private admit(): 'admitted' | 'after-an-answer' | number {
    const now = this.now();
    this.forgetPassedWindow(now);
    if (this.remaining === null) {
      // Nothing known about this window (another tool may have spent it): one call at a time
      // until an answer says how much is left.
      if (this.inFlight > 0) return 'after-an-answer';
    } else if (this.remaining - this.inFlight <= this.reserve) {
      const resetAt = this.resetAt ?? nextWindowStart(now, this.windowSeconds);
      return Math.max(1, resetAt + this.resetMarginMs - now);
    }
    this.inFlight += 1;
    return 'admitted';
  }

  private forgetPassedWindow(now: number): void {
    if (this.resetAt !== null && now >= this.resetAt + this.resetMarginMs) {
      this.remaining = null;
      this.resetAt = null;
    }
  }

  private record(observation: RateObservation): void {
    if (observation.windowBudget !== null) this.learn(observation.windowBudget);
    if (observation.remaining !== null) this.learn(observation.remaining + 1);

    if (observation.window !== null) {
      if (this.window !== null && observation.window < this.window) return; // a window that has passed
      const sameWindow = observation.window === this.window && this.remaining !== null;
      this.window = observation.window;
      this.resetAt = observation.resetAt;
      this.remaining = sameWindow
        ? lower(this.remaining, observation.remaining)
        : observation.remaining;
      return;
    }
    // No reset header: trust a wait named in the answer, else Billomat's clock-aligned windows.
    this.remaining = lower(this.remaining, observation.remaining);
    if (this.remaining !== null) {
      this.resetAt =
        observation.resetAt ?? this.resetAt ?? nextWindowStart(this.now(), this.windowSeconds);
    }
  }

  private learn(windowBudget: number): void {
    if (windowBudget > (this.learnedWindowBudget ?? 0)) this.learnedWindowBudget = windowBudget;
  }

  private wakeAt(time: number): void {
    if (this.timer !== null && this.timerAt <= time) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = time;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.wakeAll();
      },
      Math.max(0, time - this.now()),
    );
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function lower(known: number | null, seen: number | null): number | null {
  if (known === null) return seen;
  if (seen === null) return known;
  return Math.min(known, seen);
}

/** One in-process budget per Billomat account, shared by every client of that account. */
export class InProcessRateBudgets implements RateBudgets {
  private readonly budgets = new Map<string, InProcessRateBudget>();

  constructor(private readonly options: Omit<RateBudgetOptions, 'windowBudget'> = {}) {}

  forAccount(billomatId: string, { withApp = false }: { withApp?: boolean } = {}): RateBudget {
    let budget = this.budgets.get(billomatId);
    if (budget === undefined) {
      const windowBudget = withApp ? WINDOW_BUDGET_WITH_APP : WINDOW_BUDGET;
      budget = new InProcessRateBudget({ ...this.options, windowBudget });
      this.budgets.set(billomatId, budget);
    }
    return budget;
  }
}
