import type { SalesforceProblem } from '../salesforce';

/** Salesforce refused what the service asked of it; the problem says why and what to do. */
export class SalesforceFailure extends Error {
  constructor(readonly problem: SalesforceProblem) {
    super(problem.message);
    this.name = 'SalesforceFailure';
  }
}
