import { createElement } from 'lwc';
import BillomatPushResults from 'c/billomatPushResults';

function mount(items) {
  const element = createElement('c-billomat-push-results', { is: BillomatPushResults });
  element.items = items;
  document.body.appendChild(element);
  return element;
}

describe('c-billomat-push-results', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists failed records first, each with its status, Billomat number and message', () => {
    const element = mount([
      { sfId: '001A', status: 'created', billomatId: 42, billomatNumber: 'KD0042', message: null },
      {
        sfId: '001B',
        status: 'failed',
        billomatId: null,
        billomatNumber: null,
        message: "Billomat needs a valid e-mail address: 'info(at)acme' is not one",
      },
      {
        sfId: '001C',
        status: 'unchanged',
        billomatId: 43,
        billomatNumber: 'KD0043',
        message: null,
      },
    ]);

    const rows = [...element.shadowRoot.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.dataset.sfId)).toEqual(['001B', '001A', '001C']);
    expect(rows[0].querySelector('lightning-badge').label).toBe('Failed');
    expect(rows[0].querySelector('.number').textContent).toBe('—');
    expect(rows[0].querySelector('.message').textContent).toBe(
      "Billomat needs a valid e-mail address: 'info(at)acme' is not one",
    );
    expect(rows[1].querySelector('.number').textContent).toBe('KD0042');
    expect(rows[1].querySelector('a').getAttribute('href')).toBe('/001A');
  });

  it('says so when there are no results yet', () => {
    const element = mount([]);

    expect(element.shadowRoot.querySelector('.empty').textContent).toBe('No record results yet.');
    expect(element.shadowRoot.querySelector('table')).toBeNull();
  });
});
