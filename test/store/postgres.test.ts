import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../server/src/store/postgres';
import { POSTGRES_MIGRATIONS } from '../../server/src/store/postgres-schema';
import { TEST_DATABASE_URL } from './stores';

describe('the PostgreSQL store beyond the shared contract', () => {
  const schema = `store_pg_${randomBytes(6).toString('hex')}`;
  const stores: PostgresStore[] = [];

  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('lets several instances start on a fresh database at once, migrating it exactly once', async () => {
    stores.push(...Array.from({ length: 4 }, () => new PostgresStore(TEST_DATABASE_URL, schema)));

    await Promise.all(stores.map((store) => store.migrate()));

    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const applied = await client.query<{ version: number }>(
        `SELECT version FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`,
      );
      expect(applied.rows.map((row) => row.version)).toEqual(
        POSTGRES_MIGRATIONS.map((_, index) => index + 1),
      );
    } finally {
      await client.end();
    }
  });

  it('refuses a schema name that is not a plain lower-case identifier', () => {
    expect(() => new PostgresStore(TEST_DATABASE_URL, 'tenant; DROP TABLE orgs')).toThrow(
      /schema name/,
    );
  });
});
