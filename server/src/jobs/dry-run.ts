import {
  applyMapping,
  customerFingerprint,
  hasErrors,
  type BillomatCustomer,
  type Mapping,
} from '../mapping';
import type { LedgerEntry, PushRecord } from '../store/contract';

/** What a push would do with a record, decided from the mapping and the ledger alone. */
export type DryRunVerdict = 'create' | 'update' | 'unchanged' | 'fail';

export interface DryRunExample {
  sfId: string;
  /** The customer's name as Billomat would show it. */
  name: string | null;
  billomatNumber: string | null;
  message: string | null;
}

export interface DryRunTally {
  counts: Record<DryRunVerdict, number>;
  /** The first few records of each verdict, to show. */
  examples: Record<DryRunVerdict, DryRunExample[]>;
}

export const EXAMPLES_PER_VERDICT = 5;

export function emptyTally(): DryRunTally {
  return {
    counts: { create: 0, update: 0, unchanged: 0, fail: 0 },
    examples: { create: [], update: [], unchanged: [], fail: [] },
  };
}

function displayName(customer: BillomatCustomer): string | null {
  const person = [customer.first_name, customer.last_name]
    .filter((part) => part !== undefined)
    .join(' ');
  const name = customer.name ?? (person === '' ? undefined : person);
  return name === undefined ? null : String(name);
}

/** The same decision the worker makes (see process-record.ts), without calling Billomat. */
export function judge(
  mapping: Mapping,
  record: PushRecord,
  ledger: LedgerEntry | null,
): { verdict: DryRunVerdict; example: DryRunExample } {
  const { customer, problems } = applyMapping(mapping, { ...record.payload, Id: record.sfId });
  const example = {
    sfId: record.sfId,
    name: displayName(customer),
    billomatNumber: ledger?.billomatNumber ?? null,
    message: null,
  };
  if (hasErrors(problems)) {
    const message = problems
      .filter((p) => p.severity === 'error')
      .map((p) => p.message)
      .join(' ');
    return { verdict: 'fail', example: { ...example, message } };
  }
  if (ledger?.state !== 'done' || ledger.billomatClientId === null)
    return { verdict: 'create', example };
  return {
    verdict: ledger.fingerprint === customerFingerprint(customer) ? 'unchanged' : 'update',
    example,
  };
}

export function count(tally: DryRunTally, verdict: DryRunVerdict, example: DryRunExample): void {
  tally.counts[verdict] += 1;
  if (tally.examples[verdict].length < EXAMPLES_PER_VERDICT) tally.examples[verdict].push(example);
}
