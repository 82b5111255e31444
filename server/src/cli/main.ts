import { accessCommand } from './access-command';
import { connectCommand } from './connect-command';
import { EXIT, UsageError, explainFailure, isUsageProblem, type CliOutput } from './exit';
import { orgCommand } from './org-command';
import { pullCommand } from './pull-command';

export { EXIT } from './exit';

/** The operator's command line; exit codes in ./exit.ts. */

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  org add --org-id <00D…> --billomat-id <account> --billomat-key <key> [--app-id <id> --app-secret <secret>]
      Register a Salesforce org. Prints its API token once (only a hash is stored).
  org update-billomat --org-id <00D…> --billomat-id <account> --billomat-key <key> [--app-id … --app-secret …]
      Replace the org's Billomat credentials and resume its blocked pushes.
  org rotate-token --org-id <00D…>
      Issue a new API token; the old one stops working at once.
  org list
      List registered orgs.
  connect --org <00D…> [--login production|sandbox|<My Domain URL>]
      Print the Salesforce login address that connects the org to the service (OAuth with PKCE).
  access --org <00D…>
      Check the org's API access from the service: edition, "API Enabled", Salesforce's own answer.
  pull --org <00D…> --object Account|Contact [--where "<SOQL condition>"] [--dry-run]
      Read the records from Salesforce and export them to Billomat with progress; --dry-run only
      shows what would be created, updated, left unchanged or fail.

Exit codes: 0 done, 1 records failed or the push is blocked, 2 usage or configuration,
3 org, connection or mapping not found, 4 Salesforce refused access.
`;

export interface CliOptions {
  isTTY?: boolean;
  progressEveryMs?: number;
  signal?: AbortSignal;
}

export async function runCli(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
  options: CliOptions = {},
): Promise<number> {
  const io: CliOutput = {
    out,
    err,
    isTTY: options.isTTY ?? false,
    progressEveryMs: options.progressEveryMs ?? 5_000,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command ? EXIT.ok : EXIT.usage;
      case 'org':
        return await orgCommand(rest[0], rest.slice(1), io);
      case 'connect':
        return await connectCommand(rest, io);
      case 'access':
        return await accessCommand(rest, io);
      case 'pull':
        return await pullCommand(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (isUsageProblem(error)) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const failure = explainFailure(error);
    err(failure.text);
    return failure.code;
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const stop = new AbortController();
  // The first Ctrl-C stops a pull cleanly (what was read stays stored); a second one ends it at once.
  process.once('SIGINT', () => (argv[0] === 'pull' ? stop.abort() : process.exit(130)));
  void runCli(
    argv,
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
    {
      isTTY: process.stdout.isTTY === true,
      signal: stop.signal,
    },
  ).then((code) => {
    process.exitCode = code;
  });
}
