import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { identityUrl, salesforceDateTime, userById, type FakeContext } from './context';
import { bearerToken, readBody, redirect, sendJson, sendOAuthError, sendText } from './http';
import { checkAssertion } from './jwt';
import type { FakeUser } from './org';
import { verifierMatches } from './sessions';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function redirectAllowed(ctx: FakeContext, redirectUri: string): boolean {
  return ctx.app.redirectUris === null
    ? /^https?:\/\//.test(redirectUri)
    : ctx.app.redirectUris.includes(redirectUri);
}

function loginUser(ctx: FakeContext, loginHint: string | null): FakeUser | undefined {
  const wanted = loginHint ?? ctx.loginUsername;
  return (wanted && ctx.users.find((u) => u.username === wanted)) || ctx.users[0];
}

/** The login page is skipped: the user is taken as logged in and approving, and is sent straight back. */
export function authorize(ctx: FakeContext, url: URL, res: ServerResponse): void {
  const p = url.searchParams;
  const redirectUri = p.get('redirect_uri') ?? '';
  if (p.get('client_id') !== ctx.app.clientId) {
    return sendText(
      res,
      400,
      'error=invalid_client_id&error_description=client%20identifier%20invalid',
      'text/html;charset=UTF-8',
    );
  }
  if (!redirectAllowed(ctx, redirectUri)) {
    return sendText(
      res,
      400,
      'error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration',
      'text/html;charset=UTF-8',
    );
  }
  const state = p.get('state');
  const back = (params: Record<string, string>) =>
    redirect(res, withParams(redirectUri, state === null ? params : { ...params, state }));
  if (p.get('response_type') !== 'code')
    return back({
      error: 'unsupported_response_type',
      error_description: 'response type not supported',
    });
  if (ctx.denyNextAuthorization) {
    ctx.denyNextAuthorization = false;
    return back({ error: 'access_denied', error_description: 'end-user denied authorization' });
  }
  const user = loginUser(ctx, p.get('login_hint'));
  if (!user)
    return back({ error: 'access_denied', error_description: 'no user can log in to this org' });
  const code = ctx.sessions.issueCode({
    userId: user.id,
    clientId: ctx.app.clientId,
    redirectUri,
    codeChallenge: p.get('code_challenge'),
    codeChallengeMethod: p.get('code_challenge_method') ?? 'S256',
    scope: p.get('scope') ?? 'api refresh_token',
  });
  back({ code });
}

function tokenResponse(
  ctx: FakeContext,
  user: FakeUser,
  accessToken: string,
  scope: string,
  refreshToken?: string,
) {
  const issuedAt = String(Date.now());
  const id = identityUrl(ctx, user);
  return {
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    signature: createHmac('sha256', ctx.app.clientSecret)
      .update(id + issuedAt)
      .digest('base64'),
    scope,
    instance_url: ctx.url,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  };
}

function clientCheck(ctx: FakeContext, params: URLSearchParams): [string, string] | null {
  if (params.get('client_id') !== ctx.app.clientId)
    return ['invalid_client_id', 'client identifier invalid'];
  const secret = params.get('client_secret');
  if (secret === null ? ctx.app.requireSecret : secret !== ctx.app.clientSecret)
    return ['invalid_client', 'invalid client credentials'];
  return null;
}

function authorizationCodeGrant(
  ctx: FakeContext,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const clientProblem = clientCheck(ctx, params);
  if (clientProblem) return sendOAuthError(res, ...clientProblem);
  const grant = ctx.sessions.takeCode(params.get('code') ?? '');
  if (!grant || grant.clientId !== ctx.app.clientId)
    return sendOAuthError(res, 'invalid_grant', 'invalid authorization code');
  if (grant.redirectUri !== params.get('redirect_uri'))
    return sendOAuthError(res, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
  if (grant.codeChallenge !== null) {
    const verifier = params.get('code_verifier');
    if (!verifier || !verifierMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod)) {
      return sendOAuthError(res, 'invalid_grant', 'invalid code verifier');
    }
  }
  const user = userById(ctx, grant.userId);
  if (!user) return sendOAuthError(res, 'invalid_grant', 'inactive user');
  // Salesforce hands out a refresh token only when the refresh_token (offline_access) scope was granted.
  const scopes = grant.scope.split(/\s+/);
  const refreshToken =
    scopes.includes('refresh_token') || scopes.includes('offline_access')
      ? ctx.sessions.issueRefreshToken(user.id, grant.clientId, grant.scope)
      : null;
  const accessToken = ctx.sessions.issueAccessToken(user.id, refreshToken);
  sendJson(res, 200, tokenResponse(ctx, user, accessToken, grant.scope, refreshToken ?? undefined));
}

function refreshTokenGrant(ctx: FakeContext, params: URLSearchParams, res: ServerResponse): void {
  const clientProblem = clientCheck(ctx, params);
  if (clientProblem) return sendOAuthError(res, ...clientProblem);
  const refreshToken = params.get('refresh_token') ?? '';
  const grant = ctx.sessions.refreshGrant(refreshToken);
  const user =
    grant && grant.clientId === ctx.app.clientId ? userById(ctx, grant.userId) : undefined;
  if (!grant || !user) return sendOAuthError(res, 'invalid_grant', 'expired access/refresh token');
  const accessToken = ctx.sessions.issueAccessToken(user.id, refreshToken);
  sendJson(res, 200, tokenResponse(ctx, user, accessToken, grant.scope));
}

function jwtBearerGrant(ctx: FakeContext, params: URLSearchParams, res: ServerResponse): void {
  const check = checkAssertion(ctx, params.get('assertion') ?? '');
  if (!check.ok) return sendOAuthError(res, check.error, check.description);
  const accessToken = ctx.sessions.issueAccessToken(check.user.id, null);
  sendJson(res, 200, tokenResponse(ctx, check.user, accessToken, 'api'));
}

/** Returns the grant type so the request log can show it without logging secrets. */
export async function token(
  ctx: FakeContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string> {
  const params = new URLSearchParams(await readBody(req));
  const grantType = params.get('grant_type') ?? '';
  if (grantType === 'authorization_code') authorizationCodeGrant(ctx, params, res);
  else if (grantType === 'refresh_token') refreshTokenGrant(ctx, params, res);
  else if (grantType === JWT_BEARER) jwtBearerGrant(ctx, params, res);
  else sendOAuthError(res, 'unsupported_grant_type', 'grant type not supported');
  return grantType;
}

export async function revoke(
  ctx: FakeContext,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const body = new URLSearchParams(await readBody(req));
  const tokenValue = body.get('token') ?? url.searchParams.get('token') ?? '';
  if (!ctx.sessions.revoke(tokenValue))
    return sendOAuthError(res, 'unsupported_token_type', 'this token type is not supported');
  res.writeHead(200, { 'content-length': 0 });
  res.end();
}

/** The identity URL; a bad token gets 403 Bad_OAuth_Token, as Salesforce answers it. */
export function identity(
  ctx: FakeContext,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
  orgId: string,
  userId: string,
): void {
  const accessToken = bearerToken(req) ?? url.searchParams.get('oauth_token');
  const callerId = accessToken ? ctx.sessions.userForAccessToken(accessToken) : undefined;
  if (!callerId) return sendText(res, 403, 'Bad_OAuth_Token');
  const user = userById(ctx, userId);
  if (orgId !== ctx.org.id || !user) return sendText(res, 404, 'Bad_Id');
  if (callerId !== userId) return sendText(res, 403, 'Wrong_Org_or_User');
  sendJson(res, 200, {
    id: identityUrl(ctx, user),
    asserted_user: true,
    user_id: user.id,
    organization_id: ctx.org.id,
    username: user.username,
    nick_name: user.username.split('@')[0],
    display_name: user.name,
    email: user.email,
    active: true,
    user_type: 'STANDARD',
    language: 'de',
    locale: 'de_DE',
    utcOffset: 3_600_000,
    last_modified_date: salesforceDateTime(),
    urls: {
      rest: `${ctx.url}/services/data/v{version}/`,
      query: `${ctx.url}/services/data/v{version}/query/`,
      sobjects: `${ctx.url}/services/data/v{version}/sobjects/`,
      profile: `${ctx.url}/${user.id}`,
    },
    is_app_installed: true,
  });
}
