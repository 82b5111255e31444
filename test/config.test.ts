import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/src/config';

const KEY = 'ab'.repeat(32);

describe('configuration from the environment', () => {
  it('starts as a local demo on SQLite in ./data when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(/data[\\/]billomat-export\.sqlite$/);
    expect(config.port).toBe(8080);
    expect(config.billomat.baseUrlTemplate).toBe('https://{billomatId}.billomat.net/api');
  });

  it('refuses to run outside the demo without a secret key, naming the variable', () => {
    expect(() => loadConfig({ DEMO: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO: '0' })).toThrow(/^SECRET_KEY is required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test' })).toThrow(/^SECRET_KEY/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['SECRET_KEY', 'too-short'],
    ['DATABASE_URL', 'mysql://x'],
    ['WORKER_CONCURRENCY', '0'],
    ['LOG_LEVEL', 'chatty'],
    ['OPERATOR_TOKEN', 'short'],
  ])('stops on a bad %s (%s) with one line that names the variable', (variable, value) => {
    let message = '';
    try {
      loadConfig({ SECRET_KEY: KEY, [variable]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith(variable)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('takes a real setup: PostgreSQL, a secret key, an operator token', () => {
    const config = loadConfig({
      SECRET_KEY: KEY,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      OPERATOR_TOKEN: 'x'.repeat(32),
      WORKER_LEASE_SECONDS: '30',
    });
    expect(config.demo).toBe(false);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.secretKey.equals(Buffer.from(KEY, 'hex'))).toBe(true);
    expect(config.worker.leaseMs).toBe(30_000);
  });
});
