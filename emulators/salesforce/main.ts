import { parseArgs } from 'node:util';
import { generateAccounts, generateContacts } from './generator';
import { startSalesforceFake } from './fake';

const USAGE =
  'Usage: tsx emulators/salesforce/main.ts [--port 4010] [--accounts 200] [--contacts 400] [--seed 1]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      accounts: { type: 'string', default: '200' },
      contacts: { type: 'string', default: '400' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [port, accounts, contacts, seed] = [
    values.port,
    values.accounts,
    values.contacts,
    values.seed,
  ].map(Number) as [number, number, number, number];
  if ([port, accounts, contacts, seed].some((n) => !Number.isInteger(n) || n < 0))
    throw new Error(USAGE);

  const fake = await startSalesforceFake({ port });
  fake.addRecords('Account', generateAccounts({ seed, count: accounts }));
  fake.addRecords('Contact', generateContacts({ seed, count: contacts, accountCount: accounts }));
  console.log(
    `Salesforce fake on ${fake.url} (org ${fake.orgId}) with ${accounts} Accounts and ${contacts} Contacts`,
  );
  console.log(
    `Connected app: client id '${fake.connectedApp.clientId}', client secret '${fake.connectedApp.clientSecret}'`,
  );
  process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
