/**
 * The fields of the fake org's Accounts and Contacts as a describe would list them: API name,
 * label and type (Apex spells the type in lower case, e.g. `string`, `picklist`, `address`),
 * whether the running user can read them and whether a person may edit them on the record page.
 */

export type ObjectType = 'Account' | 'Contact';

export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'currency'
  | 'integer'
  | 'datetime'
  | 'address';

export interface FieldDescribe {
  name: string;
  label: string;
  type: FieldType;
  /** false for fields the running user's profile hides (field-level security). */
  accessible: boolean;
  /** what the record page's Edit form offers */
  editable: boolean;
}

const field = (name: string, label: string, type: FieldType, editable = true): FieldDescribe => ({
  name,
  label,
  type,
  accessible: true,
  editable,
});

const BILLOMAT_FIELDS: FieldDescribe[] = [
  field('Billomat_Client_Id__c', 'Billomat Client Id', 'string', false),
  field('Billomat_Customer_Number__c', 'Billomat Customer Number', 'string', false),
  field('Billomat_Last_Error__c', 'Billomat Last Error', 'string', false),
  field('Billomat_Last_Sync__c', 'Billomat Last Sync', 'datetime', false),
  field('Billomat_Sync_Status__c', 'Billomat Sync Status', 'picklist', false),
];

const SYSTEM_FIELDS: FieldDescribe[] = [
  field('Id', 'Account ID', 'id', false),
  field('OwnerId', 'Owner ID', 'reference', false),
  field('CreatedDate', 'Created Date', 'datetime', false),
  field('LastModifiedDate', 'Last Modified Date', 'datetime', false),
];

export const ACCOUNT_FIELDS: FieldDescribe[] = [
  ...SYSTEM_FIELDS,
  field('Name', 'Account Name', 'string'),
  field('AccountNumber', 'Account Number', 'string'),
  field('Type', 'Account Type', 'picklist'),
  field('Industry', 'Industry', 'picklist'),
  field('Phone', 'Account Phone', 'phone'),
  field('Fax', 'Account Fax', 'phone'),
  field('Website', 'Website', 'url'),
  field('Description', 'Account Description', 'textarea'),
  field('AnnualRevenue', 'Annual Revenue', 'currency'),
  field('NumberOfEmployees', 'Employees', 'integer'),
  field('BillingStreet', 'Billing Street', 'textarea'),
  field('BillingPostalCode', 'Billing Zip/Postal Code', 'string'),
  field('BillingCity', 'Billing City', 'string'),
  field('BillingState', 'Billing State/Province', 'string'),
  field('BillingCountry', 'Billing Country', 'string'),
  field('BillingAddress', 'Billing Address', 'address', false),
  field('ShippingStreet', 'Shipping Street', 'textarea'),
  field('ShippingPostalCode', 'Shipping Zip/Postal Code', 'string'),
  field('ShippingCity', 'Shipping City', 'string'),
  field('ShippingCountry', 'Shipping Country', 'string'),
  field('ShippingAddress', 'Shipping Address', 'address', false),
  // A custom text field, as many orgs keep the invoice address: Salesforce does not check its format.
  field('Billing_Email__c', 'Billing E-mail', 'string'),
  field('VAT_Number__c', 'VAT Number', 'string'),
  ...BILLOMAT_FIELDS,
  // Readable in a real org only for finance; the mapping editor must not offer it.
  { ...field('Credit_Limit__c', 'Credit Limit', 'currency'), accessible: false },
];

export const CONTACT_FIELDS: FieldDescribe[] = [
  ...SYSTEM_FIELDS.map((f) => (f.name === 'Id' ? { ...f, label: 'Contact ID' } : f)),
  field('AccountId', 'Account ID', 'reference', false),
  field('Salutation', 'Salutation', 'picklist'),
  field('FirstName', 'First Name', 'string'),
  field('LastName', 'Last Name', 'string'),
  field('Name', 'Full Name', 'string', false),
  field('Title', 'Title', 'string'),
  field('Department', 'Department', 'string'),
  field('Email', 'Email', 'email'),
  field('Phone', 'Business Phone', 'phone'),
  field('MobilePhone', 'Mobile Phone', 'phone'),
  field('MailingStreet', 'Mailing Street', 'textarea'),
  field('MailingPostalCode', 'Mailing Zip/Postal Code', 'string'),
  field('MailingCity', 'Mailing City', 'string'),
  field('MailingCountry', 'Mailing Country', 'string'),
  field('MailingAddress', 'Mailing Address', 'address', false),
  ...BILLOMAT_FIELDS,
];

export const OBJECT_LABELS: Record<
  ObjectType,
  { singular: string; plural: string; idPrefix: string }
> = {
  Account: { singular: 'Account', plural: 'Accounts', idPrefix: '001' },
  Contact: { singular: 'Contact', plural: 'Contacts', idPrefix: '003' },
};

export function fieldsOf(objectType: ObjectType): FieldDescribe[] {
  return objectType === 'Account' ? ACCOUNT_FIELDS : CONTACT_FIELDS;
}

/** Describe maps are case-insensitive, as `fields.getMap().get(name.toLowerCase())` is in Apex. */
export function describeField(objectType: ObjectType, name: string): FieldDescribe | undefined {
  const wanted = name.toLowerCase();
  return fieldsOf(objectType).find((candidate) => candidate.name.toLowerCase() === wanted);
}
