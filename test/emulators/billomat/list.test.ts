import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../../emulators/billomat';
import { caller, type Caller, type Reply } from './billomat-call';

type ListBody = { clients: Record<string, unknown> & { client?: unknown } };

function listOf(reply: Reply): ListBody['clients'] {
  return (reply.body as ListBody).clients;
}

function namesIn(reply: Reply): string[] {
  const items = listOf(reply).client;
  if (items === undefined) return [];
  const list = Array.isArray(items) ? items : [items];
  return list.map((item) => (item as { name: string }).name);
}

describe('Billomat emulator: listing clients', () => {
  let emulator: BillomatEmulator;
  let acme: Caller;

  const create = (client: Record<string, string | number>): Promise<Reply> =>
    acme.post('clients', { client });

  beforeAll(async () => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
    });
    acme = caller(emulator, 'acme', 'acme-key');
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('answers an empty list without a client key and with paging attributes as strings', async () => {
    const reply = await acme.get('clients');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ clients: { '@page': '1', '@per_page': '100', '@total': '0' } });
  });

  it('answers a single match as an object, not an array', async () => {
    await create({ name: 'Only' });
    const list = listOf(await acme.get('clients'));
    expect(Array.isArray(list.client)).toBe(false);
    expect(list.client).toMatchObject({ name: 'Only', client_number: 'KD0001' });
    expect(list['@total']).toBe('1');
  });

  it('answers two matches as an array', async () => {
    await create({ name: 'One' });
    await create({ name: 'Two' });
    const reply = await acme.get('clients');
    expect(Array.isArray(listOf(reply).client)).toBe(true);
    expect(namesIn(reply)).toEqual(['One', 'Two']);
    expect(listOf(reply)['@total']).toBe('2');
  });

  it('pages with per_page and page and reports the total of all matches', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await create({ name });
    const second = await acme.get('clients?per_page=2&page=2');
    expect(namesIn(second)).toEqual(['C', 'D']);
    expect(listOf(second)).toMatchObject({ '@page': '2', '@per_page': '2', '@total': '5' });
    expect(namesIn(await acme.get('clients?per_page=2&page=3'))).toEqual(['E']);
    expect(namesIn(await acme.get('clients?per_page=2&page=4'))).toEqual([]);
  });

  it('caps per_page at 1000', async () => {
    const reply = await acme.get('clients?per_page=5000');
    expect(listOf(reply)['@per_page']).toBe('1000');
  });

  it('rejects a page number that is not a whole number of at least 1', async () => {
    const reply = await acme.get('clients?page=0');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      errors: { error: 'Invalid page: "0" is not a whole number of at least 1' },
    });
  });

  it('filters text fields by "contains", ignoring case', async () => {
    await create({ name: 'Acme GmbH', email: 'info@acme.de', note: 'SF 001A' });
    await create({ name: 'Beta AG', email: 'office@beta.de', note: 'SF 001B' });
    expect(namesIn(await acme.get('clients?name=acme'))).toEqual(['Acme GmbH']);
    expect(namesIn(await acme.get('clients?email=BETA.DE'))).toEqual(['Beta AG']);
    expect(namesIn(await acme.get('clients?note=sf%20001a'))).toEqual(['Acme GmbH']);
    expect(namesIn(await acme.get('clients?client_number=KD0002'))).toEqual(['Beta AG']);
  });

  it('combines filters, so a client must match every one of them', async () => {
    await create({ name: 'Anna', first_name: 'Anna', last_name: 'Meier', country_code: 'AT' });
    await create({ name: 'Anja', first_name: 'Anja', last_name: 'Meier', country_code: 'DE' });
    expect(namesIn(await acme.get('clients?last_name=meier&country_code=de'))).toEqual(['Anja']);
    expect(namesIn(await acme.get('clients?first_name=an&last_name=mei'))).toEqual([
      'Anna',
      'Anja',
    ]);
  });

  it('finds nothing by tags, because the emulator keeps no tags', async () => {
    await create({ name: 'Acme' });
    expect(namesIn(await acme.get('clients?tags=vip'))).toEqual([]);
  });

  it('orders by order_by, written with a plus that arrives as a space or escaped', async () => {
    for (const name of ['B', 'C', 'A']) await create({ name });
    expect(namesIn(await acme.get('clients?order_by=id+DESC'))).toEqual(['A', 'C', 'B']);
    expect(namesIn(await acme.get('clients?order_by=name%2BASC'))).toEqual(['A', 'B', 'C']);
  });

  it('rejects order_by on a field clients do not have', async () => {
    const reply = await acme.get('clients?order_by=colour+DESC');
    expect(reply.status).toBe(400);
  });
});
