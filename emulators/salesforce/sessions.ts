import { createHash, randomBytes } from 'node:crypto';

export interface AuthorizationCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  codeChallengeMethod: string;
  scope: string;
  expiresAt: number;
}

interface AccessSession {
  userId: string;
  refreshToken: string | null;
}

interface RefreshGrant {
  userId: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

const CODE_LIFETIME_MS = 15 * 60 * 1000;

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Authorization codes, access tokens and refresh tokens the fake has issued. */
export class SessionStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, AccessSession>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  constructor(private readonly orgId: () => string) {}

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = `aPr${token(24)}`;
    this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Codes are single use: taking one removes it, whether or not the caller then accepts it. */
  takeCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt < Date.now()) return undefined;
    return grant;
  }

  issueAccessToken(userId: string, refreshToken: string | null): string {
    const accessToken = `${this.orgId().slice(0, 15)}!${token(48)}`;
    this.accessTokens.set(accessToken, { userId, refreshToken });
    return accessToken;
  }

  issueRefreshToken(userId: string, clientId: string, scope: string): string {
    const refreshToken = `5Aep${token(48)}`;
    this.refreshTokens.set(refreshToken, { userId, clientId, scope, revoked: false });
    return refreshToken;
  }

  userForAccessToken(accessToken: string): string | undefined {
    return this.accessTokens.get(accessToken)?.userId;
  }

  refreshGrant(refreshToken: string): RefreshGrant | undefined {
    const grant = this.refreshTokens.get(refreshToken);
    return grant && !grant.revoked ? grant : undefined;
  }

  /** Revoking a refresh token also ends every access token issued from it, as Salesforce does. */
  revoke(tokenValue: string): boolean {
    const grant = this.refreshTokens.get(tokenValue);
    if (grant) {
      grant.revoked = true;
      for (const [accessToken, session] of this.accessTokens) {
        if (session.refreshToken === tokenValue) this.accessTokens.delete(accessToken);
      }
      return true;
    }
    return this.accessTokens.delete(tokenValue);
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }
}

/** PKCE check: S256 compares base64url(sha256(verifier)); plain compares the strings. */
export function verifierMatches(verifier: string, challenge: string, method: string): boolean {
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
