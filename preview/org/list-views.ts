import type { ObjectType } from './describe';
import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import type { OrgRecord } from './sample-records';

/** The list views the running user sees, each with the filter Salesforce would apply. */
export interface ListView {
  id: string;
  objectType: ObjectType;
  label: string;
  includes(record: OrgRecord, now: number): boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const everything = () => true;
const notInBillomat = (record: OrgRecord) => !record.Billomat_Customer_Number__c;
const syncFailed = (record: OrgRecord) => record.Billomat_Sync_Status__c === 'Failed';
const createdInLast30Days = (record: OrgRecord, now: number) =>
  now - Date.parse(String(record.CreatedDate)) <= 30 * DAY_MS;

// getListViewOptions() lists them by label.
export const LIST_VIEWS: ListView[] = [
  { id: listViewId(1), objectType: 'Account', label: 'All Accounts', includes: everything },
  { id: listViewId(2), objectType: 'Account', label: 'Billomat sync failed', includes: syncFailed },
  {
    id: listViewId(3),
    objectType: 'Account',
    label: 'New accounts (last 30 days)',
    includes: createdInLast30Days,
  },
  {
    id: listViewId(4),
    objectType: 'Account',
    label: 'Not yet in Billomat',
    includes: notInBillomat,
  },
  { id: listViewId(5), objectType: 'Contact', label: 'All Contacts', includes: everything },
  {
    id: listViewId(6),
    objectType: 'Contact',
    label: 'Not yet in Billomat',
    includes: notInBillomat,
  },
];

function listViewId(n: number): string {
  return salesforceId18(`00BPRV${String(n).padStart(9, '0')}`) ?? '';
}

export function listViewsOf(objectType: ObjectType): ListView[] {
  return LIST_VIEWS.filter((view) => view.objectType === objectType);
}
