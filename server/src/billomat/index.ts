export {
  BillomatClient,
  DEFAULT_BASE_URL_TEMPLATE,
  type BillomatAccount,
  type BillomatClientEvent,
  type BillomatClientOptions,
} from './client';
export {
  InProcessRateBudget,
  InProcessRateBudgets,
  WINDOW_BUDGET,
  WINDOW_BUDGET_WITH_APP,
  WINDOW_SECONDS,
  nextWindowStart,
  type BudgetSnapshot,
  type RateBudget,
  type RateBudgetOptions,
  type RateBudgets,
} from './budget';
export { BillomatError, type BillomatErrorKind } from './errors';
export { estimateSeconds, type EtaInput } from './eta';
export { DEFAULT_RETRY, type RetryPolicy } from './backoff';
export type { RateObservation } from './rate-headers';
export type { BillomatClientRecord, ClientFields } from './wire';
