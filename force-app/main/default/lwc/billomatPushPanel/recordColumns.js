// The columns of the record table, per object type; the keys are those getRecords returns.

const BILLOMAT_COLUMNS = [
  { label: 'Billomat number', fieldName: 'Billomat_Customer_Number__c' },
  { label: 'Sync status', fieldName: 'Billomat_Sync_Status__c' },
  { label: 'Last error', fieldName: 'Billomat_Last_Error__c', wrapText: true },
];

const COLUMNS = {
  Account: [
    { label: 'Account Name', fieldName: 'Name' },
    { label: 'Billing City', fieldName: 'BillingCity' },
    { label: 'Billing Country', fieldName: 'BillingCountry' },
    ...BILLOMAT_COLUMNS,
  ],
  Contact: [
    { label: 'Name', fieldName: 'Name' },
    { label: 'Email', fieldName: 'Email', type: 'email' },
    { label: 'Account', fieldName: 'AccountName' },
    { label: 'Mailing City', fieldName: 'MailingCity' },
    ...BILLOMAT_COLUMNS,
  ],
};

export function columnsFor(objectType) {
  return COLUMNS[objectType] || COLUMNS.Account;
}
