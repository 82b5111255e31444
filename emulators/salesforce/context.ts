import type { ConnectedApp, FakeUser, OrgSettings } from './org';
import type { RecordStore } from './records';
import type { ObjectDescription, QueryableObject } from './schema';
import type { SessionStore } from './sessions';
import type { ResolvedQuery } from './soql/resolve';
import type { FakeRecord, RecordSource } from './soql/evaluate';

export interface RecordedRequest {
  method: string;
  /** Path and query string, e.g. `/services/data/v62.0/query?q=…`. */
  path: string;
  status: number;
  /** For the token endpoint: the grant_type asked for. */
  grantType?: string;
}

/** An error the fake answers instead of the real response, for the next `times` matching API calls. */
export interface Fault {
  status: number;
  errorCode: string;
  message: string;
  method?: string;
  path?: string | RegExp;
  times: number;
}

export interface QueryCursor {
  query: ResolvedQuery;
  rows: FakeRecord[];
  batchSize: number;
  source: RecordSource;
}

export type BulkJobState = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';

export interface BulkQueryJob {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: string;
  apiVersion: number;
  state: BulkJobState;
  checksUntilComplete: number;
  query: ResolvedQuery;
  rows: FakeRecord[];
  source: RecordSource;
  columnDelimiter: string;
  lineEnding: 'LF' | 'CRLF';
}

export interface FakeSettings {
  restBatchSize: number;
  bulkChecksUntilComplete: number;
  bulkDefaultPageSize: number;
}

/** Everything one running fake knows; route handlers read and change it. */
export interface FakeContext {
  url: string;
  org: OrgSettings;
  users: FakeUser[];
  loginUsername: string | null;
  app: ConnectedApp;
  sessions: SessionStore;
  records: RecordStore;
  schema: Map<QueryableObject, ObjectDescription>;
  log: RecordedRequest[];
  faults: Fault[];
  apiRequestsUsed: number;
  denyNextAuthorization: boolean;
  settings: FakeSettings;
  cursors: Map<string, QueryCursor>;
  bulkJobs: Map<string, BulkQueryJob>;
  nextLocalId: number;
}

export function describeObject(ctx: FakeContext, name: string): ObjectDescription | undefined {
  const lower = name.toLowerCase();
  for (const [key, description] of ctx.schema) if (key.toLowerCase() === lower) return description;
  return undefined;
}

export function userById(ctx: FakeContext, id: string): FakeUser | undefined {
  return ctx.users.find((user) => user.id === id);
}

export function identityUrl(ctx: FakeContext, user: FakeUser): string {
  return `${ctx.url}/id/${ctx.org.id}/${user.id}`;
}

export function salesforceDateTime(date: Date = new Date()): string {
  return date.toISOString().replace('Z', '+0000');
}
