import type { RequestHandler, Response } from 'express';
import { hashToken, tokensEqual } from '../security/secrets';
import type { Org, Store } from '../store/contract';
import { RequestError } from '../errors';

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Org requests: the org API token from the org's External Credential. */
export function requireOrg(store: Store): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      next(new RequestError(401, 'unauthorized', 'Send the org API token as "Authorization: Bearer <token>".'));
      return;
    }
    const org = await store.findOrgByTokenHash(hashToken(token));
    if (!org) {
      next(
        new RequestError(
          401,
          'unauthorized',
          'This org API token is not known to the export service. Check the token in the External Credential, or ask the operator to register the org.',
        ),
      );
      return;
    }
    res.locals.org = org;
    next();
  };
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
