import { describe, expect, it } from 'vitest';
import { estimateSeconds } from '../../server/src/billomat';

const now = Date.parse('2026-11-24T10:00:00Z');

describe('estimating how long a push still takes', () => {
  it('is the call time alone when every call fits in what is left of the window', () => {
    expect(
      estimateSeconds({
        callsNeeded: 50,
        remaining: 120,
        resetAt: now + 600_000,
        windowBudget: 300,
        now,
        meanCallMs: 200,
      }),
    ).toBe(10);
  });

  it('needs no time when no call is left', () => {
    expect(
      estimateSeconds({
        callsNeeded: 0,
        remaining: 0,
        resetAt: now + 600_000,
        windowBudget: 300,
        now,
        meanCallMs: 200,
      }),
    ).toBe(0);
  });

  it('waits for the reset and then for whole windows when the budget is spent', () => {
    // 700 calls, nothing left now, reset in 5 minutes: 300 after the reset, 300 a window later, the last 100 a window after that.
    const seconds = estimateSeconds({
      callsNeeded: 700,
      remaining: 0,
      resetAt: now + 300_000,
      windowBudget: 300,
      now,
      meanCallMs: 100,
    });
    expect(seconds).toBe(300 + 2 * 900 + 100 * 0.1);
  });

  it('takes roughly eight hours for ten thousand new customers at 300 calls a window', () => {
    const seconds = estimateSeconds({
      callsNeeded: 10_000,
      remaining: 300,
      resetAt: now + 900_000,
      windowBudget: 300,
      now,
      meanCallMs: 100,
    });
    // 300 in this window, then 33 windows for the other 9,700: the last holds 100 calls.
    expect(seconds).toBe(900 + 32 * 900 + 10);
    expect(seconds / 3600).toBeGreaterThan(8);
  });

  it('goes faster with the bigger budget of a registered app', () => {
    const withApp = estimateSeconds({
      callsNeeded: 10_000,
      remaining: 1000,
      resetAt: now + 900_000,
      windowBudget: 1000,
      now,
      meanCallMs: 100,
    });
    expect(withApp).toBe(900 + 8 * 900 + 100);
  });

  it('uses the call speed when calls are too slow to spend a window budget', () => {
    const seconds = estimateSeconds({
      callsNeeded: 900,
      remaining: 300,
      resetAt: now + 60_000,
      windowBudget: 300,
      now,
      meanCallMs: 4000,
    });
    expect(seconds).toBe(900 * 4);
  });

  it('assumes a fresh window ending at the next quarter hour when nothing has been seen yet', () => {
    const seconds = estimateSeconds({
      callsNeeded: 400,
      remaining: null,
      resetAt: null,
      windowBudget: 300,
      now: now + 60_000,
      meanCallMs: 0,
    });
    expect(seconds).toBe(14 * 60);
  });
});
