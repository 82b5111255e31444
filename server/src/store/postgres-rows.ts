import type { MappingFields, ObjectType } from '../mapping';
import type {
  FeedItem,
  Job,
  LedgerEntry,
  Org,
  PendingSalesforceAuthorization,
  RecordResult,
  RecordStatus,
  SalesforceConnection,
  SavedMapping,
} from './contract';

/**
 * PostgreSQL rows as `pg` hands them over: BIGINT and COUNT as strings, TIMESTAMPTZ as Date,
 * JSON already parsed, BOOLEAN as boolean.
 */
export type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value == null ? null : String(value));
const integer = (value: unknown): number | null => (value == null ? null : Number(value));
const instant = (value: unknown): string | null =>
  value == null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(String(value)).toISOString();

export function toOrg(row: Row): Org {
  return {
    orgId: String(row.org_id),
    billomatId: String(row.billomat_id),
    billomatApiKeySealed: String(row.billomat_api_key_sealed),
    billomatAppId: text(row.billomat_app_id),
    billomatAppSecretSealed: text(row.billomat_app_secret_sealed),
    createdAt: instant(row.created_at) ?? '',
  };
}

export function toMapping(row: Row): SavedMapping {
  return {
    objectType: row.object_type as ObjectType,
    version: Number(row.version),
    fields: row.fields as MappingFields,
    savedAt: instant(row.saved_at) ?? '',
  };
}

export function toJob(row: Row): Job {
  return {
    jobId: String(row.job_id),
    orgId: String(row.org_id),
    objectType: row.object_type as ObjectType,
    mappingVersion: Number(row.mapping_version),
    state: row.state as Job['state'],
    message: text(row.message),
    source: row.source as Job['source'],
    expectMore: row.expect_more === true,
    expectedTotal: integer(row.expected_total),
    createdAt: instant(row.created_at) ?? '',
    startedAt: instant(row.started_at),
    finishedAt: instant(row.finished_at),
  };
}

export function toResult(row: Row): RecordResult {
  return {
    sfId: String(row.sf_id),
    status: row.status as RecordStatus,
    billomatId: integer(row.billomat_id),
    billomatNumber: text(row.billomat_number),
    message: text(row.message),
    finishedAt: instant(row.finished_at),
  };
}

export function toFeedItem(row: Row): FeedItem {
  return {
    ...toResult(row),
    cursor: Number(row.result_seq),
    jobId: String(row.job_id),
    objectType: row.object_type as ObjectType,
  };
}

export function toLedger(row: Row): LedgerEntry {
  return {
    sfId: String(row.sf_id),
    billomatClientId: integer(row.billomat_client_id),
    billomatNumber: text(row.billomat_number),
    fingerprint: text(row.fingerprint),
    state: row.state as LedgerEntry['state'],
    owner: text(row.owner),
    leaseUntil: integer(row.lease_until),
    lastJobId: text(row.last_job_id),
    lastStatus: text(row.last_status) as 'created' | 'updated' | null,
  };
}

export function toSalesforceConnection(row: Row): SalesforceConnection {
  return {
    orgId: String(row.org_id),
    method: row.method as SalesforceConnection['method'],
    loginUrl: String(row.login_url),
    instanceUrl: String(row.instance_url),
    userId: String(row.user_id),
    username: String(row.username),
    clientId: text(row.client_id),
    refreshTokenSealed: text(row.refresh_token_sealed),
    accessTokenSealed: text(row.access_token_sealed),
    privateKeySealed: text(row.private_key_sealed),
    reconnectReason: text(row.reconnect_reason),
    connectedAt: instant(row.connected_at) ?? '',
    updatedAt: instant(row.updated_at) ?? '',
  };
}

export function toPendingAuthorization(row: Row): PendingSalesforceAuthorization {
  return {
    stateHash: String(row.state_hash),
    orgId: String(row.org_id),
    loginUrl: String(row.login_url),
    redirectUri: String(row.redirect_uri),
    codeVerifierSealed: String(row.code_verifier_sealed),
    expiresAt: Number(row.expires_at),
  };
}
