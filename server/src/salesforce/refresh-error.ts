/** Prefix jsforce puts before any error from a session refresh. */
export const REFRESH_FAILED_PREFIX = 'Unable to refresh session due to: ';

/**
 * jsforce turns a failed refresh into a plain Error with only the message and drops the OAuth error code
 * (`invalid_grant` …). Putting the code into the message keeps it recognisable for explainSalesforceError.
 */
export function refreshErrorWithCode(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  return /^[a-z][a-z_]*$/.test(error.name) ? new Error(`${error.name}: ${error.message}`) : error;
}

/** The OAuth error code a failed refresh carried, if the error is one. */
export function refreshFailureCode(error: Error): { code: string | null; message: string } | null {
  if (!error.message.startsWith(REFRESH_FAILED_PREFIX)) return null;
  const rest = error.message.slice(REFRESH_FAILED_PREFIX.length);
  const tagged = /^([a-z][a-z_]*): ([\s\S]*)$/.exec(rest);
  return tagged
    ? { code: tagged[1] as string, message: tagged[2] as string }
    : { code: null, message: rest };
}
