import type { OrgFacts } from '../org/fake-org';
import { ServiceError } from './errors';
import { asBoolean, asMap, asString, type JsonObject } from './json';
import type { ServiceClient } from './service-client';

/**
 * BillomatAccessCheck: the org's edition, the running user's API permissions, and what the
 * export service reports about this org (GET /v1/status).
 */

export type CheckStatus = 'pass' | 'fail' | 'unknown';

/** BillomatAccessStatus.Check */
export interface Check {
  key: string;
  label: string;
  status: CheckStatus;
  detail: string | null;
  fixSteps: string[];
}

/** BillomatAccessStatus */
export interface AccessStatus {
  checks: Check[];
  allPassed: boolean;
}

const EDITIONS_WITH_API = ['enterprise', 'unlimited', 'performance', 'developer'];
const EDITIONS_WITHOUT_API = ['team', 'group', 'personal', 'contact manager', 'base'];
const API_EDITIONS_TEXT = 'Enterprise, Unlimited, Performance and Developer Edition';
const NOT_CHECKED = 'Not checked: the export service has to answer first.';
const LOG_STEP = "Ask the service operator to look at the export service's log.";

export async function accessStatus(facts: OrgFacts, client: ServiceClient): Promise<AccessStatus> {
  const checks = [
    edition(facts.organizationType),
    apiEnabled(facts.user.apiEnabled, facts.user.profileName),
    apiOnlyUser(facts.user.apiUserOnly, facts.user.profileName),
    ...(await serviceChecks(client, facts.orgId)),
  ];
  return {
    checks,
    allPassed: checks.length > 0 && checks.every((check) => check.status === 'pass'),
  };
}

function check(key: string, label: string): Check {
  return { key, label, status: 'unknown', detail: null, fixSteps: [] };
}

function decided(base: Check, status: CheckStatus, detail: string, fixSteps: string[] = []): Check {
  return { ...base, status, detail, fixSteps };
}

function edition(organizationType: string): Check {
  const base = check('edition', 'Salesforce edition');
  const name = organizationType
    .toLowerCase()
    .replace(/ edition$/, '')
    .trim();
  if (EDITIONS_WITH_API.includes(name))
    return decided(base, 'pass', `${organizationType} includes API access.`);
  if (name === 'professional') {
    return decided(
      base,
      'unknown',
      'Professional Edition has API access only with a paid add-on from Salesforce; this check cannot tell whether this org has it.',
      [
        'Ask your Salesforce account executive whether this org has the API add-on. If it has, this check can be ignored.',
        "Without the add-on, the export service cannot read records from Salesforce, and Billomat's own Salesforce " +
          `import does not work either. API access is part of ${API_EDITIONS_TEXT}.`,
      ],
    );
  }
  if (EDITIONS_WITHOUT_API.includes(name)) {
    return decided(base, 'fail', `${organizationType} has no API access.`, [
      `API access is part of ${API_EDITIONS_TEXT}. Ask your Salesforce account executive about an upgrade.`,
    ]);
  }
  return decided(
    base,
    'unknown',
    `Salesforce reports the edition as '${organizationType}', which this check does not know.`,
    [
      `API access is part of ${API_EDITIONS_TEXT}. If this org is one of them, this check can be ignored; otherwise ask ` +
        'your Salesforce account executive.',
    ],
  );
}

function apiEnabled(enabled: boolean | null, profileName: string): Check {
  const base = check('apiEnabled', 'API Enabled permission');
  const fixSteps = [
    `Setup → Users → Profiles → ${profileName} → Edit → Administrative Permissions → tick 'API Enabled' → Save.`,
    'Or, without changing the profile: Setup → Permission Sets → New (or open an existing one) → System Permissions → ' +
      "Edit → tick 'API Enabled' → Save, then Manage Assignments → Add Assignment → your user.",
  ];
  if (enabled === null)
    return decided(
      base,
      'unknown',
      "Salesforce did not tell whether your user has 'API Enabled'.",
      fixSteps,
    );
  if (enabled) return decided(base, 'pass', "Your user has 'API Enabled'.");
  return decided(base, 'fail', "Your user does not have 'API Enabled'.", fixSteps);
}

function apiOnlyUser(apiOnly: boolean | null, profileName: string): Check {
  const base = check('apiOnlyUser', 'Not an API-only user');
  const fixSteps = [
    `Setup → Users → Profiles → ${profileName} → Edit → Administrative Permissions → clear 'API Only User' → Save, ` +
      'or remove the permission set that grants it.',
    "Keep 'API Only User' for an integration user that only the export service signs in with.",
  ];
  if (apiOnly === null)
    return decided(
      base,
      'unknown',
      'Salesforce did not tell whether your user is an API-only user.',
      fixSteps,
    );
  if (apiOnly) {
    return decided(
      base,
      'fail',
      "Your user has 'API Only User', so it cannot open Salesforce pages such as this app.",
      fixSteps,
    );
  }
  return decided(base, 'pass', 'Your user can use Salesforce pages as well as the API.');
}

async function serviceChecks(client: ServiceClient, orgId: string): Promise<Check[]> {
  try {
    return checksFromStatus(await client.getObject('/v1/status'), orgId);
  } catch (failure) {
    if (failure instanceof ServiceError) return checksWithout(failure, orgId);
    throw failure;
  }
}

function checksFromStatus(status: JsonObject, orgId: string): Check[] {
  const service = asMap(status.service);
  const org = asMap(status.org);
  const billomat = asMap(status.billomat);
  const mappings = asMap(status.mappings);
  const account =
    org.billomatId == null ? 'Billomat' : `Billomat account '${asString(org.billomatId)}'`;
  const version = asString(service.version);
  const reachable =
    service.status === 'ok'
      ? decided(
          serviceReachable(),
          'pass',
          `The export service answered${version === null ? '.' : ` (version ${version}).`}`,
        )
      : decided(
          serviceReachable(),
          'fail',
          `The export service answered but reports status '${asString(service.status)}'.`,
          [LOG_STEP],
        );
  const registered = asBoolean(org.registered)
    ? decided(
        orgRegistered(),
        'pass',
        `This org is registered with the export service for ${account}.`,
      )
    : decided(
        orgRegistered(),
        'fail',
        'The export service does not know this org.',
        registrationSteps(orgId),
      );
  const message = asString(billomat.message);
  const billomatCheck = asBoolean(billomat.reachable)
    ? decided(billomatReachable(), 'pass', `${account} accepted the export service's API key.`)
    : decided(
        billomatReachable(),
        'fail',
        message && message.trim() !== '' ? message : 'The export service cannot reach Billomat.',
        [
          'Ask the service operator to check the Billomat account id and API key stored for this org ' +
            '(npm run cli -- org add … with the right values).',
          'Check in Billomat (Settings → Administration → API) that the API key is still active.',
        ],
      );
  return [
    reachable,
    registered,
    billomatCheck,
    mappingCheck('mappingAccount', 'Account', mappings),
    mappingCheck('mappingContact', 'Contact', mappings),
  ];
}

function checksWithout(failure: ServiceError, orgId: string): Check[] {
  let reachable: Check;
  let registered: Check;
  if (failure.statusCode === 401) {
    reachable = decided(serviceReachable(), 'pass', 'The export service answered.');
    registered = decided(orgRegistered(), 'fail', failure.message, registrationSteps(orgId));
  } else {
    reachable = decided(
      serviceReachable(),
      'fail',
      failure.message,
      failure.isUnreachable() ? reachabilitySteps() : [LOG_STEP],
    );
    registered = decided(orgRegistered(), 'unknown', NOT_CHECKED);
  }
  return [
    reachable,
    registered,
    decided(billomatReachable(), 'unknown', NOT_CHECKED),
    decided(check('mappingAccount', 'Account mapping saved'), 'unknown', NOT_CHECKED),
    decided(check('mappingContact', 'Contact mapping saved'), 'unknown', NOT_CHECKED),
  ];
}

function mappingCheck(key: string, objectType: string, mappings: JsonObject): Check {
  const base = check(key, `${objectType} mapping saved`);
  const mapping = asMap(mappings[objectType]);
  if (asBoolean(mapping.saved))
    return decided(base, 'pass', `Version ${asString(mapping.version)} is saved.`);
  return decided(
    base,
    'fail',
    `No ${objectType} mapping is saved yet, so ${objectType}s cannot be pushed.`,
    [
      `Open the Mapping tab, choose ${objectType}, assign Salesforce fields to the Billomat fields and save the mapping.`,
    ],
  );
}

const serviceReachable = () => check('serviceReachable', 'Export service reachable');
const orgRegistered = () => check('orgRegistered', 'Org registered with the export service');
const billomatReachable = () => check('billomatReachable', 'Billomat reachable');

function reachabilitySteps(): string[] {
  return [
    'Setup → Security → Named Credentials → Named Credentials → Billomat_Export_Service → Edit: set URL to the export ' +
      "service's address (https://…) → Save.",
    "Check that the export service is running and reachable from the internet: Salesforce calls it from Salesforce's " +
      'servers, not from your computer.',
    "Check that your user has the permission set 'Billomat Export Admin': it grants the " +
      "'Billomat_Export_Service - ServiceToken' principal that every callout needs.",
  ];
}

function registrationSteps(orgId: string): string[] {
  return [
    `Ask the service operator to register this org (npm run cli -- org add …) with Org Id ${orgId}. The operator ` +
      'receives an org API token, shown once.',
    'Setup → Named Credentials → External Credentials → Billomat_Export_Service → Principals → ServiceToken → Edit → ' +
      "Authentication Parameters: add 'ApiToken' with the token as its value → Save.",
  ];
}
