import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBillomatEmulator } from '../../emulators/billomat';
import {
  ACCOUNT,
  clientFor,
  startOfNextWindow,
  windowIndex,
  type Emulator,
} from './emulated-billomat';

// Billomat's 15 minutes pass in one real second, five calls per window.
const WINDOW_MS = 1000;
const PER_WINDOW = 5;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startBillomatEmulator({
    accounts: [ACCOUNT],
    rateLimit: { perWindow: PER_WINDOW, timeScale: 900 },
  });
});
afterEach(() => emulator.reset());
afterAll(() => emulator.close());

function requestsWith(status: number) {
  return emulator.requests(ACCOUNT.billomatId).filter((request) => request.status === status);
}

function createsPerWindow(): Map<number, number> {
  const perWindow = new Map<number, number>();
  for (const request of requestsWith(201)) {
    const window = windowIndex(request.at, WINDOW_MS);
    perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
  }
  return perWindow;
}

describe('pacing to the rate budget', () => {
  it('spreads twelve concurrent creates over three windows without running into the limit', async () => {
    const { client } = clientFor(emulator);
    await startOfNextWindow(WINDOW_MS);
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, n) => client.createClient({ name: `Paced Customer ${n}` })),
    );
    expect(new Set(created.map((customer) => customer.id)).size).toBe(12);
    expect(emulator.clients(ACCOUNT.billomatId)).toHaveLength(12);
    const perWindow = createsPerWindow();
    expect(perWindow.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(PER_WINDOW);
    expect(requestsWith(429).length).toBeLessThanOrEqual(1);
  });

  it('counts what another tool spent of the same window, going by the answers instead of its own tally', async () => {
    const { client } = clientFor(emulator);
    await startOfNextWindow(WINDOW_MS);
    const first = await client.createClient({ name: 'Before The Other Tool' });
    emulator.spendQuota(ACCOUNT.billomatId, 3); // four of five gone; our own tally would say four remain
    await client.createClient({ name: 'The Last Call Of The Window' });
    await client.createClient({ name: 'Next Window One' });
    await client.createClient({ name: 'Next Window Two' });

    expect(requestsWith(429)).toHaveLength(0);
    const [a, b, c, d] = requestsWith(201).map((request) => windowIndex(request.at, WINDOW_MS));
    expect(b).toBe(a);
    expect(c).toBeGreaterThan(a!);
    expect(d).toBe(c);
    expect(first.id).toBeGreaterThan(0);
  });

  it('waits out a 429 until the window it names is over and then repeats the call', async () => {
    const { client, events } = clientFor(emulator);
    emulator.failNext(1, 'rateLimited');
    const created = await client.createClient({ name: 'Once Refused GmbH' });
    expect(emulator.clients(ACCOUNT.billomatId).map((customer) => customer.id)).toEqual([
      created.id,
    ]);
    const [refused, accepted] = emulator.requests(ACCOUNT.billomatId);
    expect(refused?.status).toBe(429);
    expect(accepted?.status).toBe(201);
    expect(windowIndex(accepted!.at, WINDOW_MS)).toBeGreaterThan(
      windowIndex(refused!.at, WINDOW_MS),
    );
    expect(events.filter((event) => event.type === 'rate-limited')).toHaveLength(1);
  });
});
