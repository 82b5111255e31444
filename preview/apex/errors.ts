import { RecordEditError } from '../org/fake-org';

/**
 * The package's failures: BillomatInput.InvalidException (what the user must change) and
 * BillomatServiceException (a call to the export service that did not succeed), and how
 * BillomatAuraError turns any of them into the message an AuraHandledException carries.
 */

export class InvalidInput extends Error {}

export const UNREACHABLE_MESSAGE =
  "The export service cannot be reached. Check the Named Credential 'Billomat_Export_Service' URL " +
  'and that the service is running.';
export const TOKEN_REJECTED_MESSAGE =
  "The export service did not accept this org's token. Enter the token in Setup → Named Credentials → " +
  'External Credentials → Billomat_Export_Service → Principals → ServiceToken.';

export class ServiceError extends Error {
  constructor(
    message: string,
    /** null when the service could not be reached at all */
    readonly statusCode: number | null,
    /** the service's error code; 'unreachable' when there was no answer */
    readonly code: string | null,
    readonly problems: string[] = [],
  ) {
    super(message);
  }

  static unreachable(reason: string): ServiceError {
    const message = reason
      ? `${UNREACHABLE_MESSAGE} (Salesforce said: ${reason})`
      : UNREACHABLE_MESSAGE;
    return new ServiceError(message, null, 'unreachable');
  }

  static fromResponse(status: number, body: string): ServiceError {
    const error = errorOf(body);
    const code = typeof error.code === 'string' ? error.code : null;
    const problems = problemsOf(error.details);
    if (status === 401) return new ServiceError(TOKEN_REJECTED_MESSAGE, status, code, problems);
    let message =
      typeof error.message === 'string' && error.message.trim() !== ''
        ? error.message
        : `The export service answered HTTP ${status} without an explanation.`;
    if (problems.length > 0) {
      message = `${removeEnd(message, '.')}: ${removeEnd(problems.join('; '), '.')}.`;
    }
    const requestId = typeof error.requestId === 'string' ? error.requestId : '';
    if (status >= 500 && requestId && !message.includes(requestId)) {
      message += ` (request id ${requestId})`;
    }
    return new ServiceError(message, status, code, problems);
  }

  isUnreachable(): boolean {
    return this.code === 'unreachable';
  }

  /** Worth trying again: no answer, the service was busy, or it failed inside. */
  isTransient(): boolean {
    return (
      this.isUnreachable() ||
      (this.statusCode !== null && (this.statusCode === 429 || this.statusCode >= 500))
    );
  }
}

/** BillomatAuraError.messageFor */
export function auraMessage(failure: unknown): string {
  if (failure instanceof ServiceError || failure instanceof InvalidInput) return failure.message;
  if (failure instanceof RecordEditError) {
    return `Salesforce could not save the change: ${failure.message}`;
  }
  const text = failure instanceof Error ? failure.message : String(failure);
  return `Something went wrong in Salesforce: ${text}`;
}

export function removeEnd(text: string, suffix: string): string {
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

function errorOf(body: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    return typeof parsed.error === 'object' && parsed.error !== null
      ? (parsed.error as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function problemsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null) return [];
    const { field, message } = detail as { field?: unknown; message?: unknown };
    if (typeof message !== 'string' || message.trim() === '') return [];
    return [typeof field === 'string' && field !== '' ? `${field}: ${message}` : message];
  });
}
