import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Pushes } from '../jobs/pushes';
import type { Logger } from '../logger';
import type { BillomatAccounts } from '../orgs/billomat-accounts';
import type { OrgRegistry } from '../orgs/registry';
import type { Store } from '../store/contract';
import { requireOperator, requireOrg } from './auth';
import { errorHandler, requireJson, unknownRoute } from './errors';
import { mappingRoutes } from './routes/mappings';
import { orgRoutes } from './routes/orgs';
import { pushRoutes } from './routes/pushes';
import { statusRoutes } from './routes/status';

export interface AppDependencies {
  store: Store;
  accounts: BillomatAccounts;
  registry: OrgRegistry;
  pushes: Pushes;
  operatorToken: string | null;
  maxBodyBytes: number;
  log: Logger;
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

  const operator = express.Router();
  operator.use(requireOperator(deps.operatorToken));
  operator.use(orgRoutes(deps.registry));

  const org = express.Router();
  org.use(requireOrg(deps.store));
  org.use(statusRoutes(deps.store, deps.accounts));
  org.use(mappingRoutes(deps.store));
  org.use(pushRoutes(deps.store, deps.pushes));

  app.use('/v1', (req, res, next) => (req.path === '/orgs' ? operator(req, res, next) : org(req, res, next)));
  app.use(unknownRoute);
  app.use(errorHandler(deps.log));
  return app;
}
