import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiCaller } from './api-guard';
import { abortJob, checkJob, createJob, deleteJob, listJobs, results } from './bulk-routes';
import type { FakeContext } from './context';
import { sendApiError } from './http';
import { authorize, identity, revoke, token } from './oauth-routes';
import {
  describe,
  describeGlobal,
  limits,
  query,
  queryMore,
  resources,
  versions,
} from './rest-routes';

const NOT_FOUND = { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' };

async function dataApi(
  ctx: FakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  version: string,
  rest: string,
): Promise<void> {
  const user = apiCaller(ctx, req, res, url.pathname + url.search);
  if (!user) return;
  const method = req.method ?? 'GET';
  let match: RegExpExecArray | null;
  if (method === 'GET' && rest === '') return resources(ctx, res, user, version);
  if (method === 'GET' && rest === '/limits') return limits(ctx, res);
  if (method === 'GET' && (rest === '/query' || rest === '/queryAll'))
    return query(ctx, req, url, res, user, version);
  if (method === 'GET' && (match = /^\/query\/([^/]+)$/.exec(rest)))
    return queryMore(ctx, res, match[1] as string, version);
  if (method === 'GET' && rest === '/sobjects') return describeGlobal(ctx, res);
  if (method === 'GET' && (match = /^\/sobjects\/([^/]+)\/describe$/.exec(rest)))
    return describe(ctx, res, match[1] as string);
  if (rest === '/jobs/query') {
    if (method === 'POST') return createJob(ctx, req, res, user, version);
    if (method === 'GET') return listJobs(ctx, res);
  }
  if ((match = /^\/jobs\/query\/([^/]+)(\/results)?$/.exec(rest))) {
    const job = ctx.bulkJobs.get(match[1] as string);
    if (!job) return sendApiError(res, 404, NOT_FOUND);
    if (match[2] && method === 'GET') return results(ctx, url, res, job);
    if (!match[2] && method === 'GET') return checkJob(res, job);
    if (!match[2] && method === 'PATCH') return abortJob(req, res, job);
    if (!match[2] && method === 'DELETE') return deleteJob(ctx, res, job);
  }
  sendApiError(res, 404, NOT_FOUND);
}

/** Routes one request; returns the OAuth grant type for the request log when there is one. */
export async function route(
  ctx: FakeContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string | undefined> {
  const url = new URL(req.url ?? '/', ctx.url);
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  let match: RegExpExecArray | null;
  if (method === 'POST' && path === '/services/oauth2/token') return token(ctx, req, res);
  if (method === 'GET' && path === '/services/oauth2/authorize') authorize(ctx, url, res);
  else if (method === 'POST' && path === '/services/oauth2/revoke')
    await revoke(ctx, req, url, res);
  else if (method === 'GET' && (match = /^\/id\/([^/]+)\/([^/]+)$/.exec(path)))
    identity(ctx, req, url, res, match[1] as string, match[2] as string);
  else if (method === 'GET' && path === '/services/data') versions(res);
  else if ((match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path)))
    await dataApi(ctx, req, res, url, match[1] as string, match[2] ?? '');
  else sendApiError(res, 404, NOT_FOUND);
  return undefined;
}
