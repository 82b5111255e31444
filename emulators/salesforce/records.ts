import { KEY_PREFIX, salesforceId } from './ids';
import { findField, isRecordObject, type ObjectDescription, type RecordObject } from './schema';
import type { FakeRecord, FieldValue, RecordSource } from './soql/evaluate';

export type RecordInput = Record<string, FieldValue | undefined>;

/** Accounts and Contacts held by the fake, in insertion order, keyed by Id. */
export class RecordStore {
  private readonly byObject = new Map<RecordObject, Map<string, FakeRecord>>([
    ['Account', new Map()],
    ['Contact', new Map()],
  ]);
  private nextCounter = 1_000_000;

  constructor(private readonly describe: (objectName: RecordObject) => ObjectDescription) {}

  add(objectName: RecordObject, inputs: Iterable<RecordInput>): string[] {
    const ids: string[] = [];
    const table = this.table(objectName);
    const object = this.describe(objectName);
    for (const input of inputs) {
      const record = this.normalize(object, input);
      table.set(record.Id as string, record);
      ids.push(record.Id as string);
    }
    return ids;
  }

  count(objectName: RecordObject): number {
    return this.table(objectName).size;
  }

  clear(objectName: RecordObject): void {
    this.table(objectName).clear();
  }

  get(objectName: RecordObject, id: string): FakeRecord | undefined {
    return this.table(objectName).get(id);
  }

  asSource(extraRows: (objectName: string) => FakeRecord[] | null): RecordSource {
    return {
      rows: (objectName) =>
        isRecordObject(objectName)
          ? this.table(objectName).values()
          : (extraRows(objectName) ?? []),
      byId: (objectName, id) =>
        isRecordObject(objectName) ? this.table(objectName).get(id) : undefined,
    };
  }

  private table(objectName: RecordObject): Map<string, FakeRecord> {
    return this.byObject.get(objectName) as Map<string, FakeRecord>;
  }

  private newId(objectName: RecordObject): string {
    const table = this.table(objectName);
    let id: string;
    do id = salesforceId(KEY_PREFIX[objectName], this.nextCounter++);
    while (table.has(id));
    return id;
  }

  private normalize(object: ObjectDescription, input: RecordInput): FakeRecord {
    const record: FakeRecord = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || key === 'attributes') continue;
      const field = findField(object, key);
      if (!field)
        throw new Error(
          `${object.name} has no field '${key}'; add custom fields with addFields() first`,
        );
      record[field.name] = value;
    }
    const now = new Date().toISOString().replace('Z', '+0000');
    record.Id ??= this.newId(object.name as RecordObject);
    record.CreatedDate ??= now;
    record.LastModifiedDate ??= record.CreatedDate;
    record.SystemModstamp ??= record.LastModifiedDate;
    if (object.name === 'Contact' && record.Name == null) {
      record.Name = [record.FirstName, record.LastName]
        .filter((part) => part != null && part !== '')
        .join(' ');
    }
    return record;
  }
}
