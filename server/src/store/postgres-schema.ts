/**
 * Migrations for the PostgreSQL store, applied in order; never edit one that has shipped.
 *
 * Leases and availability are epoch milliseconds taken from the database clock, so several
 * service instances agree on when a claim expires even when their own clocks drift.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE orgs (
    org_id TEXT PRIMARY KEY,
    billomat_id TEXT NOT NULL,
    billomat_api_key_sealed TEXT NOT NULL,
    billomat_app_id TEXT,
    billomat_app_secret_sealed TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE mappings (
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    object_type TEXT NOT NULL,
    version INTEGER NOT NULL,
    fields JSON NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, object_type, version)
  );
  CREATE TABLE jobs (
    job_id TEXT PRIMARY KEY,
    position BIGINT GENERATED ALWAYS AS IDENTITY,
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    object_type TEXT NOT NULL,
    mapping_version INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'blocked')),
    message TEXT,
    source TEXT NOT NULL,
    expect_more BOOLEAN NOT NULL,
    expected_total INTEGER,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    UNIQUE (org_id, idempotency_key)
  );
  CREATE INDEX jobs_runnable ON jobs (position) WHERE state IN ('queued', 'running');
  CREATE INDEX jobs_of_org ON jobs (org_id, position);
  CREATE TABLE job_chunks (
    job_id TEXT NOT NULL REFERENCES jobs (job_id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    PRIMARY KEY (job_id, idempotency_key)
  );
  CREATE TABLE job_records (
    job_id TEXT NOT NULL REFERENCES jobs (job_id),
    seq INTEGER NOT NULL,
    org_id TEXT NOT NULL,
    sf_id TEXT NOT NULL,
    payload JSON NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'created', 'updated', 'unchanged', 'failed')),
    billomat_id BIGINT,
    billomat_number TEXT,
    message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    lease_until BIGINT,
    available_at BIGINT NOT NULL DEFAULT 0,
    finished_at TIMESTAMPTZ,
    finished_ms BIGINT,
    result_seq BIGINT,
    PRIMARY KEY (job_id, seq)
  );
  CREATE INDEX job_records_pending ON job_records (job_id, seq) WHERE status = 'pending';
  CREATE INDEX job_records_by_status ON job_records (job_id, status, seq);
  CREATE UNIQUE INDEX job_records_feed ON job_records (org_id, result_seq) WHERE result_seq IS NOT NULL;
  CREATE SEQUENCE results_feed_seq AS BIGINT;
  CREATE TABLE ledger (
    org_id TEXT NOT NULL,
    billomat_id TEXT NOT NULL,
    sf_id TEXT NOT NULL,
    billomat_client_id BIGINT,
    billomat_number TEXT,
    fingerprint TEXT,
    state TEXT NOT NULL CHECK (state IN ('creating', 'done')),
    owner TEXT,
    lease_until BIGINT,
    last_job_id TEXT,
    last_status TEXT CHECK (last_status IN ('created', 'updated')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, billomat_id, sf_id)
  );
  `,  `
  CREATE TABLE salesforce_connections (
    org_id TEXT PRIMARY KEY REFERENCES orgs (org_id),
    method TEXT NOT NULL CHECK (method IN ('oauth', 'jwt')),
    login_url TEXT NOT NULL,
    instance_url TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    client_id TEXT,
    refresh_token_sealed TEXT,
    access_token_sealed TEXT,
    private_key_sealed TEXT,
    reconnect_reason TEXT,
    connected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE salesforce_authorizations (
    state_hash TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    login_url TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_verifier_sealed TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX salesforce_authorizations_expiry ON salesforce_authorizations (expires_at);
  `,
  `
  ALTER TABLE jobs ADD COLUMN last_chunk_at TIMESTAMPTZ;
  `,
];
