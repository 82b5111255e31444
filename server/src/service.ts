import type { Server } from 'node:http';
import type { Config } from './config';
import { createApp } from './http/app';
import { Pushes } from './jobs/pushes';
import { Worker } from './jobs/worker';
import { createLogger, type Logger } from './logger';
import { BillomatAccounts } from './orgs/billomat-accounts';
import { OrgRegistry } from './orgs/registry';
import { SalesforceAuthorizations } from './orgs/salesforce-authorizations';
import { SalesforceConnections } from './orgs/salesforce-connections';
import { createSecretBox } from './security/secrets';
import type { Store } from './store/contract';
import { openStore } from './store/open';

/** The running service: store, worker and HTTP server wired together from one Config. */
export interface Service {
  url: string;
  store: Store;
  registry: OrgRegistry;
  worker: Worker;
  close(): Promise<void>;
}

export async function startService(config: Config, log: Logger = createLogger(config.logLevel)): Promise<Service> {
  const store = await openStore(config.database);
  const box = createSecretBox(config.secretKey);
  const accounts = new BillomatAccounts(store, box, config.billomat, log);
  const registry = new OrgRegistry(store, box);
  const worker = new Worker(
    store,
    accounts,
    { ...config.worker, maxAttempts: config.billomat.maxAttempts, idleCloseMs: config.limits.idleCloseMs },
    log,
  );
  const pushes = new Pushes(store, accounts, { maxRecordsPerPush: config.limits.maxRecordsPerPush }, () => worker.wake());
  const salesforce = new SalesforceConnections(store, box, config.salesforce, log);
  let url = '';
  // With PORT=0 the callback address is known only once the server listens.
  const redirectUri = () => config.salesforce.redirectUri ?? (url ? `${url}/v1/oauth/callback` : null);
  const app = createApp({
    store,
    accounts,
    registry,
    pushes,
    salesforce,
    authorizations: new SalesforceAuthorizations(store, box, salesforce, redirectUri),
    operatorToken: config.operatorToken,
    maxBodyBytes: config.limits.maxBodyBytes,
    log,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  worker.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  url = `http://${config.host}:${port}`;
  return {
    url,
    store,
    registry,
    worker,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await worker.stop();
      await store.close();
    },
  };
}
