import { OrgConnectionError } from './connect-error';
import { UnknownFieldError } from './describe';
import { FilterError } from './filter-error';
import { refreshFailureCode } from './refresh-error';

/** A Salesforce failure put for people: what happened, what to do, and whether the org must be connected again. */
export interface SalesforceProblem {
  code: string;
  message: string;
  fixSteps: string[];
  reconnect: boolean;
}

type Explanation = Omit<SalesforceProblem, 'code'>;

const RECONNECT_STEP = 'Connect the Salesforce org to the service again.';

const EXPLANATIONS: Record<string, (detail: string) => Explanation> = {
  API_DISABLED_FOR_ORG: () => ({
    message:
      'This Salesforce org does not allow API access. Salesforce includes it in Enterprise, Unlimited, Performance and Developer Edition; Professional Edition needs the paid API add-on.',
    fixSteps: [
      'In Salesforce, open Setup → Company Information and look at "Organization Edition".',
      'On Professional Edition, ask your Salesforce account executive for the API add-on, or move to Enterprise Edition.',
      'Once API access is on, run the check again.',
    ],
    reconnect: false,
  }),
  API_CURRENTLY_DISABLED: () => ({
    message:
      'The connected Salesforce user is not allowed to use the API: the "API Enabled" permission is missing.',
    fixSteps: [
      'In Salesforce, open Setup → Users and find the user who connected the org.',
      'Open their profile → Edit → Administrative Permissions and tick "API Enabled", or assign them a permission set that has "API Enabled".',
      'Save, then run the check again.',
    ],
    reconnect: false,
  }),
  INVALID_SESSION_ID: () => ({
    message: 'The Salesforce session has ended and could not be renewed.',
    fixSteps: [RECONNECT_STEP],
    reconnect: true,
  }),
  REQUEST_LIMIT_EXCEEDED: () => ({
    message: 'The org has used up its Salesforce API requests for the last 24 hours.',
    fixSteps: [
      'Wait: the allowance is counted over a rolling 24 hours, so requests become available again over time.',
      'See the usage in Setup → Company Information → "API Requests, Last 24 Hours".',
      'If other integrations use most of it, reduce their use or ask Salesforce for a higher limit.',
    ],
    reconnect: false,
  }),
  invalid_grant: () => ({
    message:
      'Salesforce no longer accepts this connection (the refresh token was revoked or expired). Connect the org again.',
    fixSteps: [
      RECONNECT_STEP,
      "If this keeps happening, check the connected app's refresh token policy in Setup → App Manager → the app → Manage → OAuth Policies.",
    ],
    reconnect: true,
  }),
  invalid_client_id: () => ({
    message:
      "Salesforce does not know the service's connected app: the consumer key is wrong, or the app is not available in this org.",
    fixSteps: [
      "Check the service's Salesforce consumer key against Setup → App Manager → the connected app → View → Consumer Key.",
      'New connected apps can take up to 10 minutes before they work.',
    ],
    reconnect: false,
  }),
  invalid_client: () => ({
    message:
      "Salesforce rejected the service's connected app credentials: the consumer secret does not match.",
    fixSteps: [
      "Check the service's Salesforce consumer secret against Setup → App Manager → the connected app → View → Consumer Secret.",
    ],
    reconnect: false,
  }),
  redirect_uri_mismatch: () => ({
    message: "The service's callback address is not registered in the connected app.",
    fixSteps: [
      "Add the service's callback URL to the connected app's Callback URL list (Setup → App Manager → the app → Edit).",
    ],
    reconnect: false,
  }),
  access_denied: () => ({
    message: 'The connection was not approved in Salesforce.',
    fixSteps: ['Start connecting again and choose "Allow" on the Salesforce page.'],
    reconnect: true,
  }),
  MALFORMED_QUERY: (detail) => ({
    message: `Salesforce could not read the query: ${detail}`,
    fixSteps: ['Check the filter and the mapped field names.'],
    reconnect: false,
  }),
  INVALID_FIELD: (detail) => ({
    message: `Salesforce does not know a field in the query: ${detail}`,
    fixSteps: [
      'Check that the mapped fields exist on this object and that the connected user may read them (field-level security).',
    ],
    reconnect: false,
  }),
  INVALID_TYPE: (detail) => ({
    message: `Salesforce does not offer this object to the connected user: ${detail}`,
    fixSteps: [
      'Check that the connected user may read Accounts and Contacts (profile or permission set → Object Settings).',
    ],
    reconnect: false,
  }),
  JobPollingTimeout: () => ({
    message: 'The Salesforce Bulk API job did not finish in time.',
    fixSteps: ['Try the pull again later, or narrow it with a filter.'],
    reconnect: false,
  }),
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

function readable(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}

function stringProperty(error: object, key: string): string | null {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The code Salesforce (or jsforce, or node) gave the failure, and the message that came with it. */
function codeAndDetail(error: Error): { code: string | null; detail: string } {
  const refresh = refreshFailureCode(error);
  if (refresh) return { code: refresh.code ?? 'session_refresh_failed', detail: refresh.message };
  const errorCode = stringProperty(error, 'errorCode');
  if (errorCode) return { code: errorCode, detail: error.message };
  const systemCode = stringProperty(error, 'code');
  if (systemCode) return { code: systemCode, detail: error.message };
  if (/^[a-z][a-z_]*$/.test(error.name) || error.name === 'JobPollingTimeout')
    return { code: error.name, detail: error.message };
  return { code: null, detail: error.message };
}

function fallback(code: string | null, detail: string): SalesforceProblem {
  if (code === 'session_refresh_failed') {
    return {
      code,
      message: `The Salesforce session could not be renewed: ${readable(detail)}`,
      fixSteps: ['Try again in a few minutes.', `If it keeps failing: ${RECONNECT_STEP}`],
      reconnect: false,
    };
  }
  if (code && NETWORK_CODES.has(code)) {
    return {
      code,
      message: `Salesforce could not be reached (${code}).`,
      fixSteps: [
        "Check the service's network connection to Salesforce.",
        "Try again in a few minutes; Salesforce's Trust status page lists incidents.",
      ],
      reconnect: false,
    };
  }
  const http = code ? /^ERROR_HTTP_(\d{3})$/.exec(code) : null;
  if (http && Number(http[1]) >= 500) {
    return {
      code: code as string,
      message: `Salesforce had a temporary problem (HTTP ${http[1]}).`,
      fixSteps: ['Try again in a few minutes.'],
      reconnect: false,
    };
  }
  if (code)
    return {
      code,
      message: `Salesforce answered ${code}: ${readable(detail)}`,
      fixSteps: [],
      reconnect: false,
    };
  return {
    code: 'unknown_error',
    message: `Something went wrong while talking to Salesforce: ${readable(detail)}`,
    fixSteps: [],
    reconnect: false,
  };
}

/** Turns anything jsforce, Salesforce or this module throws into words an admin can act on. */
export function explainSalesforceError(error: unknown): SalesforceProblem {
  if (error instanceof OrgConnectionError) {
    const reconnect = error.code === 'state_mismatch' || error.code === 'no_refresh_token';
    return {
      code: error.code,
      message: error.message,
      fixSteps: reconnect ? ['Start connecting the org again.'] : [],
      reconnect,
    };
  }
  if (error instanceof UnknownFieldError) {
    return {
      code: error.code,
      message: error.message,
      fixSteps: [
        'Check the mapped field names against the object in Salesforce (Setup → Object Manager → Fields & Relationships).',
      ],
      reconnect: false,
    };
  }
  if (error instanceof FilterError)
    return {
      code: error.code,
      message: error.message,
      fixSteps: ['Correct the filter and try again.'],
      reconnect: false,
    };
  const { code, detail } = codeAndDetail(error instanceof Error ? error : new Error(String(error)));
  const explain = code ? EXPLANATIONS[code] : undefined;
  return explain ? { code: code as string, ...explain(readable(detail)) } : fallback(code, detail);
}
