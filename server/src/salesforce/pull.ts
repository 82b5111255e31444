import type { Connection } from 'jsforce';
import { bulkQueryPages, type BulkQueryOptions } from './bulk-query';
import { resolveFields, type FieldPath } from './describe';
import type { ValidatedFilter } from './filter';
import { fromCsvRow, fromRestRecord, type SalesforceRecord } from './records';

export type PullObjectType = 'Account' | 'Contact';

export interface PullOptions {
  objectType: PullObjectType;
  /** Field API names; parent fields as `Account.Name`. `Id` is always included. */
  fields: readonly string[];
  where?: ValidatedFilter;
  /** From this many matching records on, the pull uses Bulk API 2.0 instead of REST queries. */
  bulkThreshold?: number;
  /** Records per yielded batch. */
  batchSize?: number;
  bulk?: Partial<BulkQueryOptions>;
  /** Told the number of matching records and the API chosen, before the first batch. */
  onCount?: (total: number, api: 'rest' | 'bulk') => void;
}

export interface CountOptions {
  objectType: PullObjectType;
  where?: ValidatedFilter;
}

const BULK_DEFAULTS: BulkQueryOptions = {
  pollIntervalMs: 2_000,
  pollTimeoutMs: 15 * 60_000,
  pageSize: 10_000,
};

const OBJECT_TYPES: readonly string[] = ['Account', 'Contact'] satisfies PullObjectType[];

/** The object name goes into SOQL as is, so callers typed loosely (CLI, HTTP) must not pass anything else. */
function checkObjectType(objectType: string): void {
  if (!OBJECT_TYPES.includes(objectType))
    throw new RangeError(`Pulls read Accounts or Contacts, not '${objectType}'`);
}

function whereClause(where: ValidatedFilter | undefined): string {
  return where ? ` WHERE ${where.soql}` : '';
}

export async function countRecords(
  conn: Connection,
  { objectType, where }: CountOptions,
): Promise<number> {
  checkObjectType(objectType);
  const result = await conn.query(`SELECT COUNT() FROM ${objectType}${whereClause(where)}`);
  return result.totalSize;
}

function* inBatches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

async function* restBatches(
  conn: Connection,
  soql: string,
  batchSize: number,
): AsyncGenerator<SalesforceRecord[]> {
  // Salesforce takes the page size as a hint between 200 and 2000; batches are cut to batchSize here anyway.
  const headers = {
    'Sforce-Query-Options': `batchSize=${Math.min(2000, Math.max(200, batchSize))}`,
  };
  let page = await conn.query<Record<string, unknown>>(soql, { autoFetch: false, headers });
  for (;;) {
    yield* inBatches(page.records.map(fromRestRecord), batchSize);
    if (page.done || !page.nextRecordsUrl) return;
    page = await conn.queryMore<Record<string, unknown>>(page.nextRecordsUrl);
  }
}

async function* bulkBatches(
  conn: Connection,
  soql: string,
  fields: FieldPath[],
  batchSize: number,
  options: BulkQueryOptions,
): AsyncGenerator<SalesforceRecord[]> {
  for await (const page of bulkQueryPages(conn, soql, options)) {
    const byHeader = new Map(fields.map((field) => [field.path.toLowerCase(), field]));
    const columns = page.header.map(
      (name) => byHeader.get(name.toLowerCase()) ?? { path: name, type: 'string' },
    );
    yield* inBatches(
      page.rows.map((row) => fromCsvRow(row, columns)),
      batchSize,
    );
  }
}

/**
 * Reads the Accounts or Contacts a pull asks for, batch by batch, without ever holding the whole result:
 * REST queries (paged with nextRecordsUrl) below `bulkThreshold` matching records, Bulk API 2.0 above.
 * Records have the same shape either way.
 */
export async function* pullRecords(
  conn: Connection,
  options: PullOptions,
): AsyncGenerator<SalesforceRecord[]> {
  checkObjectType(options.objectType);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive whole number');
  const fields = await resolveFields(conn, options.objectType, ['Id', ...options.fields]);
  const soql = `SELECT ${fields.map((f) => f.path).join(', ')} FROM ${options.objectType}${whereClause(options.where)}`;
  const total = await countRecords(conn, options);
  const useBulk = total >= (options.bulkThreshold ?? 2000);
  options.onCount?.(total, useBulk ? 'bulk' : 'rest');
  if (total === 0) return;
  if (useBulk)
    yield* bulkBatches(conn, soql, fields, batchSize, { ...BULK_DEFAULTS, ...options.bulk });
  else yield* restBatches(conn, soql, batchSize);
}
