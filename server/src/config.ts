import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else gets a typed `Config`.
 * A bad value stops the service with one line that names the variable.
 */

const DEFAULT_BILLOMAT_URL = 'https://{billomatId}.billomat.net/api';

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  OPERATOR_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  BILLOMAT_BASE_URL: z
    .string()
    .regex(/^https?:\/\/.+\{billomatId\}|^https?:\/\/.+/, 'must be an http(s) URL')
    .default(DEFAULT_BILLOMAT_URL),
  BILLOMAT_TIMEOUT_MS: positiveInt(20_000),
  BILLOMAT_MAX_ATTEMPTS: positiveInt(6),
  BILLOMAT_RETRY_BASE_MS: positiveInt(500),
  BILLOMAT_RETRY_MAX_MS: positiveInt(60_000),
  WORKER_CONCURRENCY: positiveInt(4),
  WORKER_LEASE_SECONDS: positiveInt(60),
  WORKER_POLL_MS: positiveInt(500),
  PUSH_MAX_RECORDS: positiveInt(2000),
  PUSH_MAX_BODY_BYTES: positiveInt(5 * 1024 * 1024),
  PUSH_IDLE_CLOSE_HOURS: z.coerce.number().positive().default(24),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SALESFORCE_CLIENT_ID: z.string().min(1).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().min(1).optional(),
  SALESFORCE_REDIRECT_URI: z.string().regex(/^https?:\/\/[^/\s]+\/\S*$/, 'must be an http(s) URL such as https://export.example.com/v1/oauth/callback').optional(),
  SALESFORCE_LOGIN_URLS: z
    .string()
    .refine((list) => splitList(list).every(isHttpOrigin), 'must be comma-separated http(s) addresses without a path')
    .optional(),
  SALESFORCE_BULK_THRESHOLD: positiveInt(2000),
  SALESFORCE_PULL_BATCH_SIZE: positiveInt(500),
  SALESFORCE_BULK_POLL_MS: positiveInt(2000),
});

export type Environment = z.input<typeof environmentSchema>;

export interface Config {
  host: string;
  port: number;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** 32-byte key for AES-256-GCM encryption of stored Billomat credentials and Salesforce tokens. */
  secretKey: Buffer;
  operatorToken: string | null;
  demo: boolean;
  billomat: {
    baseUrlTemplate: string;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  worker: { concurrency: number; leaseMs: number; pollMs: number };
  limits: { maxRecordsPerPush: number; maxBodyBytes: number; idleCloseMs: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  salesforce: SalesforceSettings;
}

export interface SalesforceSettings {
  /** The connected app's consumer key and secret; null until the operator sets them up. */
  clientId: string | null;
  clientSecret: string | null;
  /**
   * Where Salesforce sends the admin's browser back to; it must be listed in the connected app.
   * Null when the service listens on a port picked at start (PORT=0): then its own address is used.
   */
  redirectUri: string | null;
  /** Login origins accepted besides Salesforce's own https hosts (a local fake). */
  allowedLoginUrls: string[];
  /** From this many matching records on, a pull reads with Bulk API 2.0 instead of REST queries. */
  bulkThreshold: number;
  /** Records per batch a pull stores at once. */
  pullBatchSize: number;
  bulkPollMs: number;
}

export class ConfigError extends Error {}

/**
 * The demo runs without a configured secret key; its key is derived from a fixed phrase
 * so that a demo restart can still read what it stored. Never used outside the demo.
 */
const DEMO_SECRET_KEY = createHash('sha256').update('billomat-export demo only').digest();

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`${variable} ${issue?.message ?? 'is invalid'} (got "${env[variable] ?? ''}")`);
  }
  const e = parsed.data;
  const database = databaseFrom(e.DATABASE_URL, e.DATA_DIR);
  // With nothing configured the service runs as a local demo; any sign of a real setup
  // (DEMO=0, or PostgreSQL) makes the secret key mandatory.
  const demo = e.DEMO === undefined ? !e.SECRET_KEY && database.kind === 'sqlite' : e.DEMO === '1' || e.DEMO === 'true';
  if (!e.SECRET_KEY && !demo) {
    throw new ConfigError(
      'SECRET_KEY is required outside the demo (64 hex characters, e.g. `openssl rand -hex 32`); it encrypts the stored Billomat API keys and Salesforce tokens.',
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    database,
    secretKey: e.SECRET_KEY ? Buffer.from(e.SECRET_KEY, 'hex') : DEMO_SECRET_KEY,
    operatorToken: e.OPERATOR_TOKEN ?? null,
    demo,
    billomat: {
      baseUrlTemplate: e.BILLOMAT_BASE_URL,
      timeoutMs: e.BILLOMAT_TIMEOUT_MS,
      maxAttempts: e.BILLOMAT_MAX_ATTEMPTS,
      retryBaseMs: e.BILLOMAT_RETRY_BASE_MS,
      retryMaxMs: e.BILLOMAT_RETRY_MAX_MS,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      leaseMs: e.WORKER_LEASE_SECONDS * 1000,
      pollMs: e.WORKER_POLL_MS,
    },
    limits: {
      maxRecordsPerPush: e.PUSH_MAX_RECORDS,
      maxBodyBytes: e.PUSH_MAX_BODY_BYTES,
      idleCloseMs: e.PUSH_IDLE_CLOSE_HOURS * 3_600_000,
    },
    logLevel: e.LOG_LEVEL,
    salesforce: {
      clientId: e.SALESFORCE_CLIENT_ID ?? null,
      clientSecret: e.SALESFORCE_CLIENT_SECRET ?? null,
      redirectUri: e.SALESFORCE_REDIRECT_URI ?? defaultRedirectUri(e.HOST, e.PORT),
      allowedLoginUrls: splitList(e.SALESFORCE_LOGIN_URLS ?? '').map((url) => new URL(url).origin),
      bulkThreshold: e.SALESFORCE_BULK_THRESHOLD,
      pullBatchSize: e.SALESFORCE_PULL_BATCH_SIZE,
      bulkPollMs: e.SALESFORCE_BULK_POLL_MS,
    },
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isHttpOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '') && !url.search;
  } catch {
    return false;
  }
}

/** The service's own callback address; a browser cannot go back to "any interface", so that becomes 127.0.0.1. */
function defaultRedirectUri(host: string, port: number): string | null {
  if (port === 0) return null;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}/v1/oauth/callback`;
}

function databaseFrom(url: string | undefined, dataDir: string): Config['database'] {
  if (!url) return { kind: 'sqlite', file: path.resolve(dataDir, 'billomat-export.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  return { kind: 'postgres', url };
}
