import { InvalidInput } from './errors';
import { asInteger, asMap, asString, isObject, parseObject, type JsonObject } from './json';
import { requiredText } from './input';

/**
 * BillomatMapping: a mapping as the service stores it. Apex only needs to know which
 * Salesforce fields the assignments read.
 */

export interface SavedMapping {
  objectType: string | null;
  /** null while no mapping is saved */
  version: number | null;
  fields: JsonObject;
}

export function mappingFromJson(json: string): SavedMapping {
  const body = parseObject(json);
  return {
    objectType: asString(body.objectType),
    version: asInteger(body.version),
    fields: asMap(body.fields),
  };
}

export function isSaved(mapping: SavedMapping): boolean {
  return mapping.version !== null;
}

/** The Salesforce fields the assignments read, once each, in the order of the Billomat field names. */
export function sourceFieldsOf(fields: JsonObject): string[] {
  const sources: string[] = [];
  const seen = new Set<string>();
  for (const billomatField of Object.keys(fields).sort()) {
    const source = asString(asMap(fields[billomatField]).source);
    if (source && source.trim() !== '' && !seen.has(source.toLowerCase())) {
      seen.add(source.toLowerCase());
      sources.push(source);
    }
  }
  return sources;
}

/** The assignments sent by the mapping editor: the fields object itself, or wrapped as {"fields": {…}}. */
export function fieldsFromJson(fieldsJson: unknown): JsonObject {
  let fields = parseObject(requiredText(fieldsJson, 'The mapping'));
  const keys = Object.keys(fields);
  if (keys.length === 1 && keys[0] === 'fields' && isObject(fields.fields)) fields = fields.fields;
  for (const [billomatField, assignment] of Object.entries(fields)) {
    if (!isObject(assignment)) {
      throw new InvalidInput(
        `The assignment for Billomat field '${billomatField}' must look like {"source": "Name"} or {"fixed": "NET"}.`,
      );
    }
  }
  return fields;
}
