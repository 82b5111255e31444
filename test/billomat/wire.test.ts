import { describe, expect, it } from 'vitest';
import { readRateObservation } from '../../server/src/billomat/rate-headers';
import {
  readClientAnswer,
  readClientList,
  readErrorMessages,
} from '../../server/src/billomat/wire';
import { BillomatError } from '../../server/src/billomat';

const acme = { id: '7', client_number: 'KD0007', name: 'Acme GmbH', discount_rate: 2.5 };
const beta = { id: '8', client_number: 'KD0008', name: 'Beta AG' };

describe('reading Billomat customer answers', () => {
  it('turns the id into a number and keeps the other fields', () => {
    expect(readClientAnswer({ client: acme })).toEqual({
      id: 7,
      client_number: 'KD0007',
      name: 'Acme GmbH',
      discount_rate: 2.5,
    });
  });

  it('reads a list of several customers', () => {
    const page = readClientList({
      clients: { client: [acme, beta], '@page': '1', '@per_page': '100', '@total': '2' },
    });
    expect(page.clients.map((client) => client.id)).toEqual([7, 8]);
    expect(page).toMatchObject({ page: 1, perPage: 100, total: 2 });
  });

  it('reads a list whose single customer arrives as an object instead of a list', () => {
    const page = readClientList({
      clients: { client: acme, '@page': '1', '@per_page': '100', '@total': '1' },
    });
    expect(page.clients.map((client) => client.id)).toEqual([7]);
  });

  it('reads an empty list whose item key is missing', () => {
    const page = readClientList({ clients: { '@page': '1', '@per_page': '100', '@total': '0' } });
    expect(page).toEqual({ clients: [], page: 1, perPage: 100, total: 0 });
  });

  it('calls an answer without a customer an unclear outcome', () => {
    expect(() => readClientAnswer({ ok: true })).toThrow(BillomatError);
  });

  it('reads one error message or a list of them', () => {
    expect(readErrorMessages({ errors: { error: 'Invalid e-mail address' } })).toEqual([
      'Invalid e-mail address',
    ]);
    expect(
      readErrorMessages({ errors: { error: ['Invalid zip', 'Invalid country_code'] } }),
    ).toEqual(['Invalid zip', 'Invalid country_code']);
    expect(readErrorMessages('<html>Bad Gateway</html>')).toEqual([]);
  });
});

function headers(values: Record<string, string>) {
  const lower = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  return { get: (name: string) => lower.get(name.toLowerCase()) ?? null };
}

describe('reading the rate headers', () => {
  const receivedAt = Date.parse('2026-11-24T10:07:30.200Z');

  it('reads whole and decimal reset times as epoch seconds', () => {
    const whole = readRateObservation({
      status: 200,
      headers: headers({ 'X-Rate-Limit-Remaining': '299', 'X-Rate-Limit-Reset': '1795990500' }),
      receivedAt,
      messages: [],
    });
    expect(whole).toMatchObject({ remaining: 299, resetAt: 1795990500_000, window: 1795990500 });
    const decimal = readRateObservation({
      status: 200,
      headers: headers({ 'X-Rate-Limit-Remaining': '4', 'X-Rate-Limit-Reset': '1795990500.25' }),
      receivedAt,
      messages: [],
    });
    expect(decimal.resetAt).toBe(1795990500_250);
  });

  it('moves the reset onto the local clock when the server clock is an hour ahead', () => {
    const observation = readRateObservation({
      status: 200,
      headers: headers({
        'X-Rate-Limit-Remaining': '10',
        'X-Rate-Limit-Reset': String(Date.parse('2026-11-24T11:15:00Z') / 1000),
        Date: 'Tue, 24 Nov 2026 11:07:30 GMT',
      }),
      receivedAt,
      messages: [],
    });
    // 7.5 minutes until the reset on the server's clock, minus the half second the Date header cannot show.
    expect(observation.resetAt! - receivedAt).toBe(7 * 60_000 + 30_000 - 200 - 300);
  });

  it('trusts the local clock when the Date header differs by less than its one-second resolution', () => {
    const reset = Date.parse('2026-11-24T10:15:00Z');
    const observation = readRateObservation({
      status: 200,
      headers: headers({
        'X-Rate-Limit-Remaining': '10',
        'X-Rate-Limit-Reset': String(reset / 1000),
        Date: 'Tue, 24 Nov 2026 10:07:30 GMT',
      }),
      receivedAt,
      messages: [],
    });
    expect(observation.resetAt).toBe(reset);
  });

  it('takes the wait and the window size from a 429 message when the headers are missing', () => {
    const observation = readRateObservation({
      status: 429,
      headers: headers({}),
      receivedAt,
      messages: [
        'Maximum number of requests (300 per 15 minutes) reached. Try again in 246.5 seconds.',
      ],
    });
    expect(observation).toEqual({
      remaining: 0,
      resetAt: receivedAt + 246_500,
      window: null,
      windowBudget: 300,
    });
  });
});
