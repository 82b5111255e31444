import type { MappingFields, ObjectType } from '../mapping';
import type {
  FeedItem,
  Job,
  LedgerEntry,
  Org,
  RecordResult,
  RecordStatus,
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
