import pg from 'pg';
import type { ObjectType } from '../mapping';
import type { ClaimedRecord, PushRecord } from './contract';
import type { Row } from './postgres-rows';

/** Statements and plumbing that several PostgreSQL store operations share. */

export type Db = pg.Pool | pg.PoolClient;

/** The database clock in epoch milliseconds: every instance measures leases against the same clock. */
export const NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** Runs `work` in one READ COMMITTED transaction on one pooled connection. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (db: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    // A connection that could not roll back is destroyed rather than handed to the next caller.
    client.release(broken);
  }
}

export async function one(db: Db, sql: string, args: unknown[]): Promise<Row | null> {
  return (await db.query<Row>(sql, args)).rows[0] ?? null;
}

export async function jobRow(db: Db, jobId: string): Promise<Row> {
  const row = await one(db, 'SELECT * FROM jobs WHERE job_id = $1', [jobId]);
  if (!row) throw new Error(`Job ${jobId} is missing.`);
  return row;
}

export async function insertRecords(
  db: Db,
  jobId: string,
  orgId: string,
  firstSeq: number,
  records: PushRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await db.query(
    `INSERT INTO job_records (job_id, seq, org_id, sf_id, payload, status)
     SELECT $1, $2::integer + r.ord::integer - 1, $3, r.sf_id, r.payload, 'pending'
     FROM unnest($4::text[], $5::json[]) WITH ORDINALITY AS r (sf_id, payload, ord)`,
    [
      jobId,
      firstSeq,
      orgId,
      records.map((r) => r.sfId),
      records.map((r) => JSON.stringify(r.payload)),
    ],
  );
}

/** Completes the job when nothing is pending; locks the job first so a concurrent retry or append is seen. */
export async function completeIfDone(db: Db, jobId: string): Promise<void> {
  const job = await one(
    db,
    'SELECT expect_more, state FROM jobs WHERE job_id = $1 FOR NO KEY UPDATE',
    [jobId],
  );
  if (!job || job.expect_more === true || job.state === 'blocked' || job.state === 'completed')
    return;
  const pending = await db.query(
    "SELECT 1 FROM job_records WHERE job_id = $1 AND status = 'pending' LIMIT 1",
    [jobId],
  );
  if (pending.rowCount === 0) {
    await db.query(
      "UPDATE jobs SET state = 'completed', finished_at = now(), started_at = COALESCE(started_at, now()) WHERE job_id = $1",
      [jobId],
    );
  }
}

/** Claims up to `limit` free records of one job; rows another instance is claiming right now are skipped, not waited for. */
export async function claimFromJob(
  db: Db,
  job: Row,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedRecord[]> {
  const taken = await db.query<Row>(
    `WITH picked AS (
       SELECT job_id, seq FROM job_records
       WHERE job_id = $1 AND status = 'pending' AND available_at <= ${NOW_MS}
         AND (lease_until IS NULL OR lease_until < ${NOW_MS})
       ORDER BY seq LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE job_records r SET owner = $3, lease_until = ${NOW_MS} + $4
     FROM picked WHERE r.job_id = picked.job_id AND r.seq = picked.seq
     RETURNING r.seq, r.sf_id, r.payload, r.attempts`,
    [job.job_id, limit, owner, Math.ceil(leaseMs)],
  );
  if (taken.rows.length === 0) return [];
  if (job.state === 'queued') {
    await db.query(
      "UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, now()) WHERE job_id = $1 AND state = 'queued'",
      [job.job_id],
    );
  }
  return taken.rows
    .map((row) => ({
      jobId: String(job.job_id),
      seq: Number(row.seq),
      orgId: String(job.org_id),
      objectType: job.object_type as ObjectType,
      mappingVersion: Number(job.mapping_version),
      sfId: String(row.sf_id),
      payload: row.payload as Record<string, unknown>,
      attempts: Number(row.attempts),
    }))
    .sort((a, b) => a.seq - b.seq);
}
