// `npm run emulator`: the Billomat emulator as its own process.
// Flags win over environment variables; every setting has a default.
import { parseArgs } from 'node:util';
import { startBillomatEmulator } from './server';
import type { BillomatEmulatorOptions, Faults } from './types';

const usage = `Usage: npm run emulator -- [options]
  --port N                  BILLOMAT_EMULATOR_PORT         default 8090
  --host H                  BILLOMAT_EMULATOR_HOST         default 127.0.0.1
  --account id:key          BILLOMAT_EMULATOR_ACCOUNTS     more accounts, comma-separated (demo:demo-key is always there)
  --app id:secret           BILLOMAT_EMULATOR_APPS         registered apps, comma-separated
  --per-window N            BILLOMAT_EMULATOR_PER_WINDOW   default 300
  --per-window-with-app N   BILLOMAT_EMULATOR_PER_WINDOW_WITH_APP  default 1000
  --time-scale N            BILLOMAT_EMULATOR_TIME_SCALE   default 1 (900 makes a window last 1 s)
  --latency MS|MIN-MAX      BILLOMAT_EMULATOR_LATENCY_MS
  --server-error-ratio R    BILLOMAT_EMULATOR_SERVER_ERROR_RATIO
  --drop-ratio R            BILLOMAT_EMULATOR_DROP_RATIO
  --lost-answer-ratio R     BILLOMAT_EMULATOR_LOST_ANSWER_RATIO
  --seed N                  BILLOMAT_EMULATOR_SEED         default 1
  --quiet                   no request log`;

const demoAccount = { billomatId: 'demo', apiKey: 'demo-key' };

function settings(): { options: BillomatEmulatorOptions; quiet: boolean } {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      account: { type: 'string', multiple: true },
      app: { type: 'string', multiple: true },
      'per-window': { type: 'string' },
      'per-window-with-app': { type: 'string' },
      'time-scale': { type: 'string' },
      latency: { type: 'string' },
      'server-error-ratio': { type: 'string' },
      'drop-ratio': { type: 'string' },
      'lost-answer-ratio': { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const env = process.env;
  const pick = (flag: string | undefined, name: string): string | undefined =>
    flag ?? (env[`BILLOMAT_EMULATOR_${name}`] || undefined);
  const listOf = (flags: string[] | undefined, name: string): string[] =>
    flags ?? (env[`BILLOMAT_EMULATOR_${name}`] ?? '').split(',').filter((item) => item !== '');

  const accounts = [
    demoAccount,
    ...listOf(values.account, 'ACCOUNTS')
      .map(pair('--account'))
      .map(([billomatId, apiKey]) => ({ billomatId, apiKey })),
  ];
  const apps = listOf(values.app, 'APPS')
    .map(pair('--app'))
    .map(([appId, appSecret]) => ({ appId, appSecret }));
  const faults: Faults = {
    latencyMs: latency(pick(values.latency, 'LATENCY_MS')),
    serverErrorRatio: numberOf(pick(values['server-error-ratio'], 'SERVER_ERROR_RATIO')),
    dropRatio: numberOf(pick(values['drop-ratio'], 'DROP_RATIO')),
    lostAnswerRatio: numberOf(pick(values['lost-answer-ratio'], 'LOST_ANSWER_RATIO')),
  };
  return {
    quiet: values.quiet ?? false,
    options: {
      host: pick(values.host, 'HOST') ?? '127.0.0.1',
      port: numberOf(pick(values.port, 'PORT')) ?? 8090,
      accounts,
      apps,
      rateLimit: {
        perWindow: numberOf(pick(values['per-window'], 'PER_WINDOW')),
        perWindowWithApp: numberOf(pick(values['per-window-with-app'], 'PER_WINDOW_WITH_APP')),
        timeScale: numberOf(pick(values['time-scale'], 'TIME_SCALE')),
      },
      faults,
      seed: numberOf(pick(values.seed, 'SEED')),
    },
  };
}

function pair(flag: string): (text: string) => [string, string] {
  return (text) => {
    const at = text.indexOf(':');
    if (at < 1 || at === text.length - 1) throw new Error(`${flag} takes id:secret, got "${text}"`);
    return [text.slice(0, at), text.slice(at + 1)];
  };
}

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

function latency(text: string | undefined): Faults['latencyMs'] {
  if (text === undefined) return undefined;
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
  return range ? [Number(range[1]), Number(range[2])] : numberOf(text);
}

async function main(): Promise<void> {
  const { options, quiet } = settings();
  const emulator = await startBillomatEmulator({
    ...options,
    ...(quiet ? {} : { log: (line: string) => console.log(line) }),
  });
  console.log(`Billomat emulator listening on ${emulator.url}`);
  console.log(`Base URL template: ${emulator.baseUrlTemplate}`);
  console.log(`Demo account: billomatId=${demoAccount.billomatId} apiKey=${demoAccount.apiKey}`);
  console.log(`Controls: ${emulator.url}/_emulator/… (see emulators/billomat/README.md)`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
