import { LightningElement, api } from 'lwc';

const NONE = { label: '— none —', value: '' };

/**
 * One Billomat field of the mapping: where its value comes from (a Salesforce field with an
 * optional default and transform, or a fixed value). Fires `assignmentchange`.
 */
export default class BillomatFieldAssignment extends LightningElement {
  /** { name, label, type, allowedValues, maxLength, help } from the Billomat field catalogue */
  @api field;
  /** { source, default, transform, fixed }, empty strings for what is not set */
  @api assignment;
  /** [{ label, value }] Salesforce fields, without the "none" entry */
  @api sourceOptions = [];
  /** [{ label, value }] transforms, without the "none" entry */
  @api transformOptions = [];

  get sourceChoices() {
    return [NONE, ...(this.sourceOptions || [])];
  }

  get transformChoices() {
    return [NONE, ...(this.transformOptions || [])];
  }

  get hasAllowedValues() {
    return Array.isArray(this.field.allowedValues) && this.field.allowedValues.length > 0;
  }

  get fixedChoices() {
    return [NONE, ...this.field.allowedValues.map((value) => ({ label: value, value }))];
  }

  get hasSource() {
    return Boolean(this.assignment.source);
  }

  get sourceMissing() {
    return !this.hasSource;
  }

  get hasConflict() {
    return this.hasSource && this.assignment.fixed !== '';
  }

  get rowClass() {
    const base = 'slds-grid slds-wrap slds-gutters_x-small slds-p-vertical_x-small';
    return this.hasConflict ? `${base} conflict` : base;
  }

  handleSourceChange(event) {
    const source = event.detail.value;
    // A default or a transform means nothing without a Salesforce field.
    const change = source ? { source } : { source: '', default: '', transform: '' };
    this.notify(change);
  }

  handleDefaultChange(event) {
    this.notify({ default: event.detail.value || '' });
  }

  handleTransformChange(event) {
    this.notify({ transform: event.detail.value });
  }

  handleFixedChange(event) {
    this.notify({ fixed: event.detail.value || '' });
  }

  notify(change) {
    this.dispatchEvent(
      new CustomEvent('assignmentchange', {
        detail: { fieldName: this.field.name, assignment: { ...this.assignment, ...change } },
      }),
    );
  }
}
