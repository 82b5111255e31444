/** A SOQL problem answered the way Salesforce does: HTTP 400 with an errorCode. */
export class SoqlError extends Error {
  constructor(
    readonly errorCode:
      'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR',
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}
