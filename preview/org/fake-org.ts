import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import { describeField, OBJECT_LABELS, type ObjectType } from './describe';
import { listViewsOf, type ListView } from './list-views';
import { sampleAccounts, sampleContacts, type FieldValue, type OrgRecord } from './sample-records';

/**
 * A Salesforce org as far as the package's Apex sees it: its edition, the running user's API
 * permissions, Accounts and Contacts, list views. People edit records through `edit` (the
 * record page's form, with Salesforce's own checks); the integration writes its five Billomat
 * fields through `writeBack`, in system mode.
 */

export interface OrgUser {
  name: string;
  profileName: string;
  /** null when Salesforce would not say, as UserPermissionAccess can fail */
  apiEnabled: boolean | null;
  apiUserOnly: boolean | null;
}

export interface OrgFacts {
  orgId: string;
  organizationType: string;
  user: OrgUser;
}

export class RecordEditError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BILLOMAT_FIELDS = new Set([
  'Billomat_Client_Id__c',
  'Billomat_Customer_Number__c',
  'Billomat_Last_Error__c',
  'Billomat_Last_Sync__c',
  'Billomat_Sync_Status__c',
]);

export const PREVIEW_ORG: OrgFacts = {
  orgId: '00DPREVIEW00001',
  organizationType: 'Developer Edition',
  user: {
    name: 'Alex Admin',
    profileName: 'Sales Operations',
    apiEnabled: false,
    apiUserOnly: false,
  },
};

export class FakeOrg {
  readonly facts: OrgFacts;
  private readonly records = new Map<string, OrgRecord>();

  constructor(facts: OrgFacts = PREVIEW_ORG, now = Date.now()) {
    this.facts = facts;
    const accounts = sampleAccounts(now);
    for (const record of [...accounts, ...sampleContacts(accounts)]) {
      this.records.set(record.Id, record);
    }
  }

  objectTypeOf(id: string): ObjectType | null {
    if (id.startsWith(OBJECT_LABELS.Account.idPrefix)) return 'Account';
    if (id.startsWith(OBJECT_LABELS.Contact.idPrefix)) return 'Contact';
    return null;
  }

  /** 15- and 18-character ids find the same record, as in Salesforce. */
  find(id: string): OrgRecord | undefined {
    const long = salesforceId18(id);
    return long ? this.records.get(long) : undefined;
  }

  all(objectType: ObjectType): OrgRecord[] {
    return [...this.records.values()].filter(
      (record) => this.objectTypeOf(record.Id) === objectType,
    );
  }

  listViews(objectType: ObjectType): ListView[] {
    return listViewsOf(objectType);
  }

  /** A field's value; for Contacts, `Account.<Field>` follows the parent relationship. */
  value(record: OrgRecord, field: string): FieldValue {
    const dot = field.indexOf('.');
    if (dot < 0) return record[field] ?? null;
    const parentId = record.AccountId;
    const parent = typeof parentId === 'string' ? this.find(parentId) : undefined;
    return parent ? (parent[field.slice(dot + 1)] ?? null) : null;
  }

  /** What a person saves on the record page; answers the record as it is now. */
  edit(id: string, changes: Record<string, unknown>): OrgRecord {
    const record = this.find(id);
    const objectType = this.objectTypeOf(id);
    if (!record || !objectType) throw new RecordEditError(`There is no record ${id}.`);
    const next: OrgRecord = { ...record };
    for (const [name, raw] of Object.entries(changes)) {
      const field = describeField(objectType, name);
      if (!field || !field.editable || !field.accessible) {
        throw new RecordEditError(`${name} cannot be edited on a ${objectType}.`);
      }
      next[field.name] = editedValue(field.label, field.type, raw);
    }
    requireNames(objectType, next);
    if (objectType === 'Contact')
      next.Name = [next.FirstName, next.LastName].filter(Boolean).join(' ');
    next.LastModifiedDate = new Date().toISOString();
    this.records.set(record.Id, next);
    return next;
  }

  /** The Billomat fields only: BillomatWriteBack's system-mode update. Unknown records are skipped. */
  writeBack(id: string, values: Record<string, FieldValue>): boolean {
    const record = this.find(id);
    if (!record) return false;
    const next: OrgRecord = { ...record };
    for (const [name, value] of Object.entries(values)) {
      if (BILLOMAT_FIELDS.has(name)) next[name] = value;
    }
    this.records.set(record.Id, next);
    return true;
  }
}

function editedValue(label: string, type: string, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (text === '') return null;
  if (type === 'email' && !EMAIL.test(text)) {
    throw new RecordEditError(`${label}: invalid email address: ${text}`);
  }
  if (type === 'currency' || type === 'integer') {
    const number = Number(text);
    if (!Number.isFinite(number)) throw new RecordEditError(`${label}: enter a number.`);
    return number;
  }
  return text;
}

function requireNames(objectType: ObjectType, record: OrgRecord): void {
  if (objectType === 'Account' && !record.Name) {
    throw new RecordEditError('Account Name: You must enter a value.');
  }
  if (objectType === 'Contact' && !record.LastName) {
    throw new RecordEditError('Last Name: You must enter a value.');
  }
}
