import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BillomatEmulatorOptions } from '../../emulators/billomat';
import {
  startSalesforceFake,
  type SalesforceFake,
  type SalesforceFakeOptions,
} from '../../emulators/salesforce';
import { createSecretBox, type SecretBox } from '../../server/src/security/secrets';
import { startHarness, type ApiClient, type Harness } from './service-harness';

/** The Billomat account the Salesforce tests export to. */
export const BILLOMAT_ID = 'musterfirma';
export const BILLOMAT_KEY = 'musterfirma-api-key';

/** The service, the Billomat emulator and the Salesforce fake, wired as an operator would wire them. */
export interface SalesforceWorld {
  fake: SalesforceFake;
  harness: Harness;
  /** The fake org, registered with the service; its org API token. */
  org: ApiClient;
  orgId: string;
  box: SecretBox;
  /** The environment the service runs with; the CLI gets the same. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSalesforceWorld(
  options: {
    fake?: SalesforceFakeOptions;
    emulator?: BillomatEmulatorOptions;
    env?: Record<string, string>;
  } = {},
): Promise<SalesforceWorld> {
  const fake = await startSalesforceFake(options.fake);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-sf-'));
  const secretKey = randomBytes(32).toString('hex');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SECRET_KEY: secretKey,
    SALESFORCE_CLIENT_ID: fake.connectedApp.clientId,
    SALESFORCE_CLIENT_SECRET: fake.connectedApp.clientSecret,
    SALESFORCE_LOGIN_URLS: fake.url,
    SALESFORCE_BULK_POLL_MS: '10',
    ...options.env,
  };
  const harness = await startHarness({
    ...(options.emulator ? { emulator: options.emulator } : {}),
    env,
  });
  const org = await harness.registerOrg(fake.orgId, BILLOMAT_ID, BILLOMAT_KEY);
  return {
    fake,
    harness,
    org,
    orgId: fake.orgId,
    box: createSecretBox(Buffer.from(secretKey, 'hex')),
    env: {
      ...env,
      BILLOMAT_BASE_URL: harness.emulator.baseUrlTemplate,
      SALESFORCE_REDIRECT_URI: `${harness.url}/v1/oauth/callback`,
      LOG_LEVEL: 'silent',
    },
    async close() {
      await harness.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallbackAnswer {
  status: number;
  html: string;
  /** The callback URL Salesforce sent the browser to. */
  callbackUrl: string;
}

/** Plays the admin's browser: opens the authorize URL at the fake and follows its redirect to the service. */
export async function openInBrowser(authorizeUrl: string): Promise<CallbackAnswer> {
  const callbackUrl = await salesforceRedirect(authorizeUrl);
  return land(callbackUrl);
}

/** The callback URL the fake's login page sends the browser to. */
export async function salesforceRedirect(authorizeUrl: string): Promise<string> {
  const atSalesforce = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = atSalesforce.headers.get('location');
  if (atSalesforce.status !== 302 || !location)
    throw new Error(`authorize answered ${atSalesforce.status}`);
  return location;
}

export async function land(callbackUrl: string): Promise<CallbackAnswer> {
  const answer = await fetch(callbackUrl);
  return { status: answer.status, html: await answer.text(), callbackUrl };
}

/** Connects the world's org through the service's endpoints, as an operator and an admin would. */
export async function connectOrg(
  world: SalesforceWorld,
  username?: string,
): Promise<CallbackAnswer> {
  if (username) world.fake.setLoginUser(username);
  const started = await world.harness.operator.post(
    `/v1/orgs/${world.orgId}/salesforce/authorize`,
    { loginUrl: world.fake.url },
  );
  if (started.status !== 200)
    throw new Error(`authorize answered ${started.status}: ${JSON.stringify(started.body)}`);
  const answer = await openInBrowser(started.body.url as string);
  if (answer.status !== 200)
    throw new Error(`the callback answered ${answer.status}: ${answer.html}`);
  return answer;
}
