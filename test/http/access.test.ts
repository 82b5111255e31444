import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SESSION_REFRESHES } from '../../server/src/orgs/refresh-limit';
import { connectOrg, startSalesforceWorld, type SalesforceWorld } from '../support/salesforce';

const ADMIN = 'admin@musterfirma.example';
const REP = 'rep@musterfirma.example';

describe('the Salesforce access check at /v1/orgs/{orgId}/access', () => {
  let world: SalesforceWorld;

  beforeAll(async () => {
    world = await startSalesforceWorld({
      fake: { users: [{ username: ADMIN }, { username: REP, apiEnabled: false }] },
    });
  });
  afterAll(async () => world.close());
  beforeEach(async () => {
    world.fake.setOrg({ apiDisabledForOrg: false, dailyApiRequestLimit: 1_000_000 });
    await connectOrg(world, ADMIN);
  });

  const access = () => world.harness.operator.get(`/v1/orgs/${world.orgId}/access`);
  const statuses = (checks: Array<{ key: string; status: string }>) =>
    Object.fromEntries(checks.map((c) => [c.key, c.status]));

  it('passes an Enterprise org whose connected user has API Enabled, naming edition and user', async () => {
    const answer = await access();

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orgId: world.orgId,
      ok: true,
      reconnect: false,
      problem: null,
      connection: {
        method: 'oauth',
        username: ADMIN,
        instanceUrl: world.fake.url,
        reconnectReason: null,
      },
    });
    expect(statuses(answer.body.checks)).toEqual({
      apiAccess: 'pass',
      edition: 'pass',
      apiEnabled: 'pass',
      apiOnlyUser: 'pass',
    });
    expect(answer.body.checks[1].detail).toBe(
      'Musterfirma GmbH is a production org on Enterprise Edition, which includes API access.',
    );
  });

  it.each([
    {
      code: 'API_DISABLED_FOR_ORG',
      arrange: () => world.fake.setOrg({ apiDisabledForOrg: true }),
      message: expect.stringContaining('This Salesforce org does not allow API access.'),
      fixStep: 'Setup → Company Information',
      failed: ['apiAccess', 'edition'],
      reconnect: false,
    },
    {
      code: 'API_CURRENTLY_DISABLED',
      arrange: () => connectOrg(world, REP),
      message:
        'The connected Salesforce user is not allowed to use the API: the "API Enabled" permission is missing.',
      fixStep: 'tick "API Enabled"',
      failed: ['apiAccess', 'apiEnabled'],
      reconnect: false,
    },
    {
      code: 'INVALID_SESSION_ID',
      arrange: () =>
        // Salesforce rejects the session even right after each fresh token.
        world.fake.injectFault({
          status: 401,
          errorCode: 'INVALID_SESSION_ID',
          message: 'Session expired or invalid',
          times: MAX_SESSION_REFRESHES + 1,
        }),
      message: 'The Salesforce session has ended and could not be renewed.',
      fixStep: 'Connect the Salesforce org to the service again.',
      failed: ['apiAccess'],
      reconnect: true,
    },
    {
      code: 'REQUEST_LIMIT_EXCEEDED',
      arrange: () => world.fake.setOrg({ dailyApiRequestLimit: 0 }),
      message: 'The org has used up its Salesforce API requests for the last 24 hours.',
      fixStep: 'rolling 24 hours',
      failed: ['apiAccess'],
      reconnect: false,
    },
    {
      code: 'invalid_grant',
      arrange: async () => {
        const stored = await world.harness.service.store.getSalesforceConnection(world.orgId);
        world.fake.revokeRefreshToken(world.box.open(stored?.refreshTokenSealed ?? ''));
      },
      message:
        'Salesforce no longer accepts this connection (the refresh token was revoked or expired). Connect the org again.',
      fixStep: 'Connect the Salesforce org to the service again.',
      failed: ['apiAccess'],
      reconnect: true,
    },
  ])(
    'explains $code with what to do',
    async ({ code, arrange, message, fixStep, failed, reconnect }) => {
      await arrange();

      const answer = await access();

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: false, reconnect, problem: { code, message } });
      expect(answer.body.problem.fixSteps.join(' ')).toContain(fixStep);
      const checks = statuses(answer.body.checks);
      expect(Object.keys(checks).filter((key) => checks[key] === 'fail')).toEqual(failed);
      expect(answer.body.connection.reconnectReason).toBe(
        reconnect ? answer.body.problem.message : null,
      );
    },
  );

  it('forgets the reconnect mark once the org is connected again', async () => {
    const stored = await world.harness.service.store.getSalesforceConnection(world.orgId);
    world.fake.revokeRefreshToken(world.box.open(stored?.refreshTokenSealed ?? ''));
    expect((await access()).body.connection.reconnectReason).toContain('Connect the org again');

    await connectOrg(world, ADMIN);

    expect((await access()).body).toMatchObject({
      ok: true,
      reconnect: false,
      connection: { reconnectReason: null },
    });
  });

  it('answers 409 with the way to connect for a registered org that is not connected yet', async () => {
    const other = '00D000000000002';
    await world.harness.registerOrg(other, 'andere', 'andere-api-key');

    const answer = await world.harness.operator.get(`/v1/orgs/${other}/access`);

    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'salesforce_not_connected',
      message: expect.stringContaining('npm run cli -- connect --org'),
    });
  });
});
