import { afterEach, describe, expect, it } from 'vitest';
import {
  startBillomatEmulator,
  type BillomatEmulator,
  type BillomatEmulatorOptions,
} from '../../../emulators/billomat';
import { caller, sleep, type Caller } from './billomat-call';

describe('Billomat emulator: injected faults', () => {
  const started: BillomatEmulator[] = [];

  const start = async (
    options: BillomatEmulatorOptions = {},
  ): Promise<[BillomatEmulator, Caller]> => {
    const emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
      ...options,
    });
    started.push(emulator);
    return [emulator, caller(emulator, 'acme', 'acme-key')];
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  });

  /** The status of each call, or "dropped" when the connection died without an answer. */
  const outcomes = async (acme: Caller, calls: number): Promise<Array<number | 'dropped'>> => {
    const seen: Array<number | 'dropped'> = [];
    for (let call = 0; call < calls; call += 1) {
      seen.push(
        await acme.get('clients').then(
          (reply) => reply.status,
          () => 'dropped' as const,
        ),
      );
    }
    return seen;
  };

  it('answers 503 for a server error without doing the work or spending quota', async () => {
    const [emulator, acme] = await start();
    emulator.failNext(1, 'serverError');
    const failed = await acme.post('clients', { client: { name: 'Acme' } });
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: { error: 'Service Unavailable' } });
    expect(emulator.clients('acme')).toEqual([]);
    const next = await acme.post('clients', { client: { name: 'Acme' } });
    expect(next.status).toBe(201);
    expect(next.headers.get('x-rate-limit-remaining')).toBe('299');
  });

  it('drops the connection without an answer and without doing the work', async () => {
    const [emulator, acme] = await start();
    emulator.failNext(1, 'drop');
    await expect(acme.post('clients', { client: { name: 'Acme' } })).rejects.toThrow();
    expect(emulator.clients('acme')).toEqual([]);
    expect(emulator.requests('acme')).toMatchObject([{ method: 'POST', status: 0, fault: 'drop' }]);
    expect((await acme.get('clients')).status).toBe(200);
  });

  it('loses the answer of a create after the client was really stored', async () => {
    const [emulator, acme] = await start();
    emulator.failNext(1, 'lostAnswer');
    await expect(acme.post('clients', { client: { name: 'Acme' } })).rejects.toThrow();
    expect(emulator.clients('acme')).toMatchObject([{ name: 'Acme', client_number: 'KD0001' }]);
    expect(emulator.callCount('acme', { method: 'POST', path: /^\/api\/clients$/ })).toBe(1);
  });

  it('loses only the answers of creates, letting other calls through meanwhile', async () => {
    const [emulator, acme] = await start();
    emulator.failNext(1, 'lostAnswer');
    expect((await acme.get('clients')).status).toBe(200);
    expect((await acme.post('clients', { client: { email: 'nope' } })).status).toBe(400);
    await expect(acme.post('clients', { client: { name: 'Acme' } })).rejects.toThrow();
    expect((await acme.post('clients', { client: { name: 'Beta' } })).status).toBe(201);
  });

  it('answers 429 for the next calls when told they are rate limited', async () => {
    const [emulator, acme] = await start();
    emulator.failNext(2, 'rateLimited');
    const refused = [await acme.get('clients'), await acme.get('clients')];
    expect(refused.map((reply) => reply.status)).toEqual([429, 429]);
    expect(refused[0]!.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(refused[0]!.body).toMatchObject({
      errors: {
        error: expect.stringMatching(/^Maximum number of requests \(300 per 15 minutes\)/),
      },
    });
    expect((await acme.get('clients')).status).toBe(200);
  });

  it('repeats the same random faults for the same seed', async () => {
    const faults = { dropRatio: 0.3, serverErrorRatio: 0.3 };
    const [, first] = await start({ seed: 7, faults });
    const [, second] = await start({ seed: 7, faults });
    const seen = await outcomes(first, 20);
    expect(await outcomes(second, 20)).toEqual(seen);
    expect(seen).toContain('dropped');
    expect(seen).toContain(503);
    expect(seen).toContain(200);
  });

  it('loses the answers of creates at the given ratio and still stores every client', async () => {
    const [emulator, acme] = await start({ faults: { lostAnswerRatio: 1 } });
    await expect(acme.post('clients', { client: { name: 'A' } })).rejects.toThrow();
    await expect(acme.post('clients', { client: { name: 'B' } })).rejects.toThrow();
    expect(emulator.clients('acme').map((client) => client.name)).toEqual(['A', 'B']);
  });

  it('delays every answer by the latency, before the work is done', async () => {
    const [emulator, acme] = await start({ faults: { latencyMs: 150 } });
    const startedAt = Date.now();
    const pending = acme.post('clients', { client: { name: 'Acme' } });
    await sleep(60);
    expect(emulator.clients('acme')).toEqual([]);
    expect((await pending).status).toBe(201);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(145);
  });

  it('draws a latency from the range when given [min, max]', async () => {
    const [, acme] = await start({ faults: { latencyMs: [40, 80] } });
    const startedAt = Date.now();
    await acme.get('clients');
    const took = Date.now() - startedAt;
    expect(took).toBeGreaterThanOrEqual(38);
    expect(took).toBeLessThan(400);
  });

  it('stops injecting faults once they are set to none', async () => {
    const [emulator, acme] = await start({ faults: { serverErrorRatio: 1 } });
    expect((await acme.get('clients')).status).toBe(503);
    emulator.setFaults({});
    expect((await acme.get('clients')).status).toBe(200);
  });

  it('refuses a fault ratio outside 0..1', async () => {
    const [emulator] = await start();
    expect(() => emulator.setFaults({ dropRatio: 1.5 })).toThrow(
      'dropRatio must be a number from 0 to 1',
    );
  });
});
