/** Migrations for the embedded store, applied in order; never edit one that has shipped. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE orgs (
    org_id TEXT PRIMARY KEY,
    billomat_id TEXT NOT NULL,
    billomat_api_key_sealed TEXT NOT NULL,
    billomat_app_id TEXT,
    billomat_app_secret_sealed TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE mappings (
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    object_type TEXT NOT NULL,
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (org_id, object_type, version)
  );
  CREATE TABLE jobs (
    job_id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    object_type TEXT NOT NULL,
    mapping_version INTEGER NOT NULL,
    state TEXT NOT NULL,
    message TEXT,
    source TEXT NOT NULL,
    expect_more INTEGER NOT NULL,
    expected_total INTEGER,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    UNIQUE (org_id, idempotency_key)
  );
  CREATE INDEX jobs_runnable ON jobs (state, created_at);
  CREATE INDEX jobs_of_org ON jobs (org_id, created_at);
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
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    billomat_id INTEGER,
    billomat_number TEXT,
    message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    lease_until INTEGER,
    available_at INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT,
    finished_ms INTEGER,
    result_seq INTEGER,
    PRIMARY KEY (job_id, seq)
  );
  CREATE INDEX job_records_by_status ON job_records (job_id, status, seq);
  CREATE UNIQUE INDEX job_records_feed ON job_records (org_id, result_seq) WHERE result_seq IS NOT NULL;
  CREATE TABLE ledger (
    org_id TEXT NOT NULL,
    billomat_id TEXT NOT NULL,
    sf_id TEXT NOT NULL,
    billomat_client_id INTEGER,
    billomat_number TEXT,
    fingerprint TEXT,
    state TEXT NOT NULL,
    owner TEXT,
    lease_until INTEGER,
    last_job_id TEXT,
    last_status TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (org_id, billomat_id, sf_id)
  );
  CREATE TABLE feed_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
  INSERT INTO feed_counter (id, value) VALUES (1, 0);
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
    connected_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE salesforce_authorizations (
    state_hash TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (org_id),
    login_url TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_verifier_sealed TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX salesforce_authorizations_expiry ON salesforce_authorizations (expires_at);
  `,
  `
  ALTER TABLE jobs ADD COLUMN last_chunk_at TEXT;
  `,
];
