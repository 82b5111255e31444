// The Account page layout of the fake org: which fields the record page shows, in which section.

export const SECTIONS = [
  {
    key: 'information',
    label: 'Account Information',
    fields: [
      { name: 'Name', label: 'Account Name', editable: true },
      { name: 'Industry', label: 'Industry', editable: true },
      { name: 'Phone', label: 'Phone', editable: true },
      { name: 'Website', label: 'Website', editable: true },
      { name: 'Billing_Email__c', label: 'Billing E-mail', editable: true },
      { name: 'VAT_Number__c', label: 'VAT Number', editable: true },
    ],
  },
  {
    key: 'address',
    label: 'Address Information',
    fields: [
      { name: 'BillingStreet', label: 'Billing Street', editable: true, multiline: true },
      { name: 'BillingPostalCode', label: 'Billing Zip/Postal Code', editable: true },
      { name: 'BillingCity', label: 'Billing City', editable: true },
      { name: 'BillingCountry', label: 'Billing Country', editable: true },
    ],
  },
  {
    key: 'billomat',
    label: 'Billomat',
    fields: [
      { name: 'Billomat_Customer_Number__c', label: 'Billomat Customer Number' },
      { name: 'Billomat_Client_Id__c', label: 'Billomat Client Id' },
      { name: 'Billomat_Sync_Status__c', label: 'Billomat Sync Status' },
      { name: 'Billomat_Last_Sync__c', label: 'Billomat Last Sync', dateTime: true },
      { name: 'Billomat_Last_Error__c', label: 'Billomat Last Error' },
    ],
  },
];

export const LAYOUT_FIELDS = SECTIONS.flatMap((section) =>
  section.fields.map((field) => `Account.${field.name}`),
);

export const EDITABLE_FIELDS = SECTIONS.flatMap((section) =>
  section.fields.filter((field) => field.editable),
);
