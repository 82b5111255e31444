import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { RequestError } from '../errors';
import { OrgRegistry, orgRegistrationSchema } from '../orgs/registry';
import { createSecretBox } from '../security/secrets';
import { openStore } from '../store/open';

/**
 * The operator's command line. Exit codes scripts can trust:
 * 0 done, 1 the work failed, 2 bad usage or configuration, 3 not found / already exists.
 */

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
`;

export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3 } as const;

class UsageError extends Error {}

export async function runCli(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const [group, command, ...rest] = argv;
    if (!group || group === 'help' || group === '--help') {
      out(USAGE);
      return group ? EXIT.ok : EXIT.usage;
    }
    if (group === 'org') return await orgCommand(command, rest, out);
    throw new UsageError(`Unknown command "${group}".`);
  } catch (error) {
    const parseArgsError = (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') ?? false;
    if (error instanceof UsageError || error instanceof ConfigError || parseArgsError) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof RequestError) {
      err(`${error.message}\n`);
      return error.status === 404 || error.status === 409 ? EXIT.notFound : EXIT.usage;
    }
    err(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}

async function orgCommand(command: string | undefined, args: string[], out: (text: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'org-id': { type: 'string' },
      'billomat-id': { type: 'string' },
      'billomat-key': { type: 'string' },
      'app-id': { type: 'string' },
      'app-secret': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  const store = await openStore(config.database);
  const registry = new OrgRegistry(store, createSecretBox(config.secretKey));
  try {
    switch (command) {
      case 'add':
      case 'update-billomat': {
        const parsed = orgRegistrationSchema.safeParse({
          orgId: values['org-id'],
          billomatId: values['billomat-id'],
          billomatApiKey: values['billomat-key'],
          billomatAppId: values['app-id'],
          billomatAppSecret: values['app-secret'],
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const flag = { orgId: '--org-id', billomatId: '--billomat-id', billomatApiKey: '--billomat-key', billomatAppId: '--app-id', billomatAppSecret: '--app-secret' }[
            String(issue?.path[0]) as 'orgId'
          ];
          throw new UsageError(`${flag ?? 'options'}: ${issue?.message ?? 'invalid'}`);
        }
        if (command === 'add') {
          const outcome = await registry.register(parsed.data);
          if (outcome.kind === 'exists') {
            throw new RequestError(409, 'org_exists', `The org ${outcome.orgId} is already registered (use "org update-billomat" or "org rotate-token").`);
          }
          out(
            [
              `Registered org ${outcome.orgId} for Billomat account "${parsed.data.billomatId}".`,
              '',
              `API token (shown only this once): ${outcome.apiToken}`,
              '',
              'Enter it in the org: Setup → Named Credentials → External Credentials → Billomat_Export_Service →',
              'Principals → ServiceToken → Authentication Parameters → ApiToken.',
              '',
            ].join('\n'),
          );
        } else {
          const { updated, unblockedJobs } = await registry.updateCredentials(parsed.data);
          if (!updated) throw new RequestError(404, 'not_found', `The org ${parsed.data.orgId} is not registered.`);
          out(`Updated the Billomat credentials of ${parsed.data.orgId}; ${unblockedJobs} blocked push(es) resume.\n`);
        }
        return EXIT.ok;
      }
      case 'rotate-token': {
        if (!values['org-id']) throw new UsageError('--org-id is required.');
        const token = await registry.rotateToken(values['org-id']);
        if (!token) throw new RequestError(404, 'not_found', `The org ${values['org-id']} is not registered.`);
        out(`New API token for ${values['org-id']} (shown only this once): ${token}\n`);
        return EXIT.ok;
      }
      case 'list': {
        const orgs = await registry.list();
        out(orgs.length === 0 ? 'No orgs registered.\n' : orgs.map((o) => `${o.orgId}  billomat=${o.billomatId}  since ${o.createdAt}`).join('\n') + '\n');
        return EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown org command "${command ?? ''}".`);
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => {
    process.exitCode = code;
  });
}
