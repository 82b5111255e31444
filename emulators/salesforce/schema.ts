/** Field metadata in the shape of `sobjects/<Type>/describe`, limited to what callers read. */
export interface FieldDescription {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  nillable: boolean;
  filterable: boolean;
  updateable: boolean;
  custom: boolean;
  relationshipName: string | null;
  referenceTo: string[];
  picklistValues: Array<{ value: string; label: string; active: boolean; defaultValue: boolean }>;
}

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'phone'
  | 'email'
  | 'url'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'reference';

export interface ObjectDescription {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  queryable: boolean;
  fields: FieldDescription[];
}

type FieldSpec = [
  name: string,
  label: string,
  type: FieldType,
  length?: number,
  extra?: Partial<FieldDescription>,
];

function field([name, label, type, length = 0, extra = {}]: FieldSpec): FieldDescription {
  const readOnly =
    type === 'id' ||
    name === 'CreatedDate' ||
    name === 'LastModifiedDate' ||
    name === 'SystemModstamp';
  return {
    name,
    label,
    type,
    length,
    nillable: type !== 'id' && type !== 'boolean',
    filterable: type !== 'textarea' || length <= 255,
    updateable: !readOnly,
    custom: name.endsWith('__c'),
    relationshipName: null,
    referenceTo: [],
    picklistValues: [],
    ...extra,
  };
}

function picklist(values: string[]): Partial<FieldDescription> {
  return {
    picklistValues: values.map((value) => ({
      value,
      label: value,
      active: true,
      defaultValue: false,
    })),
  };
}

const AUDIT_FIELDS: FieldSpec[] = [
  ['CreatedDate', 'Created Date', 'datetime'],
  ['LastModifiedDate', 'Last Modified Date', 'datetime'],
  ['SystemModstamp', 'System Modstamp', 'datetime'],
];

function addressFields(prefix: string, label: string): FieldSpec[] {
  return [
    [`${prefix}Street`, `${label} Street`, 'textarea', 255],
    [`${prefix}City`, `${label} City`, 'string', 40],
    [`${prefix}State`, `${label} State/Province`, 'string', 80],
    [`${prefix}PostalCode`, `${label} Zip/Postal Code`, 'string', 20],
    [`${prefix}Country`, `${label} Country`, 'string', 80],
  ];
}

const ACCOUNT_FIELDS: FieldSpec[] = [
  ['Id', 'Account ID', 'id', 18],
  ['Name', 'Account Name', 'string', 255, { nillable: false }],
  ['AccountNumber', 'Account Number', 'string', 40],
  [
    'Type',
    'Account Type',
    'picklist',
    255,
    picklist(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
  ],
  [
    'Industry',
    'Industry',
    'picklist',
    255,
    picklist([
      'Manufacturing',
      'Technology',
      'Retail',
      'Consulting',
      'Energy',
      'Healthcare',
      'Finance',
      'Other',
    ]),
  ],
  ['Phone', 'Account Phone', 'phone', 40],
  ['Fax', 'Account Fax', 'phone', 40],
  ['Website', 'Website', 'url', 255],
  ['Description', 'Account Description', 'textarea', 32000],
  ['AnnualRevenue', 'Annual Revenue', 'currency', 0],
  ['NumberOfEmployees', 'Employees', 'int', 0],
  ...addressFields('Billing', 'Billing'),
  ...addressFields('Shipping', 'Shipping'),
  ...AUDIT_FIELDS,
];

const CONTACT_FIELDS: FieldSpec[] = [
  ['Id', 'Contact ID', 'id', 18],
  [
    'AccountId',
    'Account ID',
    'reference',
    18,
    { relationshipName: 'Account', referenceTo: ['Account'] },
  ],
  ['Salutation', 'Salutation', 'picklist', 40, picklist(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'])],
  ['FirstName', 'First Name', 'string', 40],
  ['LastName', 'Last Name', 'string', 80, { nillable: false }],
  ['Name', 'Full Name', 'string', 121, { updateable: false }],
  ['Title', 'Title', 'string', 128],
  ['Department', 'Department', 'string', 80],
  ['Email', 'Email', 'email', 80],
  ['Phone', 'Business Phone', 'phone', 40],
  ['MobilePhone', 'Mobile Phone', 'phone', 40],
  ['Fax', 'Business Fax', 'phone', 40],
  ...addressFields('Mailing', 'Mailing'),
  ['Description', 'Contact Description', 'textarea', 32000],
  ...AUDIT_FIELDS,
];

const ORGANIZATION_FIELDS: FieldSpec[] = [
  ['Id', 'Organization ID', 'id', 18],
  ['Name', 'Name', 'string', 80],
  ['OrganizationType', 'Edition', 'picklist', 40],
  ['IsSandbox', 'Is Sandbox', 'boolean'],
  ['TrialExpirationDate', 'Trial Expiration Date', 'datetime'],
  ['InstanceName', 'Instance Name', 'string', 5],
  ['NamespacePrefix', 'Namespace Prefix', 'string', 15],
  ['DefaultLocaleSidKey', 'Locale', 'picklist', 40],
  ['LanguageLocaleKey', 'Language', 'picklist', 40],
];

const PERMISSION_FIELDS: FieldSpec[] = [
  ['Id', 'User Permission Access ID', 'id', 18],
  ['PermissionsApiEnabled', 'API Enabled', 'boolean'],
  ['PermissionsApiUserOnly', 'API Only User', 'boolean'],
  ['PermissionsViewSetup', 'View Setup and Configuration', 'boolean'],
  ['PermissionsViewAllData', 'View All Data', 'boolean'],
  ['PermissionsModifyAllData', 'Modify All Data', 'boolean'],
];

export type QueryableObject = 'Account' | 'Contact' | 'Organization' | 'UserPermissionAccess';
export type RecordObject = 'Account' | 'Contact';

export function isRecordObject(name: string): name is RecordObject {
  return name === 'Account' || name === 'Contact';
}

/** Fresh, mutable describes: each fake instance owns its copy so added custom fields stay local. */
export function standardSchema(): Map<QueryableObject, ObjectDescription> {
  const describe = (
    name: string,
    label: string,
    labelPlural: string,
    keyPrefix: string | null,
    specs: FieldSpec[],
  ) => ({
    name,
    label,
    labelPlural,
    keyPrefix,
    queryable: true,
    fields: specs.map(field),
  });
  return new Map<QueryableObject, ObjectDescription>([
    ['Account', describe('Account', 'Account', 'Accounts', '001', ACCOUNT_FIELDS)],
    ['Contact', describe('Contact', 'Contact', 'Contacts', '003', CONTACT_FIELDS)],
    [
      'Organization',
      describe('Organization', 'Organization', 'Organizations', '00D', ORGANIZATION_FIELDS),
    ],
    [
      'UserPermissionAccess',
      describe(
        'UserPermissionAccess',
        'User Permission Access',
        'User Permission Access',
        null,
        PERMISSION_FIELDS,
      ),
    ],
  ]);
}

export function customField(spec: {
  name: string;
  label?: string;
  type: FieldType;
  length?: number;
}): FieldDescription {
  return field([
    spec.name,
    spec.label ?? spec.name.replace(/__c$/, '').replace(/_/g, ' '),
    spec.type,
    spec.length ?? 0,
  ]);
}

export function findField(object: ObjectDescription, name: string): FieldDescription | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}

export function findRelationship(
  object: ObjectDescription,
  relationshipName: string,
): FieldDescription | undefined {
  const lower = relationshipName.toLowerCase();
  return object.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}
