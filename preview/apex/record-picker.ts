import type { ObjectType } from '../org/describe';
import type { FakeOrg } from '../org/fake-org';
import type { ListView } from '../org/list-views';
import type { OrgRecord } from '../org/sample-records';
import { InvalidInput } from './errors';
import { readableOnly } from './field-access';
import { objectType as checkedObjectType, listViewId as checkedListViewId } from './input';
import { toMaps, type RecordMap } from './record-source';

/**
 * BillomatListViews: list views and the record picker's table, as the StandardSetController
 * gives them: at most 10,000 records, ordered by name.
 */

export const MAX_RECORDS = 10_000;
const TABLE_FIELDS: Record<ObjectType, string[]> = {
  Account: [
    'Id',
    'Name',
    'BillingCity',
    'BillingCountry',
    'Billomat_Customer_Number__c',
    'Billomat_Sync_Status__c',
    'Billomat_Last_Error__c',
  ],
  Contact: [
    'Id',
    'Name',
    'Email',
    'Account.Name',
    'MailingCity',
    'Billomat_Customer_Number__c',
    'Billomat_Sync_Status__c',
    'Billomat_Last_Error__c',
  ],
};

/** BillomatOption */
export interface Option {
  value: string;
  label: string;
}

/** BillomatRecordPage: parent fields get flat keys, 'Account.Name' becomes 'AccountName'. */
export interface RecordPage {
  records: RecordMap[];
  hasMore: boolean;
  totalSize: number;
}

export function options(org: FakeOrg, type: string): Option[] {
  return org
    .listViews(checkedObjectType(type))
    .map((view) => ({ value: view.id, label: view.label }));
}

export function page(
  org: FakeOrg,
  type: string,
  listViewId: unknown,
  searchTerm: unknown,
  size: number,
  pageNumber: number,
): RecordPage {
  const objectType = checkedObjectType(type);
  const fields = readableOnly(objectType, TABLE_FIELDS[objectType]);
  let records = isBlank(listViewId)
    ? byName(org.all(objectType))
    : filtered(org, objectType, String(listViewId));
  if (!isBlank(searchTerm)) {
    const term = String(searchTerm).trim().toLowerCase();
    records = records.filter((record) =>
      String(record.Name ?? '')
        .toLowerCase()
        .includes(term),
    );
  }
  const start = (pageNumber - 1) * size;
  const rows = toMaps(org, records.slice(start, start + size), fields).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace('.', ''), value])),
  );
  return { records: rows, hasMore: start + size < records.length, totalSize: records.length };
}

/** The ids of the list view's records (at most MAX_RECORDS). */
export function recordIds(org: FakeOrg, type: string, listViewId: string): string[] {
  return filtered(org, checkedObjectType(type), listViewId).map((record) => record.Id);
}

/** How many records the list view shows (at most MAX_RECORDS). */
export function size(org: FakeOrg, type: string, listViewId: string): number {
  return filtered(org, checkedObjectType(type), listViewId).length;
}

/** The list view's name; fails unless the user can see it among the object's list views. */
export function requireListView(org: FakeOrg, type: string, listViewId: unknown): string {
  return listViewFor(org, checkedObjectType(type), listViewId).label;
}

function filtered(org: FakeOrg, objectType: ObjectType, listViewId: string): OrgRecord[] {
  const view = listViewFor(org, objectType, listViewId);
  const now = Date.now();
  return byName(org.all(objectType).filter((record) => view.includes(record, now)));
}

function listViewFor(org: FakeOrg, objectType: ObjectType, listViewId: unknown): ListView {
  const wanted = checkedListViewId(listViewId);
  const view = org.listViews(objectType).find((candidate) => candidate.id === wanted);
  if (!view) {
    throw new InvalidInput(
      `The list view ${String(listViewId)} is not one of your ${objectType} list views.`,
    );
  }
  return view;
}

function byName(records: OrgRecord[]): OrgRecord[] {
  return records
    .sort((a, b) =>
      String(a.Name ?? '').localeCompare(String(b.Name ?? ''), 'en', { sensitivity: 'accent' }),
    )
    .slice(0, MAX_RECORDS);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || String(value).trim() === '';
}
