import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { Connection, OAuth2, type TokenResponse } from 'jsforce';
import { API_VERSION } from './api-version';
import { OrgConnectionError } from './connect-error';
import { LOGIN_URLS, resolveLoginUrl } from './login-url';
import { refreshErrorWithCode } from './refresh-error';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce accepts assertions that expire at most a few minutes ahead. */
const ASSERTION_LIFETIME_S = 180;

export interface JwtConnectionSettings {
  loginUrl: string;
  /** The connected app's consumer key. */
  clientId: string;
  /** The Salesforce user the service acts as (pre-authorised for the connected app). */
  username: string;
  /** PKCS#8 or PKCS#1 PEM of the key whose certificate is uploaded to the connected app. */
  privateKeyPem: string;
  /** The `aud` claim; by default derived from the login URL. */
  audience?: string;
  allowedLoginUrls?: readonly string[];
  onRefresh?: (accessToken: string) => void | Promise<void>;
}

/** Salesforce wants the generic login host as audience, also when the token request goes to a My Domain. */
export function jwtAudience(loginUrl: string): string {
  const host = new URL(loginUrl).hostname;
  if (host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com'))
    return LOGIN_URLS.sandbox;
  if (host.endsWith('.salesforce.com')) return LOGIN_URLS.production;
  return new URL(loginUrl).origin;
}

function privateKey(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new OrgConnectionError(
      'invalid_private_key',
      'The private key for the JWT connection could not be read. Provide the RSA private key as PEM text.',
    );
  }
}

/** An RS256-signed JWT bearer assertion: iss = consumer key, sub = username, aud, exp. */
export function signJwtAssertion(
  claims: { clientId: string; username: string; audience: string; privateKeyPem: string },
  now = Date.now(),
): string {
  const key = privateKey(claims.privateKeyPem);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg: 'RS256' })}.${encode({ iss: claims.clientId, sub: claims.username, aud: claims.audience, exp: Math.floor(now / 1000) + ASSERTION_LIFETIME_S })}`;
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
}

/**
 * A connection through the JWT bearer flow. The flow has no refresh token: when the access token
 * expires the connection signs a fresh assertion and asks again.
 */
export async function connectWithJwt(settings: JwtConnectionSettings): Promise<Connection> {
  const loginUrl = resolveLoginUrl(settings.loginUrl, settings.allowedLoginUrls);
  const audience = settings.audience ?? jwtAudience(loginUrl);
  const requestToken = (oauth2: OAuth2): Promise<TokenResponse> =>
    oauth2.requestToken({
      grant_type: JWT_BEARER,
      assertion: signJwtAssertion({ ...settings, audience }),
    });

  const conn: Connection = new Connection({
    oauth2: new OAuth2({ loginUrl }),
    version: API_VERSION,
    refreshFn: (connection, callback) => {
      requestToken(connection.oauth2)
        .then(async (response) => {
          if (response.instance_url) connection.instanceUrl = response.instance_url;
          await settings.onRefresh?.(response.access_token);
          callback(null, response.access_token, response);
        })
        .catch((error: unknown) => callback(refreshErrorWithCode(error)));
    },
  });
  await conn.authorize({
    grant_type: JWT_BEARER,
    assertion: signJwtAssertion({ ...settings, audience }),
  });
  return conn;
}
