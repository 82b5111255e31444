import type { Connection, HttpResponse, Schema } from 'jsforce';
import { QueryJobV2 } from 'jsforce/lib/api/bulk2';
import HttpApi from 'jsforce/lib/http-api';
import { parseCsv } from './csv';

export interface BulkQueryOptions {
  pollIntervalMs: number;
  pollTimeoutMs: number;
  /** Records per result set (maxRecords); one set is in memory at a time. */
  pageSize: number;
}

export interface ResultPage {
  header: string[];
  rows: string[][];
}

/** Hands back the raw response (headers and text) instead of parsing it, so the Sforce-Locator header stays readable. */
class RawResponseApi extends HttpApi<Schema> {
  override async getResponseBody(response: HttpResponse): Promise<HttpResponse> {
    return response;
  }
}

/**
 * Runs a Bulk API 2.0 query job and yields its result sets one by one. jsforce's own `bulk2.query`
 * downloads every result set before handing out its record stream; reading set by set keeps memory
 * bounded by `pageSize` however large the org is. Requests still go through jsforce, so an expired
 * session is refreshed and Salesforce errors keep their errorCode.
 */
export async function* bulkQueryPages(
  conn: Connection,
  soql: string,
  options: BulkQueryOptions,
): AsyncGenerator<ResultPage> {
  const job = new QueryJobV2(conn, {
    bodyParams: { query: soql, operation: 'query' },
    pollingOptions: { pollInterval: options.pollIntervalMs, pollTimeout: options.pollTimeoutMs },
  });
  await job.open();
  let finished = false;
  try {
    await job.poll();
    finished = true;
    const api = new RawResponseApi(conn, {});
    const resultsUrl = `${conn.instanceUrl}/services/data/v${conn.version}/jobs/query/${job.id}/results`;
    let header: string[] | null = null;
    let locator: string | null = null;
    do {
      const query: string = `maxRecords=${options.pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
      const response: HttpResponse = await api.request<HttpResponse>({
        method: 'GET',
        url: `${resultsUrl}?${query}`,
        headers: { Accept: 'text/csv' },
      });
      const rows = parseCsv(response.body);
      // Each result set starts with the header row; should one come without, the first set's header still applies.
      if (header === null) header = rows.shift() ?? [];
      else if (rows[0]?.join('\u0000') === header.join('\u0000')) rows.shift();
      yield { header, rows };
      const next = response.headers['sforce-locator'];
      locator = next && next !== 'null' ? next : null;
    } while (locator);
  } finally {
    // Finished jobs are deleted; unfinished ones aborted. Failures here must not hide the real outcome.
    await (finished ? job.delete() : job.abort()).catch(() => undefined);
  }
}
