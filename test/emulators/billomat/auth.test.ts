import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../../emulators/billomat';
import { caller, jsonHeaders } from './billomat-call';

describe('Billomat emulator: authentication and format', () => {
  let emulator: BillomatEmulator;
  const clientsUrl = (): string => `${emulator.url}/acme/api/clients`;

  beforeAll(async () => {
    emulator = await startBillomatEmulator({
      accounts: [{ billomatId: 'acme', apiKey: 'acme-key' }],
      apps: [{ appId: 'export-app', appSecret: 'app-secret' }],
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('answers 401 with the Billomat error body when the API key header is missing', async () => {
    const response = await fetch(clientsUrl(), { headers: jsonHeaders });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: { error: 'Unauthorized' } });
  });

  it('answers 401 for a wrong API key and spends no quota on it', async () => {
    const wrong = await caller(emulator, 'acme', 'not-the-key').get('clients');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ errors: { error: 'Unauthorized' } });
    expect(wrong.headers.get('x-rate-limit-remaining')).toBe('300');
    const right = await caller(emulator, 'acme', 'acme-key').get('clients');
    expect(right.headers.get('x-rate-limit-remaining')).toBe('299');
  });

  it('does not accept the key of one account for another account', async () => {
    emulator.addAccount('other', 'other-key');
    const reply = await caller(emulator, 'other', 'acme-key').get('clients');
    expect(reply.status).toBe(401);
  });

  it('answers 404 for a Billomat id it does not know', async () => {
    const reply = await caller(emulator, 'nobody', 'acme-key').get('clients');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ errors: { error: 'Unknown Billomat account: nobody' } });
  });

  it('serves an account added at run time', async () => {
    emulator.addAccount('late', 'late-key');
    const reply = await caller(emulator, 'late', 'late-key').get('clients');
    expect(reply.status).toBe(200);
  });

  it('answers 401 for app credentials that do not match a registered app', async () => {
    const acme = caller(emulator, 'acme', 'acme-key');
    const wrongSecret = await acme.get('clients', {
      'X-AppId': 'export-app',
      'X-AppSecret': 'nope',
    });
    const onlyId = await acme.get('clients', { 'X-AppId': 'export-app' });
    expect([wrongSecret.status, onlyId.status]).toEqual([401, 401]);
    const valid = await acme.get('clients', {
      'X-AppId': 'export-app',
      'X-AppSecret': 'app-secret',
    });
    expect(valid.status).toBe(200);
  });

  it('answers 406 unless the request asks for JSON, because Billomat would answer XML', async () => {
    const response = await fetch(clientsUrl(), { headers: { 'X-BillomatApiKey': 'acme-key' } });
    expect(response.status).toBe(406);
    expect(await response.json()).toEqual({
      errors: { error: 'The emulator answers JSON only: send Accept: application/json' },
    });
  });

  it('answers 415 to a create whose body is not sent as JSON', async () => {
    const response = await fetch(clientsUrl(), {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-BillomatApiKey': 'acme-key' },
      body: '<client><name>Acme</name></client>',
    });
    expect(response.status).toBe(415);
    expect(emulator.clients('acme')).toEqual([]);
  });
});
