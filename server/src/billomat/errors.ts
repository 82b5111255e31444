/**
 * One error type for everything that can go wrong talking to Billomat. `kind` tells the
 * caller what to do next; `message` is written for a person and never holds a secret.
 *
 * - invalid:      Billomat refused the data; fix the data, retrying will not help.
 * - unauthorized: the API key (or app id/secret) was refused; an operator must act.
 * - not_found:    the customer does not exist (any more); an update may recreate it.
 * - unavailable:  Billomat did not answer usefully after every retry; try again later.
 * - unclear:      a create may or may not have happened; look before creating again.
 */
export type BillomatErrorKind =
  'invalid' | 'unauthorized' | 'not_found' | 'unavailable' | 'unclear';

export class BillomatError extends Error {
  override readonly name = 'BillomatError';

  constructor(
    readonly kind: BillomatErrorKind,
    message: string,
    /** The HTTP status of the answer, or null when no answer arrived. */
    readonly status: number | null,
    /** Billomat's own error messages, as sent. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
