import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeObject, identityUrl, type FakeContext, type QueryCursor } from './context';
import { sendApiError, sendJson } from './http';
import { KEY_PREFIX, salesforceId } from './ids';
import { organizationRow, permissionRow, type FakeUser } from './org';
import { SoqlError } from './soql/errors';
import { readPath, selectRows, type FakeRecord, type RecordSource } from './soql/evaluate';
import { parseSoql } from './soql/parser';
import { resolveQuery, type ResolvedQuery } from './soql/resolve';

/** Rows for the calling user: Accounts and Contacts, plus the org row and the user's own permissions. */
export function sourceFor(ctx: FakeContext, user: FakeUser): RecordSource {
  return ctx.records.asSource((objectName) => {
    if (objectName === 'Organization') return [organizationRow(ctx.org)];
    if (objectName === 'UserPermissionAccess') return [permissionRow(user)];
    return null;
  });
}

export function compileQuery(ctx: FakeContext, soql: string): ResolvedQuery {
  return resolveQuery(parseSoql(soql), (name) => describeObject(ctx, name));
}

export function sendSoqlError(res: ServerResponse, error: unknown): void {
  if (error instanceof SoqlError)
    return sendApiError(res, 400, { errorCode: error.errorCode, message: error.message });
  throw error;
}

function attributes(objectName: string, id: unknown, version: string) {
  return {
    type: objectName,
    url: `/services/data/v${version}/sobjects/${objectName}/${String(id)}`,
  };
}

/** A row in the REST shape: `attributes`, the selected fields, parent fields nested under the relationship. */
function renderRecord(
  query: ResolvedQuery,
  row: FakeRecord,
  source: RecordSource,
  version: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: attributes(query.object.name, row.Id, version),
  };
  for (const path of query.fields) {
    if (!path.lookup) {
      out[path.field.name] = readPath(row, path, source);
      continue;
    }
    const parentId = row[path.lookup.idField];
    if (typeof parentId !== 'string' || !source.byId(path.lookup.object, parentId)) {
      out[path.lookup.relationshipName] = null;
      continue;
    }
    const nested = (out[path.lookup.relationshipName] ??= {
      attributes: attributes(path.lookup.object, parentId, version),
    }) as Record<string, unknown>;
    nested[path.field.name] = readPath(row, path, source);
  }
  return out;
}

function requestedBatchSize(req: IncomingMessage, fallback: number): number {
  const header = String(req.headers['sforce-query-options'] ?? '');
  const match = /batchSize\s*=\s*(\d+)/i.exec(header);
  // Salesforce honours batch sizes between 200 and 2000 and treats the value as a hint.
  return match ? Math.min(2000, Math.max(200, Number(match[1]))) : fallback;
}

function page(
  ctx: FakeContext,
  cursorId: string,
  cursor: QueryCursor,
  offset: number,
  version: string,
) {
  const end = Math.min(cursor.rows.length, offset + cursor.batchSize);
  const records = cursor.rows
    .slice(offset, end)
    .map((row) => renderRecord(cursor.query, row, cursor.source, version));
  const done = end >= cursor.rows.length;
  if (done) ctx.cursors.delete(cursorId);
  return {
    totalSize: cursor.rows.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursorId}-${end}` }),
    records,
  };
}

export function query(
  ctx: FakeContext,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
  user: FakeUser,
  version: string,
): void {
  const soql = url.searchParams.get('q');
  if (!soql)
    return sendApiError(res, 400, {
      errorCode: 'MALFORMED_QUERY',
      message: 'A query string has to be specified',
    });
  let compiled: ResolvedQuery;
  try {
    compiled = compileQuery(ctx, soql);
  } catch (error) {
    return sendSoqlError(res, error);
  }
  const source = sourceFor(ctx, user);
  const rows = selectRows(compiled, source);
  if (compiled.count)
    return sendJson(res, 200, { totalSize: rows.length, done: true, records: [] });
  const cursorId = salesforceId(KEY_PREFIX.QueryLocator, ctx.nextLocalId++);
  const cursor: QueryCursor = {
    query: compiled,
    rows,
    batchSize: requestedBatchSize(req, ctx.settings.restBatchSize),
    source,
  };
  ctx.cursors.set(cursorId, cursor);
  sendJson(res, 200, page(ctx, cursorId, cursor, 0, version));
}

export function queryMore(
  ctx: FakeContext,
  res: ServerResponse,
  locator: string,
  version: string,
): void {
  const match = /^(.+)-(\d+)$/.exec(locator);
  const cursor = match ? ctx.cursors.get(match[1] as string) : undefined;
  if (!match || !cursor)
    return sendApiError(res, 400, {
      errorCode: 'INVALID_QUERY_LOCATOR',
      message: 'invalid query locator',
    });
  sendJson(res, 200, page(ctx, match[1] as string, cursor, Number(match[2]), version));
}

export function describe(ctx: FakeContext, res: ServerResponse, objectName: string): void {
  const object = describeObject(ctx, objectName);
  if (!object)
    return sendApiError(res, 404, {
      errorCode: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    });
  sendJson(res, 200, {
    ...object,
    createable: object.keyPrefix !== null,
    updateable: object.keyPrefix !== null,
    custom: false,
  });
}

export function describeGlobal(ctx: FakeContext, res: ServerResponse): void {
  const sobjects = [...ctx.schema.values()].map(
    ({ name, label, labelPlural, keyPrefix, queryable }) => ({
      name,
      label,
      labelPlural,
      keyPrefix,
      queryable,
    }),
  );
  sendJson(res, 200, { encoding: 'UTF-8', maxBatchSize: 200, sobjects });
}

export function limits(ctx: FakeContext, res: ServerResponse): void {
  const max = ctx.org.dailyApiRequestLimit;
  sendJson(res, 200, {
    DailyApiRequests: { Max: max, Remaining: Math.max(0, max - ctx.apiRequestsUsed) },
    DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 - ctx.bulkJobs.size },
  });
}

export function resources(
  ctx: FakeContext,
  res: ServerResponse,
  user: FakeUser,
  version: string,
): void {
  const base = `/services/data/v${version}`;
  sendJson(res, 200, {
    identity: identityUrl(ctx, user),
    limits: `${base}/limits`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    sobjects: `${base}/sobjects`,
    jobs: `${base}/jobs`,
  });
}

export function versions(res: ServerResponse): void {
  sendJson(res, 200, [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }]);
}
