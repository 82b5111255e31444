import { createElement } from 'lwc';
import BillomatSendStatus from 'c/billomatSendStatus';

function mount(properties) {
  const element = createElement('c-billomat-send-status', { is: BillomatSendStatus });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

describe('c-billomat-send-status', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the Billomat customer number when the Account has one', () => {
    const element = mount({ customerNumber: 'KD0042' });

    expect(element.shadowRoot.querySelector('.number').textContent).toBe(
      'Billomat customer KD0042',
    );
    expect(element.shadowRoot.querySelector('.no-number')).toBeNull();
  });

  it('says the Account is not in Billomat yet and shows why the last send failed', () => {
    const element = mount({
      failure: "Billomat needs a valid e-mail address: 'info(at)acme' is not one",
    });

    expect(element.shadowRoot.querySelector('.no-number').textContent).toBe(
      'This Account is not in Billomat yet.',
    );
    expect(element.shadowRoot.querySelector('.failure').textContent).toBe(
      "Billomat needs a valid e-mail address: 'info(at)acme' is not one",
    );
  });
});
