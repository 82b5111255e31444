import { createElement } from 'lwc';
import BillomatMappingEditor from 'c/billomatMappingEditor';
import getBillomatFields from '@salesforce/apex/BillomatMappingController.getBillomatFields';
import getSalesforceFields from '@salesforce/apex/BillomatMappingController.getSalesforceFields';
import getMapping from '@salesforce/apex/BillomatMappingController.getMapping';
import saveMapping from '@salesforce/apex/BillomatMappingController.saveMapping';
import getSampleRecords from '@salesforce/apex/BillomatMappingController.getSampleRecords';
import previewMapping from '@salesforce/apex/BillomatMappingController.previewMapping';

const BILLOMAT_FIELDS = require('./data/billomatFields.json');
const SALESFORCE_FIELDS = require('./data/salesforceFieldsAccount.json');
const MAPPING = require('./data/mappingAccount.json');
const SAMPLES = require('./data/sampleRecordsAccount.json');
const PREVIEW_BY_RECORD = require('./data/previewByRecord.json');
const SAVE_PROBLEMS = require('./data/saveMappingProblems.json');

jest.mock(
  '@salesforce/apex/BillomatMappingController.getBillomatFields',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/BillomatMappingController.getSalesforceFields',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/BillomatMappingController.getMapping', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/BillomatMappingController.saveMapping',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/BillomatMappingController.getSampleRecords',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/BillomatMappingController.previewMapping',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);

async function flushPromises() {
  for (let i = 0; i < 10; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function answerPreviewsFromFixture() {
  previewMapping.mockImplementation(({ recordsJson }) => {
    const [record] = JSON.parse(recordsJson);
    return Promise.resolve(JSON.stringify({ results: [PREVIEW_BY_RECORD[record.Id]] }));
  });
}

async function mount() {
  const element = createElement('c-billomat-mapping-editor', { is: BillomatMappingEditor });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function byId(element, id) {
  return element.shadowRoot.querySelector(`[data-id="${id}"]`);
}

function row(element, fieldName) {
  return element.shadowRoot.querySelector(`c-billomat-field-assignment[data-field="${fieldName}"]`);
}

function changeRowPart(element, fieldName, part, value) {
  const control = row(element, fieldName).shadowRoot.querySelector(`[data-part="${part}"]`);
  control.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function previewedCustomer(element) {
  return element.shadowRoot.querySelector('c-billomat-customer-preview').customer;
}

function lastPreviewCall() {
  const calls = previewMapping.mock.calls;
  return calls[calls.length - 1][0];
}

describe('c-billomat-mapping-editor', () => {
  beforeEach(() => {
    getBillomatFields.mockResolvedValue(JSON.stringify(BILLOMAT_FIELDS));
    getSalesforceFields.mockResolvedValue(SALESFORCE_FIELDS);
    getMapping.mockResolvedValue(JSON.stringify(MAPPING));
    getSampleRecords.mockResolvedValue(SAMPLES);
    answerPreviewsFromFixture();
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows one row per Billomat field with the saved assignment and the saved version', async () => {
    const element = await mount();

    const rows = [...element.shadowRoot.querySelectorAll('c-billomat-field-assignment')];
    expect(rows.map((el) => el.field.name)).toEqual([
      'name',
      'city',
      'country_code',
      'email',
      'net_gross',
    ]);
    expect(row(element, 'country_code').assignment).toEqual({
      source: 'BillingCountry',
      default: 'DE',
      transform: 'country',
      fixed: '',
    });
    expect(row(element, 'net_gross').assignment.fixed).toBe('NET');
    expect(row(element, 'name').sourceOptions[0]).toEqual({
      label: 'Account Name (Name)',
      value: 'Name',
    });
    expect(element.shadowRoot.querySelector('.version').textContent).toContain('Version 3');
    expect(getSalesforceFields).toHaveBeenCalledWith({ objectType: 'Account' });
    expect(getMapping).toHaveBeenCalledWith({ objectType: 'Account' });
  });

  it('loads sample records with the mapped Salesforce fields and previews the first one', async () => {
    const element = await mount();

    expect(getSampleRecords).toHaveBeenCalledWith({
      objectType: 'Account',
      fieldNames: ['Name', 'BillingCountry'],
      limitSize: 10,
    });
    expect(element.shadowRoot.querySelector('.sample-position').textContent).toBe('Record 1 of 3');
    expect(element.shadowRoot.querySelector('.sample-name').textContent).toBe('Acme GmbH');
    expect(previewedCustomer(element)).toEqual({
      name: 'Acme GmbH',
      country_code: 'DE',
      net_gross: 'NET',
    });
    expect(byId(element, 'previous').disabled).toBe(true);
  });

  it('steps through the sample records with Next and Previous, and the preview follows the record', async () => {
    const element = await mount();

    byId(element, 'next').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.sample-position').textContent).toBe('Record 2 of 3');
    expect(JSON.parse(lastPreviewCall().recordsJson)).toEqual([SAMPLES[1]]);
    expect(previewedCustomer(element).name).toBe('Globex Ltd');
    expect(
      element.shadowRoot.querySelector('c-billomat-customer-preview').problems[0].severity,
    ).toBe('warning');

    byId(element, 'next').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.sample-position').textContent).toBe('Record 3 of 3');
    expect(previewedCustomer(element).name).toBe('Initech');
    expect(byId(element, 'next').disabled).toBe(true);

    byId(element, 'previous').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.sample-position').textContent).toBe('Record 2 of 3');
    expect(previewedCustomer(element).name).toBe('Globex Ltd');
  });

  it('previews the unsaved fields after an edit and fetches the samples again for a newly picked field', async () => {
    const element = await mount();
    jest.useFakeTimers();

    changeRowPart(element, 'city', 'source', 'BillingCity');
    await flushPromises();
    expect(row(element, 'city').assignment.source).toBe('BillingCity');
    expect(element.shadowRoot.querySelector('lightning-badge').label).toBe('Unsaved changes');

    jest.advanceTimersByTime(400);
    await flushPromises();

    expect(getSampleRecords).toHaveBeenLastCalledWith({
      objectType: 'Account',
      fieldNames: ['Name', 'BillingCity', 'BillingCountry'],
      limitSize: 10,
    });
    expect(JSON.parse(lastPreviewCall().fieldsJson)).toEqual({
      name: { source: 'Name' },
      city: { source: 'BillingCity' },
      country_code: { source: 'BillingCountry', default: 'DE', transform: 'country' },
      net_gross: { fixed: 'NET' },
    });
  });

  it('says inline that a fixed value and a Salesforce field exclude each other and blocks saving', async () => {
    const element = await mount();

    changeRowPart(element, 'net_gross', 'source', 'Website');
    await flushPromises();

    const message = row(element, 'net_gross').shadowRoot.querySelector('.conflict-message');
    expect(message.textContent).toContain('either a Salesforce field or a fixed value, not both');
    expect(element.shadowRoot.querySelector('.conflict-summary').textContent).toBe(
      '1 field has both a Salesforce field and a fixed value. Clear one of them to save.',
    );
    expect(byId(element, 'save').disabled).toBe(true);

    changeRowPart(element, 'net_gross', 'fixed', '');
    await flushPromises();
    expect(element.shadowRoot.querySelector('.conflict-summary')).toBeNull();
    expect(byId(element, 'save').disabled).toBe(false);
  });

  it('saves the mapping, shows a toast and the new version', async () => {
    saveMapping.mockResolvedValue(
      JSON.stringify({ ...MAPPING, version: 4, savedAt: '2026-11-24T10:00:00.000Z' }),
    );
    const element = await mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);

    changeRowPart(element, 'net_gross', 'fixed', 'GROSS');
    await flushPromises();
    byId(element, 'save').click();
    await flushPromises();

    expect(saveMapping).toHaveBeenCalledWith({
      objectType: 'Account',
      fieldsJson: JSON.stringify({
        name: { source: 'Name' },
        country_code: { source: 'BillingCountry', default: 'DE', transform: 'country' },
        net_gross: { fixed: 'GROSS' },
      }),
    });
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(toast.mock.calls[0][0].detail.message).toBe(
      'The Account mapping is saved as version 4.',
    );
    expect(element.shadowRoot.querySelector('.version').textContent).toContain('Version 4');
    expect(element.shadowRoot.querySelector('lightning-badge')).toBeNull();
  });

  it('shows the problems inline when the mapping cannot be saved', async () => {
    saveMapping.mockRejectedValue(SAVE_PROBLEMS);
    const element = await mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);

    byId(element, 'save').click();
    await flushPromises();

    expect(element.shadowRoot.querySelector('.save-errors').textContent).toBe(
      SAVE_PROBLEMS.body.message,
    );
    expect(toast).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('.version').textContent).toContain('Version 3');
  });

  it('shows the readable error when the mapping cannot be loaded', async () => {
    getMapping.mockRejectedValue({ body: { message: 'The export service did not answer.' } });
    const element = await mount();

    expect(element.shadowRoot.querySelector('.load-errors').textContent).toBe(
      'The export service did not answer.',
    );
    expect(getSampleRecords).not.toHaveBeenCalled();
  });

  it('loads the Contact fields and mapping when Contacts are chosen', async () => {
    const element = await mount();
    getMapping.mockResolvedValue(
      JSON.stringify({ objectType: 'Contact', version: null, savedAt: null, fields: {} }),
    );
    getSampleRecords.mockResolvedValue([]);

    byId(element, 'object-type').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Contact' } }),
    );
    await flushPromises();

    expect(getSalesforceFields).toHaveBeenLastCalledWith({ objectType: 'Contact' });
    expect(getMapping).toHaveBeenLastCalledWith({ objectType: 'Contact' });
    expect(element.shadowRoot.querySelector('.version').textContent).toContain(
      'No mapping saved yet',
    );
    expect(element.shadowRoot.querySelector('.no-samples').textContent).toBe(
      'There are no Contact records to preview yet.',
    );
  });
});
