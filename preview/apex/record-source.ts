import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import type { FakeOrg } from '../org/fake-org';
import type { FieldValue, OrgRecord } from '../org/sample-records';
import { readableOnly, requireReadable } from './field-access';
import { objectType as checkedObjectType, pageSize } from './input';

/**
 * BillomatRecordSource: reads the Accounts and Contacts sent to the service as flat maps, 'Id'
 * plus one key per field, parent fields as 'Account.Name'.
 */

export const MAX_SAMPLE_RECORDS = 20;

export type RecordMap = Record<string, FieldValue>;

/** Id plus the mapping's source fields; a source field the user cannot read is an error. */
export function recordsForPush(
  org: FakeOrg,
  type: string,
  ids: Iterable<string>,
  sourceFields: string[],
): RecordMap[] {
  const objectType = checkedObjectType(type);
  const fields = including(['Id'], requireReadable(objectType, sourceFields));
  const wanted = new Set(
    [...ids].map((id) => salesforceId18(id)).filter((id): id is string => id !== null),
  );
  const records = org
    .all(objectType)
    .filter((record) => wanted.has(record.Id))
    .sort((a, b) => compareText(a.Id, b.Id));
  return toMaps(org, records, fields);
}

/** The newest records, for trying a mapping out; fields that cannot be read are left out. */
export function sampleRecords(
  org: FakeOrg,
  type: string,
  fieldNames: unknown,
  limitSize: number,
): RecordMap[] {
  const objectType = checkedObjectType(type);
  const fields = including(['Id', 'Name'], readableOnly(objectType, fieldNames));
  const records = org
    .all(objectType)
    .sort((a, b) => compareText(String(b.CreatedDate), String(a.CreatedDate)))
    .slice(0, pageSize(limitSize, MAX_SAMPLE_RECORDS, MAX_SAMPLE_RECORDS));
  return toMaps(org, records, fields);
}

export function toMaps(org: FakeOrg, records: OrgRecord[], fields: string[]): RecordMap[] {
  return records.map((record) =>
    Object.fromEntries(fields.map((field) => [field, org.value(record, field)])),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function including(required: string[], fields: string[]): string[] {
  const seen = new Set<string>();
  return [...required, ...fields].filter((field) => {
    const key = field.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
