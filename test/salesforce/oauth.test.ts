import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceFake, type SalesforceFake } from '../../emulators/salesforce';
import {
  completeAuthorization,
  connectWithJwt,
  connectWithRefreshToken,
  explainSalesforceError,
  jwtAudience,
  OrgConnectionError,
  resolveLoginUrl,
  startAuthorization,
} from '../../server/src/salesforce';

const REDIRECT_URI = 'http://127.0.0.1:3000/v1/salesforce/callback';

let fake: SalesforceFake;

beforeEach(async () => {
  fake = await startSalesforceFake({ connectedApp: { redirectUris: [REDIRECT_URI] } });
});

afterEach(async () => {
  await fake.close();
});

function app() {
  return {
    loginUrl: fake.url,
    allowedLoginUrls: [fake.url],
    clientId: fake.connectedApp.clientId,
    clientSecret: fake.connectedApp.clientSecret,
    redirectUri: REDIRECT_URI,
  };
}

/** Plays the admin's browser: follows the authorization URL and returns the callback parameters. */
async function visit(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`authorize answered ${response.status}`);
  return new URL(location).searchParams;
}

describe('web server flow with PKCE', () => {
  it('connects an org: the callback code and the stored verifier give tokens, ids and the username', async () => {
    const pending = startAuthorization(app());
    expect(pending.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const authorizeUrl = new URL(pending.url);
    expect(authorizeUrl.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('scope')).toBe('api id refresh_token');

    const callback = await visit(pending.url);
    const connection = await completeAuthorization({
      ...app(),
      code: callback.get('code') ?? '',
      state: callback.get('state') ?? '',
      expectedState: pending.state,
      codeVerifier: pending.codeVerifier,
    });

    const user = fake.users()[0];
    expect(connection).toEqual({
      loginUrl: fake.url,
      instanceUrl: fake.url,
      accessToken: expect.stringContaining('!'),
      refreshToken: expect.any(String),
      orgId: fake.orgId,
      userId: user?.id,
      username: user?.username,
    });
  });

  it('gives each authorization its own state and verifier', () => {
    const first = startAuthorization(app());
    const second = startAuthorization(app());
    expect(first.state).not.toBe(second.state);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
  });

  it('rejects a callback whose state does not match before talking to Salesforce', async () => {
    const pending = startAuthorization(app());
    const callback = await visit(pending.url);
    fake.clearRequests();
    const attempt = completeAuthorization({
      ...app(),
      code: callback.get('code') ?? '',
      state: 'forged-state',
      expectedState: pending.state,
      codeVerifier: pending.codeVerifier,
    });
    await expect(attempt).rejects.toThrow(OrgConnectionError);
    await expect(attempt).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(fake.requests()).toEqual([]);
  });

  it('fails with invalid_grant when the verifier is not the one the challenge was made from, and explains it', async () => {
    const pending = startAuthorization(app());
    const callback = await visit(pending.url);
    const other = startAuthorization(app());
    const error = await completeAuthorization({
      ...app(),
      code: callback.get('code') ?? '',
      state: callback.get('state') ?? '',
      expectedState: pending.state,
      codeVerifier: other.codeVerifier,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'invalid_grant', message: 'invalid code verifier' });
    expect(explainSalesforceError(error)).toMatchObject({
      code: 'invalid_grant',
      reconnect: true,
      message: expect.stringContaining('Connect the org again'),
    });
  });
});

describe('login URLs', () => {
  it('accepts production, sandbox and My Domain addresses and normalises them to the origin', () => {
    expect(resolveLoginUrl('https://login.salesforce.com/')).toBe('https://login.salesforce.com');
    expect(resolveLoginUrl(' https://test.salesforce.com ')).toBe('https://test.salesforce.com');
    expect(resolveLoginUrl('https://acme--uat.sandbox.my.salesforce.com')).toBe(
      'https://acme--uat.sandbox.my.salesforce.com',
    );
  });

  it.each([
    ['http://login.salesforce.com', 'must use https'],
    ['https://login.salesforce.com.evil.example', 'must be a salesforce.com address'],
    ['https://evil.example/login.salesforce.com', 'without a path'],
    ['https://acme.my.salesforce.com:8443', 'must not name a port'],
    ['https://user:pw@acme.my.salesforce.com', 'without a path or parameters'],
    ['not a url', 'is not a web address'],
  ])('refuses %s', (loginUrl, reason) => {
    expect(() => resolveLoginUrl(loginUrl)).toThrow(reason);
  });

  it('accepts a local address only when it is on the allow-list', () => {
    expect(() => resolveLoginUrl(fake.url)).toThrow('must use https');
    expect(resolveLoginUrl(`${fake.url}/`, [fake.url])).toBe(fake.url);
  });
});

describe('stored connection with a refresh token', () => {
  it('refreshes on a 401, retries the query and hands the new token to onRefresh', async () => {
    const session = fake.createSession();
    const refreshed: string[] = [];
    const conn = connectWithRefreshToken({
      ...app(),
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      onRefresh: (token) => void refreshed.push(token),
    });
    fake.expireAccessTokens();

    const result = await conn.query('SELECT Name FROM Organization');

    expect(result.records).toHaveLength(1);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).not.toBe(session.accessToken);
    expect(conn.accessToken).toBe(refreshed[0]);
    expect(
      fake.requests().map((r) => `${r.status} ${r.grantType ?? r.path.split('?')[0]}`),
    ).toEqual([
      '401 /services/data/v62.0/query',
      '200 refresh_token',
      '200 /services/data/v62.0/query',
    ]);
  });

  it('starts without an access token by refreshing first', async () => {
    const session = fake.createSession();
    const conn = connectWithRefreshToken({
      ...app(),
      instanceUrl: session.instanceUrl,
      refreshToken: session.refreshToken,
    });
    await expect(conn.query('SELECT Name FROM Organization')).resolves.toMatchObject({
      totalSize: 1,
    });
  });

  it('reports a revoked refresh token as invalid_grant that needs the org connected again', async () => {
    const session = fake.createSession();
    const conn = connectWithRefreshToken({
      ...app(),
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    });
    fake.revokeRefreshToken(session.refreshToken);

    const error = await Promise.resolve(conn.query('SELECT Name FROM Organization')).catch(
      (e: unknown) => e,
    );

    expect(explainSalesforceError(error)).toEqual({
      code: 'invalid_grant',
      message:
        'Salesforce no longer accepts this connection (the refresh token was revoked or expired). Connect the org again.',
      fixSteps: expect.arrayContaining([expect.stringContaining('Connect the Salesforce org')]),
      reconnect: true,
    });
  });

  it('fails the refreshed request when the new token cannot be stored', async () => {
    const session = fake.createSession();
    const conn = connectWithRefreshToken({
      ...app(),
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      onRefresh: async () => Promise.reject(new Error('database is read-only')),
    });
    fake.expireAccessTokens();
    await expect(conn.query('SELECT Name FROM Organization')).rejects.toThrow(
      'database is read-only',
    );
  });
});

describe('JWT bearer flow', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeEach(async () => {
    await fake.close();
    fake = await startSalesforceFake({
      connectedApp: {
        jwtPublicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    });
  });

  function jwtSettings() {
    return {
      loginUrl: fake.url,
      allowedLoginUrls: [fake.url],
      clientId: fake.connectedApp.clientId,
      username: fake.users()[0]?.username ?? '',
      privateKeyPem,
    };
  }

  it('connects with an RS256 assertion signed by node:crypto', async () => {
    const conn = await connectWithJwt(jwtSettings());
    expect(conn.instanceUrl).toBe(fake.url);
    expect((await conn.query('SELECT Name FROM Organization')).totalSize).toBe(1);
    expect(fake.requests()[0]).toMatchObject({
      path: '/services/oauth2/token',
      grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      status: 200,
    });
  });

  it('signs a fresh assertion when the access token expires', async () => {
    const tokens: string[] = [];
    const conn = await connectWithJwt({
      ...jwtSettings(),
      onRefresh: (token) => void tokens.push(token),
    });
    fake.expireAccessTokens();
    expect((await conn.query('SELECT Name FROM Organization')).totalSize).toBe(1);
    expect(tokens).toHaveLength(1);
  });

  it('reports an unknown user as invalid_grant', async () => {
    await expect(
      connectWithJwt({ ...jwtSettings(), username: 'ghost@example.com' }),
    ).rejects.toMatchObject({
      name: 'invalid_grant',
      message: "user hasn't approved this consumer",
    });
  });

  it('refuses a private key that is not one before any request', async () => {
    await expect(
      connectWithJwt({ ...jwtSettings(), privateKeyPem: 'not a key' }),
    ).rejects.toMatchObject({ code: 'invalid_private_key' });
    expect(fake.requests()).toEqual([]);
  });

  it('uses the generic login host as audience for Salesforce login URLs', () => {
    expect(jwtAudience('https://acme.my.salesforce.com')).toBe('https://login.salesforce.com');
    expect(jwtAudience('https://acme--uat.sandbox.my.salesforce.com')).toBe(
      'https://test.salesforce.com',
    );
    expect(jwtAudience(fake.url)).toBe(fake.url);
  });
});
