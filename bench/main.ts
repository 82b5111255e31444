import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBillomatEmulator, type BillomatEmulator } from '../emulators/billomat';
import { loadConfig } from '../server/src/config';
import { applyMapping, type Mapping } from '../server/src/mapping';
import { startService, type Service } from '../server/src/service';
import { DEMO_ACCOUNT_MAPPING, demoAccounts } from '../server/src/demo/accounts';

/**
 * `npm run bench`: figures measured in one run on this machine, reported as ratios so they
 * can be compared between runs and machines. Everything runs on 127.0.0.1.
 *
 *   1. Billomat calls per record (created / unchanged / changed): what the rate limit costs.
 *   2. Push throughput end to end (HTTP → store → worker → emulator), SQLite vs PostgreSQL.
 *   3. The mapping engine alone, against the end-to-end rate.
 *   4. Pacing against a time-scaled Billomat budget: window use and 429s.
 */

const RECORDS = Number(process.env.BENCH_RECORDS ?? 2000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OPERATOR_TOKEN = randomBytes(24).toString('hex');

function accounts(count: number, variant = ''): Array<Record<string, unknown>> {
  const base = demoAccounts().filter((a) => typeof a.Name === 'string' && a.Name.trim() && !String(a.Billing_Email__c).includes('(at)') && a.BillingCountry !== 'Atlantis');
  return Array.from({ length: count }, (_, i) => {
    const template = base[i % base.length] as Record<string, unknown>;
    return { ...template, Id: `001BENCH${String(i).padStart(7, '0')}`, Name: `${String(template.Name)} #${i}`, BillingCity: `${String(template.BillingCity)}${variant}` };
  });
}

async function run(label: string, database: string | undefined, emulator: BillomatEmulator, billomatId: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-bench-'));
  const service: Service = await startService(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      SECRET_KEY: randomBytes(32).toString('hex'),
      OPERATOR_TOKEN,
      BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
      WORKER_POLL_MS: '20',
      WORKER_CONCURRENCY: '8',
      LOG_LEVEL: 'error',
      ...(database ? { DATABASE_URL: database } : {}),
    }),
  );
  const call = async (method: string, route: string, token: string, body?: unknown) => {
    const response = await fetch(`${service.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomBytes(8).toString('hex') },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  try {
    emulator.addAccount(billomatId, `${billomatId}-api-key`);
    const orgId = `00D${randomBytes(6).toString('hex').slice(0, 12).toUpperCase()}`;
    const registered = await call('POST', '/v1/orgs', OPERATOR_TOKEN, { orgId, billomatId, billomatApiKey: `${billomatId}-api-key` });
    const token = String(registered.apiToken);
    await call('PUT', '/v1/mappings/Account', token, { fields: DEMO_ACCOUNT_MAPPING });

    const push = async (records: Array<Record<string, unknown>>) => {
      const calls = emulator.callCount(billomatId);
      const started = performance.now();
      const chunks = Array.from({ length: Math.ceil(records.length / 2000) }, (_, n) => records.slice(n * 2000, n * 2000 + 2000));
      const opened = await call('POST', '/v1/pushes', token, { objectType: 'Account', records: chunks[0], expectMore: chunks.length > 1 });
      const jobId = String(opened.jobId);
      for (const [n, chunk] of chunks.entries()) {
        if (n === 0) continue;
        await call('POST', `/v1/pushes/${jobId}/records`, token, { records: chunk, expectMore: n < chunks.length - 1 });
      }
      for (;;) {
        const view = await call('GET', `/v1/pushes/${jobId}`, token);
        if (view.state === 'completed') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const seconds = (performance.now() - started) / 1000;
      return { seconds, perSecond: records.length / seconds, callsPerRecord: (emulator.callCount(billomatId) - calls) / records.length };
    };

    const created = await push(accounts(RECORDS));
    const unchanged = await push(accounts(RECORDS));
    const changed = await push(accounts(RECORDS, ' (neu)'));
    return { label, created, unchanged, changed };
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pacing(): Promise<{ windows: number; perWindow: number; calls: number; rejected: number; seconds: number }> {
  const perWindow = 30;
  const emulator = await startBillomatEmulator({ rateLimit: { perWindow, timeScale: 450 } }); // a window lasts 2 s
  try {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-bench-'));
    const service = await startService(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        SECRET_KEY: randomBytes(32).toString('hex'),
        OPERATOR_TOKEN,
        BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
        WORKER_POLL_MS: '20',
        LOG_LEVEL: 'error',
      }),
    );
    emulator.addAccount('paced', 'paced-api-key');
    const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomBytes(8).toString('hex') });
    const registered = (await (
      await fetch(`${service.url}/v1/orgs`, { method: 'POST', headers: headers(OPERATOR_TOKEN), body: JSON.stringify({ orgId: '00D000000000777', billomatId: 'paced', billomatApiKey: 'paced-api-key' }) })
    ).json()) as { apiToken: string };
    await fetch(`${service.url}/v1/mappings/Account`, { method: 'PUT', headers: headers(registered.apiToken), body: JSON.stringify({ fields: DEMO_ACCOUNT_MAPPING }) });
    const records = accounts(100);
    const started = performance.now();
    const job = (await (
      await fetch(`${service.url}/v1/pushes`, { method: 'POST', headers: headers(registered.apiToken), body: JSON.stringify({ objectType: 'Account', records }) })
    ).json()) as { jobId: string };
    for (;;) {
      const view = (await (await fetch(`${service.url}/v1/pushes/${job.jobId}`, { headers: headers(registered.apiToken) })).json()) as { state: string };
      if (view.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = emulator.requests('paced');
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    const windowOf = (at: number) => Math.floor(at / 2000);
    const windows = requests.length === 0 ? 0 : windowOf(requests.at(-1)!.at) - windowOf(requests[0]!.at) + 1;
    return { windows, perWindow, calls: requests.length, rejected: requests.filter((r) => r.status === 429).length, seconds };
  } finally {
    await emulator.close();
  }
}

function mappingRate(): number {
  const mapping: Mapping = { objectType: 'Account', fields: DEMO_ACCOUNT_MAPPING as Mapping['fields'] };
  const records = accounts(20_000);
  const started = performance.now();
  for (const record of records) applyMapping(mapping, record as { Id: string });
  return records.length / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Benchmark: ${RECORDS} Account records per push, emulator on 127.0.0.1 without latency or rate limit.`);
  const emulator = await startBillomatEmulator({ rateLimit: { perWindow: 10_000_000 } });
  try {
    const sqlite = await run('SQLite', undefined, emulator, 'bench-sqlite');
    const postgres = await run('PostgreSQL', POSTGRES_URL, emulator, 'bench-postgres');
    out();
    out('1. Billomat calls per record (each call spends the 300-per-15-min quota):');
    for (const r of [sqlite, postgres]) {
      out(`   ${r.label.padEnd(10)} created ${r.created.callsPerRecord.toFixed(3)}  unchanged ${r.unchanged.callsPerRecord.toFixed(3)}  changed ${r.changed.callsPerRecord.toFixed(3)}`);
    }
    out();
    out('2. End-to-end push throughput (records/s; HTTP → store → worker → Billomat emulator):');
    for (const r of [sqlite, postgres]) {
      out(`   ${r.label.padEnd(10)} create ${r.created.perSecond.toFixed(0).padStart(6)}  unchanged ${r.unchanged.perSecond.toFixed(0).padStart(6)}  update ${r.changed.perSecond.toFixed(0).padStart(6)}`);
    }
    out(`   ratio PostgreSQL / SQLite (create): ${(postgres.created.perSecond / sqlite.created.perSecond).toFixed(2)}`);
    out(`   ratio unchanged / create (SQLite): ${(sqlite.unchanged.perSecond / sqlite.created.perSecond).toFixed(2)} — skipping costs no Billomat call`);
    const mapped = mappingRate();
    out();
    out(`3. Mapping engine alone: ${mapped.toFixed(0)} records/s = ${(mapped / sqlite.created.perSecond).toFixed(0)}× the end-to-end create rate (the engine is not the bottleneck).`);
  } finally {
    await emulator.close();
  }
  const paced = await pacing();
  out();
  out(`4. Pacing: 100 creates against ${paced.perWindow} calls per window (a window = 2 s here): ${paced.calls} calls, ${paced.rejected} answered 429,`);
  out(`   in ${paced.seconds.toFixed(1)} s over ${paced.windows} clock-aligned windows: ${((paced.calls - paced.rejected) / (paced.windows * paced.perWindow)).toFixed(2)} of their budget used.`);
  out(`   At Billomat's real 300 calls / 15 min, 10,000 new customers need ≥ ${((10_000 / 300) * 15 / 60).toFixed(1)} h; with a registered app (1,000) ≥ ${((10_000 / 1000) * 15 / 60).toFixed(1)} h.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
