import { createElement } from 'lwc';
import BillomatFieldAssignment from 'c/billomatFieldAssignment';

const COUNTRY = {
  name: 'country_code',
  label: 'Country',
  type: 'string',
  allowedValues: null,
  maxLength: 2,
  help: null,
};
const NET_GROSS = {
  name: 'net_gross',
  label: 'Net or gross prices',
  type: 'enum',
  allowedValues: ['NET', 'GROSS', 'SETTINGS'],
  maxLength: null,
  help: null,
};
const EMPTY = { source: '', default: '', transform: '', fixed: '' };

function mount(field, assignment) {
  const element = createElement('c-billomat-field-assignment', { is: BillomatFieldAssignment });
  element.field = field;
  element.assignment = assignment;
  element.sourceOptions = [{ label: 'Billing Country (BillingCountry)', value: 'BillingCountry' }];
  element.transformOptions = [{ label: 'Country name → ISO code', value: 'country' }];
  document.body.appendChild(element);
  return element;
}

function part(element, name) {
  return element.shadowRoot.querySelector(`[data-part="${name}"]`);
}

function change(element, name, value) {
  part(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-billomat-field-assignment', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('offers "— none —" first and keeps default and transform disabled until a Salesforce field is picked', () => {
    const element = mount(COUNTRY, EMPTY);

    expect(part(element, 'source').options[0]).toEqual({ label: '— none —', value: '' });
    expect(part(element, 'default').disabled).toBe(true);
    expect(part(element, 'transform').disabled).toBe(true);
  });

  it('enables default and transform when a Salesforce field is assigned', () => {
    const element = mount(COUNTRY, { ...EMPTY, source: 'BillingCountry' });

    expect(part(element, 'default').disabled).toBe(false);
    expect(part(element, 'transform').disabled).toBe(false);
  });

  it('reports a picked Salesforce field with the field name', () => {
    const element = mount(COUNTRY, EMPTY);
    const handler = jest.fn();
    element.addEventListener('assignmentchange', handler);

    change(element, 'source', 'BillingCountry');

    expect(handler.mock.calls[0][0].detail).toEqual({
      fieldName: 'country_code',
      assignment: { ...EMPTY, source: 'BillingCountry' },
    });
  });

  it('drops the default and transform when the Salesforce field is set back to none', () => {
    const element = mount(COUNTRY, {
      source: 'BillingCountry',
      default: 'DE',
      transform: 'country',
      fixed: '',
    });
    const handler = jest.fn();
    element.addEventListener('assignmentchange', handler);

    change(element, 'source', '');

    expect(handler.mock.calls[0][0].detail.assignment).toEqual(EMPTY);
  });

  it('says inline that a fixed value and a Salesforce field exclude each other', () => {
    const element = mount(COUNTRY, { ...EMPTY, source: 'BillingCountry', fixed: 'DE' });

    expect(element.shadowRoot.querySelector('.conflict-message').textContent).toContain(
      'Country takes either a Salesforce field or a fixed value, not both.',
    );
  });

  it('offers the allowed values of a field with a fixed list as a choice', () => {
    const element = mount(NET_GROSS, EMPTY);
    const handler = jest.fn();
    element.addEventListener('assignmentchange', handler);

    const fixed = part(element, 'fixed');
    expect(fixed.tagName).toBe('LIGHTNING-COMBOBOX');
    expect(fixed.options.map((option) => option.value)).toEqual(['', 'NET', 'GROSS', 'SETTINGS']);

    change(element, 'fixed', 'GROSS');
    expect(handler.mock.calls[0][0].detail.assignment.fixed).toBe('GROSS');
  });
});
