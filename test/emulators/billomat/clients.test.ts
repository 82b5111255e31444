import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../../emulators/billomat';
import { caller, clientOf, type Caller } from './billomat-call';

describe('Billomat emulator: reading and writing clients', () => {
  let emulator: BillomatEmulator;
  let acme: Caller;

  beforeAll(async () => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
    });
    acme = caller(emulator, 'acme', 'acme-key');
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('creates a client with 201 and answers it wrapped, numbered KD0001, every value a string', async () => {
    const reply = await acme.post('clients', { client: { name: 'Acme GmbH', due_days: 14 } });
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body as object)).toEqual(['client']);
    const client = clientOf(reply);
    expect(client).toMatchObject({ client_number: 'KD0001', name: 'Acme GmbH', due_days: '14' });
    expect(client.id).toMatch(/^\d+$/);
    expect(client.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Object.values(client).every((value) => typeof value === 'string')).toBe(true);
  });

  it('numbers the following clients KD0002, KD0003 and keeps them in id order', async () => {
    for (const name of ['A', 'B', 'C']) await acme.post('clients', { client: { name } });
    const stored = emulator.clients('acme');
    expect(stored.map((client) => client.client_number)).toEqual(['KD0001', 'KD0002', 'KD0003']);
    expect(stored.map((client) => client.name)).toEqual(['A', 'B', 'C']);
    expect(stored[0]!.id).toBeLessThan(stored[1]!.id);
  });

  it('honours number_pre, number and number_length when they are given', async () => {
    const reply = await acme.post('clients', {
      client: { name: 'Acme', number_pre: 'SF-', number: 42, number_length: 6 },
    });
    expect(clientOf(reply).client_number).toBe('SF-000042');
    const next = await acme.post('clients', { client: { name: 'Next', number_pre: 'SF-' } });
    expect(clientOf(next).client_number).toBe('SF-0043');
  });

  it('rejects a create with a customer number that is already taken and stores nothing', async () => {
    await acme.post('clients', { client: { name: 'First', number: 7 } });
    const reply = await acme.post('clients', { client: { name: 'Second', number: '7' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      errors: { error: 'Invalid number: client number KD0007 is already taken' },
    });
    expect(emulator.clients('acme')).toHaveLength(1);
  });

  it('reads one client by id, wrapped as {"client": {…}}', async () => {
    const id = clientOf(await acme.post('clients', { client: { name: 'Acme', city: 'Köln' } })).id;
    const reply = await acme.get(`clients/${String(id)}`);
    expect(reply.status).toBe(200);
    expect(clientOf(reply)).toMatchObject({
      id,
      name: 'Acme',
      city: 'Köln',
      client_number: 'KD0001',
    });
  });

  it('updates only the fields sent with PUT and answers 200 with the whole client', async () => {
    const id = String(
      clientOf(await acme.post('clients', { client: { name: 'Acme', city: 'Köln' } })).id,
    );
    const reply = await acme.put(`clients/${id}`, { client: { city: 'Bonn' } });
    expect(reply.status).toBe(200);
    expect(clientOf(reply)).toMatchObject({ name: 'Acme', city: 'Bonn', client_number: 'KD0001' });
    expect(emulator.clients('acme')[0]).toMatchObject({ name: 'Acme', city: 'Bonn' });
  });

  it('deletes a client with 200, after which reading it answers 404', async () => {
    const id = String(clientOf(await acme.post('clients', { client: { name: 'Acme' } })).id);
    const deleted = await acme.delete(`clients/${id}`);
    expect(deleted.status).toBe(200);
    expect((await acme.get(`clients/${id}`)).status).toBe(404);
    expect(emulator.clients('acme')).toEqual([]);
  });

  it('answers 404 with the Billomat error body for an unknown client id on read, update and delete', async () => {
    const replies = [
      await acme.get('clients/999999'),
      await acme.put('clients/999999', { client: { name: 'X' } }),
      await acme.delete('clients/999999'),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([404, 404, 404]);
    expect(replies[0]!.body).toEqual({ errors: { error: 'Not found' } });
  });

  it('answers the account’s own data at /clients/myself', async () => {
    const reply = await acme.get('clients/myself');
    expect(reply.status).toBe(200);
    expect(clientOf(reply)).toMatchObject({ name: 'acme GmbH', country_code: 'DE' });
  });

  it('rejects a body that is not wrapped in "client"', async () => {
    const reply = await acme.post('clients', { name: 'Acme' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ errors: { error: 'The body must be {"client": {…}}' } });
    expect(emulator.clients('acme')).toEqual([]);
  });

  it('keeps the clients of different accounts apart', async () => {
    emulator.addAccount('other', 'other-key');
    await acme.post('clients', { client: { name: 'Acme' } });
    const other = caller(emulator, 'other', 'other-key');
    const list = await other.get('clients');
    expect(list.body).toEqual({ clients: { '@page': '1', '@per_page': '100', '@total': '0' } });
    expect(emulator.clients('other')).toEqual([]);
  });
});
