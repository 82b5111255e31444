import { OAuth2 } from 'jsforce';
import { RequestError } from '../errors';
import {
  completeAuthorization,
  explainSalesforceError,
  startAuthorization,
  type OrgConnection,
} from '../salesforce';
import { sha256Hex, type SecretBox } from '../security/secrets';
import type { PendingSalesforceAuthorization, Store } from '../store/contract';
import { refusal, type ConnectedOrg, type SalesforceConnections } from './salesforce-connections';

/** How long the admin has between opening the authorize URL and coming back. */
export const AUTHORIZATION_LIFETIME_MS = 10 * 60_000;

/** What Salesforce appends to the callback URL. */
export interface CallbackParameters {
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
}

const START_AGAIN = 'Start connecting the org again (npm run cli -- connect --org <org id>).';

/**
 * The OAuth web server flow with PKCE across the browser round trip. The state and the sealed
 * code verifier wait in the store, not in memory, so the callback may reach another instance,
 * or this one after a restart; each state is handed out once.
 */
export class SalesforceAuthorizations {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly connections: SalesforceConnections,
    private readonly redirectUri: () => string | null,
  ) {}

  /** The Salesforce login page to open in a browser for this org. */
  async start(
    orgIdInput: string,
    loginChoice: string,
    now = Date.now(),
  ): Promise<{ url: string; expiresAt: string }> {
    const org = await this.connections.requireOrg(orgIdInput);
    const app = this.connections.connectedApp();
    const loginUrl = this.connections.loginUrlFor(loginChoice);
    const redirectUri = this.redirectUri();
    if (!redirectUri) {
      throw new RequestError(
        409,
        'salesforce_not_configured',
        "Set SALESFORCE_REDIRECT_URI to the service's callback address (https://<service>/v1/oauth/callback), as listed in the connected app.",
      );
    }
    const pending = startAuthorization({ ...app, loginUrl, redirectUri });
    const expiresAt = now + AUTHORIZATION_LIFETIME_MS;
    await this.store.savePendingAuthorization(
      {
        stateHash: sha256Hex(pending.state),
        orgId: org.orgId,
        loginUrl,
        redirectUri,
        codeVerifierSealed: this.box.seal(pending.codeVerifier),
        expiresAt,
      },
      now,
    );
    return { url: pending.url, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The browser came back: check the state, trade the code with the PKCE verifier, store the connection. */
  async complete(callback: CallbackParameters, now = Date.now()): Promise<ConnectedOrg> {
    const pending = callback.state
      ? await this.store.takePendingAuthorization(sha256Hex(callback.state))
      : null;
    if (!pending || !callback.state) {
      throw new RequestError(
        400,
        'state_mismatch',
        'This answer from Salesforce does not belong to a connection started here, or it was used already.',
        { fixSteps: [START_AGAIN] },
      );
    }
    if (pending.expiresAt < now) {
      throw new RequestError(
        400,
        'authorization_expired',
        'This connection was started more than 10 minutes ago and has expired.',
        {
          fixSteps: [START_AGAIN],
        },
      );
    }
    if (callback.error) {
      const answer = Object.assign(new Error(callback.errorDescription ?? callback.error), {
        name: callback.error,
      });
      throw refusal(explainSalesforceError(answer));
    }
    if (!callback.code) {
      throw new RequestError(400, 'missing_code', 'Salesforce sent no authorization code.', {
        fixSteps: [START_AGAIN],
      });
    }
    const org = await this.connections.requireOrg(pending.orgId);
    const connection = await this.exchange(pending, callback.code, callback.state);
    try {
      return await this.connections.save(
        org,
        {
          orgId: org.orgId,
          method: 'oauth',
          loginUrl: connection.loginUrl,
          instanceUrl: connection.instanceUrl,
          userId: connection.userId,
          username: connection.username,
          clientId: null,
          refreshTokenSealed: this.box.seal(connection.refreshToken),
          accessTokenSealed: this.box.seal(connection.accessToken),
          privateKeySealed: null,
        },
        connection.orgId,
      );
    } catch (error) {
      // A connection to the wrong org is not kept; its token should not stay valid either.
      await this.revoke(pending.loginUrl, connection.refreshToken);
      throw error;
    }
  }

  private async exchange(
    pending: PendingSalesforceAuthorization,
    code: string,
    state: string,
  ): Promise<OrgConnection> {
    const app = this.connections.connectedApp();
    try {
      return await completeAuthorization({
        ...app,
        loginUrl: pending.loginUrl,
        redirectUri: pending.redirectUri,
        code,
        // Finding the stored authorization by the hash of the state was the state check.
        state,
        expectedState: state,
        codeVerifier: this.box.open(pending.codeVerifierSealed),
      });
    } catch (error) {
      const problem = explainSalesforceError(error);
      // invalid_grant here is about the code, not a revoked refresh token as everywhere else.
      if (problem.code === 'invalid_grant') {
        const detail = error instanceof Error ? error.message : String(error);
        throw new RequestError(
          400,
          'invalid_grant',
          `Salesforce did not accept the authorization code (${detail}).`,
          {
            fixSteps: [START_AGAIN],
          },
        );
      }
      throw refusal(problem);
    }
  }

  private async revoke(loginUrl: string, token: string): Promise<void> {
    await new OAuth2({ loginUrl }).revokeToken(token).catch(() => undefined);
  }
}
