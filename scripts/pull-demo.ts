import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBillomatEmulator } from '../emulators/billomat';
import { generateAccounts, startSalesforceFake } from '../emulators/salesforce';
import { loadConfig } from '../server/src/config';
import { startService } from '../server/src/service';

/**
 * The Salesforce pull without an org or a Billomat account: `npx tsx scripts/pull-demo.ts
 * [--accounts 5000]`. Starts the Billomat emulator, the Salesforce fake (with generated, messy
 * Accounts) and the service on 127.0.0.1, then runs the operator's commands in their own
 * processes, as `npm run cli -- …` would, and prints what they print. The README's sample
 * output comes from this script.
 */

const ROOT = path.resolve(__dirname, '..');
const TSX = require.resolve('tsx/cli');
const BILLOMAT_ID = 'musterfirma';
const BILLOMAT_KEY = 'musterfirma-billomat-api-key';

const MAPPING = {
  name: { source: 'Name' },
  street: { source: 'BillingStreet', transform: 'street' },
  zip: { source: 'BillingPostalCode' },
  city: { source: 'BillingCity' },
  country_code: { source: 'BillingCountry', transform: 'country', default: 'DE' },
  phone: { source: 'Phone' },
  www: { source: 'Website', transform: 'website' },
  note: { fixed: 'Pulled from Salesforce' },
};

/** Runs one CLI command in its own process, shows what it prints (stdout and stderr) and hands that back. */
function cli(env: Record<string, string>, args: string[]): Promise<string> {
  process.stdout.write(
    `\n$ npm run cli -- ${args.map((a) => (/[\s'"]/.test(a) ? `"${a}"` : a)).join(' ')}\n`,
  );
  return new Promise((resolve, reject) => {
    let printed = '';
    const show = (chunk: Buffer) => {
      printed += chunk.toString();
      process.stdout.write(chunk);
    };
    const child = spawn(process.execPath, [TSX, 'server/src/cli/main.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', show);
    child.stderr.on('data', show);
    child.on('error', reject);
    child.on('close', (code) => {
      process.stdout.write(`(exit ${code ?? 'killed'})\n`);
      resolve(printed);
    });
  });
}

/** What the admin's browser does with the printed address: log in (the fake skips that), come back, show the page. */
async function openInBrowser(url: string): Promise<string> {
  const atSalesforce = await fetch(url, { redirect: 'manual' });
  const back = atSalesforce.headers.get('location');
  if (!back)
    throw new Error(`Salesforce answered ${atSalesforce.status} without sending the browser back`);
  const page = await (await fetch(back)).text();
  return (
    /<p>([^<]*)<\/p>/
      .exec(page)?.[1]
      ?.replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"') ?? page
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '5000' } } });
  const count = Number(values.accounts);
  const emulator = await startBillomatEmulator({
    accounts: [{ billomatId: BILLOMAT_ID, apiKey: BILLOMAT_KEY }],
    rateLimit: { perWindow: 1_000_000 },
    faults: { latencyMs: [2, 10] },
  });
  const fake = await startSalesforceFake();
  fake.addRecords('Account', generateAccounts({ seed: 2026, count }));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-pull-demo-'));
  const operatorToken = randomBytes(24).toString('hex');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    SECRET_KEY: randomBytes(32).toString('hex'),
    BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
    SALESFORCE_CLIENT_ID: fake.connectedApp.clientId,
    SALESFORCE_CLIENT_SECRET: fake.connectedApp.clientSecret,
    SALESFORCE_LOGIN_URLS: fake.url,
    SALESFORCE_BULK_POLL_MS: '200',
    WORKER_CONCURRENCY: '8',
    LOG_LEVEL: 'warn',
  };
  const service = await startService(
    loadConfig({ ...env, PORT: '0', OPERATOR_TOKEN: operatorToken, WORKER_POLL_MS: '100' }),
  );
  env.SALESFORCE_REDIRECT_URI = `${service.url}/v1/oauth/callback`;
  try {
    process.stdout.write(
      `Salesforce fake ${fake.url} (org ${fake.orgId}, ${count} Accounts), Billomat emulator ${emulator.url}, service ${service.url}\n`,
    );
    const call = (route: string, token: string, method: string, body: unknown) =>
      fetch(`${service.url}${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => (await response.json()) as Record<string, unknown>);
    const registered = await call('/v1/orgs', operatorToken, 'POST', {
      orgId: fake.orgId,
      billomatId: BILLOMAT_ID,
      billomatApiKey: BILLOMAT_KEY,
    });
    await call('/v1/mappings/Account', String(registered.apiToken), 'PUT', { fields: MAPPING });
    const orgId = String(registered.orgId);

    const printed = await cli(env, ['connect', '--org', orgId, '--login', fake.url]);
    const url = /^ {2}(http\S+)$/m.exec(printed)?.[1];
    if (!url) throw new Error('connect printed no address');
    process.stdout.write(
      `\n[the admin opens the address and logs in; the service's page says:]\n${await openInBrowser(url)}\n`,
    );

    await cli(env, ['access', '--org', orgId]);
    await cli(env, [
      'pull',
      '--org',
      orgId,
      '--object',
      'Account',
      '--where',
      "Name = '' OR '1'='1'",
    ]);
    await cli(env, ['pull', '--org', orgId, '--object', 'Account', '--dry-run']);
    await cli(env, ['pull', '--org', orgId, '--object', 'Account']);
    const inHamburg = [...generateAccounts({ seed: 2026, count })].find(
      (account) => account.BillingCity === 'Hamburg',
    );
    fake.addRecords('Account', [{ ...inHamburg, Phone: '+49 40 8899 0' }]);
    await cli(env, [
      'pull',
      '--org',
      orgId,
      '--object',
      'Account',
      '--where',
      "BillingCity = 'Hamburg'",
    ]);
    process.stdout.write(`\nIn Billomat now: ${emulator.clients(BILLOMAT_ID).length} customers.\n`);
  } finally {
    await service.close();
    await fake.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
