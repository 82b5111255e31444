import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../server/src/store/contract';
import { PostgresStore } from '../../server/src/store/postgres';
import { SqliteStore } from '../../server/src/store/sqlite';

/**
 * The stores the contract suite runs against. Each test gets a database of its own: a fresh
 * SQLite file, or a fresh PostgreSQL schema that is dropped afterwards.
 */
export interface OpenedStore {
  store: Store;
  /** Another store on the same database, as a second service instance would open it. */
  sibling(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface StoreUnderTest {
  name: 'sqlite' | 'postgres';
  /** Fails with a message that says what to do when the store cannot be reached. */
  ensureReachable(): Promise<void>;
  open(): Promise<OpenedStore>;
}

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const sqlite: StoreUnderTest = {
  name: 'sqlite',
  ensureReachable: async () => undefined,
  async open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-contract-'));
    const file = path.join(dir, 'store.sqlite');
    const opened: Store[] = [];
    const openOne = async () => {
      const store = new SqliteStore(file);
      await store.migrate();
      opened.push(store);
      return store;
    };
    return {
      store: await openOne(),
      sibling: openOne,
      async dispose() {
        for (const store of opened) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: StoreUnderTest = {
  name: 'postgres',
  async ensureReachable() {
    const client = new pg.Client({
      connectionString: TEST_DATABASE_URL,
      connectionTimeoutMillis: 5_000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      throw new Error(
        `The PostgreSQL store tests need a PostgreSQL server at ${withoutPassword(TEST_DATABASE_URL)} ` +
          `(${error instanceof Error ? error.message : String(error)}). Start one, or set TEST_DATABASE_URL ` +
          'to a database the tests may create schemas in. These tests are never skipped.',
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  async open() {
    const schema = `store_contract_${randomBytes(6).toString('hex')}`;
    const opened: Store[] = [];
    const openOne = async () => {
      const store = new PostgresStore(TEST_DATABASE_URL, schema);
      opened.push(store);
      await store.migrate();
      return store;
    };
    return {
      store: await openOne(),
      sibling: openOne,
      async dispose() {
        for (const store of opened) await store.close();
        await dropSchema(schema);
      },
    };
  },
};

export const STORES: readonly StoreUnderTest[] = [sqlite, postgres];

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable TEST_DATABASE_URL)';
  }
}
