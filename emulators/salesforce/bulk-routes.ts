import type { IncomingMessage, ServerResponse } from 'node:http';
import { salesforceDateTime, type BulkQueryJob, type FakeContext } from './context';
import { COLUMN_DELIMITERS, csvLine } from './csv';
import { readBody, sendApiError, sendJson } from './http';
import { KEY_PREFIX, salesforceId } from './ids';
import type { FakeUser } from './org';
import { compileQuery, sendSoqlError, sourceFor } from './rest-routes';
import { readPath, selectRows } from './soql/evaluate';
import type { ResolvedQuery } from './soql/resolve';

interface JobRequest {
  operation?: unknown;
  query?: unknown;
  columnDelimiter?: unknown;
  lineEnding?: unknown;
}

const ROWS_PER_WRITE = 500;

function jobInfo(job: BulkQueryJob) {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    jobType: 'V2Query',
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    retries: 0,
    totalProcessingTime: 0,
  };
}

function parseJobRequest(text: string): JobRequest | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as JobRequest) : null;
  } catch {
    return null;
  }
}

export async function createJob(
  ctx: FakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  user: FakeUser,
  version: string,
): Promise<void> {
  const body = parseJobRequest(await readBody(req));
  if (!body || typeof body.query !== 'string')
    return sendApiError(res, 400, {
      errorCode: 'JSON_PARSER_ERROR',
      message: 'The request body must be a JSON object with a query',
    });
  const operation = body.operation ?? 'query';
  if (operation !== 'query' && operation !== 'queryAll')
    return sendApiError(res, 400, {
      errorCode: 'INVALIDJOB',
      message: `Invalid operation: ${String(operation)}`,
    });
  const columnDelimiter = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
  const lineEnding = body.lineEnding === 'CRLF' ? 'CRLF' : 'LF';
  if (!(columnDelimiter in COLUMN_DELIMITERS))
    return sendApiError(res, 400, {
      errorCode: 'INVALIDJOB',
      message: `Invalid column delimiter: ${columnDelimiter}`,
    });
  let query: ResolvedQuery;
  try {
    query = compileQuery(ctx, body.query);
  } catch (error) {
    return sendSoqlError(res, error);
  }
  if (query.count)
    return sendApiError(res, 400, {
      errorCode: 'INVALIDJOB',
      message: 'Aggregate queries are not supported by Bulk API 2.0 query jobs',
    });
  const source = sourceFor(ctx, user);
  const job: BulkQueryJob = {
    id: salesforceId(KEY_PREFIX.BulkJob, ctx.nextLocalId++),
    operation,
    object: query.object.name,
    createdById: user.id,
    createdDate: salesforceDateTime(),
    apiVersion: Number(version),
    state: 'UploadComplete',
    checksUntilComplete: ctx.settings.bulkChecksUntilComplete,
    query,
    rows: selectRows(query, source),
    source,
    columnDelimiter,
    lineEnding,
  };
  ctx.bulkJobs.set(job.id, job);
  sendJson(res, 200, jobInfo(job));
}

/** Each status check moves a job one step on, so pollers see UploadComplete → InProgress → JobComplete. */
export function checkJob(res: ServerResponse, job: BulkQueryJob): void {
  if (job.state === 'UploadComplete' || job.state === 'InProgress') {
    job.checksUntilComplete--;
    job.state = job.checksUntilComplete <= 0 ? 'JobComplete' : 'InProgress';
  }
  sendJson(res, 200, jobInfo(job));
}

export function listJobs(ctx: FakeContext, res: ServerResponse): void {
  sendJson(res, 200, {
    done: true,
    records: [...ctx.bulkJobs.values()].map(jobInfo),
    nextRecordsUrl: null,
  });
}

export async function abortJob(
  req: IncomingMessage,
  res: ServerResponse,
  job: BulkQueryJob,
): Promise<void> {
  const body = parseJobRequest(await readBody(req)) as { state?: unknown } | null;
  if (body?.state !== 'Aborted')
    return sendApiError(res, 400, {
      errorCode: 'INVALIDJOBSTATE',
      message: 'A query job can only be changed to Aborted',
    });
  if (job.state === 'JobComplete' || job.state === 'Failed')
    return sendApiError(res, 400, {
      errorCode: 'INVALIDJOBSTATE',
      message: `Job is already in state ${job.state}`,
    });
  job.state = 'Aborted';
  sendJson(res, 200, jobInfo(job));
}

export function deleteJob(ctx: FakeContext, res: ServerResponse, job: BulkQueryJob): void {
  if (job.state === 'UploadComplete' || job.state === 'InProgress') {
    return sendApiError(res, 400, {
      errorCode: 'API_ERROR',
      message: 'Job must be aborted or complete before it can be deleted',
    });
  }
  ctx.bulkJobs.delete(job.id);
  res.writeHead(204);
  res.end();
}

function decodeLocator(locator: string | null): number | null {
  if (locator === null || locator === '') return 0;
  const offset = Number(Buffer.from(locator, 'base64').toString('utf8'));
  return Number.isInteger(offset) && offset > 0 ? offset : null;
}

function encodeLocator(offset: number): string {
  return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    res.once('drain', resolve);
    res.once('close', resolve);
  });
}

/** One set of results as CSV, rendered a few hundred rows at a time so a big set never sits in memory as text. */
export async function results(
  ctx: FakeContext,
  url: URL,
  res: ServerResponse,
  job: BulkQueryJob,
): Promise<void> {
  if (job.state !== 'JobComplete') {
    return sendApiError(res, 412, {
      errorCode: 'JOB_NOT_COMPLETE',
      message: `can only download query results of successfully completed bulk job. Current state: ${job.state}`,
    });
  }
  const offset = decodeLocator(url.searchParams.get('locator'));
  const maxRecordsParam = url.searchParams.get('maxRecords');
  const maxRecords =
    maxRecordsParam === null ? ctx.settings.bulkDefaultPageSize : Number(maxRecordsParam);
  if (offset === null || offset > job.rows.length)
    return sendApiError(res, 400, {
      errorCode: 'INVALID_LOCATOR',
      message: 'The locator is not valid for this job',
    });
  if (!Number.isInteger(maxRecords) || maxRecords < 1)
    return sendApiError(res, 400, {
      errorCode: 'INVALID_MAX_RECORDS',
      message: 'maxRecords must be a positive whole number',
    });
  const end = Math.min(job.rows.length, offset + maxRecords);
  const delimiter = COLUMN_DELIMITERS[job.columnDelimiter] ?? ',';
  const lineEnding = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  res.writeHead(200, {
    'content-type': 'text/csv; charset=UTF-8',
    'sforce-locator': end < job.rows.length ? encodeLocator(end) : 'null',
    'sforce-numberofrecords': String(end - offset),
  });
  let chunk = csvLine(
    job.query.fields.map((f) => f.path),
    delimiter,
    lineEnding,
  );
  for (let i = offset; i < end; i++) {
    const row = job.rows[i];
    if (row)
      chunk += csvLine(
        job.query.fields.map((f) => readPath(row, f, job.source)),
        delimiter,
        lineEnding,
      );
    if ((i - offset + 1) % ROWS_PER_WRITE === 0) {
      const flushed = res.write(chunk);
      chunk = '';
      if (!flushed) await waitForDrain(res);
      if (res.destroyed) return;
    }
  }
  res.end(chunk);
}
