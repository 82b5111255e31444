import { describe, expect, it } from 'vitest';
import {
  InProcessRateBudget,
  InProcessRateBudgets,
  type RateBudget,
  type RateObservation,
} from '../../server/src/billomat';

function answer(remaining: number, resetInMs: number, window = 1): RateObservation {
  return { remaining, resetAt: Date.now() + resetInMs, window, windowBudget: null };
}

/** Starts `count` acquires and reports how many have gone through so far. */
function contenders(budget: RateBudget, count: number) {
  let through = 0;
  const all = Array.from({ length: count }, () => budget.acquire().then(() => (through += 1)));
  return { through: () => through, all };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the rate budget of one Billomat account', () => {
  it('lets one call at a time through while nothing is known about the window', async () => {
    const budget = new InProcessRateBudget();
    const calls = contenders(budget, 3);
    await tick();
    expect(calls.through()).toBe(1);
    budget.observe(answer(10, 60_000));
    await tick();
    expect(calls.through()).toBe(3);
  });

  it('counts calls in flight against what the last answer said remains', async () => {
    const budget = new InProcessRateBudget();
    await budget.acquire();
    budget.observe(answer(3, 60_000));
    const calls = contenders(budget, 5);
    await tick();
    expect(calls.through()).toBe(3);
    expect(budget.snapshot().remaining).toBe(3);
  });

  it('holds calls until the announced reset when nothing remains', async () => {
    const budget = new InProcessRateBudget({ resetMarginMs: 10 });
    await budget.acquire();
    budget.observe(answer(0, 150));
    const started = Date.now();
    await budget.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(budget.snapshot().remaining).toBeNull();
  });

  it('keeps the configured reserve unspent', async () => {
    const budget = new InProcessRateBudget({ reserve: 2 });
    await budget.acquire();
    budget.observe(answer(5, 60_000));
    const calls = contenders(budget, 5);
    await tick();
    expect(calls.through()).toBe(3);
  });

  it('goes by the lower count when another spender used the same window', async () => {
    const budget = new InProcessRateBudget();
    await budget.acquire();
    budget.observe(answer(50, 60_000));
    await budget.acquire();
    budget.observe(answer(2, 60_000));
    await budget.acquire();
    budget.observe(answer(40, 60_000)); // an answer overtaken by the one before
    expect(budget.snapshot().remaining).toBe(2);
  });

  it('starts over with the count of a new window', async () => {
    const budget = new InProcessRateBudget();
    await budget.acquire();
    budget.observe(answer(1, 60_000, 1));
    await budget.acquire(); // the last call of window 1, still in flight
    const next = contenders(budget, 1);
    await tick();
    expect(next.through()).toBe(0);
    budget.observe(answer(299, 960_000, 2)); // its answer came from the next window
    await tick();
    expect(next.through()).toBe(1);
    expect(budget.snapshot().remaining).toBe(299);
  });

  it('ignores a late answer from a window that has passed', async () => {
    const budget = new InProcessRateBudget();
    await budget.acquire();
    budget.observe(answer(299, 900_000, 2));
    await budget.acquire();
    budget.observe(answer(0, -1_000, 1));
    expect(budget.snapshot().remaining).toBe(299);
  });

  it('counts a call that got no answer as spent', async () => {
    const budget = new InProcessRateBudget();
    await budget.acquire();
    budget.observe(answer(10, 60_000));
    await budget.acquire();
    budget.observe(null);
    expect(budget.snapshot().remaining).toBe(9);
  });

  it('learns the window size from the answers and from a 429 message', async () => {
    const budget = new InProcessRateBudget();
    expect(budget.snapshot().windowBudget).toBe(300);
    await budget.acquire();
    budget.observe(answer(4, 60_000));
    expect(budget.snapshot().windowBudget).toBe(5);
    await budget.acquire();
    budget.observe({ remaining: 0, resetAt: Date.now() + 60_000, window: 1, windowBudget: 1000 });
    expect(budget.snapshot().windowBudget).toBe(1000);
  });
});

describe('the budgets of all accounts', () => {
  it('gives every client of one account the same budget and other accounts their own', () => {
    const budgets = new InProcessRateBudgets();
    expect(budgets.forAccount('acme')).toBe(budgets.forAccount('acme'));
    expect(budgets.forAccount('acme')).not.toBe(budgets.forAccount('beta'));
  });

  it('assumes the bigger window of a registered app until answers show the real one', () => {
    const budgets = new InProcessRateBudgets();
    expect(budgets.forAccount('acme', { withApp: true }).snapshot().windowBudget).toBe(1000);
    expect(budgets.forAccount('beta').snapshot().windowBudget).toBe(300);
  });
});
