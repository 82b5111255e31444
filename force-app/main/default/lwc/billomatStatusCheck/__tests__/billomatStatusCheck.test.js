import { createElement } from 'lwc';
import BillomatStatusCheck from 'c/billomatStatusCheck';

function mount(check) {
  const element = createElement('c-billomat-status-check', { is: BillomatStatusCheck });
  element.check = check;
  document.body.appendChild(element);
  return element;
}

describe('c-billomat-status-check', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows a passing check with a success icon and badge and no fix steps', () => {
    const element = mount({
      key: 'edition',
      label: 'Salesforce edition',
      status: 'pass',
      detail: 'Enterprise Edition includes API access.',
      fixSteps: ['never shown'],
    });

    const icon = element.shadowRoot.querySelector('lightning-icon');
    expect(icon.iconName).toBe('utility:success');
    expect(element.shadowRoot.querySelector('lightning-badge').label).toBe('Pass');
    expect(element.shadowRoot.querySelector('.detail').textContent).toBe(
      'Enterprise Edition includes API access.',
    );
    expect(element.shadowRoot.querySelector('ol.fix-steps')).toBeNull();
  });

  it('shows a failing check with an error icon and its fix steps as an ordered list', () => {
    const element = mount({
      key: 'edition',
      label: 'Salesforce edition',
      status: 'fail',
      detail: 'Professional Edition has no API access unless it was bought as an add-on.',
      fixSteps: ['Ask Salesforce for the API add-on', 'Or move to Enterprise Edition'],
    });

    expect(element.shadowRoot.querySelector('lightning-icon').variant).toBe('error');
    expect(element.shadowRoot.querySelector('lightning-badge').label).toBe('Fail');
    const steps = [...element.shadowRoot.querySelectorAll('ol.fix-steps li')].map(
      (li) => li.textContent,
    );
    expect(steps).toEqual(['Ask Salesforce for the API add-on', 'Or move to Enterprise Edition']);
  });

  it('shows an unknown check with a warning badge and its fix steps', () => {
    const element = mount({
      key: 'billomatReachable',
      label: 'Billomat reachable',
      status: 'unknown',
      detail: 'The export service could not reach Billomat just now.',
      fixSteps: ['Wait a minute and click "Check again".'],
    });

    expect(element.shadowRoot.querySelector('lightning-icon').iconName).toBe('utility:warning');
    expect(element.shadowRoot.querySelector('lightning-badge').label).toBe('Unknown');
    expect(element.shadowRoot.querySelectorAll('ol.fix-steps li')).toHaveLength(1);
  });
});
