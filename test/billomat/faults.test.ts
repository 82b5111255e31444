import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBillomatEmulator } from '../../emulators/billomat';
import { BillomatError } from '../../server/src/billomat';
import { ACCOUNT, clientFor, QUICK_RETRY, type Emulator } from './emulated-billomat';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startBillomatEmulator({ accounts: [ACCOUNT], seed: 7 });
});
afterEach(() => {
  emulator.setFaults({});
  emulator.reset();
});
afterAll(() => emulator.close());

async function failureOf(promise: Promise<unknown>): Promise<BillomatError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BillomatError))
    throw new Error(`expected a BillomatError, got ${String(error)}`);
  return error;
}

const calls = (method: string) => emulator.callCount(ACCOUNT.billomatId, { method });

describe('retrying what Billomat did not answer clearly', () => {
  it('repeats a read after server errors until it is answered', async () => {
    const { client } = clientFor(emulator);
    const created = await client.createClient({ name: 'Acme GmbH' });
    emulator.failNext(2, 'serverError');
    expect((await client.getClient(created.id)).id).toBe(created.id);
    expect(calls('GET')).toBe(3);
  });

  it('repeats an update after a dropped connection, since an update may be sent twice', async () => {
    const { client } = clientFor(emulator);
    const created = await client.createClient({ name: 'Acme GmbH' });
    emulator.failNext(1, 'drop');
    expect((await client.updateClient(created.id, { city: 'Kiel' })).city).toBe('Kiel');
    expect(calls('PUT')).toBe(2);
  });

  it('reports Billomat unavailable once every attempt has failed', async () => {
    const { client } = clientFor(emulator);
    emulator.failNext(10, 'serverError');
    const error = await failureOf(client.findClients({ name: 'Acme' }));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(calls('GET')).toBe(QUICK_RETRY.maxAttempts);
  });

  it('gives up on a call that gets no answer in time', async () => {
    const { client } = clientFor(emulator, {
      timeoutMs: 50,
      retry: { ...QUICK_RETRY, maxAttempts: 2 },
    });
    emulator.setFaults({ latencyMs: 300 });
    const error = await failureOf(client.myself());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('no answer within 50 ms');
  });
});

describe('never creating a customer twice', () => {
  it('adopts the customer a create made when its answer was lost', async () => {
    const { client, events } = clientFor(emulator);
    emulator.failNext(1, 'lostAnswer');
    const adopted = await client.createClient({
      name: 'Lost Answer GmbH',
      city: 'Köln',
      email: 'info@lost.example',
    });
    const stored = emulator.clients(ACCOUNT.billomatId);
    expect(stored).toHaveLength(1);
    expect(adopted.id).toBe(stored[0]?.id);
    expect(calls('POST')).toBe(1);
    expect(events).toContainEqual({ type: 'adopted', clientId: adopted.id });
  });

  it('adopts a person found by last name when there is no company name', async () => {
    const { client } = clientFor(emulator);
    emulator.failNext(1, 'lostAnswer');
    const adopted = await client.createClient({ first_name: 'Ada', last_name: 'Lovelace' });
    expect(emulator.clients(ACCOUNT.billomatId).map((customer) => customer.id)).toEqual([
      adopted.id,
    ]);
    expect(emulator.requests(ACCOUNT.billomatId)[1]?.query).toContain('last_name=Lovelace');
  });

  it('creates again after a server error when no customer holds every sent field', async () => {
    const { client } = clientFor(emulator);
    const namesake = await client.createClient({ name: 'Acme GmbH', city: 'Berlin' });
    emulator.failNext(1, 'serverError');
    const created = await client.createClient({ name: 'Acme GmbH', city: 'Hamburg' });
    expect(created.id).not.toBe(namesake.id);
    expect(created.city).toBe('Hamburg');
    expect(emulator.clients(ACCOUNT.billomatId)).toHaveLength(2);
    expect(calls('POST')).toBe(3);
  });

  it('does not send a create again while it cannot tell whether the first one went through', async () => {
    const { client } = clientFor(emulator);
    emulator.failNext(1 + QUICK_RETRY.maxAttempts, 'drop'); // the create, then every attempt to look it up
    const error = await failureOf(client.createClient({ name: 'Unclear GmbH' }));
    expect(error.kind).toBe('unclear');
    expect(calls('POST')).toBe(1);
    expect(emulator.clients(ACCOUNT.billomatId)).toHaveLength(0);
  });
});
