import type { Connection } from 'jsforce';
import type { SalesforceSettings } from '../config';
import { RequestError, notFound } from '../errors';
import type { Logger } from '../logger';
import {
  LOGIN_URLS,
  OrgConnectionError,
  checkAccess,
  connectWithJwt,
  connectWithRefreshToken,
  explainSalesforceError,
  resolveLoginUrl,
  type AccessReport,
  type SalesforceProblem,
} from '../salesforce';
import type { SecretBox } from '../security/secrets';
import type { NewSalesforceConnection, Org, SalesforceConnection, Store } from '../store/contract';
import { RefreshLimit } from './refresh-limit';
import { accessAnswer, refusedBeforeChecking, type AccessAnswer } from './salesforce-access';
import { salesforceId18 } from './salesforce-id';

/** What a finished connection says about itself: which org, as whom, where. */
export interface ConnectedOrg {
  orgId: string;
  username: string;
  instanceUrl: string;
  method: SalesforceConnection['method'];
}

export interface JwtConnectRequest {
  loginUrl: string;
  clientId: string;
  username: string;
  privateKeyPem: string;
}

export type SalesforceConnectionSettings = Pick<
  SalesforceSettings,
  'clientId' | 'clientSecret' | 'allowedLoginUrls'
>;

/**
 * The orgs' Salesforce connections: stored with every secret sealed, opened as jsforce
 * connections whose refreshed tokens are sealed and stored again, and marked for reconnecting
 * when Salesforce stops accepting them.
 */
export class SalesforceConnections {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly settings: SalesforceConnectionSettings,
    private readonly log: Logger,
  ) {}

  /** `production`, `sandbox` or a My Domain address, checked against Salesforce's hosts and the allow-list. */
  loginUrlFor(choice: string): string {
    const named = (LOGIN_URLS as Record<string, string>)[choice.trim().toLowerCase()];
    try {
      return resolveLoginUrl(named ?? choice, this.settings.allowedLoginUrls);
    } catch (error) {
      if (error instanceof OrgConnectionError)
        throw new RequestError(400, error.code, error.message);
      throw error;
    }
  }

  /** The registered org, by its 15- or 18-character id. */
  async requireOrg(orgIdInput: string): Promise<Org> {
    const orgId = salesforceId18(orgIdInput);
    const org = orgId ? await this.store.getOrg(orgId) : null;
    if (!org) throw notFound(`The org ${orgIdInput}`);
    return org;
  }

  /** The service's connected app, and the login origins it may be sent to. */
  connectedApp(): { clientId: string; clientSecret?: string; allowedLoginUrls: readonly string[] } {
    if (!this.settings.clientId) {
      throw new RequestError(
        409,
        'salesforce_not_configured',
        'The service has no Salesforce connected app yet: set SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (Setup → App Manager → the connected app → View) and restart it.',
      );
    }
    return {
      clientId: this.settings.clientId,
      ...(this.settings.clientSecret ? { clientSecret: this.settings.clientSecret } : {}),
      allowedLoginUrls: this.settings.allowedLoginUrls,
    };
  }

  /** Keeps a connection that was just made, after checking that it reaches the registered org. */
  async save(
    org: Org,
    connection: NewSalesforceConnection,
    connectedOrgId: string,
  ): Promise<ConnectedOrg> {
    if (salesforceId18(connectedOrgId) !== org.orgId) {
      throw new RequestError(
        409,
        'wrong_org',
        `${connection.username} belongs to the Salesforce org ${connectedOrgId}, but this connection was started for the org ${org.orgId}. Log in to the right org (for a sandbox choose the sandbox login) and connect again.`,
        {
          fixSteps: [
            'Log out of Salesforce in this browser, or use a private window.',
            'Start connecting again and log in as a user of the registered org.',
          ],
        },
      );
    }
    await this.store.saveSalesforceConnection(connection);
    this.log.info('salesforce connected', {
      orgId: org.orgId,
      method: connection.method,
      username: connection.username,
    });
    return {
      orgId: org.orgId,
      username: connection.username,
      instanceUrl: connection.instanceUrl,
      method: connection.method,
    };
  }

  /** Server-to-server: the JWT bearer flow with the connected app's certificate key. */
  async connectJwt(orgIdInput: string, request: JwtConnectRequest): Promise<ConnectedOrg> {
    const org = await this.requireOrg(orgIdInput);
    const loginUrl = this.loginUrlFor(request.loginUrl);
    let conn: Connection;
    let identity: { organization_id: string; user_id: string; username: string };
    try {
      conn = await connectWithJwt({
        ...request,
        loginUrl,
        allowedLoginUrls: this.settings.allowedLoginUrls,
      });
      identity = await conn.identity();
    } catch (error) {
      throw refusal(explainSalesforceError(error));
    }
    return this.save(
      org,
      {
        orgId: org.orgId,
        method: 'jwt',
        loginUrl,
        instanceUrl: conn.instanceUrl,
        userId: identity.user_id,
        username: identity.username,
        clientId: request.clientId,
        refreshTokenSealed: null,
        accessTokenSealed: conn.accessToken ? this.box.seal(conn.accessToken) : null,
        privateKeySealed: this.box.seal(request.privateKeyPem),
      },
      identity.organization_id,
    );
  }

  async requireConnection(org: Org): Promise<SalesforceConnection> {
    const stored = await this.store.getSalesforceConnection(org.orgId);
    if (!stored) {
      throw new RequestError(
        409,
        'salesforce_not_connected',
        `The org ${org.orgId} is not connected to Salesforce yet. Connect it: npm run cli -- connect --org ${org.orgId} (or POST /v1/orgs/${org.orgId}/salesforce/authorize).`,
      );
    }
    return stored;
  }

  /** A jsforce connection for the org; new access tokens (and rotated refresh tokens) are stored sealed. */
  async open(stored: SalesforceConnection): Promise<Connection> {
    let conn: Connection | undefined;
    const limit = new RefreshLimit(() => conn);
    const storeTokens = async (accessToken: string, rotatedRefreshToken?: string) => {
      await this.store.updateSalesforceTokens(stored.orgId, {
        accessTokenSealed: this.box.seal(accessToken),
        ...(rotatedRefreshToken ? { refreshTokenSealed: this.box.seal(rotatedRefreshToken) } : {}),
      });
      limit.record();
    };
    if (stored.method === 'jwt') {
      conn = await connectWithJwt({
        loginUrl: stored.loginUrl,
        clientId: stored.clientId ?? '',
        username: stored.username,
        privateKeyPem: this.box.open(stored.privateKeySealed ?? ''),
        allowedLoginUrls: this.settings.allowedLoginUrls,
        onRefresh: storeTokens,
      });
      if (conn.accessToken) await storeTokens(conn.accessToken);
      return conn;
    }
    conn = connectWithRefreshToken({
      loginUrl: stored.loginUrl,
      ...this.connectedApp(),
      instanceUrl: stored.instanceUrl,
      refreshToken: this.box.open(stored.refreshTokenSealed ?? ''),
      ...(stored.accessTokenSealed ? { accessToken: this.box.open(stored.accessTokenSealed) } : {}),
      onRefresh: storeTokens,
    });
    return conn;
  }

  /** Explains a Salesforce failure, and remembers on the connection when the org must be connected again. */
  async problem(orgId: string, error: unknown): Promise<SalesforceProblem> {
    return this.remember(orgId, explainSalesforceError(error));
  }

  private async remember(orgId: string, problem: SalesforceProblem): Promise<SalesforceProblem> {
    if (problem.reconnect) {
      await this.store.setSalesforceReconnect(orgId, problem.message);
      this.log.warn('salesforce connection needs reconnecting', { orgId, code: problem.code });
    }
    return problem;
  }

  /** Edition, "API Enabled", API-only user and the API's own answer, from the service's side. */
  async checkAccess(orgIdInput: string): Promise<AccessAnswer> {
    const org = await this.requireOrg(orgIdInput);
    const stored = await this.requireConnection(org);
    let report: AccessReport;
    try {
      report = await checkAccess(await this.open(stored));
    } catch (error) {
      if (error instanceof RequestError) throw error;
      report = refusedBeforeChecking(explainSalesforceError(error));
    }
    if (report.problem) await this.remember(org.orgId, report.problem);
    else if (report.ok && stored.reconnectReason)
      await this.store.setSalesforceReconnect(org.orgId, null);
    const current = (await this.store.getSalesforceConnection(org.orgId)) ?? stored;
    return accessAnswer(org.orgId, current, report);
  }
}

/** Salesforce refused to connect: a 400 with Salesforce's reason put for people, and what to do. */
export function refusal(problem: SalesforceProblem): RequestError {
  return new RequestError(400, problem.code, problem.message, {
    fixSteps: problem.fixSteps,
    reconnect: problem.reconnect,
  });
}
