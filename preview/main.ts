import { startPreview } from './preview';

/**
 * `npm run preview`: builds the package's components and serves them next to the export
 * service and the Billomat emulator. `npm run preview -- --port 4321` picks the port.
 */

async function main(): Promise<void> {
  const started = Date.now();
  const preview = await startPreview({ port: portArgument(process.argv.slice(2)) });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const sample = preview.org
    .all('Account')
    .find((account) => account.Name === 'Müller Maschinenbau GmbH');
  out('Billomat Export — local preview of the Salesforce package');
  out(
    `  components ${preview.build.fromCache ? 'reused from an earlier build' : `built in ${seconds(preview.build.durationMs)}`}, ` +
      `ready in ${seconds(Date.now() - started)}`,
  );
  out();
  out(`  Admin app (Billomat Export tab): ${preview.adminUrl}`);
  out(`  Accounts of the fake org:        ${preview.accountsUrl}`);
  if (sample) out(`  An Account record page:          ${preview.recordUrl(sample.Id)}`);
  out();
  out(`  Export service: ${preview.service.url} · Billomat emulator: ${preview.emulator.url}`);
  out('  Stop with Ctrl+C; everything lives in memory and a temporary folder.');

  const stop = () => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function portArgument(args: string[]): number {
  const index = args.indexOf('--port');
  if (index < 0) return 0;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535 (got "${args[index + 1] ?? ''}")`);
  }
  return port;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The preview did not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
