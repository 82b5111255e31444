import { ConfigError } from '../config';
import { RequestError } from '../errors';
import { SalesforceFailure } from '../orgs/salesforce-failure';

/**
 * Exit codes scripts can trust: 0 all done, 1 some records failed or the push is blocked,
 * 2 bad usage or configuration, 3 org, connection or mapping not found (or already there),
 * 4 Salesforce refused access (the message says why and what to do).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, salesforce: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends Error {}

/** Everything the CLI prints goes through these, so tests can read it and a terminal can redraw. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Redraw the progress bar in place instead of printing lines. */
  isTTY: boolean;
  /** Plain progress lines at most this often. */
  progressEveryMs: number;
  /** Aborted on Ctrl-C: long commands stop cleanly. */
  signal?: AbortSignal;
}

export function isUsageProblem(error: unknown): boolean {
  const parseArgsError =
    (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') ?? false;
  return error instanceof UsageError || error instanceof ConfigError || parseArgsError;
}

/** The message and exit code for a failure; unknown failures keep their message and exit 1. */
export function explainFailure(error: unknown): { code: ExitCode; text: string } {
  if (error instanceof SalesforceFailure) {
    const steps = error.problem.fixSteps.map((step, i) => `  ${i + 1}. ${step}`).join('\n');
    return {
      code: EXIT.salesforce,
      text: `Salesforce: ${error.problem.message}\n${steps ? `What to do:\n${steps}\n` : ''}`,
    };
  }
  if (error instanceof RequestError) {
    const missing =
      (error.status === 404 || error.status === 409) && error.code !== 'salesforce_not_configured';
    const code = missing ? EXIT.notFound : EXIT.usage;
    return { code, text: `${error.message}\n` };
  }
  return {
    code: EXIT.failed,
    text: `Failed: ${error instanceof Error ? error.message : String(error)}\n`,
  };
}
