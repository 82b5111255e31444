import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeContext, Fault, RecordedRequest } from './context';
import { sendApiError } from './http';
import {
  defaultConnectedApp,
  defaultOrg,
  defaultUsers,
  toUser,
  type ConnectedApp,
  type FakeUser,
  type FakeUserInput,
  type OrgSettings,
} from './org';
import { RecordStore, type RecordInput } from './records';
import { route } from './routes';
import {
  customField,
  standardSchema,
  type FieldType,
  type ObjectDescription,
  type RecordObject,
} from './schema';
import { SessionStore } from './sessions';

export interface SalesforceFakeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  connectedApp?: Partial<ConnectedApp>;
  org?: Partial<OrgSettings>;
  users?: FakeUserInput[];
  /** REST query page size when the client asks for none (Salesforce: 2000). */
  restBatchSize?: number;
  /** How many status checks a Bulk 2.0 query job takes to reach JobComplete. */
  bulkChecksUntilComplete?: number;
  /** Records per Bulk 2.0 result set when the client sends no maxRecords. */
  bulkDefaultPageSize?: number;
}

export type OrgChanges = Partial<Omit<OrgSettings, 'id'>> & { users?: FakeUserInput[] };

export interface FakeSession {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  orgId: string;
  userId: string;
  username: string;
}

export interface SalesforceFake {
  /** Both the login URL and the instance URL. */
  url: string;
  orgId: string;
  connectedApp: ConnectedApp;
  close(): Promise<void>;
  addRecords(objectType: RecordObject, records: Iterable<RecordInput>): string[];
  clearRecords(objectType: RecordObject): void;
  count(objectType: RecordObject): number;
  addFields(
    objectType: RecordObject,
    fields: Array<{ name: string; label?: string; type: FieldType; length?: number }>,
  ): void;
  setOrg(changes: OrgChanges): void;
  users(): FakeUser[];
  /** The user the authorize endpoint logs in when the request has no login_hint. */
  setLoginUser(username: string): void;
  /** The next authorize request is answered as if the user clicked "Deny". */
  denyNextAuthorization(): void;
  /** Tokens for a user without the browser round trip, as if they had connected earlier. */
  createSession(username?: string): FakeSession;
  revokeRefreshToken(token: string): void;
  expireAccessTokens(): void;
  /** Answer the next matching API call(s) with this error instead. */
  injectFault(fault: Omit<Fault, 'times'> & { times?: number }): void;
  requests(): RecordedRequest[];
  clearRequests(): void;
  apiRequestsUsed(): number;
}

function createContext(options: SalesforceFakeOptions): FakeContext {
  const org = { ...defaultOrg(), ...options.org };
  const schema = standardSchema();
  return {
    url: '',
    org,
    users: options.users?.map(toUser) ?? defaultUsers(),
    loginUsername: null,
    app: { ...defaultConnectedApp(), ...options.connectedApp },
    sessions: new SessionStore(() => org.id),
    records: new RecordStore((name) => schema.get(name) as ObjectDescription),
    schema,
    log: [],
    faults: [],
    apiRequestsUsed: 0,
    denyNextAuthorization: false,
    settings: {
      restBatchSize: options.restBatchSize ?? 2000,
      bulkChecksUntilComplete: options.bulkChecksUntilComplete ?? 2,
      bulkDefaultPageSize: options.bulkDefaultPageSize ?? 10_000,
    },
    cursors: new Map(),
    bulkJobs: new Map(),
    nextLocalId: 1,
  };
}

function serve(ctx: FakeContext): Server {
  return createServer((req, res) => {
    const entry: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0 };
    res.on('finish', () => {
      entry.status = res.statusCode;
      ctx.log.push(entry);
    });
    route(ctx, req, res)
      .then((grantType) => {
        if (grantType) entry.grantType = grantType;
      })
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        sendApiError(res, 500, {
          errorCode: 'UNKNOWN_EXCEPTION',
          message: error instanceof Error ? error.message : String(error),
        });
      });
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a Salesforce that speaks the OAuth, REST query, describe and Bulk API 2.0 wire formats on 127.0.0.1. */
export async function startSalesforceFake(
  options: SalesforceFakeOptions = {},
): Promise<SalesforceFake> {
  const ctx = createContext(options);
  const server = serve(ctx);
  const port = await listen(server, options.port ?? 0);
  ctx.url = `http://127.0.0.1:${port}`;

  const findUser = (username?: string): FakeUser => {
    const user =
      username === undefined ? ctx.users[0] : ctx.users.find((u) => u.username === username);
    if (!user) throw new Error(`The fake org has no user '${username ?? ''}'`);
    return user;
  };

  return {
    url: ctx.url,
    orgId: ctx.org.id,
    connectedApp: ctx.app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    addRecords: (objectType, records) => ctx.records.add(objectType, records),
    clearRecords: (objectType) => ctx.records.clear(objectType),
    count: (objectType) => ctx.records.count(objectType),
    addFields: (objectType, fields) => {
      const object = ctx.schema.get(objectType) as ObjectDescription;
      for (const spec of fields) object.fields.push(customField(spec));
    },
    setOrg: ({ users, ...changes }) => {
      Object.assign(ctx.org, changes);
      if (users) ctx.users = users.map(toUser);
    },
    users: () => ctx.users.map((user) => ({ ...user })),
    setLoginUser: (username) => {
      ctx.loginUsername = findUser(username).username;
    },
    denyNextAuthorization: () => {
      ctx.denyNextAuthorization = true;
    },
    createSession: (username) => {
      const user = findUser(username);
      const refreshToken = ctx.sessions.issueRefreshToken(
        user.id,
        ctx.app.clientId,
        'api refresh_token',
      );
      const accessToken = ctx.sessions.issueAccessToken(user.id, refreshToken);
      return {
        accessToken,
        refreshToken,
        instanceUrl: ctx.url,
        orgId: ctx.org.id,
        userId: user.id,
        username: user.username,
      };
    },
    revokeRefreshToken: (token) => {
      ctx.sessions.revoke(token);
    },
    expireAccessTokens: () => ctx.sessions.expireAccessTokens(),
    injectFault: ({ times = 1, ...fault }) => {
      ctx.faults.push({ ...fault, times });
    },
    requests: () => ctx.log.map((entry) => ({ ...entry })),
    clearRequests: () => {
      ctx.log.length = 0;
    },
    apiRequestsUsed: () => ctx.apiRequestsUsed,
  };
}
