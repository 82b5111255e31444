import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startBillomatEmulator, type BillomatEmulator } from '../../emulators/billomat';
import { ACCOUNT_MAPPING, account } from '../support/accounts';
import { OPERATOR_TOKEN, apiClient } from '../support/service-harness';

const RECORDS = 500;
const ROOT = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const serviceOutput: string[] = [];

function startServiceProcess(env: Record<string, string>): ChildProcess {
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Read both pipes: a child writing into a full pipe would stall.
  started.stdout?.on('data', (chunk: Buffer) => serviceOutput.push(chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => serviceOutput.push(chunk.toString()));
  return started;
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a crash in the middle of a push', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-crash-'));
  let emulator: BillomatEmulator | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with exactly one Billomat customer per record after SIGKILL and restart', async () => {
    // Slow enough answers that the kill lands while creates are in flight.
    emulator = await startBillomatEmulator({ faults: { latencyMs: [2, 12] }, seed: 7, rateLimit: { perWindow: 100_000 } });
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      SECRET_KEY: randomBytes(32).toString('hex'),
      OPERATOR_TOKEN,
      BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
      WORKER_LEASE_SECONDS: '1',
      WORKER_POLL_MS: '25',
      WORKER_CONCURRENCY: '4',
      LOG_LEVEL: 'warn',
    };
    const url = `http://127.0.0.1:${port}`;
    const up = async () => fetch(`${url}/healthz`).then((r) => r.ok, () => false);

    child = startServiceProcess(env);
    await waitUntil(up, 30_000, 'the service to start');
    emulator.addAccount('acme', 'acme-api-key-1');
    const registered = await apiClient(url, OPERATOR_TOKEN).post('/v1/orgs', {
      orgId: '00D000000000001',
      billomatId: 'acme',
      billomatApiKey: 'acme-api-key-1',
    });
    const org = apiClient(url, registered.body.apiToken);
    await org.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    const records = Array.from({ length: RECORDS }, (_, i) => account(i + 1));
    const accepted = await org.post('/v1/pushes', { objectType: 'Account', records });
    expect(accepted.status).toBe(202);

    await waitUntil(() => emulator!.clients('acme').length >= 120, 60_000, 'the first customers');
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const atCrash = emulator.clients('acme').length;
    expect(atCrash).toBeLessThan(RECORDS);

    child = startServiceProcess(env);
    await waitUntil(up, 30_000, 'the service to restart');
    const job = await org.waitForPush(accepted.body.jobId, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}\nservice output:\n${serviceOutput.join('').slice(-4000)}`);
    });

    expect(job.counts).toMatchObject({ total: RECORDS, created: RECORDS, failed: 0, pending: 0 });
    const clients = emulator.clients('acme');
    expect(clients).toHaveLength(RECORDS);
    const names = new Set(clients.map((c) => c.name));
    expect(names.size).toBe(RECORDS);
    // The kill caught creates in flight: after the restart they were looked up, not re-sent blindly.
    const lookups = emulator.callCount('acme', { method: 'GET', path: /^\/api\/clients$/ });
    expect(lookups).toBeGreaterThan(0);
    expect(emulator.callCount('acme', { method: 'POST' })).toBe(RECORDS);
    // Every result names the customer that exists for it.
    const results = await org.get(`/v1/pushes/${accepted.body.jobId}?pageSize=500`);
    const ids = new Set(results.body.results.items.map((item: { billomatId: number }) => item.billomatId));
    expect(ids).toEqual(new Set(clients.map((c) => c.id)));
  }, 180_000);
});
