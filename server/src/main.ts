import { ConfigError, loadConfig } from './config';
import { startService } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const service = await startService(config);
  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  const lines = [
    `Billomat export service listening on ${service.url} (store: ${where})`,
    config.demo
      ? '  DEMO MODE: stored credentials are encrypted with a built-in demo key. Set SECRET_KEY for real use.'
      : null,
    '',
    'Next steps:',
    `  1. Register a Salesforce org:  npm run cli -- org add --org-id 00D... --billomat-id <account> --billomat-key <API key>`,
    `     (it prints the org API token once: enter it in the org's External Credential "Billomat_Export_Service")`,
    `  2. Check it:                   curl -H "Authorization: Bearer <token>" ${service.url}/v1/status`,
    '  3. Or see it all work without a Billomat account:  npm run demo',
    '',
  ].filter((line): line is string => line !== null);
  process.stdout.write(lines.join('\n') + '\n');

  const shutdown = async (signal: string) => {
    process.stdout.write(`${signal}: finishing the records in hand, then stopping…\n`);
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
