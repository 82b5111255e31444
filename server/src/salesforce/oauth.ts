import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Connection, OAuth2, type TokenResponse } from 'jsforce';
import { API_VERSION } from './api-version';
import { OrgConnectionError } from './connect-error';
import { resolveLoginUrl } from './login-url';
import { refreshErrorWithCode } from './refresh-error';

/** `api` for REST and Bulk, `id` for the identity URL, `refresh_token` so the service can come back later. */
const SCOPES = 'api id refresh_token';

export interface ConnectedAppSettings {
  loginUrl: string;
  clientId: string;
  clientSecret?: string;
  /** Origins accepted besides Salesforce's own hosts (tests and the demo use a local fake). */
  allowedLoginUrls?: readonly string[];
}

export interface AuthorizationRequest extends ConnectedAppSettings {
  redirectUri: string;
}

export interface PendingAuthorization {
  /** Where to send the admin's browser. */
  url: string;
  /** Store with the verifier until the callback; it ties the callback to this request. */
  state: string;
  codeVerifier: string;
}

export interface AuthorizationCallback extends AuthorizationRequest {
  code: string;
  /** The state that came back on the callback URL. */
  state: string;
  /** The state stored by startAuthorization. */
  expectedState: string;
  codeVerifier: string;
}

export interface OrgConnection {
  loginUrl: string;
  instanceUrl: string;
  accessToken: string;
  refreshToken: string;
  orgId: string;
  userId: string;
  username: string;
}

function oauth2For(settings: AuthorizationRequest): OAuth2 {
  return new OAuth2({
    loginUrl: resolveLoginUrl(settings.loginUrl, settings.allowedLoginUrls),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    useVerifier: true,
  });
}

/** Step one of the web server flow with PKCE: the URL to send the admin to, plus what to keep for the callback. */
export function startAuthorization(request: AuthorizationRequest): PendingAuthorization {
  const oauth2 = oauth2For(request);
  const state = randomBytes(32).toString('base64url');
  const url = oauth2.getAuthorizationUrl({ scope: SCOPES, state });
  return { url, state, codeVerifier: oauth2.codeVerifier as string };
}

function sameState(received: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the expected length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return expected.length > 0 && timingSafeEqual(digest(received), digest(expected));
}

/** Step two: checks the state, then trades the code (and the PKCE verifier) for tokens and reads who connected. */
export async function completeAuthorization(
  callback: AuthorizationCallback,
): Promise<OrgConnection> {
  if (!sameState(callback.state, callback.expectedState)) {
    throw new OrgConnectionError(
      'state_mismatch',
      'The answer from Salesforce does not belong to a connection started here (the state does not match). Start connecting the org again.',
    );
  }
  const oauth2 = oauth2For(callback);
  oauth2.codeVerifier = callback.codeVerifier;
  const conn = new Connection({ oauth2, version: API_VERSION });
  const userInfo = await conn.authorize(callback.code);
  if (!conn.refreshToken) {
    throw new OrgConnectionError(
      'no_refresh_token',
      "Salesforce did not grant offline access. In the connected app's OAuth scopes, add 'Perform requests at any time (refresh_token, offline_access)', then connect again.",
    );
  }
  const identity = await conn.identity();
  return {
    loginUrl: oauth2.loginUrl,
    instanceUrl: conn.instanceUrl,
    accessToken: conn.accessToken as string,
    refreshToken: conn.refreshToken,
    orgId: userInfo.organizationId,
    userId: userInfo.id,
    username: identity.username,
  };
}

export interface RefreshTokenConnection extends ConnectedAppSettings {
  instanceUrl: string;
  refreshToken: string;
  accessToken?: string;
  /**
   * Called with every new access token (and a new refresh token when the org rotates them) before the
   * refreshed request goes on, so the caller can store them encrypted. If it throws, the request fails:
   * with refresh token rotation a lost token would disconnect the org.
   */
  onRefresh?: (accessToken: string, rotatedRefreshToken?: string) => void | Promise<void>;
}

function refreshSession(onRefresh: RefreshTokenConnection['onRefresh']) {
  return (
    conn: Connection,
    callback: (
      error: Error | null | undefined,
      accessToken?: string,
      response?: TokenResponse,
    ) => void,
  ) => {
    const refresh = async () => {
      if (!conn.refreshToken) throw new Error('There is no refresh token for this org.');
      const response = await conn.oauth2.refreshToken(conn.refreshToken);
      if (response.refresh_token) conn.refreshToken = response.refresh_token;
      if (response.instance_url) conn.instanceUrl = response.instance_url;
      await onRefresh?.(response.access_token, response.refresh_token);
      return response;
    };
    refresh().then(
      (response) => callback(null, response.access_token, response),
      (error: unknown) => callback(refreshErrorWithCode(error)),
    );
  };
}

/** A connection for a stored org: it renews its access token with the refresh token whenever Salesforce answers 401. */
export function connectWithRefreshToken(settings: RefreshTokenConnection): Connection {
  const oauth2 = new OAuth2({
    loginUrl: resolveLoginUrl(settings.loginUrl, settings.allowedLoginUrls),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
  });
  return new Connection({
    oauth2,
    version: API_VERSION,
    instanceUrl: settings.instanceUrl,
    accessToken: settings.accessToken,
    refreshToken: settings.refreshToken,
    refreshFn: refreshSession(settings.onRefresh),
  });
}
