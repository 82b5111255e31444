import { BillomatError } from './errors';

/** What the client was doing, so that a refusal can be explained in those terms. */
export type BillomatAction =
  | { name: 'create' }
  | { name: 'update'; clientId: number }
  | { name: 'get'; clientId: number }
  | { name: 'find' }
  | { name: 'myself' };

export interface RejectionContext {
  billomatId: string;
  usesApp: boolean;
  action: BillomatAction;
}

/** Turns a 3xx/4xx answer (other than 429) into an error a person can act on. */
export function rejectionFor(
  status: number,
  messages: readonly string[],
  context: RejectionContext,
): BillomatError {
  const said = messages.join('; ');
  const account = `account '${context.billomatId}'`;
  if (status === 401) {
    const what = context.usesApp ? 'the API key or the app id and secret' : 'the API key';
    return new BillomatError(
      'unauthorized',
      `Billomat rejected ${what} for ${account} — check ${context.usesApp ? 'them' : 'the key'} in the org registration`,
      status,
      messages,
    );
  }
  if (status === 403) {
    return new BillomatError(
      'unauthorized',
      `Billomat refused access for ${account}${said ? `: ${said}` : ''}`,
      status,
      messages,
    );
  }
  if (status === 404) {
    const { action } = context;
    const message =
      action.name === 'update' || action.name === 'get'
        ? `Billomat has no customer with id ${action.clientId} (it may have been deleted)`
        : `Billomat does not know ${account} — check the Billomat id in the org registration`;
    return new BillomatError('not_found', message, status, messages);
  }
  if (status < 400) {
    return new BillomatError(
      'unavailable',
      `Billomat answered with an unexpected redirect (HTTP ${status}) — check the Billomat base URL`,
      status,
      messages,
    );
  }
  const subject =
    context.action.name === 'create' || context.action.name === 'update'
      ? 'the customer'
      : 'the request';
  return new BillomatError(
    'invalid',
    `Billomat rejected ${subject}: ${said || `HTTP ${status}`}`,
    status,
    messages,
  );
}
