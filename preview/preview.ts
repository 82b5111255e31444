import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBillomatEmulator, type BillomatEmulator } from '../emulators/billomat';
import { loadConfig } from '../server/src/config';
import { startService, type Service } from '../server/src/service';
import { AsyncJobs } from './apex/async-jobs';
import type { ApexContext } from './apex/context';
import { ResultCollector } from './apex/result-collector';
import { ServiceClient } from './apex/service-client';
import { buildComponents, type ComponentBuild } from './build';
import { FakeOrg } from './org/fake-org';
import { ACCOUNTS_PATH, ADMIN_PATH, createPreviewApp, recordPath } from './server';

/**
 * The whole preview on 127.0.0.1: the built components, a fake org behind the Apex adapter,
 * the export service (SQLite in a temporary folder) and the Billomat emulator, with the org
 * registered and nothing else configured: no mapping, no pushes.
 */

export interface PreviewOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Billomat's answer time, so progress can be watched; [min, max] milliseconds. */
  billomatLatencyMs?: [number, number];
  /** How often the scheduled result collector runs (every 15 minutes or hourly in an org). */
  resultCollectorMs?: number;
  /** Where builds are kept; by default `preview-dist/` at the repository root. */
  buildDir?: string;
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  adminUrl: string;
  accountsUrl: string;
  recordUrl(recordId: string): string;
  org: FakeOrg;
  service: Service;
  emulator: BillomatEmulator;
  build: ComponentBuild;
  /** The Billomat account the org's customers go to. */
  billomatId: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const BILLOMAT_ID = 'preview';

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const billomatApiKey = randomBytes(16).toString('hex');
  const operatorToken = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-preview-'));
  const org = new FakeOrg();

  const [build, emulator] = await Promise.all([
    buildComponents(options.buildDir ? { outDir: options.buildDir } : {}),
    startBillomatEmulator({
      host: HOST,
      accounts: [{ billomatId: BILLOMAT_ID, apiKey: billomatApiKey }],
      faults: { latencyMs: options.billomatLatencyMs ?? [150, 450] },
      seed: 7,
    }),
  ]);
  const service = await startService(
    loadConfig({
      HOST,
      PORT: '0',
      DATA_DIR: dataDir,
      SECRET_KEY: randomBytes(32).toString('hex'),
      OPERATOR_TOKEN: operatorToken,
      BILLOMAT_BASE_URL: emulator.baseUrlTemplate,
      WORKER_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    }),
  );
  const token = await registerOrg(service.url, operatorToken, org.facts.orgId, billomatApiKey);
  const jobs = new AsyncJobs(log);
  const ctx: ApexContext = { org, client: new ServiceClient({ url: service.url, token }), jobs };
  const collector = new ResultCollector(ctx);
  collector.scheduleEvery(options.resultCollectorMs ?? 2000, log);
  const server = await listen(createPreviewApp(ctx, build.dir, log), options.port ?? 0);
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;

  return {
    url,
    adminUrl: `${url}${ADMIN_PATH}`,
    accountsUrl: `${url}${ACCOUNTS_PATH}`,
    recordUrl: (recordId) => `${url}${recordPath(recordId)}`,
    org,
    service,
    emulator,
    build,
    billomatId: BILLOMAT_ID,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await collector.stop();
      await jobs.idle();
      await service.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What an operator does once per org (`npm run cli -- org add`): the answer's token goes into the External Credential. */
async function registerOrg(
  serviceUrl: string,
  operatorToken: string,
  orgId: string,
  billomatApiKey: string,
): Promise<string> {
  const response = await fetch(`${serviceUrl}/v1/orgs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ orgId, billomatId: BILLOMAT_ID, billomatApiKey }),
  });
  const body = (await response.json()) as { apiToken?: unknown };
  if (response.status !== 201 || typeof body.apiToken !== 'string') {
    throw new Error(
      `Registering the preview org answered ${response.status}: ${JSON.stringify(body)}`,
    );
  }
  return body.apiToken;
}

function listen(app: ReturnType<typeof createPreviewApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, HOST, (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}
