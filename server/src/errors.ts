/**
 * What the caller did wrong: a 4xx with a message for people. The HTTP layer turns it into
 * the error body; the CLI prints the message.
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new RequestError(404, 'not_found', `${what} was not found.`);
