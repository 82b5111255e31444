import { Router } from 'express';
import {
  BILLOMAT_CLIENT_FIELDS,
  ObjectTypeSchema,
  TRANSFORM_CATALOGUE,
  previewMapping,
  validateMapping,
  type Mapping,
  type ObjectType,
} from '../../mapping';
import { RequestError } from '../../errors';
import type { Store } from '../../store/contract';
import { currentOrg } from '../auth';
import { previewRequestSchema, saveMappingSchema } from '../schemas';
import { parseInput } from '../validation';

export function mappingRoutes(store: Store): Router {
  const router = Router();

  router.get('/billomat-fields', (_req, res) => {
    res.json({
      fields: BILLOMAT_CLIENT_FIELDS.map((field) => ({
        name: field.name,
        label: field.label,
        type: field.type,
        allowedValues: field.values ?? null,
        maxLength: field.maxLength ?? null,
        help: field.help,
      })),
      transforms: TRANSFORM_CATALOGUE,
    });
  });

  router.get('/mappings/:objectType', async (req, res) => {
    const objectType = parseObjectType(req.params.objectType);
    const saved = await store.latestMapping(currentOrg(res).orgId, objectType);
    res.json(saved ?? { objectType, version: null, fields: {}, savedAt: null });
  });

  router.put('/mappings/:objectType', async (req, res) => {
    const objectType = parseObjectType(req.params.objectType);
    const body = parseInput(saveMappingSchema, req.body);
    const mapping = checkedMapping(body.fields, objectType);
    const saved = await store.saveMapping(currentOrg(res).orgId, objectType, mapping.fields);
    res.json(saved);
  });

  router.post('/mappings/:objectType/preview', async (req, res) => {
    const objectType = parseObjectType(req.params.objectType);
    const body = parseInput(previewRequestSchema, req.body);
    let mapping: Mapping;
    if (body.fields !== undefined) {
      mapping = checkedMapping(body.fields, objectType);
    } else {
      const saved = await store.latestMapping(currentOrg(res).orgId, objectType);
      if (!saved) {
        throw new RequestError(409, 'mapping_missing', `No mapping is saved for ${objectType} yet: send the fields to preview.`);
      }
      mapping = { objectType, fields: saved.fields };
    }
    res.json({ results: previewMapping(mapping, body.records) });
  });

  return router;
}

function parseObjectType(value: string | undefined): ObjectType {
  const parsed = ObjectTypeSchema.safeParse(value);
  if (!parsed.success) {
    throw new RequestError(404, 'unknown_object_type', `"${value}" is not an object type this service exports: use Account or Contact.`);
  }
  return parsed.data;
}

function checkedMapping(fields: unknown, objectType: ObjectType): Mapping {
  const result = validateMapping({ objectType, fields }, objectType);
  if (!result.ok) {
    const first = result.problems[0];
    throw new RequestError(
      422,
      'invalid_mapping',
      `The mapping has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}${first ? `: ${first.field ? `${first.field}: ` : ''}${first.message}` : ''}`,
      result.problems,
    );
  }
  return result.mapping;
}

export { parseObjectType };
