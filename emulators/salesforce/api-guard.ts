import type { IncomingMessage, ServerResponse } from 'node:http';
import { userById, type FakeContext, type Fault } from './context';
import { bearerToken, sendApiError } from './http';
import type { FakeUser } from './org';

function takeFault(ctx: FakeContext, method: string, path: string): Fault | undefined {
  const fault = ctx.faults.find(
    (f) =>
      (!f.method || f.method === method) &&
      (!f.path || (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
  );
  if (fault && --fault.times <= 0) ctx.faults.splice(ctx.faults.indexOf(fault), 1);
  return fault;
}

/**
 * The checks Salesforce makes before an API call does anything, in its order: session, org API access,
 * the user's "API Enabled" permission, the daily request allowance. Answers the error itself and
 * returns null when the call may not go on.
 */
export function apiCaller(
  ctx: FakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): FakeUser | null {
  const fault = takeFault(ctx, req.method ?? 'GET', path);
  if (fault) {
    sendApiError(res, fault.status, fault);
    return null;
  }
  const token = bearerToken(req);
  const userId = token ? ctx.sessions.userForAccessToken(token) : undefined;
  const user = userId ? userById(ctx, userId) : undefined;
  if (!user) {
    sendApiError(res, 401, {
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
    });
    return null;
  }
  if (ctx.org.apiDisabledForOrg) {
    sendApiError(res, 403, {
      errorCode: 'API_DISABLED_FOR_ORG',
      message: 'The REST API is not enabled for this Organization.',
    });
    return null;
  }
  if (!user.apiEnabled) {
    sendApiError(res, 403, {
      errorCode: 'API_CURRENTLY_DISABLED',
      message: 'API is disabled for this User',
    });
    return null;
  }
  const limit = ctx.org.dailyApiRequestLimit;
  if (ctx.apiRequestsUsed >= limit) {
    sendApiError(res, 403, {
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    });
    return null;
  }
  ctx.apiRequestsUsed++;
  res.setHeader('sforce-limit-info', `api-usage=${ctx.apiRequestsUsed}/${limit}`);
  return user;
}
