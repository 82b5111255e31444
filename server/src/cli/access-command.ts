import { parseArgs } from 'node:util';
import type { AccessCheck } from '../salesforce';
import type { AccessAnswer } from '../orgs/salesforce-access';
import { EXIT, UsageError, type CliOutput } from './exit';
import { withServices } from './services';

const CHECK_NAMES: Record<AccessCheck['key'], string> = {
  apiAccess: 'API access',
  edition: 'Edition',
  apiEnabled: '"API Enabled"',
  apiOnlyUser: 'API-only user',
};

const MARKS: Record<AccessCheck['status'], string> = { pass: '✓', fail: '✗', unknown: '?' };

export function describeAccess(answer: AccessAnswer): string {
  const c = answer.connection;
  const lines = [
    `Salesforce access of org ${answer.orgId} (${c.username} on ${c.instanceUrl}, ${c.method === 'jwt' ? 'JWT bearer' : 'OAuth'})`,
  ];
  for (const check of answer.checks) {
    lines.push(`  ${MARKS[check.status]} ${CHECK_NAMES[check.key]}: ${check.detail}`);
    check.fixSteps.forEach((step, i) => lines.push(`      ${i + 1}. ${step}`));
  }
  if (answer.ok) lines.push('All checks passed: the service can pull from this org.');
  else if (answer.reconnect)
    lines.push(`Connect the org again: npm run cli -- connect --org ${answer.orgId}`);
  return lines.join('\n') + '\n';
}

/** `access --org <id>`: what the service's own API access check says, with what to fix. */
export async function accessCommand(args: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({ args, options: { org: { type: 'string' } }, strict: true });
  if (!values.org)
    throw new UsageError(
      '--org is required: the Salesforce org id (00D…) registered with "org add".',
    );
  const orgId = values.org;
  return withServices(async ({ salesforce }) => {
    const answer = await salesforce.checkAccess(orgId);
    io.out(describeAccess(answer));
    return answer.ok ? EXIT.ok : EXIT.salesforce;
  });
}
