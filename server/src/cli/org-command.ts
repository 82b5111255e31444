import { parseArgs } from 'node:util';
import { RequestError } from '../errors';
import { OrgRegistry, orgRegistrationSchema } from '../orgs/registry';
import { EXIT, UsageError, type CliOutput } from './exit';
import { withServices } from './services';

const FLAGS = {
  orgId: '--org-id',
  billomatId: '--billomat-id',
  billomatApiKey: '--billomat-key',
  billomatAppId: '--app-id',
  billomatAppSecret: '--app-secret',
} as const;

/** `org add | update-billomat | rotate-token | list`: registering orgs with their Billomat credentials. */
export async function orgCommand(
  command: string | undefined,
  args: string[],
  io: CliOutput,
): Promise<number> {
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
  return withServices(async ({ store, box }) => {
    const registry = new OrgRegistry(store, box);
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
          const flag = FLAGS[String(issue?.path[0]) as keyof typeof FLAGS];
          throw new UsageError(`${flag ?? 'options'}: ${issue?.message ?? 'invalid'}`);
        }
        if (command === 'add') {
          const outcome = await registry.register(parsed.data);
          if (outcome.kind === 'exists') {
            throw new RequestError(
              409,
              'org_exists',
              `The org ${outcome.orgId} is already registered (use "org update-billomat" or "org rotate-token").`,
            );
          }
          io.out(
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
          if (!updated)
            throw new RequestError(
              404,
              'not_found',
              `The org ${parsed.data.orgId} is not registered.`,
            );
          io.out(
            `Updated the Billomat credentials of ${parsed.data.orgId}; ${unblockedJobs} blocked push(es) resume.\n`,
          );
        }
        return EXIT.ok;
      }
      case 'rotate-token': {
        if (!values['org-id']) throw new UsageError('--org-id is required.');
        const token = await registry.rotateToken(values['org-id']);
        if (!token)
          throw new RequestError(
            404,
            'not_found',
            `The org ${values['org-id']} is not registered.`,
          );
        io.out(`New API token for ${values['org-id']} (shown only this once): ${token}\n`);
        return EXIT.ok;
      }
      case 'list': {
        const orgs = await registry.list();
        io.out(
          orgs.length === 0
            ? 'No orgs registered.\n'
            : orgs
                .map((o) => `${o.orgId}  billomat=${o.billomatId}  since ${o.createdAt}`)
                .join('\n') + '\n',
        );
        return EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown org command "${command ?? ''}".`);
    }
  });
}
