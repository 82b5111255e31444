import { createElement } from 'lwc';
import BillomatAccessStatus from 'c/billomatAccessStatus';
import getAccessStatus from '@salesforce/apex/BillomatAccessController.getAccessStatus';

const API_DISABLED = require('./data/accessStatusApiDisabled.json');
const ALL_PASSED = require('./data/accessStatusAllPassed.json');

jest.mock(
  '@salesforce/apex/BillomatAccessController.getAccessStatus',
  () => ({ default: jest.fn() }),
  { virtual: true },
);

async function flushPromises() {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function mount() {
  const element = createElement('c-billomat-access-status', { is: BillomatAccessStatus });
  document.body.appendChild(element);
  return element;
}

function checkElement(element, key) {
  return element.shadowRoot.querySelector(`c-billomat-status-check[data-key="${key}"]`);
}

function fixStepTexts(checkEl) {
  return [...checkEl.shadowRoot.querySelectorAll('ol.fix-steps li')].map((li) => li.textContent);
}

describe('c-billomat-access-status', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows every check in the order Apex returns them and counts the ones that need attention', async () => {
    getAccessStatus.mockResolvedValue(API_DISABLED);
    const element = mount();
    await flushPromises();

    const keys = [...element.shadowRoot.querySelectorAll('c-billomat-status-check')].map(
      (el) => el.check.key,
    );
    expect(keys).toEqual([
      'edition',
      'apiEnabled',
      'apiOnlyUser',
      'serviceReachable',
      'orgRegistered',
      'billomatReachable',
      'mappingAccount',
      'mappingContact',
    ]);
    expect(element.shadowRoot.querySelector('.summary').textContent).toBe(
      '2 of 8 checks need attention.',
    );
  });

  it('lists the fix steps in order under a failing API Enabled check', async () => {
    getAccessStatus.mockResolvedValue(API_DISABLED);
    const element = mount();
    await flushPromises();

    const apiEnabled = checkElement(element, 'apiEnabled');
    expect(apiEnabled.shadowRoot.querySelector('lightning-badge').label).toBe('Fail');
    expect(fixStepTexts(apiEnabled)).toEqual([
      'Setup → Users → Profiles → Custom: Sales',
      'Edit → Administrative Permissions → select "API Enabled"',
      'Save',
    ]);
    expect(fixStepTexts(checkElement(element, 'edition'))).toEqual([]);
  });

  it("shows Billomat's guide steps for a failing API Enabled check that came without steps", async () => {
    const withoutSteps = JSON.parse(JSON.stringify(API_DISABLED));
    withoutSteps.checks[1].fixSteps = [];
    getAccessStatus.mockResolvedValue(withoutSteps);
    const element = mount();
    await flushPromises();

    const steps = fixStepTexts(checkElement(element, 'apiEnabled'));
    expect(steps).toHaveLength(4);
    expect(steps[2]).toBe('Under Administrative Permissions, select "API Enabled".');
  });

  it('loads the checks again on "Check again" and shows the new outcome', async () => {
    getAccessStatus.mockResolvedValueOnce(API_DISABLED).mockResolvedValueOnce(ALL_PASSED);
    const element = mount();
    await flushPromises();

    element.shadowRoot.querySelector('[data-id="check-again"]').click();
    await flushPromises();

    expect(getAccessStatus).toHaveBeenCalledTimes(2);
    expect(element.shadowRoot.querySelector('.summary').textContent).toBe(
      'Everything is ready: this org and your user can export to Billomat.',
    );
    expect(fixStepTexts(checkElement(element, 'apiEnabled'))).toEqual([]);
  });

  it('shows the readable error when the checks cannot be loaded', async () => {
    getAccessStatus.mockRejectedValue({
      body: { message: 'The export service did not answer. Try again in a minute.' },
    });
    const element = mount();
    await flushPromises();

    expect(element.shadowRoot.querySelector('.errors').textContent).toBe(
      'The export service did not answer. Try again in a minute.',
    );
    expect(element.shadowRoot.querySelector('.summary')).toBeNull();
  });
});
