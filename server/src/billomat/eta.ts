import { nextWindowStart, WINDOW_SECONDS } from './budget';

export interface EtaInput {
  /** Billomat calls the job still needs. */
  callsNeeded: number;
  /** Calls left in the current window; null when not known (then a fresh window is assumed). */
  remaining: number | null;
  /** Epoch milliseconds of the next window start; null when not known (then the clock-aligned one). */
  resetAt: number | null;
  /** Calls per window. */
  windowBudget: number;
  windowSeconds?: number;
  /** Epoch milliseconds. */
  now: number;
  /** Measured time per call, with the job's concurrency already folded in. */
  meanCallMs: number;
}

/**
 * Seconds until a job's remaining calls are done: the calls that fit in what is left of this
 * window go at the measured speed; the rest wait for whole windows of `windowBudget` each.
 */
export function estimateSeconds(input: EtaInput): number {
  const windowSeconds = input.windowSeconds ?? WINDOW_SECONDS;
  const calls = Math.max(0, Math.ceil(input.callsNeeded));
  if (calls === 0) return 0;
  const callMs = Math.max(0, input.meanCallMs);
  const windowBudget = Math.max(1, Math.floor(input.windowBudget));
  const remaining = Math.max(0, input.remaining ?? windowBudget);
  const resetAt = input.resetAt ?? nextWindowStart(input.now, windowSeconds);

  const now = Math.min(calls, remaining);
  const later = calls - now;
  if (later === 0) return (now * callMs) / 1000;

  // Later calls start when this window ends (or when this window's calls are done, if later).
  const untilReset = Math.max(now * callMs, resetAt - input.now);
  const wholeWindows = Math.ceil(later / windowBudget) - 1;
  const lastWindowCalls = later - wholeWindows * windowBudget;
  const paced = untilReset + wholeWindows * windowSeconds * 1000 + lastWindowCalls * callMs;
  // When calls are slower than the budget allows, speed, not the budget, sets the pace.
  return Math.max(paced, calls * callMs) / 1000;
}
