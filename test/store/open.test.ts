import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/src/store/contract';
import { openStore } from '../../server/src/store/open';
import { newOrg } from './builders';
import { TEST_DATABASE_URL } from './stores';

describe('opening the store named by DATABASE_URL', () => {
  const schema = `store_open_${randomBytes(6).toString('hex')}`;
  let opened: Store | undefined;

  afterEach(async () => {
    await opened?.close();
    await withClient((client) =>
      client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`),
    );
  });

  it('opens a migrated PostgreSQL store for a postgres:// URL', async () => {
    await withClient((client) => client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`));
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);

    opened = await openStore({ kind: 'postgres', url: url.toString() });

    expect(opened.kind).toBe('postgres');
    expect(await opened.addOrg(newOrg('org-1'))).toBe('added');
    const tables = await withClient((client) =>
      client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      ),
    );
    expect(tables.rows.map((row) => row.table_name)).toContain('orgs');
  });

  it('reports an unreachable PostgreSQL server instead of starting without a store', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.port = '1';

    await expect(openStore({ kind: 'postgres', url: url.toString() })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
