import type { Config } from '../config';
import type { Store } from './contract';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';

export async function openStore(database: Config['database']): Promise<Store> {
  if (database.kind === 'postgres') {
    const store = new PostgresStore(database.url);
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }
  const store = new SqliteStore(database.file);
  await store.migrate();
  return store;
}
