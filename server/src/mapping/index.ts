export {
  BILLOMAT_CLIENT_FIELDS,
  BILLOMAT_FIELD_NAMES,
  billomatField,
  isBillomatFieldName,
  type BillomatField,
  type BillomatFieldName,
  type BillomatFieldType,
} from './catalogue';
export { COUNTRY_CODES, countryCodeFor, isCountryCode } from './countries';
export {
  BillomatCustomerSchema,
  BillomatFieldNameSchema,
  FieldAssignmentSchema,
  FixedAssignmentSchema,
  MappingFieldsSchema,
  MappingSchema,
  OBJECT_TYPES,
  ObjectTypeSchema,
  ProblemSchema,
  SALESFORCE_FIELD_PATH,
  SalesforceFieldPathSchema,
  SalesforceRecordSchema,
  SourceAssignmentSchema,
  TRANSFORM_NAMES,
  TransformNameSchema,
  isSourceAssignment,
  type BillomatCustomer,
  type FieldAssignment,
  type FixedAssignment,
  type Mapping,
  type MappingFields,
  type ObjectType,
  type Problem,
  type SalesforceRecord,
  type SourceAssignment,
  type TransformName,
} from './model';
export { TRANSFORMS, TRANSFORM_CATALOGUE, type Transform } from './transforms';
export { applyMapping, hasErrors, type MappedRecord } from './apply';
export { validateMapping, type MappingProblem, type MappingValidation } from './validate';
export { previewMapping, type PreviewResult } from './preview';
export { customerFingerprint } from './fingerprint';
