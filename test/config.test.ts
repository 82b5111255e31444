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
    ['SALESFORCE_REDIRECT_URI', 'callback.example.com'],
    ['SALESFORCE_LOGIN_URLS', 'http://127.0.0.1:9000,ftp://files.example.com'],
    ['SALESFORCE_LOGIN_URLS', 'http://127.0.0.1:9000/services/oauth2'],
    ['SALESFORCE_BULK_THRESHOLD', '-5'],
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

  describe('Salesforce settings', () => {
    it('leaves the connected app unset and calls back to the service itself by default', () => {
      const { salesforce } = loadConfig({ SECRET_KEY: KEY });
      expect(salesforce).toEqual({
        clientId: null,
        clientSecret: null,
        redirectUri: 'http://127.0.0.1:8080/v1/oauth/callback',
        allowedLoginUrls: [],
        bulkThreshold: 2000,
        pullBatchSize: 500,
        bulkPollMs: 2000,
      });
    });

    it('derives the callback from HOST and PORT, and waits for the real port when PORT is 0', () => {
      expect(loadConfig({ SECRET_KEY: KEY, HOST: 'export.local', PORT: '9090' }).salesforce.redirectUri).toBe(
        'http://export.local:9090/v1/oauth/callback',
      );
      expect(loadConfig({ SECRET_KEY: KEY, HOST: '0.0.0.0' }).salesforce.redirectUri).toBe('http://127.0.0.1:8080/v1/oauth/callback');
      expect(loadConfig({ SECRET_KEY: KEY, PORT: '0' }).salesforce.redirectUri).toBeNull();
    });

    it('takes the connected app, an explicit callback and extra login origins for a local fake', () => {
      const { salesforce } = loadConfig({
        SECRET_KEY: KEY,
        SALESFORCE_CLIENT_ID: '3MVG9-consumer-key',
        SALESFORCE_CLIENT_SECRET: 'consumer-secret',
        SALESFORCE_REDIRECT_URI: 'https://export.example.com/v1/oauth/callback',
        SALESFORCE_LOGIN_URLS: ' http://127.0.0.1:9000/ , http://localhost:9001',
        SALESFORCE_BULK_THRESHOLD: '10000',
      });
      expect(salesforce).toMatchObject({
        clientId: '3MVG9-consumer-key',
        clientSecret: 'consumer-secret',
        redirectUri: 'https://export.example.com/v1/oauth/callback',
        allowedLoginUrls: ['http://127.0.0.1:9000', 'http://localhost:9001'],
        bulkThreshold: 10_000,
      });
    });
  });
});
