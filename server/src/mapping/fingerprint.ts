import { createHash } from 'node:crypto';
import type { BillomatCustomer } from './model';

/**
 * A stable hash of what would be sent to Billomat: the same fields and values give the same
 * fingerprint whatever their order, so the worker can skip a customer that has not changed.
 */
export function customerFingerprint(customer: BillomatCustomer): string {
  const canonical = Object.entries(customer)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
