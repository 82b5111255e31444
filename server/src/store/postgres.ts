import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { MappingFields, ObjectType } from '../mapping';
import type {
  AppendOutcome,
  ClaimedRecord,
  CreateJobOutcome,
  FeedItem,
  FinishRecord,
  Job,
  JobCounts,
  LedgerEntry,
  LedgerKey,
  LedgerWrite,
  NewJob,
  NewOrg,
  Org,
  NewSalesforceConnection,
  PendingSalesforceAuthorization,
  PushRecord,
  RecordResult,
  RecordStatus,
  SalesforceConnection,
  SavedMapping,
  Store,
} from './contract';
import {
  NOW_MS,
  claimFromJob,
  completeIfDone,
  inTransaction,
  insertRecords,
  jobRow,
  one,
} from './postgres-queries';
import { POSTGRES_MIGRATIONS } from './postgres-schema';
import {
  type Row,
  toFeedItem,
  toJob,
  toLedger,
  toMapping,
  toOrg,
  toPendingAuthorization,
  toResult,
  toSalesforceConnection,
} from './postgres-rows';

/** First keys of the two-key advisory locks; arbitrary numbers that name what is locked. */
const MIGRATION_LOCK_SPACE = 51_807_001;
const FEED_LOCK_SPACE = 51_807_002;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The store for several service instances sharing one PostgreSQL database. Same semantics as
 * the SQLite store; every multi-step change runs in one transaction (READ COMMITTED), rows
 * that decide a change are locked first, and work is claimed with `FOR UPDATE SKIP LOCKED`.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly schema: string | null;

  /** `schema`: keep all tables in this schema (created on migrate) instead of the default search path. */
  constructor(connectionString: string, schema?: string) {
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(
        `PostgreSQL schema name "${schema}" must be lower-case letters, digits and underscores.`,
      );
    }
    this.schema = schema ?? null;
    this.pool = new pg.Pool({
      connectionString,
      connectionTimeoutMillis: 10_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle connection that breaks (server restart, network) is dropped by the pool and the
    // next query opens a new one; without a listener the 'error' event would end the process.
    this.pool.on('error', () => undefined);
  }

  async migrate(): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      // Several instances may start at once: one migrates, the others wait and find it done.
      await db.query("SELECT pg_advisory_xact_lock($1, hashtext(current_setting('search_path')))", [
        MIGRATION_LOCK_SPACE,
      ]);
      if (this.schema) {
        await db.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(this.schema)}`);
      }
      await db.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const applied = new Set(
        (await db.query<Row>('SELECT version FROM schema_migrations')).rows.map((r) =>
          Number(r.version),
        ),
      );
      for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
        const version = index + 1;
        if (applied.has(version)) continue;
        await db.query(sql);
        await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      }
    });
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  // ---- Orgs -------------------------------------------------------------------------

  async addOrg(org: NewOrg): Promise<'added' | 'exists'> {
    const result = await this.pool.query(
      `INSERT INTO orgs (org_id, billomat_id, billomat_api_key_sealed, billomat_app_id, billomat_app_secret_sealed, token_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id) DO NOTHING`,
      [
        org.orgId,
        org.billomatId,
        org.billomatApiKeySealed,
        org.billomatAppId,
        org.billomatAppSecretSealed,
        org.tokenHash,
      ],
    );
    return result.rowCount === 1 ? 'added' : 'exists';
  }

  async updateOrgCredentials(
    orgId: string,
    update: Pick<
      NewOrg,
      'billomatId' | 'billomatApiKeySealed' | 'billomatAppId' | 'billomatAppSecretSealed'
    >,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE orgs SET billomat_id = $1, billomat_api_key_sealed = $2, billomat_app_id = $3, billomat_app_secret_sealed = $4
       WHERE org_id = $5`,
      [
        update.billomatId,
        update.billomatApiKeySealed,
        update.billomatAppId,
        update.billomatAppSecretSealed,
        orgId,
      ],
    );
    return result.rowCount === 1;
  }

  async replaceOrgToken(orgId: string, tokenHash: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE orgs SET token_hash = $1 WHERE org_id = $2', [
      tokenHash,
      orgId,
    ]);
    return result.rowCount === 1;
  }

  async findOrgByTokenHash(tokenHash: string): Promise<(Org & { tokenHash: string }) | null> {
    const row = await one(this.pool, 'SELECT * FROM orgs WHERE token_hash = $1', [tokenHash]);
    return row ? { ...toOrg(row), tokenHash: String(row.token_hash) } : null;
  }

  async getOrg(orgId: string): Promise<Org | null> {
    const row = await one(this.pool, 'SELECT * FROM orgs WHERE org_id = $1', [orgId]);
    return row ? toOrg(row) : null;
  }

  async listOrgs(): Promise<Org[]> {
    return (await this.pool.query<Row>('SELECT * FROM orgs ORDER BY created_at, org_id')).rows.map(
      toOrg,
    );
  }

  // ---- Salesforce connections --------------------------------------------------------

  async saveSalesforceConnection(connection: NewSalesforceConnection): Promise<void> {
    await this.pool.query(
      `INSERT INTO salesforce_connections (org_id, method, login_url, instance_url, user_id, username, client_id,
                                           refresh_token_sealed, access_token_sealed, private_key_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (org_id) DO UPDATE SET method = excluded.method, login_url = excluded.login_url,
         instance_url = excluded.instance_url, user_id = excluded.user_id, username = excluded.username,
         client_id = excluded.client_id, refresh_token_sealed = excluded.refresh_token_sealed,
         access_token_sealed = excluded.access_token_sealed, private_key_sealed = excluded.private_key_sealed,
         reconnect_reason = NULL, connected_at = now(), updated_at = now()`,
      [
        connection.orgId,
        connection.method,
        connection.loginUrl,
        connection.instanceUrl,
        connection.userId,
        connection.username,
        connection.clientId,
        connection.refreshTokenSealed,
        connection.accessTokenSealed,
        connection.privateKeySealed,
      ],
    );
  }

  async getSalesforceConnection(orgId: string): Promise<SalesforceConnection | null> {
    const row = await one(this.pool, 'SELECT * FROM salesforce_connections WHERE org_id = $1', [orgId]);
    return row ? toSalesforceConnection(row) : null;
  }

  async updateSalesforceTokens(
    orgId: string,
    tokens: { accessTokenSealed: string; refreshTokenSealed?: string },
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE salesforce_connections SET access_token_sealed = $2,
              refresh_token_sealed = COALESCE($3, refresh_token_sealed), updated_at = now()
       WHERE org_id = $1`,
      [orgId, tokens.accessTokenSealed, tokens.refreshTokenSealed ?? null],
    );
    return result.rowCount === 1;
  }

  async setSalesforceReconnect(orgId: string, reason: string | null): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE salesforce_connections SET reconnect_reason = $2, updated_at = now() WHERE org_id = $1',
      [orgId, reason],
    );
    return result.rowCount === 1;
  }

  async savePendingAuthorization(
    pending: PendingSalesforceAuthorization,
    now: number,
  ): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      await db.query('DELETE FROM salesforce_authorizations WHERE expires_at < $1', [now]);
      await db.query(
        `INSERT INTO salesforce_authorizations (state_hash, org_id, login_url, redirect_uri, code_verifier_sealed, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          pending.stateHash,
          pending.orgId,
          pending.loginUrl,
          pending.redirectUri,
          pending.codeVerifierSealed,
          pending.expiresAt,
        ],
      );
    });
  }

  async takePendingAuthorization(
    stateHash: string,
  ): Promise<PendingSalesforceAuthorization | null> {
    const row = await one(
      this.pool,
      'DELETE FROM salesforce_authorizations WHERE state_hash = $1 RETURNING *',
      [stateHash],
    );
    return row ? toPendingAuthorization(row) : null;
  }

  // ---- Mappings ---------------------------------------------------------------------

  async saveMapping(
    orgId: string,
    objectType: ObjectType,
    fields: MappingFields,
  ): Promise<SavedMapping> {
    return inTransaction(this.pool, async (db) => {
      // Two saves at once would both pick the same next version: take turns per org.
      await db.query('SELECT 1 FROM orgs WHERE org_id = $1 FOR NO KEY UPDATE', [orgId]);
      const row = await one(
        db,
        `INSERT INTO mappings (org_id, object_type, version, fields)
         SELECT $1::text, $2::text, COALESCE(MAX(version), 0) + 1, $3::json
         FROM mappings WHERE org_id = $1 AND object_type = $2
         RETURNING *`,
        [orgId, objectType, JSON.stringify(fields)],
      );
      if (!row) throw new Error('Saving the mapping returned no row.');
      return toMapping(row);
    });
  }

  async latestMapping(orgId: string, objectType: ObjectType): Promise<SavedMapping | null> {
    const row = await one(
      this.pool,
      'SELECT * FROM mappings WHERE org_id = $1 AND object_type = $2 ORDER BY version DESC LIMIT 1',
      [orgId, objectType],
    );
    return row ? toMapping(row) : null;
  }

  async mappingVersion(
    orgId: string,
    objectType: ObjectType,
    version: number,
  ): Promise<SavedMapping | null> {
    const row = await one(
      this.pool,
      'SELECT * FROM mappings WHERE org_id = $1 AND object_type = $2 AND version = $3',
      [orgId, objectType, version],
    );
    return row ? toMapping(row) : null;
  }

  // ---- Jobs -------------------------------------------------------------------------

  async createJob(job: NewJob): Promise<CreateJobOutcome> {
    return inTransaction(this.pool, async (db): Promise<CreateJobOutcome> => {
      const jobId = randomUUID();
      // A concurrent request with the same key waits here until the first one commits.
      const inserted = await one(
        db,
        `INSERT INTO jobs (job_id, org_id, object_type, mapping_version, state, source, expect_more, expected_total,
                           idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9)
         ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING job_id`,
        [
          jobId,
          job.orgId,
          job.objectType,
          job.mappingVersion,
          job.source,
          job.expectMore,
          job.expectedTotal,
          job.idempotencyKey,
          job.requestHash,
        ],
      );
      if (!inserted) {
        const existing = await one(
          db,
          'SELECT * FROM jobs WHERE org_id = $1 AND idempotency_key = $2',
          [job.orgId, job.idempotencyKey],
        );
        if (!existing) throw new Error('The job with this idempotency key could not be read back.');
        return {
          kind: existing.request_hash === job.requestHash ? 'replayed' : 'conflict',
          job: toJob(existing),
        };
      }
      await insertRecords(db, jobId, job.orgId, 0, job.records);
      if (job.records.length === 0 && !job.expectMore) await completeIfDone(db, jobId);
      return { kind: 'created', job: toJob(await jobRow(db, jobId)) };
    });
  }

  async appendRecords(
    orgId: string,
    jobId: string,
    chunk: {
      idempotencyKey: string;
      requestHash: string;
      records: PushRecord[];
      expectMore: boolean;
    },
  ): Promise<AppendOutcome> {
    return inTransaction(this.pool, async (db): Promise<AppendOutcome> => {
      const job = await one(
        db,
        'SELECT expect_more FROM jobs WHERE job_id = $1 AND org_id = $2 FOR NO KEY UPDATE',
        [jobId, orgId],
      );
      if (!job) return 'not_found';
      const seen = await one(
        db,
        'SELECT request_hash FROM job_chunks WHERE job_id = $1 AND idempotency_key = $2',
        [jobId, chunk.idempotencyKey],
      );
      if (seen) return seen.request_hash === chunk.requestHash ? 'replayed' : 'conflict';
      if (job.expect_more !== true) return 'closed';
      await db.query(
        'INSERT INTO job_chunks (job_id, idempotency_key, request_hash) VALUES ($1, $2, $3)',
        [jobId, chunk.idempotencyKey, chunk.requestHash],
      );
      const last = await one(
        db,
        'SELECT COALESCE(MAX(seq), -1) AS s FROM job_records WHERE job_id = $1',
        [jobId],
      );
      await insertRecords(db, jobId, orgId, Number(last?.s ?? -1) + 1, chunk.records);
      await db.query('UPDATE jobs SET last_chunk_at = now() WHERE job_id = $1', [jobId]);
      if (!chunk.expectMore) {
        await db.query('UPDATE jobs SET expect_more = false WHERE job_id = $1', [jobId]);
        await completeIfDone(db, jobId);
      }
      return 'appended';
    });
  }

  async getJob(orgId: string, jobId: string): Promise<Job | null> {
    const row = await one(this.pool, 'SELECT * FROM jobs WHERE job_id = $1 AND org_id = $2', [
      jobId,
      orgId,
    ]);
    return row ? toJob(row) : null;
  }

  async listJobs(orgId: string, limit: number): Promise<Job[]> {
    const result = await this.pool.query<Row>(
      'SELECT * FROM jobs WHERE org_id = $1 ORDER BY position DESC LIMIT $2',
      [orgId, limit],
    );
    return result.rows.map(toJob);
  }

  async jobCounts(jobId: string, recentSinceMs: number): Promise<JobCounts> {
    const counts: JobCounts = {
      total: 0,
      pending: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      finishedRecently: 0,
      calls: 0,
    };
    const rows = await this.pool.query<Row>(
      `SELECT status, COUNT(*) AS n, COUNT(*) FILTER (WHERE status <> 'pending' AND finished_ms >= $2) AS recent
       FROM job_records WHERE job_id = $1 GROUP BY status`,
      [jobId, Math.floor(recentSinceMs)],
    );
    for (const row of rows.rows) {
      const n = Number(row.n);
      counts[row.status as RecordStatus] = n;
      counts.total += n;
      counts.finishedRecently += Number(row.recent);
    }
    counts.calls = counts.created + counts.updated;
    return counts;
  }

  async jobResults(
    jobId: string,
    page: { offset: number; limit: number; status?: RecordStatus },
  ): Promise<{ total: number; items: RecordResult[] }> {
    const filter = page.status ? 'AND status = $2' : '';
    const args: unknown[] = page.status ? [jobId, page.status] : [jobId];
    const next = args.length + 1;
    const [count, rows] = await Promise.all([
      one(this.pool, `SELECT COUNT(*) AS n FROM job_records WHERE job_id = $1 ${filter}`, args),
      // Failed first: they are what a person has to act on.
      this.pool.query<Row>(
        `SELECT * FROM job_records WHERE job_id = $1 ${filter}
         ORDER BY CASE status WHEN 'failed' THEN 0 ELSE 1 END, seq LIMIT $${next} OFFSET $${next + 1}`,
        [...args, page.limit, page.offset],
      ),
    ]);
    return { total: Number(count?.n ?? 0), items: rows.rows.map(toResult) };
  }

  async failedSfIds(jobId: string): Promise<string[]> {
    const rows = await this.pool.query<Row>(
      "SELECT sf_id FROM job_records WHERE job_id = $1 AND status = 'failed' ORDER BY seq",
      [jobId],
    );
    return rows.rows.map((r) => String(r.sf_id));
  }

  async retryFailed(
    orgId: string,
    jobId: string,
    mappingVersion: number,
    freshPayloads: Map<string, Record<string, unknown>>,
  ): Promise<number> {
    return inTransaction(this.pool, async (db) => {
      const job = await one(
        db,
        'SELECT job_id FROM jobs WHERE job_id = $1 AND org_id = $2 FOR NO KEY UPDATE',
        [jobId, orgId],
      );
      if (!job) return 0;
      const reset = await db.query(
        `UPDATE job_records SET status = 'pending', payload = COALESCE($2::json -> sf_id, payload), message = NULL,
                attempts = 0, owner = NULL, lease_until = NULL, available_at = 0, finished_at = NULL, finished_ms = NULL
         WHERE job_id = $1 AND status = 'failed'`,
        [jobId, JSON.stringify(Object.fromEntries(freshPayloads))],
      );
      const retried = reset.rowCount ?? 0;
      if (retried > 0) {
        await db.query(
          "UPDATE jobs SET state = 'queued', message = NULL, finished_at = NULL, mapping_version = $2 WHERE job_id = $1",
          [jobId, mappingVersion],
        );
      }
      return retried;
    });
  }

  async blockJobsOfOrg(orgId: string, message: string): Promise<void> {
    await this.pool.query(
      "UPDATE jobs SET state = 'blocked', message = $2 WHERE org_id = $1 AND state IN ('queued', 'running')",
      [orgId, message],
    );
  }

  async closeIdlePushes(idleMs: number, message: string): Promise<number> {
    return inTransaction(this.pool, async (db) => {
      const idle = await db.query(
        `UPDATE jobs SET expect_more = false, message = $2
         WHERE expect_more AND COALESCE(last_chunk_at, created_at) < now() - make_interval(secs => $1::double precision / 1000)
         RETURNING job_id`,
        [idleMs, message],
      );
      for (const row of idle.rows as Array<{ job_id: string }>) await completeIfDone(db, row.job_id);
      return idle.rowCount ?? 0;
    });
  }

  async unblockJobsOfOrg(orgId: string): Promise<number> {
    const result = await this.pool.query(
      "UPDATE jobs SET state = 'queued', message = NULL WHERE org_id = $1 AND state = 'blocked'",
      [orgId],
    );
    return result.rowCount ?? 0;
  }

  // ---- Work -------------------------------------------------------------------------

  async claimRecords(
    owner: string,
    leaseMs: number,
    limit: number,
    skipOrgs: string[],
  ): Promise<ClaimedRecord[]> {
    if (limit <= 0) return [];
    return inTransaction(this.pool, async (db) => {
      const jobs = await db.query<Row>(
        `SELECT job_id, org_id, object_type, mapping_version, state FROM jobs j
         WHERE state IN ('queued', 'running') AND NOT (org_id = ANY ($1::text[]))
           AND EXISTS (SELECT 1 FROM job_records r
                       WHERE r.job_id = j.job_id AND r.status = 'pending' AND r.available_at <= ${NOW_MS}
                         AND (r.lease_until IS NULL OR r.lease_until < ${NOW_MS}))
         ORDER BY position`,
        [skipOrgs],
      );
      const claimed: ClaimedRecord[] = [];
      for (const job of jobs.rows) {
        if (claimed.length >= limit) break;
        claimed.push(...(await claimFromJob(db, job, owner, leaseMs, limit - claimed.length)));
      }
      return claimed;
    });
  }

  async extendLease(owner: string, jobId: string, seq: number, leaseMs: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE job_records SET lease_until = ${NOW_MS} + $4
       WHERE job_id = $1 AND seq = $2 AND owner = $3 AND status = 'pending'`,
      [jobId, seq, owner, Math.ceil(leaseMs)],
    );
    return result.rowCount === 1;
  }

  async releaseRecord(
    owner: string,
    jobId: string,
    seq: number,
    delayMs: number,
    countAttempt: boolean,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE job_records SET owner = NULL, lease_until = NULL, available_at = ${NOW_MS} + $4, attempts = attempts + $5
       WHERE job_id = $1 AND seq = $2 AND owner = $3`,
      [jobId, seq, owner, Math.ceil(delayMs), countAttempt ? 1 : 0],
    );
  }

  /**
   * The results feed cursor comes from a sequence, and sequence values become visible in
   * commit order, not in allocation order: a reader could see seq 11 (committed) while seq 10
   * is still in flight, move its cursor past 10 and never see it. Chosen mitigation: only
   * return rows whose seq is below the oldest in-flight allocation, made exact with a per-org
   * advisory lock instead of guessed with a settle delay. Each finish allocates its seq while
   * holding the org's lock in shared mode (finishes never wait for each other); `resultsAfter`
   * takes it exclusively, which waits out the allocations in flight and holds back new ones
   * while it reads, so every seq below the ones it returns is committed or never will be.
   */
  async finishRecord(result: FinishRecord): Promise<boolean> {
    return inTransaction(this.pool, async (db) => {
      await db.query(
        'SELECT pg_advisory_xact_lock_shared($1, hashtext(org_id)) FROM job_records WHERE job_id = $2 AND seq = $3',
        [FEED_LOCK_SPACE, result.jobId, result.seq],
      );
      // Zero rows when the claim expired and another worker owns the record now.
      const finished = await db.query(
        `UPDATE job_records SET status = $4, billomat_id = $5, billomat_number = $6, message = $7, owner = NULL,
                lease_until = NULL, finished_at = clock_timestamp(), finished_ms = ${NOW_MS},
                result_seq = nextval('results_feed_seq')
         WHERE job_id = $1 AND seq = $2 AND owner = $3 AND status = 'pending'`,
        [
          result.jobId,
          result.seq,
          result.owner,
          result.status,
          result.billomatId,
          result.billomatNumber,
          result.message,
        ],
      );
      return finished.rowCount === 1;
    });
  }

  async settleJob(jobId: string): Promise<Job | null> {
    return inTransaction(this.pool, async (db) => {
      await completeIfDone(db, jobId);
      const row = await one(db, 'SELECT * FROM jobs WHERE job_id = $1', [jobId]);
      return row ? toJob(row) : null;
    });
  }

  // ---- Ledger -----------------------------------------------------------------------

  async ledgerGet(key: LedgerKey): Promise<LedgerEntry | null> {
    const row = await one(
      this.pool,
      'SELECT * FROM ledger WHERE org_id = $1 AND billomat_id = $2 AND sf_id = $3',
      [key.orgId, key.billomatId, key.sfId],
    );
    return row ? toLedger(row) : null;
  }

  async ledgerBeginCreate(
    key: LedgerKey,
    owner: string,
    leaseMs: number,
  ): Promise<'fresh' | 'takeover' | 'busy' | 'done'> {
    const keyArgs = [key.orgId, key.billomatId, key.sfId];
    return inTransaction(this.pool, async (db) => {
      // Of several instances inserting at once exactly one succeeds; the others wait for it to commit.
      const inserted = await db.query(
        `INSERT INTO ledger (org_id, billomat_id, sf_id, state, owner, lease_until)
         VALUES ($1, $2, $3, 'creating', $4, ${NOW_MS} + $5) ON CONFLICT (org_id, billomat_id, sf_id) DO NOTHING`,
        [...keyArgs, owner, Math.ceil(leaseMs)],
      );
      if (inserted.rowCount === 1) return 'fresh' as const;
      const row = await one(
        db,
        `SELECT state, owner, lease_until >= ${NOW_MS} AS leased FROM ledger
         WHERE org_id = $1 AND billomat_id = $2 AND sf_id = $3 FOR UPDATE`,
        keyArgs,
      );
      // Gone again (abandoned or forgotten in between): the caller tries again shortly.
      if (!row) return 'busy' as const;
      if (row.state === 'done') return 'done' as const;
      if (row.owner !== owner && row.leased === true) return 'busy' as const;
      await db.query(
        `UPDATE ledger SET owner = $4, lease_until = ${NOW_MS} + $5, updated_at = now()
         WHERE org_id = $1 AND billomat_id = $2 AND sf_id = $3`,
        [...keyArgs, owner, Math.ceil(leaseMs)],
      );
      return 'takeover' as const;
    });
  }

  async ledgerRecord(key: LedgerKey, entry: LedgerWrite): Promise<void> {
    await this.pool.query(
      `INSERT INTO ledger (org_id, billomat_id, sf_id, billomat_client_id, billomat_number, fingerprint, state, last_job_id, last_status)
       VALUES ($1, $2, $3, $4, $5, $6, 'done', $7, $8)
       ON CONFLICT (org_id, billomat_id, sf_id) DO UPDATE SET billomat_client_id = excluded.billomat_client_id,
         billomat_number = excluded.billomat_number, fingerprint = excluded.fingerprint, state = 'done',
         owner = NULL, lease_until = NULL, last_job_id = excluded.last_job_id, last_status = excluded.last_status,
         updated_at = now()`,
      [
        key.orgId,
        key.billomatId,
        key.sfId,
        entry.billomatClientId,
        entry.billomatNumber,
        entry.fingerprint,
        entry.jobId,
        entry.status,
      ],
    );
  }

  async ledgerAbandonCreate(key: LedgerKey, owner: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ledger WHERE org_id = $1 AND billomat_id = $2 AND sf_id = $3 AND state = 'creating' AND owner = $4`,
      [key.orgId, key.billomatId, key.sfId, owner],
    );
  }

  async ledgerForget(key: LedgerKey, billomatClientId: number): Promise<void> {
    await this.pool.query(
      'DELETE FROM ledger WHERE org_id = $1 AND billomat_id = $2 AND sf_id = $3 AND billomat_client_id = $4',
      [key.orgId, key.billomatId, key.sfId, billomatClientId],
    );
  }

  async ledgerSize(orgId: string, billomatId: string): Promise<number> {
    const row = await one(
      this.pool,
      "SELECT COUNT(*) AS n FROM ledger WHERE org_id = $1 AND billomat_id = $2 AND state = 'done'",
      [orgId, billomatId],
    );
    return Number(row?.n ?? 0);
  }

  // ---- Results feed -----------------------------------------------------------------

  /** See `finishRecord` for why this takes the org's feed lock before reading. */
  async resultsAfter(orgId: string, cursor: number, limit: number): Promise<FeedItem[]> {
    return inTransaction(this.pool, async (db) => {
      await db.query("SET LOCAL lock_timeout = '10s'");
      await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [FEED_LOCK_SPACE, orgId]);
      const rows = await db.query<Row>(
        `SELECT r.*, j.object_type FROM job_records r JOIN jobs j ON j.job_id = r.job_id
         WHERE r.org_id = $1 AND r.result_seq > $2 AND r.status <> 'pending' ORDER BY r.result_seq LIMIT $3`,
        [orgId, cursor, limit],
      );
      return rows.rows.map(toFeedItem);
    });
  }
}
