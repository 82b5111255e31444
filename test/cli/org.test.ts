import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../server/src/cli/main';
import { hashToken } from '../../server/src/security/secrets';
import { openStore } from '../../server/src/store/open';

describe('the operator CLI: org commands', () => {
  let dataDir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'billomat-export-cli-'));
    process.env.DATA_DIR = dataDir;
    process.env.SECRET_KEY = 'cd'.repeat(32);
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, (t) => (out += t), (t) => (err += t));
    return { code, out, err };
  }

  it('registers an org, prints its token once and stores only the hash and the sealed key', async () => {
    const added = await run('org', 'add', '--org-id', '00D000000000001', '--billomat-id', 'acme', '--billomat-key', 'acme-secret-key');
    expect(added.code).toBe(EXIT.ok);
    const token = /API token \(shown only this once\): (\S+)/.exec(added.out)?.[1];
    expect(token).toMatch(/^bex_/);

    const store = await openStore({ kind: 'sqlite', file: path.join(dataDir, 'billomat-export.sqlite') });
    const org = await store.findOrgByTokenHash(hashToken(token as string));
    await store.close();
    expect(org?.billomatId).toBe('acme');
    expect(org?.tokenHash).not.toBe(token);
    expect(org?.billomatApiKeySealed).not.toContain('acme-secret-key');

    const list = await run('org', 'list');
    expect(list.out).toMatch(/00D000000000001\w{3}\s+billomat=acme/);
    expect(list.out).not.toContain(token);
  });

  it('exits 3 when the org is already registered, and 2 on bad usage', async () => {
    await run('org', 'add', '--org-id', '00D000000000001', '--billomat-id', 'acme', '--billomat-key', 'acme-secret-key');
    const again = await run('org', 'add', '--org-id', '00D000000000001', '--billomat-id', 'acme', '--billomat-key', 'acme-secret-key');
    expect(again.code).toBe(EXIT.notFound);
    expect(again.err).toMatch(/already registered/);

    const badId = await run('org', 'add', '--org-id', '001000000000001', '--billomat-id', 'acme', '--billomat-key', 'acme-secret-key');
    expect(badId.code).toBe(EXIT.usage);
    expect(badId.err).toMatch(/--org-id: must be a Salesforce org id/);
    expect((await run('org', 'add', '--colour', 'blue')).code).toBe(EXIT.usage);
    expect((await run('frobnicate')).code).toBe(EXIT.usage);
  });

  it('rotates a token so that the old one stops working', async () => {
    const added = await run('org', 'add', '--org-id', '00D000000000001', '--billomat-id', 'acme', '--billomat-key', 'acme-secret-key');
    const oldToken = /: (bex_\S+)/.exec(added.out)?.[1] as string;
    const rotated = await run('org', 'rotate-token', '--org-id', '00D000000000001');
    const newToken = /: (bex_\S+)/.exec(rotated.out)?.[1] as string;
    expect(newToken).not.toBe(oldToken);
    const store = await openStore({ kind: 'sqlite', file: path.join(dataDir, 'billomat-export.sqlite') });
    expect(await store.findOrgByTokenHash(hashToken(oldToken))).toBeNull();
    expect(await store.findOrgByTokenHash(hashToken(newToken))).not.toBeNull();
    await store.close();
    expect((await run('org', 'rotate-token', '--org-id', '00D000000000009')).code).toBe(EXIT.notFound);
  });
});
