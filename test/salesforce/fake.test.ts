import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateAccounts,
  generateContacts,
  generatedAccountId,
  startSalesforceFake,
  type SalesforceFake,
} from '../../emulators/salesforce';

const REDIRECT_URI = 'http://127.0.0.1:9999/oauth/callback';
const API = '/services/data/v62.0';

let fake: SalesforceFake;
let token: string;

beforeEach(async () => {
  fake = await startSalesforceFake();
  token = fake.createSession().accessToken;
});

afterEach(async () => {
  await fake.close();
});

function api(path: string, init: RequestInit & { accessToken?: string } = {}) {
  const { accessToken = token, headers, ...rest } = init;
  return fetch(fake.url + path, {
    ...rest,
    headers: { Authorization: `Bearer ${accessToken}`, ...headers },
  });
}

function query(soql: string, headers: Record<string, string> = {}) {
  return api(`${API}/query?q=${encodeURIComponent(soql)}`, { headers });
}

function postForm(path: string, params: Record<string, string>) {
  return fetch(fake.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
}

async function authorizeWithChallenge(verifier: string, state = 'state-123'): Promise<URL> {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: fake.connectedApp.clientId,
    redirect_uri: REDIRECT_URI,
    state,
    code_challenge: challenge,
    scope: 'api refresh_token',
  });
  const response = await fetch(`${fake.url}/services/oauth2/authorize?${params}`, {
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

function exchangeCode(code: string, verifier: string) {
  return postForm('/services/oauth2/token', {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: fake.connectedApp.clientId,
    client_secret: fake.connectedApp.clientSecret,
    redirect_uri: REDIRECT_URI,
  });
}

describe('OAuth web server flow', () => {
  it('redirects straight back to the redirect_uri with a code and the same state', async () => {
    const location = await authorizeWithChallenge('v'.repeat(64), 'xyz');
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toMatch(/^aPr/);
  });

  it('exchanges a code for tokens when the PKCE verifier matches the S256 challenge', async () => {
    const verifier = 'correct-verifier-'.repeat(4);
    const code = (await authorizeWithChallenge(verifier)).searchParams.get('code') ?? '';
    const response = await exchangeCode(code, verifier);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      instance_url: fake.url,
      id: `${fake.url}/id/${fake.orgId}/${fake.users()[0]?.id}`,
    });
    expect(body.access_token).toContain('!');
    expect(body.refresh_token).toBeTruthy();
  });

  it('rejects a wrong verifier with invalid_grant and burns the code', async () => {
    const verifier = 'right-verifier-'.repeat(4);
    const code = (await authorizeWithChallenge(verifier)).searchParams.get('code') ?? '';
    const wrong = await exchangeCode(code, 'wrong-verifier-'.repeat(4));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid code verifier',
    });
    const reused = await exchangeCode(code, verifier);
    expect(await reused.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid authorization code',
    });
  });

  it('rejects a wrong client secret with invalid_client', async () => {
    const verifier = 'some-verifier-'.repeat(4);
    const code = (await authorizeWithChallenge(verifier)).searchParams.get('code') ?? '';
    const response = await postForm('/services/oauth2/token', {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: fake.connectedApp.clientId,
      client_secret: 'nope',
      redirect_uri: REDIRECT_URI,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers a denied login with error=access_denied and the state', async () => {
    fake.denyNextAuthorization();
    const location = await authorizeWithChallenge('x'.repeat(50), 'keep-me');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('keep-me');
  });

  it('refreshes an access token until the refresh token is revoked', async () => {
    const session = fake.createSession();
    const refresh = () =>
      postForm('/services/oauth2/token', {
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: fake.connectedApp.clientId,
        client_secret: fake.connectedApp.clientSecret,
      });
    const first = await refresh();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { access_token: string }).access_token).not.toBe(
      session.accessToken,
    );
    fake.revokeRefreshToken(session.refreshToken);
    const second = await refresh();
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
    expect((await api(`${API}/limits`, { accessToken: session.accessToken })).status).toBe(401);
  });

  it('serves the identity URL for the token owner', async () => {
    const session = fake.createSession();
    const response = await api(`/id/${session.orgId}/${session.userId}?format=json`, {
      accessToken: session.accessToken,
    });
    expect(await response.json()).toMatchObject({
      user_id: session.userId,
      organization_id: session.orgId,
      username: session.username,
    });
    expect(
      (await api(`/id/${session.orgId}/${session.userId}`, { accessToken: 'bad' })).status,
    ).toBe(403);
  });
});

describe('JWT bearer flow', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  function assertion(claims: Record<string, unknown>, privateKey = keys.privateKey): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${encode({ alg: 'RS256' })}.${encode(claims)}`;
    return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`;
  }

  function jwtGrant(jwt: string) {
    return postForm('/services/oauth2/token', {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jwt,
    });
  }

  beforeEach(async () => {
    await fake.close();
    fake = await startSalesforceFake({
      connectedApp: {
        jwtPublicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    });
  });

  it('issues an access token for a correctly signed assertion', async () => {
    const username = fake.users()[0]?.username;
    const response = await jwtGrant(
      assertion({
        iss: fake.connectedApp.clientId,
        sub: username,
        aud: fake.url,
        exp: Math.floor(Date.now() / 1000) + 180,
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.refresh_token).toBeUndefined();
    expect((await api(`${API}/limits`, { accessToken: body.access_token })).status).toBe(200);
  });

  it.each([
    [
      'a foreign key',
      () =>
        assertion(
          {
            iss: fake.connectedApp.clientId,
            sub: fake.users()[0]?.username,
            aud: fake.url,
            exp: Math.floor(Date.now() / 1000) + 180,
          },
          otherKeys.privateKey,
        ),
      'invalid assertion',
    ],
    [
      'the wrong audience',
      () =>
        assertion({
          iss: fake.connectedApp.clientId,
          sub: fake.users()[0]?.username,
          aud: 'https://login.salesforce.com',
          exp: Math.floor(Date.now() / 1000) + 180,
        }),
      'audience is invalid',
    ],
    [
      'an expired assertion',
      () =>
        assertion({
          iss: fake.connectedApp.clientId,
          sub: fake.users()[0]?.username,
          aud: fake.url,
          exp: Math.floor(Date.now() / 1000) - 10,
        }),
      'expired authorization code',
    ],
    [
      'an unknown user',
      () =>
        assertion({
          iss: fake.connectedApp.clientId,
          sub: 'nobody@example.com',
          aud: fake.url,
          exp: Math.floor(Date.now() / 1000) + 180,
        }),
      "user hasn't approved this consumer",
    ],
  ])('rejects %s with invalid_grant', async (_label, makeAssertion, description) => {
    const response = await jwtGrant(makeAssertion());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: description,
    });
  });
});

describe('REST query', () => {
  beforeEach(() => {
    fake.addRecords('Account', generateAccounts({ seed: 7, count: 450 }));
    fake.addRecords('Contact', generateContacts({ seed: 7, count: 60, accountCount: 450 }));
  });

  it('answers records with attributes and pages through nextRecordsUrl in the requested batch size', async () => {
    const first = (await (
      await query('SELECT Id, Name FROM Account', { 'Sforce-Query-Options': 'batchSize=200' })
    ).json()) as {
      totalSize: number;
      done: boolean;
      nextRecordsUrl: string;
      records: Array<Record<string, unknown>>;
    };
    expect(first).toMatchObject({ totalSize: 450, done: false });
    expect(first.records).toHaveLength(200);
    expect(first.records[0]).toEqual({
      attributes: { type: 'Account', url: `${API}/sobjects/Account/${generatedAccountId(0)}` },
      Id: generatedAccountId(0),
      Name: expect.any(String),
    });
    expect(first.nextRecordsUrl).toMatch(new RegExp(`^${API}/query/01g\\w+-200$`));
    const second = (await (await api(first.nextRecordsUrl)).json()) as {
      done: boolean;
      nextRecordsUrl: string;
      records: unknown[];
    };
    const third = (await (await api(second.nextRecordsUrl)).json()) as {
      done: boolean;
      nextRecordsUrl?: string;
      records: unknown[];
    };
    expect([second.records.length, third.records.length, third.done, third.nextRecordsUrl]).toEqual(
      [200, 50, true, undefined],
    );
  });

  it('nests parent fields under the relationship and answers null without a parent', async () => {
    fake.addRecords('Contact', [{ LastName: 'Ohne Firma' }]);
    const body = (await (
      await query(
        "SELECT Id, LastName, Account.Name FROM Contact WHERE LastName = 'Ohne Firma' OR AccountId != null",
      )
    ).json()) as { records: Array<Record<string, unknown>> };
    const orphan = body.records.find((r) => r.LastName === 'Ohne Firma');
    const withAccount = body.records.find((r) => r.Account !== null);
    expect(orphan?.Account).toBeNull();
    expect(withAccount?.Account).toEqual({
      attributes: { type: 'Account', url: expect.stringMatching(/\/sobjects\/Account\/001/) },
      Name: expect.any(String),
    });
  });

  it('answers SELECT COUNT() with totalSize and no records', async () => {
    fake.addRecords('Account', [{ Name: 'Zeta Zahnrad GmbH', BillingCountry: 'Deutschland' }]);
    const body = await (await query("SELECT COUNT() FROM Account WHERE Name LIKE 'zeta%'")).json();
    expect(body).toEqual({ totalSize: 1, done: true, records: [] });
  });

  it('filters with IN, NOT, LIKE, comparisons, parentheses and date literals', async () => {
    fake.addRecords('Account', [
      {
        Name: 'Alpha',
        BillingCountry: 'DE',
        NumberOfEmployees: 10,
        CreatedDate: new Date().toISOString(),
      },
      {
        Name: 'Beta',
        BillingCountry: 'AT',
        NumberOfEmployees: 500,
        CreatedDate: '2020-01-01T00:00:00.000+0000',
      },
      {
        Name: "O'Gamma",
        BillingCountry: null,
        NumberOfEmployees: null,
        CreatedDate: new Date().toISOString(),
      },
    ]);
    const names = async (where: string) => {
      const body = (await (await query(`SELECT Name FROM Account WHERE ${where}`)).json()) as {
        records: Array<{ Name: string }>;
      };
      return body.records
        .map((r) => r.Name)
        .filter((n) => ['Alpha', 'Beta', "O'Gamma"].includes(n))
        .sort();
    };
    expect(await names("BillingCountry IN ('de', 'AT')")).toEqual(['Alpha', 'Beta']);
    expect(await names("BillingCountry != 'DE'")).toEqual(['Beta', "O'Gamma"]);
    expect(
      await names("NOT BillingCountry = 'DE' AND Name IN ('Alpha', 'Beta', 'O\\'Gamma')"),
    ).toEqual(['Beta', "O'Gamma"]);
    expect(
      await names("(NumberOfEmployees >= 10 AND NumberOfEmployees < 100) OR Name LIKE 'o\\'%'"),
    ).toEqual(['Alpha', "O'Gamma"]);
    expect(
      await names("CreatedDate = LAST_N_DAYS:7 AND Name IN ('Alpha', 'Beta', 'O\\'Gamma')"),
    ).toEqual(['Alpha', "O'Gamma"]);
  });

  it('orders by a field and applies LIMIT and OFFSET', async () => {
    const body = (await (
      await query('SELECT Id FROM Account ORDER BY Id DESC LIMIT 3 OFFSET 1')
    ).json()) as { totalSize: number; records: Array<{ Id: string }> };
    expect(body.totalSize).toBe(3);
    expect(body.records.map((r) => r.Id)).toEqual([448, 447, 446].map(generatedAccountId));
  });

  it('answers the org edition and the caller’s own permissions', async () => {
    fake.setOrg({
      organizationType: 'Professional Edition',
      isSandbox: true,
      users: [{ username: 'integration@example.com', apiEnabled: true, apiUserOnly: true }],
    });
    const session = fake.createSession('integration@example.com');
    const org = (await (
      await api(
        `${API}/query?q=${encodeURIComponent('SELECT Name, OrganizationType, IsSandbox FROM Organization')}`,
        { accessToken: session.accessToken },
      )
    ).json()) as { records: unknown[] };
    expect(org.records[0]).toMatchObject({
      Name: 'Musterfirma GmbH',
      OrganizationType: 'Professional Edition',
      IsSandbox: true,
    });
    const permissions = (await (
      await api(
        `${API}/query?q=${encodeURIComponent('SELECT PermissionsApiEnabled, PermissionsApiUserOnly FROM UserPermissionAccess')}`,
        { accessToken: session.accessToken },
      )
    ).json()) as { records: unknown[] };
    expect(permissions.records[0]).toMatchObject({
      PermissionsApiEnabled: true,
      PermissionsApiUserOnly: true,
    });
  });

  it('answers MALFORMED_QUERY, INVALID_FIELD and INVALID_TYPE with 400 and an error array', async () => {
    const malformed = await query('SELECT Id FROM Account WHERE Name = ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual([
      { errorCode: 'MALFORMED_QUERY', message: expect.any(String) },
    ]);
    expect(await (await query('SELECT Id, Nonsense FROM Account')).json()).toEqual([
      { errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Nonsense'") },
    ]);
    expect(await (await query('SELECT Id FROM Invoice__c')).json()).toEqual([
      { errorCode: 'INVALID_TYPE', message: expect.stringContaining('Invoice__c') },
    ]);
    expect(
      await (await query("SELECT Id FROM Account WHERE NumberOfEmployees = '5'")).json(),
    ).toEqual([{ errorCode: 'INVALID_FIELD', message: expect.any(String) }]);
  });

  it('describes fields with name, label, type and length', async () => {
    fake.addFields('Account', [{ name: 'Billomat_Id__c', type: 'string', length: 40 }]);
    const body = (await (await api(`${API}/sobjects/Account/describe`)).json()) as {
      name: string;
      fields: Array<Record<string, unknown>>;
    };
    expect(body.name).toBe('Account');
    expect(body.fields).toContainEqual(
      expect.objectContaining({
        name: 'BillingStreet',
        label: 'Billing Street',
        type: 'textarea',
        length: 255,
      }),
    );
    expect(body.fields).toContainEqual(
      expect.objectContaining({ name: 'Billomat_Id__c', type: 'string', length: 40, custom: true }),
    );
    const contact = (await (await api(`${API}/sobjects/Contact/describe`)).json()) as {
      fields: Array<Record<string, unknown>>;
    };
    expect(contact.fields).toContainEqual(
      expect.objectContaining({
        name: 'AccountId',
        type: 'reference',
        relationshipName: 'Account',
        referenceTo: ['Account'],
      }),
    );
  });
});

describe('API access errors', () => {
  it('answers an unknown or expired token with 401 INVALID_SESSION_ID', async () => {
    fake.expireAccessTokens();
    const response = await api(`${API}/limits`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([
      { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
    ]);
  });

  it('answers API_DISABLED_FOR_ORG when the org has no API access', async () => {
    fake.setOrg({ organizationType: 'Professional Edition', apiDisabledForOrg: true });
    const response = await query('SELECT Id FROM Account');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual([
      {
        errorCode: 'API_DISABLED_FOR_ORG',
        message: 'The REST API is not enabled for this Organization.',
      },
    ]);
  });

  it('answers API_CURRENTLY_DISABLED when the user lacks API Enabled', async () => {
    fake.setOrg({ users: [{ username: 'rep@example.com', apiEnabled: false }] });
    const session = fake.createSession('rep@example.com');
    const refused = await api(`${API}/limits`, { accessToken: session.accessToken });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([
      { errorCode: 'API_CURRENTLY_DISABLED', message: 'API is disabled for this User' },
    ]);
  });

  it('answers REQUEST_LIMIT_EXCEEDED once the daily allowance is used up', async () => {
    fake.setOrg({ dailyApiRequestLimit: 2 });
    expect((await api(`${API}/limits`)).headers.get('sforce-limit-info')).toBe('api-usage=1/2');
    expect((await api(`${API}/limits`)).status).toBe(200);
    const refused = await api(`${API}/limits`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([
      { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
    ]);
  });

  it('answers an injected fault once and then serves normally', async () => {
    fake.injectFault({
      status: 503,
      errorCode: 'SERVER_UNAVAILABLE',
      message: 'Try later',
      path: '/limits',
    });
    expect((await api(`${API}/limits`)).status).toBe(503);
    expect((await api(`${API}/limits`)).status).toBe(200);
  });
});

describe('Bulk API 2.0 query', () => {
  async function createJob(soql: string) {
    const response = await api(`${API}/jobs/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'query', query: soql }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('moves a job from UploadComplete through InProgress to JobComplete as it is polled', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 1, count: 5 }));
    const { body } = await createJob('SELECT Id, Name FROM Account');
    expect(body).toMatchObject({
      state: 'UploadComplete',
      operation: 'query',
      object: 'Account',
      contentType: 'CSV',
      id: expect.stringMatching(/^750/),
    });
    const states = [];
    for (let i = 0; i < 3; i++)
      states.push(
        ((await (await api(`${API}/jobs/query/${String(body.id)}`)).json()) as { state: string })
          .state,
      );
    expect(states).toEqual(['InProgress', 'JobComplete', 'JobComplete']);
  });

  it('serves results as quoted CSV pages with Sforce-Locator and Sforce-NumberOfRecords, ending with "null"', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 3, count: 25 }));
    fake.addRecords('Contact', [
      {
        LastName: 'Komma, "Quote"',
        AccountId: generatedAccountId(0),
        MailingStreet: 'Hinterhaus\nHauptstraße 1',
      },
      ...generateContacts({ seed: 3, count: 4, accountCount: 25 }),
    ]);
    const { body } = await createJob(
      'SELECT Id, LastName, MailingStreet, Account.Name FROM Contact',
    );
    const early = await api(`${API}/jobs/query/${String(body.id)}/results`);
    expect(early.status).toBe(412);
    await api(`${API}/jobs/query/${String(body.id)}`);
    await api(`${API}/jobs/query/${String(body.id)}`);

    const first = await api(`${API}/jobs/query/${String(body.id)}/results?maxRecords=3`);
    expect(first.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(first.headers.get('sforce-numberofrecords')).toBe('3');
    const locator = first.headers.get('sforce-locator') ?? '';
    expect(Buffer.from(locator, 'base64').toString()).toBe('3');
    const text = await first.text();
    expect(text.startsWith('"Id","LastName","MailingStreet","Account.Name"\n')).toBe(true);
    expect(text).toContain('"Komma, ""Quote""","Hinterhaus\nHauptstraße 1",');

    const last = await api(
      `${API}/jobs/query/${String(body.id)}/results?maxRecords=3&locator=${locator}`,
    );
    expect(last.headers.get('sforce-locator')).toBe('null');
    expect(last.headers.get('sforce-numberofrecords')).toBe('2');
  });

  it('rejects an aggregate or malformed query when the job is created', async () => {
    expect((await createJob('SELECT COUNT() FROM Account')).status).toBe(400);
    expect(await createJob('SELECT FROM Account')).toEqual({
      status: 400,
      body: [{ errorCode: 'MALFORMED_QUERY', message: expect.any(String) }],
    });
  });

  it('deletes a finished job', async () => {
    const { body } = await createJob('SELECT Id FROM Account');
    expect((await api(`${API}/jobs/query/${String(body.id)}`, { method: 'DELETE' })).status).toBe(
      400,
    );
    await api(`${API}/jobs/query/${String(body.id)}`);
    await api(`${API}/jobs/query/${String(body.id)}`);
    expect((await api(`${API}/jobs/query/${String(body.id)}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api(`${API}/jobs/query/${String(body.id)}`)).status).toBe(404);
  });
});

describe('record generator', () => {
  it('produces the same records for the same seed and different ones for another seed', () => {
    const a = [...generateAccounts({ seed: 42, count: 20 })];
    expect([...generateAccounts({ seed: 42, count: 20 })]).toEqual(a);
    expect([...generateAccounts({ seed: 43, count: 20 })].map((r) => r.Name)).not.toEqual(
      a.map((r) => r.Name),
    );
    expect([...generateAccounts({ seed: 42, count: 5, startIndex: 15 })]).toEqual(a.slice(15));
  });

  it('writes countries in many ways, with multi-line streets and German and international companies', () => {
    const accounts = [...generateAccounts({ seed: 5, count: 2000 })];
    const countries = new Set(accounts.map((r) => r.BillingCountry));
    for (const spelling of ['Germany', 'Deutschland', 'DE', 'Österreich', 'USA', 'UK', null])
      expect(countries).toContain(spelling);
    expect(accounts.some((r) => String(r.BillingStreet).includes('\n'))).toBe(true);
    expect(accounts.some((r) => / GmbH$/.test(String(r.Name)))).toBe(true);
    expect(accounts.some((r) => / (Inc\.|Ltd|SARL|B\.V\.)$/.test(String(r.Name)))).toBe(true);
  });

  it('links most contacts to generated accounts and includes some unusable e-mail addresses', () => {
    const contacts = [...generateContacts({ seed: 5, count: 1000, accountCount: 10 })];
    const accountIds = new Set(Array.from({ length: 10 }, (_, i) => generatedAccountId(i)));
    expect(contacts.filter((c) => accountIds.has(String(c.AccountId))).length).toBeGreaterThan(850);
    expect(contacts.some((c) => String(c.Email).includes('(at)'))).toBe(true);
  });
});
