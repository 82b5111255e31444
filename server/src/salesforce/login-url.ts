import { OrgConnectionError } from './connect-error';

export const LOGIN_URLS = {
  production: 'https://login.salesforce.com',
  sandbox: 'https://test.salesforce.com',
} as const;

function parse(loginUrl: string): URL {
  try {
    return new URL(loginUrl.trim());
  } catch {
    throw new OrgConnectionError(
      'invalid_login_url',
      `'${loginUrl}' is not a web address. Use ${LOGIN_URLS.production}, ${LOGIN_URLS.sandbox} or your My Domain address (https://<name>.my.salesforce.com).`,
    );
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origin to send users and token requests to. Only Salesforce hosts over https are accepted, so a
 * stored or typed login URL can never point the service's credentials at another server; tests and the
 * demo name their local fake in `allowedLoginUrls`.
 */
export function resolveLoginUrl(
  loginUrl: string,
  allowedLoginUrls: readonly string[] = [],
): string {
  const url = parse(loginUrl);
  const bare =
    (url.pathname === '/' || url.pathname === '') &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password;
  if (bare && allowedLoginUrls.some((allowed) => originOf(allowed) === url.origin))
    return url.origin;
  const problem = !bare
    ? 'must be just the address of the login server, without a path or parameters'
    : url.protocol !== 'https:'
      ? 'must use https'
      : url.port !== ''
        ? 'must not name a port'
        : !url.hostname.endsWith('.salesforce.com')
          ? 'must be a salesforce.com address'
          : null;
  if (problem) {
    throw new OrgConnectionError(
      'invalid_login_url',
      `The login URL '${loginUrl}' ${problem}. Use ${LOGIN_URLS.production}, ${LOGIN_URLS.sandbox} or your My Domain address (https://<name>.my.salesforce.com).`,
    );
  }
  return url.origin;
}
