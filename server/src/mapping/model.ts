import { z } from 'zod';
import { BILLOMAT_FIELD_NAMES } from './catalogue';

export const OBJECT_TYPES = ['Account', 'Contact'] as const;
export const ObjectTypeSchema = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof ObjectTypeSchema>;

export const TRANSFORM_NAMES = [
  'country',
  'street',
  'salutation',
  'website',
  'uppercase',
  'lowercase',
] as const;
export const TransformNameSchema = z.enum(TRANSFORM_NAMES);
export type TransformName = z.infer<typeof TransformNameSchema>;

export const BillomatFieldNameSchema = z.enum(BILLOMAT_FIELD_NAMES);

/**
 * A Salesforce field API name (`BillingCity`, `ns__Custom_Field__c`) or a parent path of at most
 * five levels (`Account.Name`, `Account.Owner.Email`). The shape is checked strictly because the
 * source later becomes part of a SOQL field list.
 */
export const SALESFORCE_FIELD_PATH =
  /^[A-Za-z][A-Za-z0-9_]{0,79}(?:\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}$/;

export const SalesforceFieldPathSchema = z
  .string()
  .regex(
    SALESFORCE_FIELD_PATH,
    'must be a Salesforce field API name such as BillingCity or Account.Name',
  );

export const SourceAssignmentSchema = z.strictObject({
  source: SalesforceFieldPathSchema,
  default: z.string().optional(),
  transform: TransformNameSchema.optional(),
});

export const FixedAssignmentSchema = z.strictObject({ fixed: z.string() });

export const FieldAssignmentSchema = z.union([SourceAssignmentSchema, FixedAssignmentSchema]);
export type SourceAssignment = z.infer<typeof SourceAssignmentSchema>;
export type FixedAssignment = z.infer<typeof FixedAssignmentSchema>;
export type FieldAssignment = z.infer<typeof FieldAssignmentSchema>;

export const MappingFieldsSchema = z.partialRecord(BillomatFieldNameSchema, FieldAssignmentSchema);
export type MappingFields = z.infer<typeof MappingFieldsSchema>;

export const MappingSchema = z.object({
  objectType: ObjectTypeSchema,
  fields: MappingFieldsSchema,
});
export type Mapping = z.infer<typeof MappingSchema>;

/**
 * A record as Salesforce sends it: `Id` plus any fields; parent fields either nested
 * (`Account: { Name: "Acme" }`) or flat (`"Account.Name": "Acme"`). REST and jsforce add an
 * `attributes` key, which the mapping ignores.
 */
export const SalesforceRecordSchema = z.looseObject({ Id: z.string().min(1) });
export type SalesforceRecord = z.infer<typeof SalesforceRecordSchema>;

export const BillomatCustomerSchema = z.partialRecord(
  BillomatFieldNameSchema,
  z.union([z.string(), z.number()]),
);
export type BillomatCustomer = z.infer<typeof BillomatCustomerSchema>;

export const ProblemSchema = z.object({
  field: BillomatFieldNameSchema.nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export function isSourceAssignment(assignment: FieldAssignment): assignment is SourceAssignment {
  return 'source' in assignment;
}
