/** What one Billomat answer says about the account's rate budget. */
export interface RateObservation {
  /** `X-Rate-Limit-Remaining`: calls left in the current window (0 after a 429). */
  remaining: number | null;
  /** When the next window starts, in local-clock epoch milliseconds. */
  resetAt: number | null;
  /** The server's own `X-Rate-Limit-Reset` value; equal values mean the same window. */
  window: number | null;
  /** The window's size when the answer names it ("300 per 15 minutes" in a 429). */
  windowBudget: number | null;
}

export interface AnswerHeaders {
  get(name: string): string | null;
}

export interface RateAnswer {
  status: number;
  headers: AnswerHeaders;
  /** Local-clock epoch milliseconds when the answer arrived. */
  receivedAt: number;
  /** Billomat's error messages, if any. */
  messages: readonly string[];
}

const LIMIT_IN_MESSAGE = /Maximum number of requests \((\d+) per/i;
const WAIT_IN_MESSAGE = /Try again in (\d+(?:\.\d+)?) seconds?/i;

/**
 * The `Date` header has one-second resolution, so a difference under a second between the
 * server's clock and ours cannot be measured; only larger differences count as skew.
 */
const MEASURABLE_SKEW_MS = 1000;

export function readRateObservation(answer: RateAnswer): RateObservation {
  const rateLimited = answer.status === 429;
  const message = answer.messages.join(' ');
  const resetSeconds = numberHeader(answer.headers, 'X-Rate-Limit-Reset');
  const waitSeconds = rateLimited ? numberIn(message, WAIT_IN_MESSAGE) : null;

  let resetAt: number | null = null;
  if (resetSeconds !== null) resetAt = resetSeconds * 1000 - clockSkewMs(answer);
  else if (waitSeconds !== null) resetAt = answer.receivedAt + waitSeconds * 1000;

  return {
    remaining: rateLimited ? 0 : numberHeader(answer.headers, 'X-Rate-Limit-Remaining'),
    resetAt,
    window: resetSeconds,
    windowBudget: rateLimited ? numberIn(message, LIMIT_IN_MESSAGE) : null,
  };
}

/** How far the server's clock runs ahead of ours (negative when behind). */
function clockSkewMs(answer: RateAnswer): number {
  const date = answer.headers.get('Date');
  const serverTime = date === null ? Number.NaN : Date.parse(date);
  if (Number.isNaN(serverTime)) return 0;
  // The header is truncated to the second; the middle of that second is the best guess.
  const skew = serverTime + 500 - answer.receivedAt;
  return Math.abs(skew) < MEASURABLE_SKEW_MS ? 0 : skew;
}

function numberHeader(headers: AnswerHeaders, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function numberIn(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}
