import type { RateBudget } from './budget';
import { readRateObservation, type RateObservation } from './rate-headers';
import { readErrorMessages } from './wire';

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export type Exchange =
  | { outcome: 'answered'; status: number; body: unknown; messages: string[] }
  | { outcome: 'no-answer'; reason: 'timeout' | 'connection'; detail: string };

export interface ExchangeSettings {
  budget: RateBudget;
  timeoutMs: number;
  now: () => number;
}

/** One HTTP call to Billomat, paid for from the account's rate budget. */
export async function exchange(
  request: ExchangeRequest,
  settings: ExchangeSettings,
): Promise<Exchange> {
  await settings.budget.acquire();
  let observation: RateObservation | null = null;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const receivedAt = settings.now();
    const body = parseBody(await response.text());
    const messages = readErrorMessages(body);
    observation = readRateObservation({
      status: response.status,
      headers: response.headers,
      receivedAt,
      messages,
    });
    return { outcome: 'answered', status: response.status, body, messages };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      outcome: 'no-answer',
      reason: timedOut ? 'timeout' : 'connection',
      detail: timedOut ? `no answer within ${settings.timeoutMs} ms` : connectionDetail(error),
    };
  } finally {
    settings.budget.observe(observation);
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The low-level reason (e.g. ECONNRESET); fetch itself only says "fetch failed". */
function connectionDetail(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (
    typeof cause === 'object' &&
    cause !== null &&
    'code' in cause &&
    typeof cause.code === 'string'
  )
    return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : 'connection failed';
}
