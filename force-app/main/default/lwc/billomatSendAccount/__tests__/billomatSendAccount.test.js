import { createElement } from 'lwc';
import { CloseScreenEventName } from 'lightning/actions';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import BillomatSendAccount from 'c/billomatSendAccount';
import sendAccount from '@salesforce/apex/BillomatSendController.sendAccount';

const CREATED = require('./data/sendResultCreated.json');
const FAILED = require('./data/sendResultFailed.json');
const PENDING = require('./data/sendResultPending.json');
const ACCOUNT_WITH_NUMBER = require('./data/getRecordAccount.json');

const RECORD_ID = '001000000000001AAA';

jest.mock('@salesforce/apex/BillomatSendController.sendAccount', () => ({ default: jest.fn() }), {
  virtual: true,
});

async function flushPromises() {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

// Like a quick action: recordId arrives after the component is connected.
async function mount(properties = {}) {
  const element = createElement('c-billomat-send-account', { is: BillomatSendAccount });
  Object.assign(element, properties);
  document.body.appendChild(element);
  element.recordId = RECORD_ID;
  await flushPromises();
  const events = { toast: jest.fn(), close: jest.fn() };
  element.addEventListener('lightning__showtoast', events.toast);
  element.addEventListener(CloseScreenEventName, events.close);
  return { element, events };
}

function sendButton(element) {
  return element.shadowRoot.querySelector('lightning-button[data-id="send"]');
}

function status(element) {
  return element.shadowRoot.querySelector('c-billomat-send-status');
}

describe('c-billomat-send-account', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('opens as a quick action panel headed "Send to Billomat" with the number the Account already has', async () => {
    const { element } = await mount();
    getRecord.emit(ACCOUNT_WITH_NUMBER);
    await flushPromises();

    expect(element.shadowRoot.querySelector('lightning-quick-action-panel').header).toBe(
      'Send to Billomat',
    );
    expect(getRecord.getLastConfig()).toEqual({
      recordId: RECORD_ID,
      optionalFields: ['Account.Billomat_Customer_Number__c'],
    });
    expect(status(element).customerNumber).toBe('KD0017');
  });

  it('sends the Account, toasts the new customer number and closes the action', async () => {
    sendAccount.mockResolvedValue(CREATED);
    const { element, events } = await mount();

    sendButton(element).click();
    await flushPromises();

    expect(sendAccount).toHaveBeenCalledWith({ recordId: RECORD_ID });
    expect(events.toast).toHaveBeenCalledTimes(1);
    expect(events.toast.mock.calls[0][0].detail.message).toBe('Billomat customer KD0042 created');
    expect(events.toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(events.close).toHaveBeenCalledTimes(1);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
  });

  it('shows the plain-language reason inline and stays open when Billomat refuses the Account', async () => {
    sendAccount.mockResolvedValue(FAILED);
    const { element, events } = await mount();

    sendButton(element).click();
    await flushPromises();

    expect(status(element).failure).toBe(FAILED.message);
    expect(status(element).shadowRoot.querySelector('.failure').textContent).toBe(FAILED.message);
    expect(events.close).not.toHaveBeenCalled();
    expect(events.toast).not.toHaveBeenCalled();
    expect(sendButton(element).disabled).toBe(false);
  });

  it('shows the readable Apex error inline and stays open when the send fails', async () => {
    sendAccount.mockRejectedValue({
      body: { message: 'The export service did not answer. Try again in a minute.' },
    });
    const { element, events } = await mount();

    sendButton(element).click();
    await flushPromises();

    expect(status(element).failure).toBe(
      'The export service did not answer. Try again in a minute.',
    );
    expect(events.close).not.toHaveBeenCalled();
  });

  it('sends only once when Send is clicked twice', async () => {
    let answer;
    sendAccount.mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    const { element } = await mount();

    sendButton(element).click();
    await flushPromises();
    expect(sendButton(element).disabled).toBe(true);
    sendButton(element).click();
    answer(CREATED);
    await flushPromises();

    expect(sendAccount).toHaveBeenCalledTimes(1);
  });

  it('stays on the record page and shows the new number instead of closing', async () => {
    sendAccount.mockResolvedValue(CREATED);
    const { element, events } = await mount({ showAsCard: true });
    expect(element.shadowRoot.querySelector('lightning-quick-action-panel')).toBeNull();

    sendButton(element).click();
    await flushPromises();

    expect(events.close).not.toHaveBeenCalled();
    expect(events.toast.mock.calls[0][0].detail.message).toBe('Billomat customer KD0042 created');
    expect(status(element).shadowRoot.querySelector('.number').textContent).toBe(
      'Billomat customer KD0042',
    );
  });

  it('tells the rep the number follows when Billomat has not answered in time', async () => {
    sendAccount.mockResolvedValue(PENDING);
    const { element, events } = await mount();

    sendButton(element).click();
    await flushPromises();

    expect(events.toast.mock.calls[0][0].detail.variant).toBe('info');
    expect(events.toast.mock.calls[0][0].detail.message).toContain(
      'The customer number appears on the Account',
    );
    expect(events.close).toHaveBeenCalledTimes(1);
  });

  it('closes without sending on Cancel', async () => {
    const { element, events } = await mount();

    element.shadowRoot.querySelector('lightning-button[data-id="cancel"]').click();

    expect(events.close).toHaveBeenCalledTimes(1);
    expect(sendAccount).not.toHaveBeenCalled();
  });
});
