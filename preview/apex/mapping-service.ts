import type { FakeOrg } from '../org/fake-org';
import { InvalidInput, removeEnd, ServiceError } from './errors';
import { mappableFields, requireReadable, type SalesforceField } from './field-access';
import { objectType as checkedObjectType, pageSize, requiredText } from './input';
import { parseList } from './json';
import { fieldsFromJson, sourceFieldsOf } from './mapping';
import {
  MAX_SAMPLE_RECORDS,
  sampleRecords as newestRecords,
  type RecordMap,
} from './record-source';
import type { ServiceClient } from './service-client';

/** BillomatMappingService: the field catalogue, Salesforce's fields, saving and previewing. */

const DEFAULT_SAMPLE_SIZE = 5;

export function billomatFields(client: ServiceClient): Promise<string> {
  return client.get('/v1/billomat-fields');
}

export function salesforceFields(objectType: unknown): SalesforceField[] {
  return mappableFields(checkedObjectType(objectType));
}

export function mapping(client: ServiceClient, objectType: unknown): Promise<string> {
  return client.get(`/v1/mappings/${checkedObjectType(objectType)}`);
}

/** Saves a new version. Source fields are checked here; the service checks the Billomat side. */
export async function saveMapping(
  client: ServiceClient,
  objectType: unknown,
  fieldsJson: unknown,
): Promise<string> {
  const type = checkedObjectType(objectType);
  const fields = fieldsFromJson(fieldsJson);
  requireReadable(type, sourceFieldsOf(fields));
  try {
    return await client.put(`/v1/mappings/${type}`, { fields });
  } catch (failure) {
    if (failure instanceof ServiceError && failure.statusCode === 422) {
      throw new InvalidInput(`The mapping was not saved. ${removeEnd(failure.message, '.')}.`);
    }
    throw failure;
  }
}

export function sampleRecords(
  org: FakeOrg,
  objectType: unknown,
  fieldNames: unknown,
  limitSize: unknown,
): RecordMap[] {
  const size = pageSize(limitSize, DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_RECORDS);
  return newestRecords(org, checkedObjectType(objectType), fieldNames, size);
}

/** What the records would become in Billomat; without fieldsJson the saved mapping is used. */
export function previewMapping(
  client: ServiceClient,
  objectType: unknown,
  fieldsJson: unknown,
  recordsJson: unknown,
): Promise<string> {
  const type = checkedObjectType(objectType);
  const records = parseList(requiredText(recordsJson, 'The sample records'));
  if (records.length === 0) throw new InvalidInput('There are no sample records to preview.');
  const body: Record<string, unknown> = { records };
  if (typeof fieldsJson === 'string' && fieldsJson.trim() !== '')
    body.fields = fieldsFromJson(fieldsJson);
  return client.post(`/v1/mappings/${type}/preview`, body);
}
