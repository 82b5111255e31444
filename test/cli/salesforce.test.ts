import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateAccounts } from '../../emulators/salesforce';
import { EXIT } from '../../server/src/cli/main';
import { MAX_SESSION_REFRESHES } from '../../server/src/orgs/refresh-limit';
import { runCliWith } from '../support/cli';
import {
  BILLOMAT_ID,
  BILLOMAT_KEY,
  connectOrg,
  openInBrowser,
  startSalesforceWorld,
  type SalesforceWorld,
} from '../support/salesforce';

const ADMIN = 'admin@musterfirma.example';
const REP = 'rep@musterfirma.example';

describe('the operator CLI: connect, access and pull against Salesforce', () => {
  let world: SalesforceWorld;
  const cli = (...args: string[]) => runCliWith(world.env, args);

  beforeAll(async () => {
    world = await startSalesforceWorld({
      fake: { users: [{ username: ADMIN }, { username: REP, apiEnabled: false }] },
      emulator: { rateLimit: { perWindow: 1_000_000 } },
    });
    const saved = await world.org.put('/v1/mappings/Account', {
      fields: { name: { source: 'Name' }, city: { source: 'BillingCity' } },
    });
    expect(saved.status).toBe(200);
    world.fake.addRecords('Account', generateAccounts({ seed: 11, count: 30 }));
  });
  afterAll(async () => world.close());
  beforeEach(() =>
    world.fake.setOrg({ apiDisabledForOrg: false, dailyApiRequestLimit: 1_000_000 }),
  );

  describe('connect', () => {
    it('prints the login address, and the browser that opens it connects the org at the running service', async () => {
      const run = await cli('connect', '--org', world.orgId, '--login', world.fake.url);

      expect(run.code).toBe(EXIT.ok);
      const url = /^ {2}(http\S+)$/m.exec(run.out)?.[1] ?? '';
      expect(new URL(url).searchParams.get('redirect_uri')).toBe(
        `${world.harness.url}/v1/oauth/callback`,
      );
      const page = await openInBrowser(url);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`Connected org ${world.orgId} as ${ADMIN}`);
    });

    it('exits 2 without a connected app or with a login address that is not Salesforce, and 3 for an unknown org', async () => {
      const { SALESFORCE_CLIENT_ID: _id, ...withoutApp } = world.env;
      const unconfigured = await runCliWith(withoutApp, ['connect', '--org', world.orgId]);
      expect(unconfigured.code).toBe(EXIT.usage);
      expect(unconfigured.err).toContain('set SALESFORCE_CLIENT_ID');

      const evil = await cli(
        'connect',
        '--org',
        world.orgId,
        '--login',
        'https://login.example.com',
      );
      expect(evil.code).toBe(EXIT.usage);
      expect(evil.err).toContain('must be a salesforce.com address');

      const unknown = await cli('connect', '--org', '00D000000000009');
      expect(unknown.code).toBe(EXIT.notFound);
      expect(unknown.err).toContain('The org 00D000000000009 was not found.');
      expect((await cli('connect')).code).toBe(EXIT.usage);
    });
  });

  describe('access', () => {
    beforeEach(async () => connectOrg(world, ADMIN));

    it('lists every check and exits 0 when the org may use the API', async () => {
      const run = await cli('access', '--org', world.orgId);

      expect(run.code).toBe(EXIT.ok);
      expect(run.out).toContain(
        `Salesforce access of org ${world.orgId} (${ADMIN} on ${world.fake.url}, OAuth)`,
      );
      expect(run.out).toContain(
        '✓ Edition: Musterfirma GmbH is a production org on Enterprise Edition, which includes API access.',
      );
      expect(run.out).toContain(
        '✓ "API Enabled": The connected user has the "API Enabled" permission.',
      );
      expect(run.out).toContain('All checks passed');
    });

    it.each([
      {
        code: 'API_DISABLED_FOR_ORG',
        arrange: () => world.fake.setOrg({ apiDisabledForOrg: true }),
        says: () => '✗ API access: This Salesforce org does not allow API access.',
      },
      {
        code: 'API_CURRENTLY_DISABLED',
        arrange: () => connectOrg(world, REP),
        says: () => '✗ "API Enabled": Salesforce says the API is disabled for the connected user.',
      },
      {
        code: 'INVALID_SESSION_ID',
        arrange: () =>
          world.fake.injectFault({
            status: 401,
            errorCode: 'INVALID_SESSION_ID',
            message: 'Session expired or invalid',
            times: MAX_SESSION_REFRESHES + 1,
          }),
        says: () => '✗ API access: The Salesforce session has ended and could not be renewed.',
      },
      {
        code: 'REQUEST_LIMIT_EXCEEDED',
        arrange: () => world.fake.setOrg({ dailyApiRequestLimit: 0 }),
        says: () =>
          '✗ API access: The org has used up its Salesforce API requests for the last 24 hours.',
      },
      {
        code: 'invalid_grant',
        arrange: async () => {
          const stored = await world.harness.service.store.getSalesforceConnection(world.orgId);
          world.fake.revokeRefreshToken(world.box.open(stored?.refreshTokenSealed ?? ''));
        },
        says: () => `Connect the org again: npm run cli -- connect --org ${world.orgId}`,
      },
    ])('explains $code with the steps to fix it and exits 4', async ({ arrange, says }) => {
      await arrange();

      const run = await cli('access', '--org', world.orgId);

      expect(run.code).toBe(EXIT.salesforce);
      expect(run.out).toContain(says());
      expect(run.out).toMatch(/^ {6}1\. /m);
    });

    it('exits 3 for a registered org that is not connected', async () => {
      await world.harness.registerOrg('00D000000000002', 'andere', 'andere-api-key');

      const run = await cli('access', '--org', '00D000000000002');

      expect(run.code).toBe(EXIT.notFound);
      expect(run.err).toContain('is not connected to Salesforce yet');
    });
  });

  describe('pull exit codes', () => {
    beforeAll(async () => connectOrg(world, ADMIN));

    it('exits 0 when every record was exported', async () => {
      const run = await cli('pull', '--org', world.orgId, '--object', 'account');

      expect(run.code).toBe(EXIT.ok);
      expect(run.out).toMatch(/Done in .*: 30 created, 0 updated, 0 unchanged, 0 failed/);
    });

    it('exits 1 and lists the records that failed, with what to fix', async () => {
      world.fake.addRecords('Account', [{ Name: null, BillingCity: 'Ohne Namen' }]);

      const run = await cli('pull', '--org', world.orgId, '--object', 'Account');

      expect(run.code).toBe(EXIT.failed);
      expect(run.out).toMatch(/0 created, 0 updated, 30 unchanged, 1 failed/);
      expect(run.out).toMatch(
        /Failed:\n {2}• 001\w{15}: Billomat needs a company name or a person's name/,
      );
    });

    it('exits 1 when the push is blocked because Billomat refuses the API key', async () => {
      await cli(
        'org',
        'update-billomat',
        '--org-id',
        world.orgId,
        '--billomat-id',
        BILLOMAT_ID,
        '--billomat-key',
        'revoked-api-key',
      );
      world.fake.addRecords('Account', [{ Name: 'Gesperrt GmbH' }]);
      try {
        const run = await cli('pull', '--org', world.orgId, '--object', 'Account');

        expect(run.code).toBe(EXIT.failed);
        expect(run.out).toContain('The push is blocked:');
      } finally {
        await cli(
          'org',
          'update-billomat',
          '--org-id',
          world.orgId,
          '--billomat-id',
          BILLOMAT_ID,
          '--billomat-key',
          BILLOMAT_KEY,
        );
      }
    });

    it('exits 3 without a saved mapping, and 2 on bad usage', async () => {
      const noMapping = await cli('pull', '--org', world.orgId, '--object', 'Contact');
      expect(noMapping.code).toBe(EXIT.notFound);
      expect(noMapping.err).toContain('No mapping is saved for Contact records');

      expect((await cli('pull', '--org', world.orgId, '--object', 'Lead')).code).toBe(EXIT.usage);
      expect((await cli('pull', '--object', 'Account')).code).toBe(EXIT.usage);
      expect((await cli('pull', '--org', '00D000000000009', '--object', 'Account')).code).toBe(
        EXIT.notFound,
      );
    });

    it('exits 4 with the explanation and fix steps when Salesforce refuses the pull', async () => {
      world.fake.setOrg({ dailyApiRequestLimit: 0 });

      const run = await cli('pull', '--org', world.orgId, '--object', 'Account');

      expect(run.code).toBe(EXIT.salesforce);
      expect(run.err).toContain(
        'Salesforce: The org has used up its Salesforce API requests for the last 24 hours.',
      );
      expect(run.err).toContain('What to do:\n  1. Wait:');
    });
  });
});
