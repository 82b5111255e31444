import type { MappingFields, ObjectType } from '../mapping';

/**
 * The one storage contract. SQLite (embedded default) and PostgreSQL (several service
 * instances) implement it; nothing outside `store/` knows which one runs.
 *
 * Work is handed out as claims with leases: a worker claims a pending record until
 * `leaseUntil`; a crashed worker's claims simply expire and another worker takes them.
 */

export type JobState = 'queued' | 'running' | 'completed' | 'blocked';
export type RecordStatus = 'pending' | 'created' | 'updated' | 'unchanged' | 'failed';
export type PushSource = 'admin' | 'record-action' | 'pull' | 'api';

export interface Org {
  orgId: string;
  billomatId: string;
  /** Sealed (encrypted) Billomat credentials; opened only by the worker. */
  billomatApiKeySealed: string;
  billomatAppId: string | null;
  billomatAppSecretSealed: string | null;
  createdAt: string;
}

export interface NewOrg {
  orgId: string;
  billomatId: string;
  billomatApiKeySealed: string;
  billomatAppId: string | null;
  billomatAppSecretSealed: string | null;
  tokenHash: string;
}

export interface SavedMapping {
  objectType: ObjectType;
  version: number;
  fields: MappingFields;
  savedAt: string;
}

export interface Job {
  jobId: string;
  orgId: string;
  objectType: ObjectType;
  mappingVersion: number;
  state: JobState;
  message: string | null;
  source: PushSource;
  expectMore: boolean;
  expectedTotal: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobCounts {
  total: number;
  pending: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Records finished in the last few minutes, for the rate. */
  finishedRecently: number;
  /** Billomat calls the finished records needed (created + updated), for the ETA. */
  calls: number;
}

export interface PushRecord {
  sfId: string;
  payload: Record<string, unknown>;
}

export interface RecordResult {
  sfId: string;
  status: RecordStatus;
  billomatId: number | null;
  billomatNumber: string | null;
  message: string | null;
  finishedAt: string | null;
}

export interface FeedItem extends RecordResult {
  cursor: number;
  jobId: string;
  objectType: ObjectType;
}

/** A record handed to a worker, with everything needed to process it. */
export interface ClaimedRecord {
  jobId: string;
  seq: number;
  orgId: string;
  objectType: ObjectType;
  mappingVersion: number;
  sfId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface LedgerEntry {
  sfId: string;
  billomatClientId: number | null;
  billomatNumber: string | null;
  fingerprint: string | null;
  /** `creating`: a create was started and its outcome is not yet recorded. */
  state: 'creating' | 'done';
  owner: string | null;
  leaseUntil: number | null;
  /** The job that last wrote the customer, and what it did: a restarted job reports it again. */
  lastJobId: string | null;
  lastStatus: 'created' | 'updated' | null;
}

/** Ledger key: one Billomat customer per Salesforce record, per org and Billomat account. */
export interface LedgerKey {
  orgId: string;
  billomatId: string;
  sfId: string;
}

export interface LedgerWrite {
  billomatClientId: number;
  billomatNumber: string | null;
  fingerprint: string;
  jobId: string;
  status: 'created' | 'updated';
}

export type SalesforceAuthMethod = 'oauth' | 'jwt';

/**
 * How the service reaches an org's Salesforce API. Every secret is sealed with the secret box:
 * the refresh and access tokens (OAuth), the private key and the last access token (JWT).
 */
export interface SalesforceConnection {
  orgId: string;
  method: SalesforceAuthMethod;
  loginUrl: string;
  instanceUrl: string;
  userId: string;
  username: string;
  /** The connected app's consumer key for a JWT connection; OAuth uses the service's configured app. */
  clientId: string | null;
  refreshTokenSealed: string | null;
  accessTokenSealed: string | null;
  privateKeySealed: string | null;
  /** Set when Salesforce stopped accepting the connection (e.g. a revoked refresh token): connect again. */
  reconnectReason: string | null;
  connectedAt: string;
  updatedAt: string;
}

export type NewSalesforceConnection = Omit<SalesforceConnection, 'reconnectReason' | 'connectedAt' | 'updatedAt'>;

/** A started OAuth authorization, waiting for the browser to come back with `state` (kept only as a hash). */
export interface PendingSalesforceAuthorization {
  stateHash: string;
  orgId: string;
  loginUrl: string;
  redirectUri: string;
  codeVerifierSealed: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type CreateJobOutcome =
  | { kind: 'created'; job: Job }
  | { kind: 'replayed'; job: Job }
  | { kind: 'conflict'; job: Job };

export interface NewJob {
  orgId: string;
  objectType: ObjectType;
  mappingVersion: number;
  source: PushSource;
  expectMore: boolean;
  expectedTotal: number | null;
  idempotencyKey: string;
  requestHash: string;
  records: PushRecord[];
}

export type AppendOutcome = 'appended' | 'replayed' | 'conflict' | 'closed' | 'not_found';

export interface FinishRecord {
  jobId: string;
  seq: number;
  owner: string;
  status: Exclude<RecordStatus, 'pending'>;
  billomatId: number | null;
  billomatNumber: string | null;
  message: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;

  // Orgs
  addOrg(org: NewOrg): Promise<'added' | 'exists'>;
  updateOrgCredentials(
    orgId: string,
    update: Pick<NewOrg, 'billomatId' | 'billomatApiKeySealed' | 'billomatAppId' | 'billomatAppSecretSealed'>,
  ): Promise<boolean>;
  replaceOrgToken(orgId: string, tokenHash: string): Promise<boolean>;
  findOrgByTokenHash(tokenHash: string): Promise<(Org & { tokenHash: string }) | null>;
  getOrg(orgId: string): Promise<Org | null>;
  listOrgs(): Promise<Org[]>;

  // Salesforce connections (one per org) and the OAuth authorizations under way
  /** Stores the org's connection, replacing an earlier one and clearing its reconnect reason. */
  saveSalesforceConnection(connection: NewSalesforceConnection): Promise<void>;
  getSalesforceConnection(orgId: string): Promise<SalesforceConnection | null>;
  /** After a token refresh: the new access token, and the refresh token when Salesforce rotated it. */
  updateSalesforceTokens(
    orgId: string,
    tokens: { accessTokenSealed: string; refreshTokenSealed?: string },
  ): Promise<boolean>;
  /** Why the org must be connected again, or null once the connection works again. */
  setSalesforceReconnect(orgId: string, reason: string | null): Promise<boolean>;
  /** Stores a started authorization and drops those that expired before `now`. */
  savePendingAuthorization(pending: PendingSalesforceAuthorization, now: number): Promise<void>;
  /** Hands the authorization out once: a second call with the same state, from any instance, gets null. */
  takePendingAuthorization(stateHash: string): Promise<PendingSalesforceAuthorization | null>;

  // Mappings (versioned; old versions stay so jobs can name the one they used)
  saveMapping(orgId: string, objectType: ObjectType, fields: MappingFields): Promise<SavedMapping>;
  latestMapping(orgId: string, objectType: ObjectType): Promise<SavedMapping | null>;
  mappingVersion(orgId: string, objectType: ObjectType, version: number): Promise<SavedMapping | null>;

  // Jobs
  /** Stores the job and all its records in one transaction; replays by idempotency key. */
  createJob(job: NewJob): Promise<CreateJobOutcome>;
  appendRecords(
    orgId: string,
    jobId: string,
    chunk: { idempotencyKey: string; requestHash: string; records: PushRecord[]; expectMore: boolean },
  ): Promise<AppendOutcome>;
  getJob(orgId: string, jobId: string): Promise<Job | null>;
  listJobs(orgId: string, limit: number): Promise<Job[]>;
  jobCounts(jobId: string, recentSinceMs: number): Promise<JobCounts>;
  jobResults(
    jobId: string,
    page: { offset: number; limit: number; status?: RecordStatus },
  ): Promise<{ total: number; items: RecordResult[] }>;
  failedSfIds(jobId: string): Promise<string[]>;
  /** Puts failed records back to pending (with fresh data where given); returns how many. */
  retryFailed(
    orgId: string,
    jobId: string,
    mappingVersion: number,
    freshPayloads: Map<string, Record<string, unknown>>,
  ): Promise<number>;
  blockJobsOfOrg(orgId: string, message: string): Promise<void>;
  /**
   * Closes pushes opened with expectMore that got no chunk for `idleMs` (e.g. a Batch Apex job
   * whose finish never arrived), so they can complete; returns how many.
   */
  closeIdlePushes(idleMs: number, message: string): Promise<number>;
  unblockJobsOfOrg(orgId: string): Promise<number>;

  // Work
  /** Claims up to `limit` pending records whose lease is free, oldest job first. */
  claimRecords(owner: string, leaseMs: number, limit: number, skipOrgs: string[]): Promise<ClaimedRecord[]>;
  extendLease(owner: string, jobId: string, seq: number, leaseMs: number): Promise<boolean>;
  /** Returns the record to pending for another try later (e.g. ledger busy). */
  releaseRecord(owner: string, jobId: string, seq: number, delayMs: number, countAttempt: boolean): Promise<void>;
  finishRecord(result: FinishRecord): Promise<boolean>;
  /** Moves finished jobs to `completed`, running ones to `running`. */
  settleJob(jobId: string): Promise<Job | null>;

  // Ledger
  ledgerGet(key: LedgerKey): Promise<LedgerEntry | null>;
  /**
   * Takes the right to create the Billomat customer for this record: `fresh` when no entry
   * existed (a `creating` entry is now held), `takeover` when a `creating` entry's lease had
   * expired (a create may or may not have reached Billomat: look it up first), `busy` when
   * another worker holds it, `done` when the customer already exists.
   */
  ledgerBeginCreate(key: LedgerKey, owner: string, leaseMs: number): Promise<'fresh' | 'takeover' | 'busy' | 'done'>;
  ledgerRecord(key: LedgerKey, entry: LedgerWrite): Promise<void>;
  ledgerAbandonCreate(key: LedgerKey, owner: string): Promise<void>;
  /** Drops a `done` entry whose Billomat customer was deleted in Billomat. */
  ledgerForget(key: LedgerKey, billomatClientId: number): Promise<void>;
  ledgerSize(orgId: string, billomatId: string): Promise<number>;

  // Results feed for the org's scheduled write-back
  resultsAfter(orgId: string, cursor: number, limit: number): Promise<FeedItem[]>;
}
