/** A `--where` filter the service will not send to Salesforce; the message names the problem and where it is. */
export class FilterError extends Error {
  readonly code = 'invalid_filter';

  constructor(
    message: string,
    /** 1-based character position in the filter text. */
    readonly column: number,
  ) {
    super(`${message} (at character ${column})`);
    this.name = 'FilterError';
  }
}
