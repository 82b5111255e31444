import { Router, json } from 'express';
import { describeField, fieldsOf } from './org/describe';
import { RecordEditError, type FakeOrg } from './org/fake-org';
import type { OrgRecord } from './org/sample-records';

/**
 * The slice of the UI API that `lightning/uiRecordApi` stands in for: read a record
 * (getRecord) and save a person's edit (updateRecord), in the UI API's record shape.
 */

interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, { value: string | number | null; displayValue: string | null }>;
}

export function recordRoutes(org: FakeOrg): Router {
  const router = Router();

  router.get('/ui-api/records/:id', (req, res) => {
    const id = String(req.params.id);
    const record = org.find(id);
    const objectType = org.objectTypeOf(id);
    if (!record || !objectType) {
      res
        .status(404)
        .json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    const wanted = [...listParam(req.query.fields), ...listParam(req.query.optionalFields)];
    const missing = listParam(req.query.fields).filter(
      (name) => !describeField(objectType, unqualified(name)),
    );
    if (missing.length > 0) {
      res
        .status(400)
        .json([
          {
            errorCode: 'INVALID_FIELD',
            message: `No such column '${missing.join(', ')}' on ${objectType}`,
          },
        ]);
      return;
    }
    res.json(uiRecord(objectType, record, wanted.length > 0 ? wanted.map(unqualified) : null));
  });

  router.patch('/ui-api/records/:id', json(), (req, res) => {
    const id = String(req.params.id);
    const body = req.body as { fields?: Record<string, unknown> } | undefined;
    try {
      const record = org.edit(id, body?.fields ?? {});
      const objectType = org.objectTypeOf(id) ?? 'Account';
      res.json(uiRecord(objectType, record, null));
    } catch (error) {
      if (!(error instanceof RecordEditError)) throw error;
      res
        .status(400)
        .json({
          message: error.message,
          output: { errors: [{ message: error.message }], fieldErrors: {} },
        });
    }
  });

  return router;
}

function uiRecord(
  objectType: 'Account' | 'Contact',
  record: OrgRecord,
  names: string[] | null,
): UiRecord {
  const readable = fieldsOf(objectType).filter(
    (field) => field.accessible && field.type !== 'address',
  );
  const chosen =
    names === null
      ? readable
      : readable.filter((field) =>
          names.some((name) => name.toLowerCase() === field.name.toLowerCase()),
        );
  return {
    apiName: objectType,
    id: record.Id,
    fields: Object.fromEntries(
      chosen.map((field) => [
        field.name,
        { value: record[field.name] ?? null, displayValue: null },
      ]),
    ),
  };
}

function listParam(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** 'Account.Billomat_Customer_Number__c' → 'Billomat_Customer_Number__c' */
function unqualified(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
