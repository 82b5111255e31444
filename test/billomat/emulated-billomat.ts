import { startBillomatEmulator } from '../../emulators/billomat';
import {
  BillomatClient,
  InProcessRateBudget,
  type BillomatClientEvent,
  type BillomatClientOptions,
  type RateBudget,
} from '../../server/src/billomat';

export type Emulator = Awaited<ReturnType<typeof startBillomatEmulator>>;

export const ACCOUNT = { billomatId: 'acme', apiKey: 'key-acme-4711-secret' };

/** Backoff small enough that a test with several retries still takes milliseconds. */
export const QUICK_RETRY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

export interface TestClient {
  client: BillomatClient;
  budget: RateBudget;
  events: BillomatClientEvent[];
}

export function clientFor(
  emulator: Emulator,
  overrides: Partial<BillomatClientOptions> & { budget?: RateBudget } = {},
): TestClient {
  const events: BillomatClientEvent[] = [];
  const budget = overrides.budget ?? new InProcessRateBudget({ resetMarginMs: 20 });
  const client = new BillomatClient({
    account: ACCOUNT,
    baseUrlTemplate: emulator.baseUrlTemplate,
    budget,
    timeoutMs: 2_000,
    retry: QUICK_RETRY,
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return { client, budget, events };
}

/** Waits until just after the next window starts, so a test's calls do not straddle a reset. */
export async function startOfNextWindow(windowMs: number): Promise<void> {
  const wait = windowMs - (Date.now() % windowMs) + 10;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

export function windowIndex(at: number, windowMs: number): number {
  return Math.floor(at / windowMs);
}
