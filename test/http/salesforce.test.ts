import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/src/security/secrets';
import { apiClient } from '../support/service-harness';
import {
  connectOrg,
  land,
  openInBrowser,
  salesforceRedirect,
  startSalesforceWorld,
  type SalesforceWorld,
} from '../support/salesforce';

const ADMIN = 'admin@musterfirma.example';

describe('connecting an org to Salesforce through the service (OAuth web server flow with PKCE)', () => {
  let world: SalesforceWorld;

  beforeAll(async () => {
    world = await startSalesforceWorld();
  });
  afterAll(async () => world.close());
  afterEach(() => world.fake.clearRequests());

  const authorize = (body: unknown = { loginUrl: world.fake.url }, orgId = world.orgId) =>
    world.harness.operator.post(`/v1/orgs/${orgId}/salesforce/authorize`, body);
  const tokenGrants = () =>
    world.fake
      .requests()
      .filter((r) => r.grantType !== undefined)
      .map((r) => `${r.status} ${r.grantType}`);

  it('connects the org: the browser comes back, the code is traded with the PKCE verifier and the tokens are stored sealed', async () => {
    const started = await authorize();
    expect(started.status).toBe(200);
    const url = new URL(started.body.url);
    expect(url.origin).toBe(world.fake.url);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${world.harness.url}/v1/oauth/callback`);
    expect(Date.parse(started.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);

    const page = await openInBrowser(started.body.url);

    expect(page.status).toBe(200);
    expect(page.html).toContain(
      `Connected org ${world.orgId} as ${ADMIN} — you can close this window.`,
    );
    expect(tokenGrants()).toEqual(['200 authorization_code']);
    const stored = await world.harness.service.store.getSalesforceConnection(world.orgId);
    expect(stored).toMatchObject({
      method: 'oauth',
      username: ADMIN,
      instanceUrl: world.fake.url,
      loginUrl: world.fake.url,
      reconnectReason: null,
    });
    const refreshToken = world.box.open(stored?.refreshTokenSealed ?? '');
    const accessToken = world.box.open(stored?.accessTokenSealed ?? '');
    expect(refreshToken.length).toBeGreaterThan(20);
    expect(stored?.refreshTokenSealed).not.toContain(refreshToken);
    expect(stored?.accessTokenSealed).not.toContain(accessToken);
  });

  it('rejects a callback whose state was not started here without asking Salesforce for tokens, and takes each state once', async () => {
    const started = await authorize();
    const callbackUrl = new URL(await salesforceRedirect(started.body.url));
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state-from-another-browser');
    world.fake.clearRequests();

    const refused = await land(forged.toString());

    expect(refused.status).toBe(400);
    expect(refused.html).toContain('does not belong to a connection started here');
    expect(refused.html).toContain('Start connecting the org again');
    expect(tokenGrants()).toEqual([]);

    expect((await land(callbackUrl.toString())).status).toBe(200);
    const replayed = await land(callbackUrl.toString());
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('or it was used already');
  });

  it('lets Salesforce refuse a code traded with the verifier of another authorization', async () => {
    const first = await authorize();
    const second = await authorize();
    const firstCallback = new URL(await salesforceRedirect(first.body.url));
    const secondState = new URL(second.body.url).searchParams.get('state') ?? '';
    firstCallback.searchParams.set('state', secondState);

    const refused = await land(firstCallback.toString());

    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      'Salesforce did not accept the authorization code (invalid code verifier).',
    );
    expect(tokenGrants()).toEqual(['400 authorization_code']);
  });

  it('says so when the browser comes back after the ten minutes an authorization lives', async () => {
    const state = 'state-of-an-old-authorization';
    const expiresAt = Date.now() - 1;
    await world.harness.service.store.savePendingAuthorization(
      {
        stateHash: sha256Hex(state),
        orgId: (await world.harness.service.store.listOrgs())[0]?.orgId ?? '',
        loginUrl: world.fake.url,
        redirectUri: `${world.harness.url}/v1/oauth/callback`,
        codeVerifierSealed: world.box.seal('verifier'),
        expiresAt,
      },
      expiresAt - 1,
    );

    const page = await land(`${world.harness.url}/v1/oauth/callback?code=some-code&state=${state}`);

    expect(page.status).toBe(400);
    expect(page.html).toContain('started more than 10 minutes ago and has expired');
    expect(tokenGrants()).toEqual([]);
  });

  it('shows a page that says what to do when the admin denies access', async () => {
    world.fake.denyNextAuthorization();
    const page = await openInBrowser((await authorize()).body.url);

    expect(page.status).toBe(400);
    expect(page.html).toContain('The connection was not approved in Salesforce.');
    expect(page.html).toContain(
      '<li>Start connecting again and choose &quot;Allow&quot; on the Salesforce page.</li>',
    );
  });

  it('refuses to keep a connection to another org than the registered one, and revokes its token', async () => {
    const other = '00D000000000002';
    await world.harness.registerOrg(other, 'andere', 'andere-api-key');

    const page = await openInBrowser(
      (await authorize({ loginUrl: world.fake.url }, other)).body.url,
    );

    expect(page.status).toBe(409);
    expect(page.html).toContain(
      `${ADMIN} belongs to the Salesforce org ${world.orgId}, but this connection was started for the org ${other}`,
    );
    expect(await world.harness.service.store.getSalesforceConnection(`${other}AAA`)).toBeNull();
    expect(world.fake.requests().map((r) => `${r.status} ${r.path}`)).toContain(
      '200 /services/oauth2/revoke',
    );
  });

  it('sends production and sandbox orgs to their login hosts, accepts My Domain and refuses other servers', async () => {
    expect(new URL((await authorize({})).body.url).origin).toBe('https://login.salesforce.com');
    expect(new URL((await authorize({ loginUrl: 'sandbox' })).body.url).origin).toBe(
      'https://test.salesforce.com',
    );
    expect(
      new URL((await authorize({ loginUrl: 'https://musterfirma.my.salesforce.com' })).body.url)
        .origin,
    ).toBe('https://musterfirma.my.salesforce.com');

    const evil = await authorize({ loginUrl: 'https://login.salesforce.com.evil.example' });
    expect(evil.status).toBe(400);
    expect(evil.body.error).toMatchObject({
      code: 'invalid_login_url',
      message: expect.stringContaining('must be a salesforce.com address'),
    });
    expect((await authorize({}, '00D000000000009')).status).toBe(404);
  });

  it('keeps the Salesforce endpoints behind the operator token and the callback open to the browser', async () => {
    const anonymous = apiClient(world.harness.url, '');
    expect((await anonymous.post(`/v1/orgs/${world.orgId}/salesforce/authorize`, {})).status).toBe(
      401,
    );
    expect((await anonymous.get(`/v1/orgs/${world.orgId}/access`)).status).toBe(401);
    expect((await world.org.get(`/v1/orgs/${world.orgId}/access`)).status).toBe(401);
    expect((await land(`${world.harness.url}/v1/oauth/callback?state=x&code=y`)).status).toBe(400);
  });

  it('refreshes an expired access token on the 401 and stores the new one sealed', async () => {
    await connectOrg(world);
    const store = world.harness.service.store;
    const before = world.box.open(
      (await store.getSalesforceConnection(world.orgId))?.accessTokenSealed ?? '',
    );
    world.fake.expireAccessTokens();
    world.fake.clearRequests();

    const access = await world.harness.operator.get(`/v1/orgs/${world.orgId}/access`);

    expect(access.status).toBe(200);
    expect(access.body.ok).toBe(true);
    expect(
      world.fake
        .requests()
        .slice(0, 3)
        .map((r) => `${r.status} ${r.grantType ?? r.path.split('?')[0]}`),
    ).toEqual([
      '401 /services/data/v62.0/query',
      '200 refresh_token',
      '200 /services/data/v62.0/query',
    ]);
    const sealed = (await store.getSalesforceConnection(world.orgId))?.accessTokenSealed ?? '';
    const after = world.box.open(sealed);
    expect(after).not.toBe(before);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(after);
  });
});

describe('connecting an org server-to-server with the JWT bearer flow', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let world: SalesforceWorld;

  beforeAll(async () => {
    world = await startSalesforceWorld({
      fake: {
        connectedApp: {
          jwtPublicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      },
    });
  });
  afterAll(async () => world.close());

  const connectJwt = (overrides: Record<string, string> = {}) =>
    world.harness.operator.post(`/v1/orgs/${world.orgId}/salesforce/jwt`, {
      loginUrl: world.fake.url,
      clientId: world.fake.connectedApp.clientId,
      username: ADMIN,
      privateKeyPem,
      ...overrides,
    });

  it('connects with an assertion signed by the private key, which is stored sealed, and checks access with it', async () => {
    const connected = await connectJwt();

    expect(connected.status).toBe(200);
    expect(connected.body).toEqual({
      orgId: world.orgId,
      username: ADMIN,
      instanceUrl: world.fake.url,
      method: 'jwt',
    });
    const stored = await world.harness.service.store.getSalesforceConnection(world.orgId);
    expect(stored).toMatchObject({
      method: 'jwt',
      clientId: world.fake.connectedApp.clientId,
      refreshTokenSealed: null,
    });
    expect(stored?.privateKeySealed).not.toContain('PRIVATE KEY');
    expect(world.box.open(stored?.privateKeySealed ?? '')).toBe(privateKeyPem);

    const access = await world.harness.operator.get(`/v1/orgs/${world.orgId}/access`);
    expect(access.body).toMatchObject({
      ok: true,
      reconnect: false,
      connection: { method: 'jwt', username: ADMIN },
    });
  });

  it('asks for a new connection once Salesforce no longer accepts the stored key', async () => {
    expect((await connectJwt()).status).toBe(200);
    const replaced = generateKeyPairSync('rsa', { modulusLength: 2048 });
    world.fake.connectedApp.jwtPublicKeyPem = replaced.publicKey
      .export({ type: 'spki', format: 'pem' })
      .toString();

    const access = await world.harness.operator.get(`/v1/orgs/${world.orgId}/access`);

    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({
      ok: false,
      reconnect: true,
      problem: { code: 'invalid_grant' },
    });
    expect(
      Object.fromEntries(
        access.body.checks.map((c: { key: string; status: string }) => [c.key, c.status]),
      ),
    ).toEqual({
      apiAccess: 'fail',
      edition: 'unknown',
      apiEnabled: 'unknown',
      apiOnlyUser: 'unknown',
    });
    expect(access.body.connection.reconnectReason).toContain('Connect the org again');
  });

  it("explains Salesforce's refusal of a user who has not approved the app, and of a key that is none", async () => {
    const refused = await connectJwt({ username: 'ghost@musterfirma.example' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_grant',
      details: { reconnect: true },
    });

    const noKey = await connectJwt({ privateKeyPem: 'x'.repeat(120) });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatchObject({
      code: 'invalid_private_key',
      message: expect.stringContaining('could not be read'),
    });
  });
});
