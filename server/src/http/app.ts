import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import type { Pushes } from '../jobs/pushes';
import type { Logger } from '../logger';
import type { BillomatAccounts } from '../orgs/billomat-accounts';
import type { OrgRegistry } from '../orgs/registry';
import type { SalesforceAuthorizations } from '../orgs/salesforce-authorizations';
import type { SalesforceConnections } from '../orgs/salesforce-connections';
import type { Store } from '../store/contract';
import { requireOperator, requireOrg } from './auth';
import { errorHandler, requireJson, unknownRoute } from './errors';
import { mappingRoutes } from './routes/mappings';
import { oauthCallbackRoutes } from './routes/oauth-callback';
import { orgRoutes } from './routes/orgs';
import { pushRoutes } from './routes/pushes';
import { salesforceRoutes } from './routes/salesforce';
import { statusRoutes } from './routes/status';

export interface AppDependencies {
  store: Store;
  accounts: BillomatAccounts;
  registry: OrgRegistry;
  pushes: Pushes;
  salesforce: SalesforceConnections;
  authorizations: SalesforceAuthorizations;
  operatorToken: string | null;
  maxBodyBytes: number;
  log: Logger;
}

/**
 * Every /v1 route: the OAuth callback public (a browser lands there), operator routes under
 * /orgs behind the operator token, the rest behind an org token.
 */
export function createApiRouter(deps: AppDependencies): Router {
  const v1 = express.Router();
  v1.use(oauthCallbackRoutes(deps.authorizations, deps.log));
  v1.use('/orgs', requireOperator(deps.operatorToken));
  v1.use(orgRoutes(deps.registry));
  v1.use(salesforceRoutes(deps.salesforce, deps.authorizations));
  v1.use(statusRoutes(deps.store, deps.accounts));
  v1.use(requireOrg(deps.store));
  v1.use(mappingRoutes(deps.store));
  v1.use(pushRoutes(deps.store, deps.pushes));
  return v1;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = Date.now();
    res.on('finish', () =>
      deps.log.debug('request', { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Date.now() - started }),
    );
    next();
  });
  app.use(requireJson);
  app.use(express.json({ limit: deps.maxBodyBytes, strict: false }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.use('/v1', createApiRouter(deps));
  app.use(unknownRoute);
  app.use(errorHandler(deps.log));
  return app;
}
