import { createElement } from 'lwc';
import BillomatPushPanel from 'c/billomatPushPanel';
import getListViews from '@salesforce/apex/BillomatPushController.getListViews';
import getRecords from '@salesforce/apex/BillomatPushController.getRecords';
import startPush from '@salesforce/apex/BillomatPushController.startPush';
import startListViewPush from '@salesforce/apex/BillomatPushController.startListViewPush';
import getPush from '@salesforce/apex/BillomatPushController.getPush';

const LIST_VIEWS = require('./data/listViewsAccount.json');
const PAGE_1 = require('./data/recordsAccountPage1.json');
const PAGE_2 = require('./data/recordsAccountPage2.json');
const JOB_STARTED = require('./data/jobStarted.json');

jest.mock(
  '@salesforce/apex/BillomatPushController.getListViews',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock('@salesforce/apex/BillomatPushController.getRecords', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/BillomatPushController.startPush', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/BillomatPushController.startListViewPush',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/BillomatPushController.getPush', () => ({ default: jest.fn() }), {
  virtual: true,
});

async function flushPromises() {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function mountWithListViews() {
  const element = createElement('c-billomat-push-panel', { is: BillomatPushPanel });
  document.body.appendChild(element);
  getListViews.emit(LIST_VIEWS);
  await flushPromises();
  return element;
}

function byId(element, id) {
  return element.shadowRoot.querySelector(`[data-id="${id}"]`);
}

function table(element) {
  return element.shadowRoot.querySelector('lightning-datatable');
}

function select(element, rows) {
  table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
}

describe('c-billomat-push-panel', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    getRecords.mockResolvedValue(PAGE_1);
    getPush.mockResolvedValue(JSON.stringify(JOB_STARTED));
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('picks the first list view and shows its first page of Accounts', async () => {
    const element = await mountWithListViews();

    expect(getListViews.getLastConfig()).toEqual({ objectType: 'Account' });
    expect(byId(element, 'list-view').value).toBe('00B000000000001AAA');
    expect(getRecords).toHaveBeenCalledWith({
      objectType: 'Account',
      listViewId: '00B000000000001AAA',
      searchTerm: null,
      pageSize: 50,
      pageNumber: 1,
    });
    expect(table(element).data.map((row) => row.Name)).toEqual([
      'Acme GmbH',
      'Globex Ltd',
      'Initech',
    ]);
    expect(table(element).columns.map((column) => column.fieldName)).toContain('BillingCountry');
    expect(table(element).enableInfiniteLoading).toBe(true);
    expect(element.shadowRoot.querySelector('.record-count').textContent.trim()).toBe(
      '3 of 5 shown',
    );
  });

  it('appends the next page when the table asks for more, and stops when there is no more', async () => {
    const element = await mountWithListViews();
    getRecords.mockResolvedValue(PAGE_2);

    table(element).dispatchEvent(new CustomEvent('loadmore'));
    await flushPromises();

    expect(getRecords).toHaveBeenLastCalledWith(
      expect.objectContaining({ pageNumber: 2, pageSize: 50 }),
    );
    expect(table(element).data).toHaveLength(5);
    expect(table(element).enableInfiniteLoading).toBe(false);
  });

  it('searches once the typing pauses', async () => {
    const element = await mountWithListViews();
    const search = byId(element, 'search');

    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'ac' } }));
    jest.advanceTimersByTime(100);
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'acme ' } }));
    jest.advanceTimersByTime(299);
    expect(getRecords).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(1);
    await flushPromises();
    expect(getRecords).toHaveBeenCalledTimes(2);
    expect(getRecords).toHaveBeenLastCalledWith(
      expect.objectContaining({
        searchTerm: 'acme',
        pageNumber: 1,
        listViewId: '00B000000000001AAA',
      }),
    );
  });

  it('sends the selected records, shows a toast and follows the push', async () => {
    startPush.mockResolvedValue(JSON.stringify(JOB_STARTED));
    const element = await mountWithListViews();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);

    expect(byId(element, 'send-selected').disabled).toBe(true);
    select(element, PAGE_1.records.slice(0, 2));
    await flushPromises();
    expect(byId(element, 'send-selected').label).toBe('Send selected to Billomat (2)');
    expect(byId(element, 'send-selected').disabled).toBe(false);

    byId(element, 'send-selected').click();
    await flushPromises();

    expect(startPush).toHaveBeenCalledWith({
      objectType: 'Account',
      recordIds: ['001000000000001AAA', '001000000000002AAA'],
    });
    expect(toast.mock.calls[0][0].detail.message).toBe('2 Accounts go to Billomat.');
    const progress = element.shadowRoot.querySelector('c-billomat-push-progress');
    expect(progress.jobId).toBe('job-91c2');
    expect(byId(element, 'send-selected').disabled).toBe(true);
  });

  it('shows the readable error inline when the push cannot start', async () => {
    startPush.mockRejectedValue({
      body: { message: 'Save a mapping for Accounts before you push them.' },
    });
    const element = await mountWithListViews();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);

    select(element, PAGE_1.records.slice(0, 1));
    await flushPromises();
    byId(element, 'send-selected').click();
    await flushPromises();

    expect(element.shadowRoot.querySelector('.push-errors').textContent).toBe(
      'Save a mapping for Accounts before you push them.',
    );
    expect(toast).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('c-billomat-push-progress')).toBeNull();
  });

  it('asks before sending the whole list view, saying it runs in the background for up to 10,000 records', async () => {
    startListViewPush.mockResolvedValue(JSON.stringify({ ...JOB_STARTED, expectMore: true }));
    const element = await mountWithListViews();
    byId(element, 'list-view').dispatchEvent(
      new CustomEvent('change', { detail: { value: '00B000000000003AAA' } }),
    );
    await flushPromises();

    byId(element, 'send-list-view').click();
    await flushPromises();
    const confirmText = element.shadowRoot.querySelector('.confirm-text').textContent;
    expect(confirmText).toContain('"Customers Germany"');
    expect(confirmText).toContain('runs in the background');
    expect(confirmText).toContain('up to 10,000 records');
    expect(startListViewPush).not.toHaveBeenCalled();

    byId(element, 'confirm-list-view').click();
    await flushPromises();

    expect(startListViewPush).toHaveBeenCalledWith({
      objectType: 'Account',
      listViewId: '00B000000000003AAA',
    });
    expect(element.shadowRoot.querySelector('.list-view-confirm')).toBeNull();
    expect(element.shadowRoot.querySelector('c-billomat-push-progress').jobId).toBe('job-91c2');
  });

  it('does not send the list view when the question is cancelled', async () => {
    const element = await mountWithListViews();

    byId(element, 'send-list-view').click();
    await flushPromises();
    byId(element, 'cancel-list-view').click();
    await flushPromises();

    expect(element.shadowRoot.querySelector('.list-view-confirm')).toBeNull();
    expect(startListViewPush).not.toHaveBeenCalled();
  });

  it('switches to Contacts with their list views and columns', async () => {
    const element = await mountWithListViews();

    byId(element, 'object-type').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Contact' } }),
    );
    await flushPromises();
    expect(getListViews.getLastConfig()).toEqual({ objectType: 'Contact' });

    getListViews.emit([{ value: '00B000000000009AAA', label: 'All Contacts' }]);
    await flushPromises();
    expect(getRecords).toHaveBeenLastCalledWith(
      expect.objectContaining({ objectType: 'Contact', listViewId: '00B000000000009AAA' }),
    );
    expect(table(element).columns.map((column) => column.fieldName)).toContain('AccountName');
  });

  it('shows the readable error when the list views cannot be loaded', async () => {
    const element = createElement('c-billomat-push-panel', { is: BillomatPushPanel });
    document.body.appendChild(element);
    getListViews.error({ message: 'You cannot see Account list views.' });
    await flushPromises();

    expect(element.shadowRoot.querySelector('.list-view-errors').textContent).toBe(
      'You cannot see Account list views.',
    );
    expect(byId(element, 'send-list-view').disabled).toBe(true);
  });

  it('reloads the records when the push completes, to show their Billomat numbers', async () => {
    startPush.mockResolvedValue(JSON.stringify(JOB_STARTED));
    const element = await mountWithListViews();
    select(element, PAGE_1.records.slice(0, 1));
    await flushPromises();
    byId(element, 'send-selected').click();
    await flushPromises();
    expect(getRecords).toHaveBeenCalledTimes(1);

    element.shadowRoot
      .querySelector('c-billomat-push-progress')
      .dispatchEvent(new CustomEvent('pushcompleted', { detail: { jobId: 'job-91c2' } }));
    await flushPromises();

    expect(getRecords).toHaveBeenCalledTimes(2);
    expect(getRecords).toHaveBeenLastCalledWith(expect.objectContaining({ pageNumber: 1 }));
  });
});
