import type { RequestHandler, Response } from 'express';
import { hashToken, tokensEqual } from '../security/secrets';
import type { Org, Store } from '../store/contract';
import { RequestError } from '../errors';

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

const NO_TOKEN = 'Send the org API token as "Authorization: Bearer <token>".';
const UNKNOWN_TOKEN =
  'This org API token is not known to the export service. Check the token in the External Credential, or ask the operator to register the org.';

/** Org requests: the org API token from the org's External Credential. */
export function requireOrg(store: Store): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const org = token ? await store.findOrgByTokenHash(hashToken(token)) : null;
    if (!org) {
      next(new RequestError(401, 'unauthorized', token ? UNKNOWN_TOKEN : NO_TOKEN));
      return;
    }
    res.locals.org = org;
    next();
  };
}

/** Like requireOrg, but lets the request through without an org, saying why in `res.locals.authProblem`. */
export function identifyOrg(store: Store): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const org = token ? await store.findOrgByTokenHash(hashToken(token)) : null;
    if (org) res.locals.org = org;
    else res.locals.authProblem = token ? UNKNOWN_TOKEN : NO_TOKEN;
    next();
  };
}

export function identifiedOrg(res: Response): { org: Org | null; problem: string | null } {
  return { org: (res.locals.org as Org | undefined) ?? null, problem: (res.locals.authProblem as string | undefined) ?? null };
}

export function currentOrg(res: Response): Org {
  const org = res.locals.org as Org | undefined;
  if (!org) throw new Error('requireOrg must run before this handler');
  return org;
}

/** Operator requests: the OPERATOR_TOKEN from the service's environment. */
export function requireOperator(operatorToken: string | null): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!operatorToken) {
      next(new RequestError(403, 'operator_disabled', 'Operator endpoints are off: set OPERATOR_TOKEN to use them.'));
      return;
    }
    if (!token || !tokensEqual(token, operatorToken)) {
      next(new RequestError(401, 'unauthorized', 'Send the operator token as "Authorization: Bearer <token>".'));
      return;
    }
    next();
  };
}
