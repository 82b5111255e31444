import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../../emulators/billomat';
import { caller } from './billomat-call';

describe('Billomat emulator: control endpoints', () => {
  let emulator: BillomatEmulator;

  const control = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<[number, unknown]> => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return [response.status, await response.json()];
  };

  beforeAll(async () => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('adds an account that the API then serves with its key', async () => {
    const [status, body] = await control('POST', 'accounts', {
      billomatId: 'beta',
      apiKey: 'beta-key',
    });
    expect(status).toBe(201);
    expect(body).toEqual({ billomatId: 'beta', baseUrl: `${emulator.url}/beta/api` });
    expect((await caller(emulator, 'beta', 'beta-key').get('clients')).status).toBe(200);
  });

  it('refuses an account without an API key', async () => {
    const [status] = await control('POST', 'accounts', { billomatId: 'beta' });
    expect(status).toBe(400);
  });

  it('lists the stored clients of an account with numeric ids', async () => {
    await caller(emulator, 'acme', 'acme-key').post('clients', { client: { name: 'Acme' } });
    const [status, body] = await control('GET', 'clients/acme');
    expect(status).toBe(200);
    expect(body).toMatchObject({ clients: [{ name: 'Acme', client_number: 'KD0001' }] });
    expect(typeof (body as { clients: Array<{ id: unknown }> }).clients[0]!.id).toBe('number');
  });

  it('answers 404 for the clients of an unknown account', async () => {
    const [status] = await control('GET', 'clients/nobody');
    expect(status).toBe(404);
  });

  it('sets faults that the API then injects', async () => {
    const [status] = await control('PUT', 'faults', { serverErrorRatio: 1 });
    expect(status).toBe(200);
    expect((await caller(emulator, 'acme', 'acme-key').get('clients')).status).toBe(503);
  });

  it('refuses fault settings it does not know', async () => {
    const [status, body] = await control('PUT', 'faults', { chaos: 1 });
    expect(status).toBe(400);
    expect(body).toEqual({ errors: { error: 'Unknown fault settings: chaos' } });
  });

  it('queues deterministic faults with fail-next', async () => {
    await control('POST', 'fail-next', { count: 1, kind: 'rateLimited' });
    const acme = caller(emulator, 'acme', 'acme-key');
    expect((await acme.get('clients')).status).toBe(429);
    expect((await acme.get('clients')).status).toBe(200);
  });

  it('spends quota for another tool and shows the calls that reached the account', async () => {
    await control('POST', 'spend-quota', { billomatId: 'acme', calls: 100 });
    const reply = await caller(emulator, 'acme', 'acme-key').get('clients?per_page=1000');
    expect(reply.headers.get('x-rate-limit-remaining')).toBe('199');
    const [, body] = await control('GET', 'requests/acme');
    expect(body).toMatchObject({
      requests: [{ method: 'GET', path: '/api/clients', query: 'per_page=1000', status: 200 }],
    });
  });

  it('resets clients, budgets and faults but keeps the accounts', async () => {
    const acme = caller(emulator, 'acme', 'acme-key');
    await acme.post('clients', { client: { name: 'Acme' } });
    await control('PUT', 'faults', { serverErrorRatio: 1 });
    const [status] = await control('POST', 'reset');
    expect(status).toBe(200);
    expect(emulator.clients('acme')).toEqual([]);
    const after = await acme.post('clients', { client: { name: 'Fresh' } });
    expect(after.status).toBe(201);
    expect(after.headers.get('x-rate-limit-remaining')).toBe('299');
    expect((after.body as { client: { client_number: string } }).client.client_number).toBe(
      'KD0001',
    );
  });
});
