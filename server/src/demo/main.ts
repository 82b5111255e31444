import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBillomatEmulator } from '../../../emulators/billomat';
import { createProgressReporter, formatDuration } from '../cli/progress';
import { loadConfig } from '../config';
import { startService } from '../service';
import { DEMO_ACCOUNT_MAPPING, demoAccounts } from './accounts';

/**
 * `npm run demo`: the whole path without a Salesforce org or a Billomat account. Starts the
 * Billomat emulator and the service, registers a demo org, saves an Account mapping, pushes
 * ~50 realistic accounts (some with problems) with progress, then pushes three of them again
 * to show updates and skips. Everything runs on 127.0.0.1 and is removed at the end.
 */

const DEMO_ORG_ID = '00DDEMO00000001';
const BILLOMAT_ID = 'demo';

/** The service's answers, read by field; their shapes are in docs/openapi.yaml. */
type Json = Record<string, unknown>;

interface Counts {
  total: number;
  pending: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

async function main(): Promise<void> {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const emulator = await startBillomatEmulator({
    accounts: [{ billomatId: BILLOMAT_ID, apiKey: 'demo-billomat-api-key' }],
    faults: { latencyMs: [40, 120] },
    seed: 42,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-demo-'));
  const operatorToken = randomBytes(24).toString('hex');
  const service = await startService(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      DEMO: '1',
      OPERATOR_TOKEN: operatorToken,
      BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
      WORKER_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    }),
  );
  const call = async (method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${service.url}${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomBytes(8).toString('hex'),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  try {
    out('Billomat export — demo');
    out(`  Billomat emulator: ${emulator.url} (account "${BILLOMAT_ID}", 300 calls per 15 minutes, as Billomat)`);
    out(`  Export service:    ${service.url} (SQLite in a temporary folder)`);
    out();

    const registered = await call('POST', '/v1/orgs', operatorToken, {
      orgId: DEMO_ORG_ID,
      billomatId: BILLOMAT_ID,
      billomatApiKey: 'demo-billomat-api-key',
    });
    const token = String(registered.body.apiToken);
    out(`1. Registered the demo org ${String(registered.body.orgId)}; its API token was shown once and only its hash is kept.`);

    const saved = await call('PUT', '/v1/mappings/Account', token, { fields: DEMO_ACCOUNT_MAPPING });
    out(`2. Saved the Account mapping, version ${String(saved.body.version)}: Name → name, BillingStreet → street (multi-line joined),`);
    out('   BillingCountry → country_code (country names in English/German → ISO code, default DE), Industry → note');
    out('   (default "Imported from Salesforce"), fixed: net_gross NET, due_days 14 (ABSOLUTE).');

    const accounts = demoAccounts();
    const preview = await call('POST', '/v1/mappings/Account/preview', token, { records: accounts.slice(8, 10) });
    out('3. Preview of two sample records (what the mapping editor shows):');
    for (const result of preview.body.results as Array<{ sfId: string; customer: Record<string, unknown> }>) {
      const c = result.customer;
      out(`   ${result.sfId}: ${String(c.name)} | ${String(c.street)} | ${String(c.zip)} ${String(c.city)} | ${String(c.country_code)}`);
    }

    out(`4. Pushing ${accounts.length} accounts…`);
    const accepted = await call('POST', '/v1/pushes', token, { objectType: 'Account', records: accounts, source: 'admin' });
    const jobId = String(accepted.body.jobId);
    const job = await follow(call, token, jobId);

    const counts = job.counts as Counts;
    out();
    out(`   Done: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed.`);
    const results = (job.results as { items: Array<Record<string, unknown>> }).items;
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) {
      out('   Records a sales rep must fix:');
      for (const r of failed) out(`   • ${String(r.sfId)}: ${String(r.message)}`);
    }
    const warned = results.filter((r) => r.status !== 'failed' && r.message);
    for (const r of warned) out(`   ! ${String(r.sfId)} (${String(r.status)}, customer ${String(r.billomatNumber)}): ${String(r.message)}`);

    const customers = emulator.clients(BILLOMAT_ID);
    out();
    out(`   In Billomat now: ${customers.length} customers, e.g.`);
    for (const c of customers.filter((_, i) => [0, 8, 14, 32].includes(i))) {
      out(`   ${String(c.client_number)}  ${String(c.name)} — ${String(c.street)}, ${String(c.zip)} ${String(c.city)}, ${String(c.country_code)}`);
    }

    out();
    out('5. Pushing three accounts again: one changed in Salesforce, two unchanged…');
    const changed = [{ ...accounts[0], BillingCity: 'Stuttgart-Vaihingen' }, accounts[1], accounts[2]];
    const callsBefore = emulator.callCount(BILLOMAT_ID);
    const again = await call('POST', '/v1/pushes?wait=20', token, { objectType: 'Account', records: changed });
    const againCounts = again.body.counts as Counts;
    out(
      `   ${againCounts.updated} updated, ${againCounts.unchanged} unchanged, ${againCounts.created} created — ` +
        `${emulator.callCount(BILLOMAT_ID) - callsBefore} Billomat call(s); still ${emulator.clients(BILLOMAT_ID).length} customers (no duplicates).`,
    );

    const status = await call('GET', '/v1/status', token);
    const billomat = status.body.billomat as { reachable: boolean };
    out();
    out(`Summary: ${customers.length} Billomat customers from ${accounts.length} accounts, ${failed.length} records to fix,`);
    out(`Billomat reachable: ${billomat.reachable ? 'yes' : 'no'}, time taken ${formatDuration((Date.now() - started) / 1000)}.`);
    out('Next: `npm start` runs the service for real; see README.md for registering an org and installing the Salesforce package.');
  } finally {
    await service.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function follow(
  call: (method: string, route: string, token: string) => Promise<{ status: number; body: Json }>,
  token: string,
  jobId: string,
): Promise<Json> {
  const progress = createProgressReporter('   ', process.stdout, 1_000);
  for (;;) {
    const answer = await call('GET', `/v1/pushes/${jobId}?pageSize=100`, token);
    const counts = answer.body.counts as Counts;
    progress.update({
      done: counts.total - counts.pending,
      failed: counts.failed,
      total: counts.total,
      ratePerMinute: answer.body.ratePerMinute as number | null,
      etaSeconds: answer.body.etaSeconds as number | null,
    });
    if (answer.body.state === 'completed' || answer.body.state === 'blocked') {
      progress.finish();
      return answer.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
