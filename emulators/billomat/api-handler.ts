import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from './account';
import { answerClients, type Answer, type ApiRequest } from './client-routes';
import type { EmulatorState } from './emulator-state';
import type { FaultKind } from './types';
import {
  acceptsJson,
  BodyTooLarge,
  errorBody,
  hasJsonBody,
  parseJson,
  readBody,
  sendEmpty,
  sendJson,
} from './wire';

export interface ApiTarget {
  billomatId: string;
  /** Segments after `/api`. */
  segments: string[];
  /** `/api/…` as recorded in the account's request log. */
  apiPath: string;
  query: URLSearchParams;
  rawQuery: string;
}

/**
 * One request to `/{billomatId}/api/…`, in the order Billomat's front would take it:
 * latency, injected faults, account, key, app pair, rate limit, format, then the work itself.
 */
export async function answerApi(
  state: EmulatorState,
  target: ApiTarget,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const arrivedAt = Date.now();
  const account = state.accounts.get(target.billomatId);
  const record = (status: number, fault?: FaultKind): void => {
    account?.requests.push({
      method,
      path: target.apiPath,
      query: target.rawQuery,
      status,
      at: arrivedAt,
      ...(fault ? { fault } : {}),
    });
    state.log(
      `${method} /${target.billomatId}${target.apiPath} → ${status || 'dropped'}${fault ? ` (${fault})` : ''}`,
    );
  };

  const latency = state.faults.latencyMs();
  if (latency > 0) await sleep(latency);

  const front = state.faults.frontFault();
  if (front === 'drop') {
    record(0, 'drop');
    req.socket.destroy();
    return;
  }
  if (front === 'serverError') {
    if (account) rateHeaders(state, account, res, false);
    record(503, 'serverError');
    return sendJson(res, 503, errorBody('Service Unavailable'));
  }
  if (!account) {
    state.log(`${method} /${target.billomatId}${target.apiPath} → 404 (unknown account)`);
    return sendJson(res, 404, errorBody(`Unknown Billomat account: ${target.billomatId}`));
  }

  const appPair = appCredentials(state, req);
  if (req.headers['x-billomatapikey'] !== account.apiKey || appPair === 'invalid') {
    rateHeaders(state, account, res, false);
    record(401);
    return sendJson(res, 401, errorBody('Unauthorized'));
  }
  const withApp = appPair === 'valid';

  const nowMs = Date.now();
  const window = state.windows.indexAt(nowMs);
  const budget = state.windows.budget(withApp);
  const used = account.quota.usedIn(window);
  const forced = state.faults.takeRateLimited();
  if (forced || used >= budget) {
    setRateHeaders(state, res, 0, nowMs);
    record(429, forced ? 'rateLimited' : undefined);
    return sendJson(res, 429, errorBody(state.windows.limitMessage(withApp, nowMs)));
  }
  account.quota.spend(window, 1);
  setRateHeaders(state, res, budget - used - 1, nowMs);

  const answer = acceptsJson(req)
    ? await answerClients(account, apiRequest(method, target, req))
    : notAcceptable;
  if (answer.created && state.faults.loseAnswer()) {
    record(answer.status, 'lostAnswer');
    req.socket.destroy();
    return;
  }
  record(answer.status);
  if (answer.body === undefined) sendEmpty(res, answer.status);
  else sendJson(res, answer.status, answer.body);
}

const notAcceptable: Answer = {
  status: 406,
  body: errorBody('The emulator answers JSON only: send Accept: application/json'),
};

/** No app headers: none; both matching a registered app: valid; anything else: invalid. */
function appCredentials(state: EmulatorState, req: IncomingMessage): 'none' | 'valid' | 'invalid' {
  const appId = req.headers['x-appid'];
  const appSecret = req.headers['x-appsecret'];
  if (appId === undefined && appSecret === undefined) return 'none';
  if (typeof appId !== 'string' || typeof appSecret !== 'string') return 'invalid';
  return state.apps.get(appId) === appSecret ? 'valid' : 'invalid';
}

function apiRequest(method: string, target: ApiTarget, req: IncomingMessage): ApiRequest {
  return {
    method,
    segments: target.segments,
    query: target.query,
    now: new Date(),
    readJson: async () => {
      if (!hasJsonBody(req)) {
        return {
          ok: false,
          answer: failure(415, 'Send the body as Content-Type: application/json'),
        };
      }
      let text: string;
      try {
        text = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLarge)
          return { ok: false, answer: failure(413, error.message) };
        throw error;
      }
      const parsed = parseJson(text);
      return parsed.ok ? parsed : { ok: false, answer: failure(400, 'Malformed JSON body') };
    },
  };
}

function failure(status: number, message: string): Answer {
  return { status, body: errorBody(message) };
}

/** Headers for an answer that spends nothing. */
function rateHeaders(
  state: EmulatorState,
  account: Account,
  res: ServerResponse,
  withApp: boolean,
): void {
  const nowMs = Date.now();
  const used = account.quota.usedIn(state.windows.indexAt(nowMs));
  setRateHeaders(state, res, Math.max(0, state.windows.budget(withApp) - used), nowMs);
}

function setRateHeaders(
  state: EmulatorState,
  res: ServerResponse,
  remaining: number,
  nowMs: number,
): void {
  res.setHeader('X-Rate-Limit-Remaining', String(remaining));
  res.setHeader('X-Rate-Limit-Reset', state.windows.resetHeader(nowMs));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
