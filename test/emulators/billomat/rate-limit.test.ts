import { afterEach, describe, expect, it } from 'vitest';
import {
  startBillomatEmulator,
  type BillomatEmulator,
  type BillomatEmulatorOptions,
} from '../../../emulators/billomat';
import { caller, sleep, type Caller, type Reply } from './billomat-call';

const appHeaders = { 'X-AppId': 'export-app', 'X-AppSecret': 'app-secret' };

describe('Billomat emulator: rate limit', () => {
  let emulator: BillomatEmulator | undefined;

  const start = async (options: BillomatEmulatorOptions = {}): Promise<Caller> => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
      apps: [{ appId: 'export-app', appSecret: 'app-secret' }],
      ...options,
    });
    return caller(emulator, 'acme', 'acme-key');
  };
  afterEach(() => emulator?.close());

  const remaining = (reply: Reply): string | null => reply.headers.get('x-rate-limit-remaining');
  const errorOf = (reply: Reply): string =>
    (reply.body as { errors: { error: string } }).errors.error;

  it('puts X-Rate-Limit-Remaining, X-Rate-Limit-Reset and Date on every answer', async () => {
    const acme = await start({ rateLimit: { perWindow: 5 } });
    const replies = [
      await acme.post('clients', { client: { name: 'Acme' } }),
      await acme.get('clients'),
      await acme.post('clients', { client: { email: 'nope' } }),
      await acme.get('clients/999999'),
      await caller(emulator!, 'acme', 'wrong').get('clients'),
      await acme.get('clients'),
      await acme.get('clients'),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([201, 200, 400, 404, 401, 200, 429]);
    expect(replies.map(remaining)).toEqual(['4', '3', '2', '1', '1', '0', '0']);
    for (const reply of replies) {
      expect(reply.headers.get('x-rate-limit-reset')).toMatch(/^\d+$/);
      expect(reply.headers.get('date')).toBeTruthy();
    }
  });

  it('gives the start of the next clock-aligned 15-minute window as X-Rate-Limit-Reset', async () => {
    const acme = await start();
    const before = Date.now() / 1000;
    const reset = Number((await acme.get('clients')).headers.get('x-rate-limit-reset'));
    expect(reset % 900).toBe(0);
    expect(reset).toBeGreaterThan(before);
    expect(reset).toBeLessThanOrEqual(before + 900);
  });

  it('answers 429 with the real wait in seconds once the budget is spent, and does no work', async () => {
    const acme = await start({ rateLimit: { perWindow: 2 } });
    await acme.get('clients');
    await acme.get('clients');
    const refused = await acme.post('clients', { client: { name: 'Too late' } });
    expect(refused.status).toBe(429);
    expect(remaining(refused)).toBe('0');
    const match =
      /^Maximum number of requests \(2 per 15 minutes\) reached\. Try again in (\d+) seconds\.$/.exec(
        errorOf(refused),
      );
    expect(match).not.toBeNull();
    const reset = Number(refused.headers.get('x-rate-limit-reset'));
    expect(Math.abs(Number(match![1]) - (reset - Date.now() / 1000))).toBeLessThan(2);
    expect(emulator!.clients('acme')).toEqual([]);
  });

  it('counts refused calls as calls that reached the account', async () => {
    const acme = await start({ rateLimit: { perWindow: 1 } });
    await acme.get('clients');
    await acme.get('clients');
    expect(emulator!.callCount('acme')).toBe(2);
    expect(emulator!.requests('acme').map((request) => request.status)).toEqual([200, 429]);
  });

  it('brings a fresh budget with the next time-scaled window and gives the reset with milliseconds', async () => {
    const acme = await start({ rateLimit: { perWindow: 2, timeScale: 1200 } });
    const windowMs = 750;
    await sleep(windowMs - (Date.now() % windowMs) + 5);
    await acme.get('clients');
    await acme.get('clients');
    const refused = await acme.get('clients');
    expect(refused.status).toBe(429);
    const wait = Number(/Try again in ([\d.]+) seconds\./.exec(errorOf(refused))?.[1]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(0.75);
    const reset = refused.headers.get('x-rate-limit-reset')!;
    expect(reset).toMatch(/^\d+(\.\d{1,3})?$/);
    expect(Math.round(Number(reset) * 1000) % windowMs).toBe(0);

    await sleep(Number(reset) * 1000 - Date.now() + 5);
    const fresh = await acme.get('clients');
    expect(fresh.status).toBe(200);
    expect(remaining(fresh)).toBe('1');
  });

  it('raises the budget for requests that carry a registered app’s credentials', async () => {
    const acme = await start({ rateLimit: { perWindow: 2, perWindowWithApp: 4 } });
    const withApp: Reply[] = [];
    for (let call = 0; call < 5; call += 1) withApp.push(await acme.get('clients', appHeaders));
    expect(withApp.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 429]);
    expect(withApp.map(remaining)).toEqual(['3', '2', '1', '0', '0']);
    expect(errorOf(withApp[4]!)).toMatch(/^Maximum number of requests \(4 per 15 minutes\)/);
  });

  it('shares one budget between calls with and without the app', async () => {
    const acme = await start({ rateLimit: { perWindow: 2, perWindowWithApp: 4 } });
    await acme.get('clients', appHeaders);
    await acme.get('clients', appHeaders);
    expect((await acme.get('clients')).status).toBe(429);
    expect((await acme.get('clients', appHeaders)).status).toBe(200);
  });

  it('takes calls spent by another tool on the same account out of the budget', async () => {
    const acme = await start();
    emulator!.spendQuota('acme', 298);
    expect(remaining(await acme.get('clients'))).toBe('1');
    expect(remaining(await acme.get('clients'))).toBe('0');
    expect((await acme.get('clients')).status).toBe(429);
    expect(emulator!.callCount('acme')).toBe(3);
  });

  it('keeps a separate budget for each account', async () => {
    const acme = await start({ rateLimit: { perWindow: 1 } });
    emulator!.addAccount('other', 'other-key');
    await acme.get('clients');
    expect((await acme.get('clients')).status).toBe(429);
    expect((await caller(emulator!, 'other', 'other-key').get('clients')).status).toBe(200);
  });
});
