import { loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { BillomatAccounts } from '../orgs/billomat-accounts';
import { SalesforceAuthorizations } from '../orgs/salesforce-authorizations';
import { SalesforceConnections } from '../orgs/salesforce-connections';
import { createSecretBox, type SecretBox } from '../security/secrets';
import type { Store } from '../store/contract';
import { openStore } from '../store/open';

/** The parts of the service a CLI command works with, on the same store and configuration. */
export interface CliServices {
  config: Config;
  store: Store;
  box: SecretBox;
  log: Logger;
  accounts: BillomatAccounts;
  salesforce: SalesforceConnections;
  authorizations: SalesforceAuthorizations;
  close(): Promise<void>;
}

export async function openServices(): Promise<CliServices> {
  const config = loadConfig();
  // The terminal shows progress and results; only warnings and errors go to the log there.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const store = await openStore(config.database);
  const box = createSecretBox(config.secretKey);
  const salesforce = new SalesforceConnections(store, box, config.salesforce, log);
  return {
    config,
    store,
    box,
    log,
    accounts: new BillomatAccounts(store, box, config.billomat, log),
    salesforce,
    authorizations: new SalesforceAuthorizations(
      store,
      box,
      salesforce,
      () => config.salesforce.redirectUri,
    ),
    close: () => store.close(),
  };
}

/** Runs a command with the services open, and closes them whatever happens. */
export async function withServices<T>(command: (services: CliServices) => Promise<T>): Promise<T> {
  const services = await openServices();
  try {
    return await command(services);
  } finally {
    await services.close();
  }
}
