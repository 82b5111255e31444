import type { AccessCheck, AccessReport, SalesforceProblem } from '../salesforce';
import type { SalesforceConnection } from '../store/contract';

/** The connection as the API shows it: never a token or a key. */
export interface ConnectionView {
  method: SalesforceConnection['method'];
  loginUrl: string;
  instanceUrl: string;
  userId: string;
  username: string;
  connectedAt: string;
  reconnectReason: string | null;
}

export interface AccessAnswer {
  orgId: string;
  connection: ConnectionView;
  ok: boolean;
  /** True when Salesforce no longer accepts the connection: connect the org again. */
  reconnect: boolean;
  checks: AccessCheck[];
  problem: { code: string; message: string; fixSteps: string[] } | null;
}

export function viewOf(connection: SalesforceConnection): ConnectionView {
  return {
    method: connection.method,
    loginUrl: connection.loginUrl,
    instanceUrl: connection.instanceUrl,
    userId: connection.userId,
    username: connection.username,
    connectedAt: connection.connectedAt,
    reconnectReason: connection.reconnectReason,
  };
}

/** When not even a token could be had (JWT refused), every check is unknown except the API's own answer. */
export function refusedBeforeChecking(problem: SalesforceProblem): AccessReport {
  const unknown = (key: AccessCheck['key'], what: string): AccessCheck => ({
    key,
    status: 'unknown',
    detail: `${what} could not be read: ${problem.message}`,
    fixSteps: [],
  });
  return {
    ok: false,
    problem,
    checks: [
      { key: 'apiAccess', status: 'fail', detail: problem.message, fixSteps: problem.fixSteps },
      unknown('edition', 'The edition'),
      unknown('apiEnabled', 'The user’s permissions'),
      unknown('apiOnlyUser', 'The user’s permissions'),
    ],
  };
}

/** The answer of GET /v1/orgs/{orgId}/access: the checks, and the connection as it is stored now. */
export function accessAnswer(
  orgId: string,
  connection: SalesforceConnection,
  report: AccessReport,
): AccessAnswer {
  const problem = report.problem;
  return {
    orgId,
    connection: viewOf(connection),
    ok: report.ok,
    reconnect: problem?.reconnect ?? false,
    checks: report.checks,
    problem: problem
      ? { code: problem.code, message: problem.message, fixSteps: problem.fixSteps }
      : null,
  };
}
