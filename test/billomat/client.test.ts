import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBillomatEmulator } from '../../emulators/billomat';
import { BillomatError, InProcessRateBudget } from '../../server/src/billomat';
import { ACCOUNT, clientFor, type Emulator } from './emulated-billomat';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startBillomatEmulator({
    accounts: [ACCOUNT],
    apps: [{ appId: 'export-app', appSecret: 'app-secret-0815' }],
  });
});
afterEach(() => emulator.reset());
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

describe('creating and changing customers', () => {
  it('creates a customer with exactly one call and answers its id and customer number', async () => {
    const { client } = clientFor(emulator);
    const created = await client.createClient({
      name: 'Acme GmbH',
      city: 'Hamburg',
      discount_days: 14,
    });
    const [stored] = emulator.clients(ACCOUNT.billomatId);
    expect(created.id).toBe(stored?.id);
    expect(typeof created.id).toBe('number');
    expect(created.client_number).toBe(stored?.client_number);
    expect(created.name).toBe('Acme GmbH');
    expect(emulator.callCount(ACCOUNT.billomatId)).toBe(1);
  });

  it('changes a customer with exactly one call', async () => {
    const { client } = clientFor(emulator);
    const created = await client.createClient({ name: 'Acme GmbH' });
    const updated = await client.updateClient(created.id, { city: 'Bremen' });
    expect(updated).toMatchObject({ id: created.id, name: 'Acme GmbH', city: 'Bremen' });
    expect(emulator.clients(ACCOUNT.billomatId)[0]?.city).toBe('Bremen');
    expect(emulator.callCount(ACCOUNT.billomatId, { method: 'PUT' })).toBe(1);
    expect(emulator.callCount(ACCOUNT.billomatId)).toBe(2);
  });

  it('reads a customer back by id', async () => {
    const { client } = clientFor(emulator);
    const created = await client.createClient({ first_name: 'Ada', last_name: 'Lovelace' });
    expect(await client.getClient(created.id)).toMatchObject({
      id: created.id,
      last_name: 'Lovelace',
    });
  });

  it('finds customers through every page, whether a page holds several, one or none', async () => {
    const { client } = clientFor(emulator);
    for (const n of [1, 2, 3, 4, 5]) await client.createClient({ name: `Paging Customer ${n}` });
    await client.createClient({ name: 'Someone Else' });
    const found = await client.findClients({ name: 'Paging' }, { perPage: 2 });
    expect(found.map((customer) => customer.name)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Paging Customer ${n}`),
    );
    expect(emulator.callCount(ACCOUNT.billomatId, { method: 'GET' })).toBe(3);
    expect(await client.findClients({ name: 'Nobody' })).toEqual([]);
  });

  it("reads the account's own record to show that Billomat is reachable", async () => {
    const { client } = clientFor(emulator);
    expect((await client.myself()).name).toBe(`${ACCOUNT.billomatId} GmbH`);
  });

  it('gets the bigger window of a registered app when it sends the app id and secret', async () => {
    const budget = new InProcessRateBudget();
    const { client } = clientFor(emulator, {
      budget,
      account: { ...ACCOUNT, appId: 'export-app', appSecret: 'app-secret-0815' },
    });
    await client.myself();
    expect(budget.snapshot()).toMatchObject({ remaining: 999, windowBudget: 1000 });
  });
});

describe('refusals', () => {
  it('reports a refused API key at once, naming the account but not the key', async () => {
    const wrongKey = 'wrong-key-123456';
    const { client } = clientFor(emulator, {
      account: { billomatId: ACCOUNT.billomatId, apiKey: wrongKey },
    });
    const error = await failureOf(client.createClient({ name: 'Acme GmbH' }));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      "Billomat rejected the API key for account 'acme' — check the key in the org registration",
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrongKey);
    expect(emulator.callCount(ACCOUNT.billomatId)).toBe(1);
  });

  it("reports data Billomat refuses as invalid, with Billomat's own message", async () => {
    const { client } = clientFor(emulator);
    const error = await failureOf(
      client.createClient({ name: 'Acme GmbH', email: 'info(at)acme' }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Billomat rejected the customer: .*email/i);
    expect(error.details.join(' ')).toContain('info(at)acme');
    expect(emulator.callCount(ACCOUNT.billomatId)).toBe(1);
  });

  it('reports an update of a customer Billomat no longer has as not found', async () => {
    const { client } = clientFor(emulator);
    const error = await failureOf(client.updateClient(987654, { name: 'Gone GmbH' }));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe(
      'Billomat has no customer with id 987654 (it may have been deleted)',
    );
    expect(emulator.callCount(ACCOUNT.billomatId)).toBe(1);
  });
});
