import type { Connection } from 'jsforce';
import { explainSalesforceError, type SalesforceProblem } from './explain';

export type AccessCheckKey = 'apiAccess' | 'edition' | 'apiEnabled' | 'apiOnlyUser';
export type AccessCheckStatus = 'pass' | 'fail' | 'unknown';

export interface AccessCheck {
  key: AccessCheckKey;
  status: AccessCheckStatus;
  detail: string;
  fixSteps: string[];
}

export interface AccessReport {
  checks: AccessCheck[];
  ok: boolean;
  /** Why the API refused the first call, e.g. so the caller can offer to connect the org again. */
  problem: SalesforceProblem | null;
}

interface OrganizationRow {
  Name: string | null;
  OrganizationType: string | null;
  IsSandbox: boolean | null;
  TrialExpirationDate: string | null;
}

interface PermissionRow {
  PermissionsApiEnabled: boolean | null;
  PermissionsApiUserOnly: boolean | null;
}

const API_EDITIONS = new Set([
  'Enterprise Edition',
  'Unlimited Edition',
  'Performance Edition',
  'Developer Edition',
]);
const NO_API_EDITIONS = new Set([
  'Team Edition',
  'Personal Edition',
  'Contact Manager Edition',
  'Base Edition',
  'Group Edition',
]);

const EDITION_FIX_STEPS = [
  'In Salesforce, open Setup → Company Information and look at "Organization Edition".',
  'API access comes with Enterprise, Unlimited, Performance and Developer Edition; Professional Edition needs the paid API add-on.',
];

const API_ENABLED_FIX_STEPS = [
  'In Salesforce, open Setup → Users and find the user who connected the org.',
  'Open their profile → Edit → Administrative Permissions and tick "API Enabled", or assign a permission set that has it.',
];

function check(
  key: AccessCheckKey,
  status: AccessCheckStatus,
  detail: string,
  fixSteps: string[] = [],
): AccessCheck {
  return { key, status, detail, fixSteps };
}

function orgKind(org: OrganizationRow): string {
  if (!org.IsSandbox) return 'production org';
  return org.TrialExpirationDate ? 'scratch org' : 'sandbox';
}

function editionCheck(org: OrganizationRow): AccessCheck {
  const edition = org.OrganizationType ?? 'an unknown edition';
  const where = `${org.Name ?? 'The org'} is a ${orgKind(org)} on ${edition}`;
  if (API_EDITIONS.has(edition))
    return check('edition', 'pass', `${where}, which includes API access.`);
  if (edition === 'Professional Edition')
    return check('edition', 'pass', `${where}; the API answered, so the org has the API add-on.`);
  if (NO_API_EDITIONS.has(edition))
    return check(
      'edition',
      'pass',
      `${where}, which normally has no API access, but the API answered.`,
    );
  return check('edition', 'pass', `${where}; the API answered.`);
}

function permissionChecks(permissions: PermissionRow): AccessCheck[] {
  const apiEnabled =
    permissions.PermissionsApiEnabled === true
      ? check('apiEnabled', 'pass', 'The connected user has the "API Enabled" permission.')
      : check(
          'apiEnabled',
          'fail',
          'The connected user does not have the "API Enabled" permission.',
          API_ENABLED_FIX_STEPS,
        );
  const apiOnlyUser =
    permissions.PermissionsApiUserOnly === true
      ? check(
          'apiOnlyUser',
          'pass',
          'The connected user is an API-only user: right for this connection, but it cannot log in to Salesforce in the browser, so admins use their own users for the Billomat pages.',
        )
      : check(
          'apiOnlyUser',
          'pass',
          'The connected user can also log in to Salesforce in the browser. A dedicated integration user with "API Only User" keeps the connection independent of a person.',
        );
  return [apiEnabled, apiOnlyUser];
}

function unknownBecause(
  key: AccessCheckKey,
  problem: SalesforceProblem,
  what: string,
  fixSteps: string[] = [],
): AccessCheck {
  return check(key, 'unknown', `${what} could not be read: ${problem.message}`, fixSteps);
}

/** When the first API call fails, its error code says what is wrong; the other checks cannot run. */
function checksAfterRefusal(problem: SalesforceProblem): AccessCheck[] {
  const apiAccess = check('apiAccess', 'fail', problem.message, problem.fixSteps);
  const edition =
    problem.code === 'API_DISABLED_FOR_ORG'
      ? check(
          'edition',
          'fail',
          'Salesforce says this org has no API access, which is what an edition without API access (or Professional Edition without the add-on) answers.',
          EDITION_FIX_STEPS,
        )
      : unknownBecause('edition', problem, 'The edition');
  const apiEnabled =
    problem.code === 'API_CURRENTLY_DISABLED'
      ? check(
          'apiEnabled',
          'fail',
          'Salesforce says the API is disabled for the connected user.',
          API_ENABLED_FIX_STEPS,
        )
      : unknownBecause('apiEnabled', problem, 'The user’s permissions');
  return [
    apiAccess,
    edition,
    apiEnabled,
    unknownBecause('apiOnlyUser', problem, 'The user’s permissions'),
  ];
}

async function apiAllowance(conn: Connection): Promise<string> {
  try {
    const daily = (await conn.limits()).DailyApiRequests;
    return daily
      ? ` ${daily.Remaining.toLocaleString('en-US')} of ${daily.Max.toLocaleString('en-US')} daily API requests are left.`
      : '';
  } catch {
    return '';
  }
}

/**
 * Checks from the service's side what the Billomat import asks of an org: an edition with API access,
 * a user with "API Enabled", and the API actually answering. Never throws for Salesforce's answers.
 */
export async function checkAccess(conn: Connection): Promise<AccessReport> {
  let org: OrganizationRow | undefined;
  try {
    org = (
      await conn.query<OrganizationRow>(
        'SELECT Name, OrganizationType, IsSandbox, TrialExpirationDate FROM Organization',
      )
    ).records[0];
  } catch (error) {
    const problem = explainSalesforceError(error);
    return report(checksAfterRefusal(problem), problem);
  }
  const checks: AccessCheck[] = [
    check('apiAccess', 'pass', `The org answers API requests.${await apiAllowance(conn)}`),
  ];
  checks.push(
    org
      ? editionCheck(org)
      : check('edition', 'unknown', 'Salesforce returned no organization row.'),
  );
  try {
    const permissions = (
      await conn.query<PermissionRow>(
        'SELECT PermissionsApiEnabled, PermissionsApiUserOnly FROM UserPermissionAccess',
      )
    ).records[0];
    checks.push(
      ...(permissions
        ? permissionChecks(permissions)
        : [
            check('apiEnabled', 'unknown', 'Salesforce returned no permissions for the user.'),
            check('apiOnlyUser', 'unknown', 'Salesforce returned no permissions for the user.'),
          ]),
    );
  } catch (error) {
    const problem = explainSalesforceError(error);
    checks.push(
      unknownBecause('apiEnabled', problem, 'The user’s permissions'),
      unknownBecause('apiOnlyUser', problem, 'The user’s permissions'),
    );
  }
  return report(checks);
}

function report(checks: AccessCheck[], problem: SalesforceProblem | null = null): AccessReport {
  const apiAccess = checks.find((c) => c.key === 'apiAccess');
  return {
    checks,
    ok: apiAccess?.status === 'pass' && checks.every((c) => c.status !== 'fail'),
    problem,
  };
}
