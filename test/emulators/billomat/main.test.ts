import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

/** Starts `emulators/billomat/main.ts` as `npm run emulator` would and waits for its banner. */
function startProcess(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulators/billomat/main.ts', ...args],
    {
      cwd: process.cwd(),
      env: { ...process.env, BILLOMAT_EMULATOR_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let banner = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Demo account:')) resolve({ child, banner });
    });
    child.stderr!.on('data', (chunk: Buffer) => (banner += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${banner}`)));
  });
}

describe('npm run emulator', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('prints the base URL template and the demo credentials, which then work', async () => {
    const started = await startProcess([
      '--port',
      '0',
      '--quiet',
      '--account',
      'beta:beta-key',
      '--per-window',
      '2',
    ]);
    child = started.child;
    const template = /Base URL template: (\S+)/.exec(started.banner)?.[1];
    expect(template).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\{billomatId\}\/api$/);
    expect(started.banner).toContain('Demo account: billomatId=demo apiKey=demo-key');

    const headers = { Accept: 'application/json', 'X-BillomatApiKey': 'demo-key' };
    const demo = await fetch(`${template!.replace('{billomatId}', 'demo')}/clients`, { headers });
    expect(demo.status).toBe(200);
    expect(demo.headers.get('x-rate-limit-remaining')).toBe('1');
    const beta = await fetch(`${template!.replace('{billomatId}', 'beta')}/clients`, {
      headers: { ...headers, 'X-BillomatApiKey': 'beta-key' },
    });
    expect(beta.status).toBe(200);
  });
});
