import { createElement } from 'lwc';
import BillomatCustomerPreview from 'c/billomatCustomerPreview';

const FIELDS = [
  { name: 'name', label: 'Company name' },
  { name: 'email', label: 'E-mail' },
  { name: 'country_code', label: 'Country' },
];

function mount(customer, problems) {
  const element = createElement('c-billomat-customer-preview', { is: BillomatCustomerPreview });
  element.customer = customer;
  element.problems = problems;
  element.fields = FIELDS;
  document.body.appendChild(element);
  return element;
}

function valueOf(element, fieldName) {
  return element.shadowRoot.querySelector(`dd[data-field="${fieldName}"] .line`);
}

describe('c-billomat-customer-preview', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists the customer fields in catalogue order with their labels', () => {
    const element = mount({ country_code: 'DE', name: 'Acme GmbH', note: 'from Salesforce' }, []);

    const labels = [...element.shadowRoot.querySelectorAll('dt')].map((dt) =>
      dt.textContent.trim(),
    );
    expect(labels).toEqual(['Company name', 'Country', 'note']);
    expect(valueOf(element, 'name').textContent).toBe('Acme GmbH');
  });

  it('marks errors red and warnings orange, each with its message', () => {
    const element = mount({ name: 'Acme GmbH', email: 'info(at)acme', country_code: 'DE' }, [
      {
        field: 'email',
        severity: 'error',
        message: "'info(at)acme' is not a valid e-mail address.",
      },
      {
        field: 'country_code',
        severity: 'warning',
        message: 'Billing Country is empty: the default DE is used.',
      },
    ]);

    expect(valueOf(element, 'email').className).toContain('problem-error');
    expect(valueOf(element, 'country_code').className).toContain('problem-warning');
    expect(valueOf(element, 'name').className).not.toMatch(/problem-/);
    const emailProblem = element.shadowRoot.querySelector('dd[data-field="email"] .problem');
    expect(emailProblem.textContent).toBe("'info(at)acme' is not a valid e-mail address.");
    expect(emailProblem.className).toContain('problem-error');
  });

  it('shows a problem for a field the customer does not have, and problems without a field', () => {
    const element = mount({ email: 'info@acme.example' }, [
      {
        field: 'name',
        severity: 'error',
        message: 'Billomat needs a company name or a last name.',
      },
      { field: null, severity: 'warning', message: 'The mapping assigns no country.' },
    ]);

    expect(valueOf(element, 'name').textContent).toBe('—');
    expect(valueOf(element, 'name').className).toContain('problem-error');
    const general = element.shadowRoot.querySelector('p.problem');
    expect(general.textContent).toBe('The mapping assigns no country.');
    expect(general.className).toContain('problem-warning');
  });
});
