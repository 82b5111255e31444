import { LightningElement, api } from 'lwc';

const SEVERITY_CLASS = { error: 'problem-error', warning: 'problem-warning' };

/**
 * The Billomat customer a record would become, one field per line, with the problems the
 * service found: errors in red, warnings in orange.
 */
export default class BillomatCustomerPreview extends LightningElement {
  /** the customer as the service built it: { name: 'Acme GmbH', country_code: 'DE', … } */
  @api customer;
  /** [{ field, severity: 'error'|'warning', message }] */
  @api problems = [];
  /** the Billomat field catalogue, for labels and order: [{ name, label }] */
  @api fields = [];

  get lines() {
    const customer = this.customer || {};
    const problems = this.problems || [];
    const names = orderedNames(Object.keys(customer), this.fields || [], problems);
    return names.map((name) => {
      const own = problems.filter((problem) => problem.field === name);
      const worst = own.some((p) => p.severity === 'error') ? 'error' : own[0] && own[0].severity;
      return {
        name,
        labelKey: `${name}-label`,
        valueKey: `${name}-value`,
        label: labelOf(name, this.fields || []),
        value: displayValue(customer[name]),
        className: `line ${SEVERITY_CLASS[worst] || ''}`.trim(),
        problems: own.map((problem, index) => ({
          key: `${name}-${index}`,
          message: problem.message,
          className: `problem ${SEVERITY_CLASS[problem.severity] || ''}`.trim(),
        })),
      };
    });
  }

  get generalProblems() {
    return (this.problems || [])
      .filter((problem) => !problem.field)
      .map((problem, index) => ({
        key: `general-${index}`,
        message: problem.message,
        className: `problem ${SEVERITY_CLASS[problem.severity] || ''}`.trim(),
      }));
  }

  get isEmpty() {
    return this.lines.length === 0 && this.generalProblems.length === 0;
  }
}

function orderedNames(customerNames, fields, problems) {
  const wanted = new Set([
    ...customerNames,
    ...problems.map((problem) => problem.field).filter((field) => field),
  ]);
  const catalogueOrder = fields.map((field) => field.name).filter((name) => wanted.has(name));
  const rest = [...wanted].filter((name) => !catalogueOrder.includes(name));
  return [...catalogueOrder, ...rest];
}

function labelOf(name, fields) {
  const field = fields.find((candidate) => candidate.name === name);
  return field ? field.label : name;
}

function displayValue(value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
