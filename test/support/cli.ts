import { runCli } from '../../server/src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the CLI in this process with exactly `env` as its environment (config.ts reads
 * process.env), as `npm run cli -- …` would with those variables set.
 */
export async function runCliWith(
  env: Record<string, string>,
  args: string[],
  options: { signal?: AbortSignal; onOutput?: (text: string) => void } = {},
): Promise<CliRun> {
  const saved = process.env;
  process.env = { ...env };
  let out = '';
  let err = '';
  try {
    const code = await runCli(
      args,
      (t) => {
        out += t;
        options.onOutput?.(t);
      },
      (t) => (err += t),
      { isTTY: false, ...(options.signal ? { signal: options.signal } : {}) },
    );
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}
