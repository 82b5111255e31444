import type { FakeOrg } from '../org/fake-org';
import type { FieldValue } from '../org/sample-records';
import { asMap, asString } from './json';

/**
 * BillomatWriteBack: the service's per-record results onto the Accounts and Contacts: sync
 * status, Billomat client id and customer number, time of the last sync and the last error.
 */

const ERROR_LENGTH = 255;
const STATUS_VALUES: Record<string, string> = {
  pending: 'Pending',
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failed: 'Failed',
};

/** Applies results shaped {sfId, status, billomatId?, billomatNumber?, message?, finishedAt?}; returns how many records changed. */
export function applyResults(org: FakeOrg, results: unknown[]): number {
  let updated = 0;
  for (const item of results) {
    const result = asMap(item);
    const sfId = asString(result.sfId);
    const values = fieldsFor(result);
    if (sfId && values && org.writeBack(sfId, values)) updated += 1;
  }
  return updated;
}

/** Marks records as failed without a result from the service, e.g. when a chunk could not be sent. */
export function markFailed(org: FakeOrg, recordIds: Iterable<string>, message: string): number {
  return applyResults(
    org,
    [...recordIds].map((sfId) => ({ sfId, status: 'failed', message })),
  );
}

function fieldsFor(result: Record<string, unknown>): Record<string, FieldValue> | null {
  const status = STATUS_VALUES[String(result.status).toLowerCase()];
  if (!status) return null;
  const values: Record<string, FieldValue> = { Billomat_Sync_Status__c: status };
  if (status === 'Pending') return values;
  values.Billomat_Last_Sync__c = finishedAt(result.finishedAt);
  if (status === 'Failed') {
    const message = asString(result.message);
    values.Billomat_Last_Error__c =
      message && message.trim() !== ''
        ? abbreviate(message, ERROR_LENGTH)
        : 'Billomat did not accept this record.';
    return values;
  }
  values.Billomat_Last_Error__c = null;
  const billomatId = asString(result.billomatId);
  if (billomatId) values.Billomat_Client_Id__c = billomatId;
  const billomatNumber = asString(result.billomatNumber);
  if (billomatNumber) values.Billomat_Customer_Number__c = billomatNumber;
  return values;
}

function finishedAt(value: unknown): string {
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(parsed) ? Date.now() : parsed).toISOString();
}

/** Apex String.abbreviate: at most `length` characters, ending in '...' when cut. */
function abbreviate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 3)}...`;
}
