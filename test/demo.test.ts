import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('pushes the demo accounts through the emulator and prints a summary with the records to fix', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/demo/main.ts'], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Done: 47 created, 0 updated, 0 unchanged, 3 failed\./);
    expect(run.stdout).toMatch(/is not a valid e-mail address/);
    expect(run.stdout).toMatch(/1 updated, 2 unchanged, 0 created — 1 Billomat call\(s\); still 47 customers/);
    expect(run.stdout).toMatch(/Summary: 47 Billomat customers from 50 accounts, 3 records to fix/);
  }, 70_000);
});
