export type OrgConnectionProblem =
  'invalid_login_url' | 'state_mismatch' | 'no_refresh_token' | 'invalid_private_key';

/** Something about connecting an org that the service itself refuses, before or instead of asking Salesforce. */
export class OrgConnectionError extends Error {
  constructor(
    readonly code: OrgConnectionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OrgConnectionError';
  }
}
