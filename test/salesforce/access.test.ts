import { Connection } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceFake, type SalesforceFake } from '../../emulators/salesforce';
import {
  checkAccess,
  explainSalesforceError,
  type AccessReport,
} from '../../server/src/salesforce';
import { connectToFake } from './connect';

let fake: SalesforceFake;

beforeEach(async () => {
  fake = await startSalesforceFake();
});

afterEach(async () => {
  await fake.close();
});

function statuses(report: AccessReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.key, c.status]));
}

async function errorFrom(call: PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve(call).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('checkAccess', () => {
  it('passes every check for an Enterprise org and a user with API Enabled', async () => {
    fake.setOrg({ dailyApiRequestLimit: 15_000 });
    const report = await checkAccess(connectToFake(fake));
    expect(report.ok).toBe(true);
    expect(report.problem).toBeNull();
    expect(statuses(report)).toEqual({
      apiAccess: 'pass',
      edition: 'pass',
      apiEnabled: 'pass',
      apiOnlyUser: 'pass',
    });
    expect(report.checks.find((c) => c.key === 'apiAccess')?.detail).toMatch(
      /14,99\d of 15,000 daily API requests are left/,
    );
    expect(report.checks.find((c) => c.key === 'edition')?.detail).toBe(
      'Musterfirma GmbH is a production org on Enterprise Edition, which includes API access.',
    );
  });

  it('fails API access and edition for a Professional Edition org without the API add-on', async () => {
    fake.setOrg({ organizationType: 'Professional Edition', apiDisabledForOrg: true });
    const report = await checkAccess(connectToFake(fake));
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual({
      apiAccess: 'fail',
      edition: 'fail',
      apiEnabled: 'unknown',
      apiOnlyUser: 'unknown',
    });
    expect(report.problem?.code).toBe('API_DISABLED_FOR_ORG');
    expect(report.checks.find((c) => c.key === 'edition')?.fixSteps.join(' ')).toContain(
      'Setup → Company Information',
    );
  });

  it('fails the user permission check when the user lacks API Enabled', async () => {
    fake.setOrg({ users: [{ username: 'rep@example.com', apiEnabled: false }] });
    const report = await checkAccess(connectToFake(fake, 'rep@example.com'));
    expect(statuses(report)).toEqual({
      apiAccess: 'fail',
      edition: 'unknown',
      apiEnabled: 'fail',
      apiOnlyUser: 'unknown',
    });
    expect(report.checks.find((c) => c.key === 'apiEnabled')?.fixSteps.join(' ')).toContain(
      'Administrative Permissions',
    );
  });

  it('recognises an API-only integration user on a sandbox of a Professional Edition org with the add-on', async () => {
    fake.setOrg({
      organizationType: 'Professional Edition',
      isSandbox: true,
      users: [{ username: 'integration@example.com', apiUserOnly: true }],
    });
    const report = await checkAccess(connectToFake(fake, 'integration@example.com'));
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.key === 'edition')?.detail).toContain(
      'sandbox on Professional Edition; the API answered, so the org has the API add-on',
    );
    expect(report.checks.find((c) => c.key === 'apiOnlyUser')?.detail).toContain('API-only user');
  });

  it('tells a scratch org from a sandbox by its trial expiry date', async () => {
    fake.setOrg({
      organizationType: 'Developer Edition',
      isSandbox: true,
      trialExpirationDate: '2026-12-31T00:00:00.000+0000',
    });
    const report = await checkAccess(connectToFake(fake));
    expect(report.checks.find((c) => c.key === 'edition')?.detail).toContain(
      'scratch org on Developer Edition',
    );
  });

  it('asks for a new connection when the refresh token was revoked', async () => {
    const conn = connectToFake(fake);
    fake.revokeRefreshToken(conn.refreshToken ?? '');
    const report = await checkAccess(conn);
    expect(statuses(report).apiAccess).toBe('fail');
    expect(report.problem).toMatchObject({ code: 'invalid_grant', reconnect: true });
  });
});

describe('explainSalesforceError on what jsforce throws', () => {
  it('explains API_DISABLED_FOR_ORG with the editions that include the API', async () => {
    fake.setOrg({ apiDisabledForOrg: true });
    const problem = explainSalesforceError(
      await errorFrom(connectToFake(fake).query('SELECT Id FROM Account')),
    );
    expect(problem).toMatchObject({
      code: 'API_DISABLED_FOR_ORG',
      reconnect: false,
      message: expect.stringContaining('Professional Edition needs the paid API add-on'),
    });
  });

  it('explains API_CURRENTLY_DISABLED with the profile setting to change', async () => {
    fake.setOrg({ users: [{ username: 'rep@example.com', apiEnabled: false }] });
    const problem = explainSalesforceError(
      await errorFrom(connectToFake(fake, 'rep@example.com').query('SELECT Id FROM Account')),
    );
    expect(problem.code).toBe('API_CURRENTLY_DISABLED');
    expect(problem.fixSteps.join(' ')).toContain('tick "API Enabled"');
  });

  it('explains REQUEST_LIMIT_EXCEEDED as the rolling 24-hour allowance', async () => {
    fake.setOrg({ dailyApiRequestLimit: 0 });
    const problem = explainSalesforceError(
      await errorFrom(connectToFake(fake).query('SELECT Id FROM Account')),
    );
    expect(problem).toMatchObject({
      code: 'REQUEST_LIMIT_EXCEEDED',
      reconnect: false,
      message: 'The org has used up its Salesforce API requests for the last 24 hours.',
    });
  });

  it('explains INVALID_SESSION_ID from a connection that cannot refresh as needing a new connection', async () => {
    const session = fake.createSession();
    const conn = new Connection({
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      version: '62.0',
    });
    fake.expireAccessTokens();
    const problem = explainSalesforceError(await errorFrom(conn.query('SELECT Id FROM Account')));
    expect(problem).toMatchObject({ code: 'INVALID_SESSION_ID', reconnect: true });
  });

  it('explains MALFORMED_QUERY and INVALID_FIELD with Salesforce’s own detail', async () => {
    const conn = connectToFake(fake);
    expect(
      explainSalesforceError(await errorFrom(conn.query('SELECT FROM Account'))),
    ).toMatchObject({
      code: 'MALFORMED_QUERY',
      message: expect.stringContaining('Salesforce could not read the query: unexpected token'),
    });
    expect(
      explainSalesforceError(await errorFrom(conn.query('SELECT Umsatz__c FROM Account'))),
    ).toMatchObject({
      code: 'INVALID_FIELD',
      message: expect.stringContaining("No such column 'Umsatz__c'"),
    });
  });

  it('passes an unknown error code through readably', async () => {
    fake.injectFault({
      status: 400,
      errorCode: 'FUNCTIONALITY_NOT_ENABLED',
      message: 'Selected feature is\n  not enabled',
    });
    const problem = explainSalesforceError(
      await errorFrom(connectToFake(fake).query('SELECT Id FROM Account')),
    );
    expect(problem).toEqual({
      code: 'FUNCTIONALITY_NOT_ENABLED',
      message: 'Salesforce answered FUNCTIONALITY_NOT_ENABLED: Selected feature is not enabled',
      fixSteps: [],
      reconnect: false,
    });
  });

  it('explains an unreachable Salesforce and an unexpected failure without losing the message', () => {
    const refused = Object.assign(
      new Error('request to https://acme.my.salesforce.com failed, reason: connect ECONNREFUSED'),
      { name: 'FetchError', code: 'ECONNREFUSED' },
    );
    expect(explainSalesforceError(refused)).toMatchObject({
      code: 'ECONNREFUSED',
      message: 'Salesforce could not be reached (ECONNREFUSED).',
      reconnect: false,
    });
    expect(explainSalesforceError(new TypeError('x is undefined'))).toMatchObject({
      code: 'unknown_error',
      message: 'Something went wrong while talking to Salesforce: x is undefined',
    });
    expect(explainSalesforceError('plain text')).toMatchObject({ code: 'unknown_error' });
  });
});
