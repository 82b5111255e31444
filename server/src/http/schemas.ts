import { z } from 'zod';
import { MappingFieldsSchema, ObjectTypeSchema } from '../mapping';
import { salesforceId18 } from '../orgs/salesforce-id';

/** Request bodies of the service API; docs/openapi.yaml describes the same (a test checks). */

const scalar = z.union([z.string().max(131_072), z.number(), z.boolean(), z.null()]);
/** A parent relationship such as `Account: { Name: "Acme" }`, possibly with REST's `attributes`. */
const parent = z.record(z.string(), z.union([scalar, z.record(z.string(), scalar)]));

export const pushRecordSchema = z
  .object({
    Id: z.string().refine((id) => salesforceId18(id) !== null, { message: 'must be a Salesforce record id (15 or 18 characters)' }),
  })
  .catchall(z.union([scalar, parent]));

export const pushRequestSchema = z.strictObject({
  objectType: ObjectTypeSchema,
  records: z.array(pushRecordSchema),
  expectMore: z.boolean().default(false),
  expectedTotal: z.number().int().positive().nullable().optional(),
  source: z.enum(['admin', 'record-action', 'api']).default('api'),
});

export const appendRecordsSchema = z.strictObject({
  records: z.array(pushRecordSchema),
  expectMore: z.boolean().default(false),
});

export const retryRequestSchema = z.strictObject({
  records: z.array(pushRecordSchema).optional(),
});

export const saveMappingSchema = z.strictObject({ fields: z.unknown() });

export const previewRequestSchema = z.strictObject({
  records: z.array(z.looseObject({ Id: z.string().min(1) })).min(1).max(200),
  fields: z.unknown().optional(),
});

export const jobQuerySchema = z.object({
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  status: z.enum(['pending', 'created', 'updated', 'unchanged', 'failed']).optional(),
});

export const waitQuerySchema = z.object({
  wait: z.coerce.number().min(0).max(30).optional(),
});

export const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const resultsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const idempotencyKeySchema = z
  .string({ message: 'Send an Idempotency-Key header (1–200 characters) so a retried request is not done twice' })
  .min(1, 'Send an Idempotency-Key header (1–200 characters) so a retried request is not done twice')
  .max(200, 'Idempotency-Key must be at most 200 characters');

export { MappingFieldsSchema, ObjectTypeSchema };
