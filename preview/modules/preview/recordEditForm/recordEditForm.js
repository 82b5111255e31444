import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { updateRecord } from 'lightning/uiRecordApi';

/**
 * The record page's Edit window: a person changes fields and saves, with Salesforce's own
 * checks (a required name, a valid e-mail in e-mail fields). Fires `done` when closed.
 */
export default class RecordEditForm extends LightningElement {
  @api recordId;
  @api name;
  /** [{ name, label, value, multiline }] */
  @api fields = [];

  changes = {};
  errorMessage = '';
  isSaving = false;

  get inputs() {
    return (this.fields || []).map((field) => ({
      ...field,
      value: field.name in this.changes ? this.changes[field.name] : field.value,
    }));
  }

  get title() {
    return `Edit ${this.name || 'Account'}`;
  }

  handleChange(event) {
    this.changes = { ...this.changes, [event.target.dataset.field]: event.detail.value };
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('done'));
  }

  async handleSave() {
    this.isSaving = true;
    this.errorMessage = '';
    try {
      const saved = await updateRecord({ fields: { Id: this.recordId, ...this.changes } });
      const name = (saved.fields.Name && saved.fields.Name.value) || this.name;
      this.dispatchEvent(
        new ShowToastEvent({
          title: `Account "${name}" was saved.`,
          message: '',
          variant: 'success',
        }),
      );
      this.dispatchEvent(new CustomEvent('done'));
    } catch (error) {
      this.errorMessage = (error.body && error.body.message) || 'The record could not be saved.';
    } finally {
      this.isSaving = false;
    }
  }
}
