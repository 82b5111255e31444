import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliOutput } from './exit';
import { withServices } from './services';

/** `connect --org <id> [--login production|sandbox|<My Domain URL>]`: prints the Salesforce login address to open. */
export async function connectCommand(args: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { org: { type: 'string' }, login: { type: 'string', default: 'production' } },
    strict: true,
  });
  if (!values.org)
    throw new UsageError(
      '--org is required: the Salesforce org id (00D…) registered with "org add".',
    );
  const orgId = values.org;
  const login = values.login;
  return withServices(async ({ authorizations, config }) => {
    const started = await authorizations.start(orgId, login);
    io.out(
      [
        `Open this address in a browser and log in to Salesforce as the user the export service should act as`,
        `(before ${started.expiresAt}, once):`,
        '',
        `  ${started.url}`,
        '',
        `Salesforce then sends the browser to ${config.salesforce.redirectUri ?? 'the service'}; the page there says`,
        'which org was connected and as whom. Check it afterwards with: npm run cli -- access --org ' +
          orgId,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  });
}
