import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
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
import { SQLITE_MIGRATIONS } from './sqlite-schema';

type Row = Record<string, unknown>;

const nowIso = () => new Date().toISOString();

/**
 * The embedded store: one SQLite file, WAL mode, every multi-step change in one transaction.
 * Transactions begin IMMEDIATE: a deferred one that reads and then writes gets SQLITE_BUSY at
 * once (without waiting out busy_timeout) when another process — the CLI's worker next to the
 * service — wrote in between.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r.version)),
    );
    SQLITE_MIGRATIONS.forEach((sql, index) => {
      const version = index + 1;
      if (applied.has(version)) return;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, nowIso());
      }).immediate();
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }

  // ---- Orgs -------------------------------------------------------------------------

  async addOrg(org: NewOrg): Promise<'added' | 'exists'> {
    const result = this.db
      .prepare(
        `INSERT INTO orgs (org_id, billomat_id, billomat_api_key_sealed, billomat_app_id, billomat_app_secret_sealed, token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id) DO NOTHING`,
      )
      .run(
        org.orgId,
        org.billomatId,
        org.billomatApiKeySealed,
        org.billomatAppId,
        org.billomatAppSecretSealed,
        org.tokenHash,
        nowIso(),
      );
    return result.changes === 1 ? 'added' : 'exists';
  }

  async updateOrgCredentials(
    orgId: string,
    update: Pick<NewOrg, 'billomatId' | 'billomatApiKeySealed' | 'billomatAppId' | 'billomatAppSecretSealed'>,
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE orgs SET billomat_id = ?, billomat_api_key_sealed = ?, billomat_app_id = ?, billomat_app_secret_sealed = ?
         WHERE org_id = ?`,
      )
      .run(update.billomatId, update.billomatApiKeySealed, update.billomatAppId, update.billomatAppSecretSealed, orgId);
    return result.changes === 1;
  }

  async replaceOrgToken(orgId: string, tokenHash: string): Promise<boolean> {
    return this.db.prepare('UPDATE orgs SET token_hash = ? WHERE org_id = ?').run(tokenHash, orgId).changes === 1;
  }

  async findOrgByTokenHash(tokenHash: string): Promise<(Org & { tokenHash: string }) | null> {
    const row = this.db.prepare('SELECT * FROM orgs WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row ? { ...toOrg(row), tokenHash: String(row.token_hash) } : null;
  }

  async getOrg(orgId: string): Promise<Org | null> {
    const row = this.db.prepare('SELECT * FROM orgs WHERE org_id = ?').get(orgId) as Row | undefined;
    return row ? toOrg(row) : null;
  }

  async listOrgs(): Promise<Org[]> {
    return (this.db.prepare('SELECT * FROM orgs ORDER BY created_at').all() as Row[]).map(toOrg);
  }

  // ---- Salesforce connections --------------------------------------------------------

  async saveSalesforceConnection(connection: NewSalesforceConnection): Promise<void> {
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO salesforce_connections (org_id, method, login_url, instance_url, user_id, username, client_id,
                                             refresh_token_sealed, access_token_sealed, private_key_sealed, reconnect_reason,
                                             connected_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
         ON CONFLICT (org_id) DO UPDATE SET method = excluded.method, login_url = excluded.login_url,
           instance_url = excluded.instance_url, user_id = excluded.user_id, username = excluded.username,
           client_id = excluded.client_id, refresh_token_sealed = excluded.refresh_token_sealed,
           access_token_sealed = excluded.access_token_sealed, private_key_sealed = excluded.private_key_sealed,
           reconnect_reason = NULL, connected_at = excluded.connected_at, updated_at = excluded.updated_at`,
      )
      .run(
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
        now,
        now,
      );
  }

  async getSalesforceConnection(orgId: string): Promise<SalesforceConnection | null> {
    const row = this.db.prepare('SELECT * FROM salesforce_connections WHERE org_id = ?').get(orgId) as Row | undefined;
    return row ? toSalesforceConnection(row) : null;
  }

  async updateSalesforceTokens(
    orgId: string,
    tokens: { accessTokenSealed: string; refreshTokenSealed?: string },
  ): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE salesforce_connections SET access_token_sealed = ?, refresh_token_sealed = COALESCE(?, refresh_token_sealed),
                  updated_at = ? WHERE org_id = ?`,
        )
        .run(tokens.accessTokenSealed, tokens.refreshTokenSealed ?? null, nowIso(), orgId).changes === 1
    );
  }

  async setSalesforceReconnect(orgId: string, reason: string | null): Promise<boolean> {
    return (
      this.db
        .prepare('UPDATE salesforce_connections SET reconnect_reason = ?, updated_at = ? WHERE org_id = ?')
        .run(reason, nowIso(), orgId).changes === 1
    );
  }

  async savePendingAuthorization(pending: PendingSalesforceAuthorization, now: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM salesforce_authorizations WHERE expires_at < ?').run(now);
      this.db
        .prepare(
          `INSERT INTO salesforce_authorizations (state_hash, org_id, login_url, redirect_uri, code_verifier_sealed, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(pending.stateHash, pending.orgId, pending.loginUrl, pending.redirectUri, pending.codeVerifierSealed, pending.expiresAt);
    }).immediate();
  }

  async takePendingAuthorization(stateHash: string): Promise<PendingSalesforceAuthorization | null> {
    const row = this.db.prepare('DELETE FROM salesforce_authorizations WHERE state_hash = ? RETURNING *').get(stateHash) as
      | Row
      | undefined;
    return row ? toPendingAuthorization(row) : null;
  }

  // ---- Mappings ---------------------------------------------------------------------

  async saveMapping(orgId: string, objectType: ObjectType, fields: MappingFields): Promise<SavedMapping> {
    return this.db.transaction(() => {
      const current = this.db
        .prepare('SELECT MAX(version) AS v FROM mappings WHERE org_id = ? AND object_type = ?')
        .get(orgId, objectType) as Row;
      const version = Number(current.v ?? 0) + 1;
      const savedAt = nowIso();
      this.db
        .prepare('INSERT INTO mappings (org_id, object_type, version, fields, saved_at) VALUES (?, ?, ?, ?, ?)')
        .run(orgId, objectType, version, JSON.stringify(fields), savedAt);
      return { objectType, version, fields, savedAt };
    }).immediate();
  }

  async latestMapping(orgId: string, objectType: ObjectType): Promise<SavedMapping | null> {
    const row = this.db
      .prepare('SELECT * FROM mappings WHERE org_id = ? AND object_type = ? ORDER BY version DESC LIMIT 1')
      .get(orgId, objectType) as Row | undefined;
    return row ? toMapping(row) : null;
  }

  async mappingVersion(orgId: string, objectType: ObjectType, version: number): Promise<SavedMapping | null> {
    const row = this.db
      .prepare('SELECT * FROM mappings WHERE org_id = ? AND object_type = ? AND version = ?')
      .get(orgId, objectType, version) as Row | undefined;
    return row ? toMapping(row) : null;
  }

  // ---- Jobs -------------------------------------------------------------------------

  async createJob(job: NewJob): Promise<CreateJobOutcome> {
    return this.db.transaction((): CreateJobOutcome => {
      const existing = this.db
        .prepare('SELECT * FROM jobs WHERE org_id = ? AND idempotency_key = ?')
        .get(job.orgId, job.idempotencyKey) as Row | undefined;
      if (existing) {
        return { kind: existing.request_hash === job.requestHash ? 'replayed' : 'conflict', job: toJob(existing) };
      }
      const jobId = randomUUID();
      const createdAt = nowIso();
      this.db
        .prepare(
          `INSERT INTO jobs (job_id, org_id, object_type, mapping_version, state, message, source, expect_more, expected_total,
                             idempotency_key, request_hash, created_at)
           VALUES (?, ?, ?, ?, 'queued', NULL, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          jobId,
          job.orgId,
          job.objectType,
          job.mappingVersion,
          job.source,
          job.expectMore ? 1 : 0,
          job.expectedTotal,
          job.idempotencyKey,
          job.requestHash,
          createdAt,
        );
      this.insertRecords(jobId, job.orgId, 0, job.records);
      if (job.records.length === 0 && !job.expectMore) this.completeIfDone(jobId);
      return { kind: 'created', job: toJob(this.jobRow(jobId)) };
    }).immediate();
  }

  async appendRecords(
    orgId: string,
    jobId: string,
    chunk: { idempotencyKey: string; requestHash: string; records: PushRecord[]; expectMore: boolean },
  ): Promise<AppendOutcome> {
    return this.db.transaction((): AppendOutcome => {
      const job = this.db.prepare('SELECT * FROM jobs WHERE job_id = ? AND org_id = ?').get(jobId, orgId) as
        | Row
        | undefined;
      if (!job) return 'not_found';
      const seen = this.db
        .prepare('SELECT request_hash FROM job_chunks WHERE job_id = ? AND idempotency_key = ?')
        .get(jobId, chunk.idempotencyKey) as Row | undefined;
      if (seen) return seen.request_hash === chunk.requestHash ? 'replayed' : 'conflict';
      if (!job.expect_more) return 'closed';
      this.db
        .prepare('INSERT INTO job_chunks (job_id, idempotency_key, request_hash) VALUES (?, ?, ?)')
        .run(jobId, chunk.idempotencyKey, chunk.requestHash);
      const last = this.db.prepare('SELECT MAX(seq) AS s FROM job_records WHERE job_id = ?').get(jobId) as Row;
      this.insertRecords(jobId, orgId, Number(last.s ?? -1) + 1, chunk.records);
      this.db.prepare('UPDATE jobs SET last_chunk_at = ? WHERE job_id = ?').run(nowIso(), jobId);
      if (!chunk.expectMore) {
        this.db.prepare('UPDATE jobs SET expect_more = 0 WHERE job_id = ?').run(jobId);
        this.completeIfDone(jobId);
      }
      return 'appended';
    }).immediate();
  }

  async getJob(orgId: string, jobId: string): Promise<Job | null> {
    const row = this.db.prepare('SELECT * FROM jobs WHERE job_id = ? AND org_id = ?').get(jobId, orgId) as
      | Row
      | undefined;
    return row ? toJob(row) : null;
  }

  async listJobs(orgId: string, limit: number): Promise<Job[]> {
    return (
      this.db.prepare('SELECT * FROM jobs WHERE org_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(orgId, limit) as Row[]
    ).map(toJob);
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
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM job_records WHERE job_id = ? GROUP BY status')
      .all(jobId) as Row[];
    for (const row of rows) {
      const n = Number(row.n);
      counts[row.status as RecordStatus] = n;
      counts.total += n;
    }
    counts.calls = counts.created + counts.updated;
    const recent = this.db
      .prepare("SELECT COUNT(*) AS n FROM job_records WHERE job_id = ? AND status != 'pending' AND finished_ms >= ?")
      .get(jobId, recentSinceMs) as Row;
    counts.finishedRecently = Number(recent.n);
    return counts;
  }

  async jobResults(
    jobId: string,
    page: { offset: number; limit: number; status?: RecordStatus },
  ): Promise<{ total: number; items: RecordResult[] }> {
    const filter = page.status ? 'AND status = ?' : '';
    const args: unknown[] = page.status ? [jobId, page.status] : [jobId];
    const total = Number(
      (this.db.prepare(`SELECT COUNT(*) AS n FROM job_records WHERE job_id = ? ${filter}`).get(...args) as Row).n,
    );
    // Failed first: they are what a person has to act on.
    const rows = this.db
      .prepare(
        `SELECT * FROM job_records WHERE job_id = ? ${filter}
         ORDER BY CASE status WHEN 'failed' THEN 0 ELSE 1 END, seq LIMIT ? OFFSET ?`,
      )
      .all(...args, page.limit, page.offset) as Row[];
    return { total, items: rows.map(toResult) };
  }

  async failedSfIds(jobId: string): Promise<string[]> {
    return (
      this.db.prepare("SELECT sf_id FROM job_records WHERE job_id = ? AND status = 'failed' ORDER BY seq").all(jobId) as Row[]
    ).map((r) => String(r.sf_id));
  }

  async retryFailed(
    orgId: string,
    jobId: string,
    mappingVersion: number,
    freshPayloads: Map<string, Record<string, unknown>>,
  ): Promise<number> {
    return this.db.transaction(() => {
      const job = this.db.prepare('SELECT job_id FROM jobs WHERE job_id = ? AND org_id = ?').get(jobId, orgId);
      if (!job) return 0;
      const failed = this.db
        .prepare("SELECT seq, sf_id FROM job_records WHERE job_id = ? AND status = 'failed'")
        .all(jobId) as Row[];
      const reset = this.db.prepare(
        `UPDATE job_records SET status = 'pending', payload = COALESCE(?, payload), message = NULL, attempts = 0,
                owner = NULL, lease_until = NULL, available_at = 0, finished_at = NULL, finished_ms = NULL
         WHERE job_id = ? AND seq = ?`,
      );
      for (const row of failed) {
        const fresh = freshPayloads.get(String(row.sf_id));
        reset.run(fresh ? JSON.stringify(fresh) : null, jobId, row.seq);
      }
      if (failed.length > 0) {
        this.db
          .prepare("UPDATE jobs SET state = 'queued', message = NULL, finished_at = NULL, mapping_version = ? WHERE job_id = ?")
          .run(mappingVersion, jobId);
      }
      return failed.length;
    }).immediate();
  }

  async blockJobsOfOrg(orgId: string, message: string): Promise<void> {
    this.db
      .prepare("UPDATE jobs SET state = 'blocked', message = ? WHERE org_id = ? AND state IN ('queued', 'running')")
      .run(message, orgId);
  }

  async closeIdlePushes(idleMs: number, message: string): Promise<number> {
    return this.db.transaction(() => {
      const cutoff = new Date(Date.now() - idleMs).toISOString();
      const idle = this.db
        .prepare('SELECT job_id FROM jobs WHERE expect_more = 1 AND COALESCE(last_chunk_at, created_at) < ?')
        .all(cutoff) as Row[];
      for (const row of idle) {
        this.db.prepare('UPDATE jobs SET expect_more = 0, message = ? WHERE job_id = ?').run(message, row.job_id);
        this.completeIfDone(String(row.job_id));
      }
      return idle.length;
    }).immediate();
  }

  async unblockJobsOfOrg(orgId: string): Promise<number> {
    return this.db
      .prepare("UPDATE jobs SET state = 'queued', message = NULL WHERE org_id = ? AND state = 'blocked'")
      .run(orgId).changes;
  }

  // ---- Work -------------------------------------------------------------------------

  async claimRecords(owner: string, leaseMs: number, limit: number, skipOrgs: string[]): Promise<ClaimedRecord[]> {
    return this.db.transaction(() => {
      const now = Date.now();
      const jobs = this.db
        .prepare("SELECT * FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, rowid")
        .all() as Row[];
      const pick = this.db.prepare(
        `SELECT * FROM job_records WHERE job_id = ? AND status = 'pending' AND available_at <= ?
           AND (lease_until IS NULL OR lease_until < ?) ORDER BY seq LIMIT ?`,
      );
      const take = this.db.prepare('UPDATE job_records SET owner = ?, lease_until = ? WHERE job_id = ? AND seq = ?');
      const claimed: ClaimedRecord[] = [];
      for (const job of jobs) {
        if (claimed.length >= limit) break;
        if (skipOrgs.includes(String(job.org_id))) continue;
        const rows = pick.all(job.job_id, now, now, limit - claimed.length) as Row[];
        if (rows.length === 0) continue;
        if (job.state === 'queued') {
          this.db
            .prepare("UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, ?) WHERE job_id = ?")
            .run(nowIso(), job.job_id);
        }
        for (const row of rows) {
          take.run(owner, now + leaseMs, row.job_id, row.seq);
          claimed.push({
            jobId: String(row.job_id),
            seq: Number(row.seq),
            orgId: String(job.org_id),
            objectType: job.object_type as ObjectType,
            mappingVersion: Number(job.mapping_version),
            sfId: String(row.sf_id),
            payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
            attempts: Number(row.attempts),
          });
        }
      }
      return claimed;
    }).immediate();
  }

  async extendLease(owner: string, jobId: string, seq: number, leaseMs: number): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE job_records SET lease_until = ? WHERE job_id = ? AND seq = ? AND owner = ? AND status = 'pending'")
        .run(Date.now() + leaseMs, jobId, seq, owner).changes === 1
    );
  }

  async releaseRecord(owner: string, jobId: string, seq: number, delayMs: number, countAttempt: boolean): Promise<void> {
    this.db
      .prepare(
        `UPDATE job_records SET owner = NULL, lease_until = NULL, available_at = ?, attempts = attempts + ?
         WHERE job_id = ? AND seq = ? AND owner = ?`,
      )
      .run(Date.now() + delayMs, countAttempt ? 1 : 0, jobId, seq, owner);
  }

  async finishRecord(result: FinishRecord): Promise<boolean> {
    const finish = this.db.transaction(() => {
      const feed = this.db.prepare('UPDATE feed_counter SET value = value + 1 WHERE id = 1 RETURNING value').get() as Row;
      const changes = this.db
        .prepare(
          `UPDATE job_records SET status = ?, billomat_id = ?, billomat_number = ?, message = ?, owner = NULL, lease_until = NULL,
                  finished_at = ?, finished_ms = ?, result_seq = ?
           WHERE job_id = ? AND seq = ? AND owner = ? AND status = 'pending'`,
        )
        .run(
          result.status,
          result.billomatId,
          result.billomatNumber,
          result.message,
          nowIso(),
          Date.now(),
          Number(feed.value),
          result.jobId,
          result.seq,
          result.owner,
        ).changes;
      // Rolls the feed counter back too: the claim expired and another worker owns the record now.
      if (changes !== 1) throw new LostClaim();
    });
    try {
      finish.immediate();
      return true;
    } catch (error) {
      if (error instanceof LostClaim) return false;
      throw error;
    }
  }

  async settleJob(jobId: string): Promise<Job | null> {
    return this.db.transaction(() => {
      this.completeIfDone(jobId);
      const row = this.db.prepare('SELECT * FROM jobs WHERE job_id = ?').get(jobId) as Row | undefined;
      return row ? toJob(row) : null;
    }).immediate();
  }

  // ---- Ledger -----------------------------------------------------------------------

  async ledgerGet(key: LedgerKey): Promise<LedgerEntry | null> {
    const row = this.db
      .prepare('SELECT * FROM ledger WHERE org_id = ? AND billomat_id = ? AND sf_id = ?')
      .get(key.orgId, key.billomatId, key.sfId) as Row | undefined;
    return row ? toLedger(row) : null;
  }

  async ledgerBeginCreate(key: LedgerKey, owner: string, leaseMs: number): Promise<'fresh' | 'takeover' | 'busy' | 'done'> {
    return this.db.transaction(() => {
      const now = Date.now();
      const row = this.db
        .prepare('SELECT * FROM ledger WHERE org_id = ? AND billomat_id = ? AND sf_id = ?')
        .get(key.orgId, key.billomatId, key.sfId) as Row | undefined;
      if (!row) {
        this.db
          .prepare(
            `INSERT INTO ledger (org_id, billomat_id, sf_id, state, owner, lease_until, updated_at)
             VALUES (?, ?, ?, 'creating', ?, ?, ?)`,
          )
          .run(key.orgId, key.billomatId, key.sfId, owner, now + leaseMs, nowIso());
        return 'fresh' as const;
      }
      if (row.state === 'done') return 'done' as const;
      if (row.owner !== owner && Number(row.lease_until ?? 0) >= now) return 'busy' as const;
      this.db
        .prepare('UPDATE ledger SET owner = ?, lease_until = ?, updated_at = ? WHERE org_id = ? AND billomat_id = ? AND sf_id = ?')
        .run(owner, now + leaseMs, nowIso(), key.orgId, key.billomatId, key.sfId);
      return 'takeover' as const;
    }).immediate();
  }

  async ledgerRecord(key: LedgerKey, entry: LedgerWrite): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO ledger (org_id, billomat_id, sf_id, billomat_client_id, billomat_number, fingerprint, state, owner, lease_until,
                             last_job_id, last_status, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'done', NULL, NULL, ?, ?, ?)
         ON CONFLICT (org_id, billomat_id, sf_id) DO UPDATE SET billomat_client_id = excluded.billomat_client_id,
           billomat_number = excluded.billomat_number, fingerprint = excluded.fingerprint, state = 'done',
           owner = NULL, lease_until = NULL, last_job_id = excluded.last_job_id, last_status = excluded.last_status,
           updated_at = excluded.updated_at`,
      )
      .run(
        key.orgId,
        key.billomatId,
        key.sfId,
        entry.billomatClientId,
        entry.billomatNumber,
        entry.fingerprint,
        entry.jobId,
        entry.status,
        nowIso(),
      );
  }

  async ledgerAbandonCreate(key: LedgerKey, owner: string): Promise<void> {
    this.db
      .prepare(
        "DELETE FROM ledger WHERE org_id = ? AND billomat_id = ? AND sf_id = ? AND state = 'creating' AND owner = ?",
      )
      .run(key.orgId, key.billomatId, key.sfId, owner);
  }

  async ledgerForget(key: LedgerKey, billomatClientId: number): Promise<void> {
    this.db
      .prepare('DELETE FROM ledger WHERE org_id = ? AND billomat_id = ? AND sf_id = ? AND billomat_client_id = ?')
      .run(key.orgId, key.billomatId, key.sfId, billomatClientId);
  }

  async ledgerSize(orgId: string, billomatId: string): Promise<number> {
    return Number(
      (
        this.db
          .prepare("SELECT COUNT(*) AS n FROM ledger WHERE org_id = ? AND billomat_id = ? AND state = 'done'")
          .get(orgId, billomatId) as Row
      ).n,
    );
  }

  // ---- Results feed -----------------------------------------------------------------

  async resultsAfter(orgId: string, cursor: number, limit: number): Promise<FeedItem[]> {
    const rows = this.db
      .prepare(
        `SELECT r.*, j.object_type FROM job_records r JOIN jobs j ON j.job_id = r.job_id
         WHERE r.org_id = ? AND r.result_seq > ? AND r.status != 'pending' ORDER BY r.result_seq LIMIT ?`,
      )
      .all(orgId, cursor, limit) as Row[];
    return rows.map((row) => ({
      ...toResult(row),
      cursor: Number(row.result_seq),
      jobId: String(row.job_id),
      objectType: row.object_type as ObjectType,
    }));
  }

  // ---- internals --------------------------------------------------------------------

  private insertRecords(jobId: string, orgId: string, firstSeq: number, records: PushRecord[]): void {
    const insert = this.db.prepare(
      `INSERT INTO job_records (job_id, seq, org_id, sf_id, payload, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
    );
    records.forEach((record, index) => {
      insert.run(jobId, firstSeq + index, orgId, record.sfId, JSON.stringify(record.payload));
    });
  }

  private jobRow(jobId: string): Row {
    return this.db.prepare('SELECT * FROM jobs WHERE job_id = ?').get(jobId) as Row;
  }

  private completeIfDone(jobId: string): void {
    const job = this.jobRow(jobId);
    if (!job || job.expect_more || job.state === 'blocked' || job.state === 'completed') return;
    const pending = this.db
      .prepare("SELECT 1 FROM job_records WHERE job_id = ? AND status = 'pending' LIMIT 1")
      .get(jobId);
    if (!pending) {
      this.db
        .prepare("UPDATE jobs SET state = 'completed', finished_at = ?, started_at = COALESCE(started_at, ?) WHERE job_id = ?")
        .run(nowIso(), nowIso(), jobId);
    }
  }
}

class LostClaim extends Error {
  constructor() {
    super('The claim on this record was lost');
  }
}

function toOrg(row: Row): Org {
  return {
    orgId: String(row.org_id),
    billomatId: String(row.billomat_id),
    billomatApiKeySealed: String(row.billomat_api_key_sealed),
    billomatAppId: row.billomat_app_id == null ? null : String(row.billomat_app_id),
    billomatAppSecretSealed: row.billomat_app_secret_sealed == null ? null : String(row.billomat_app_secret_sealed),
    createdAt: String(row.created_at),
  };
}

function toSalesforceConnection(row: Row): SalesforceConnection {
  const text = (value: unknown) => (value == null ? null : String(value));
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
    connectedAt: String(row.connected_at),
    updatedAt: String(row.updated_at),
  };
}

function toPendingAuthorization(row: Row): PendingSalesforceAuthorization {
  return {
    stateHash: String(row.state_hash),
    orgId: String(row.org_id),
    loginUrl: String(row.login_url),
    redirectUri: String(row.redirect_uri),
    codeVerifierSealed: String(row.code_verifier_sealed),
    expiresAt: Number(row.expires_at),
  };
}

function toMapping(row: Row): SavedMapping {
  return {
    objectType: row.object_type as ObjectType,
    version: Number(row.version),
    fields: JSON.parse(String(row.fields)) as MappingFields,
    savedAt: String(row.saved_at),
  };
}

function toJob(row: Row): Job {
  return {
    jobId: String(row.job_id),
    orgId: String(row.org_id),
    objectType: row.object_type as ObjectType,
    mappingVersion: Number(row.mapping_version),
    state: row.state as Job['state'],
    message: row.message == null ? null : String(row.message),
    source: row.source as Job['source'],
    expectMore: Boolean(row.expect_more),
    expectedTotal: row.expected_total == null ? null : Number(row.expected_total),
    createdAt: String(row.created_at),
    startedAt: row.started_at == null ? null : String(row.started_at),
    finishedAt: row.finished_at == null ? null : String(row.finished_at),
  };
}

function toResult(row: Row): RecordResult {
  return {
    sfId: String(row.sf_id),
    status: row.status as RecordStatus,
    billomatId: row.billomat_id == null ? null : Number(row.billomat_id),
    billomatNumber: row.billomat_number == null ? null : String(row.billomat_number),
    message: row.message == null ? null : String(row.message),
    finishedAt: row.finished_at == null ? null : String(row.finished_at),
  };
}

function toLedger(row: Row): LedgerEntry {
  return {
    sfId: String(row.sf_id),
    billomatClientId: row.billomat_client_id == null ? null : Number(row.billomat_client_id),
    billomatNumber: row.billomat_number == null ? null : String(row.billomat_number),
    fingerprint: row.fingerprint == null ? null : String(row.fingerprint),
    state: row.state as LedgerEntry['state'],
    owner: row.owner == null ? null : String(row.owner),
    leaseUntil: row.lease_until == null ? null : Number(row.lease_until),
    lastJobId: row.last_job_id == null ? null : String(row.last_job_id),
    lastStatus: row.last_status == null ? null : (row.last_status as 'created' | 'updated'),
  };
}
