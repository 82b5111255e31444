import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { CLOSE_SCREEN_EVENT_NAME } from 'lightning/actions';
import { EDITABLE_FIELDS, LAYOUT_FIELDS, SECTIONS } from './layout';

const EMPTY = '';

/**
 * An Account record page: the record's details, the "Send to Billomat" quick action (opened
 * in an action window), the same component placed on the page as a card, and Edit.
 */
export default class RecordPage extends LightningElement {
  @api recordId;
  record;
  loadError;
  isSending = false;
  isEditing = false;

  @wire(getRecord, { recordId: '$recordId', fields: LAYOUT_FIELDS })
  wiredRecord({ data, error }) {
    if (data) {
      this.record = data;
      this.loadError = undefined;
    } else if (error) {
      this.loadError =
        (error.body && error.body[0] && error.body[0].message) || 'The record could not be read.';
    }
  }

  handleCloseScreen = () => {
    this.isSending = false;
  };

  connectedCallback() {
    this.template.addEventListener(CLOSE_SCREEN_EVENT_NAME, this.handleCloseScreen);
  }

  disconnectedCallback() {
    this.template.removeEventListener(CLOSE_SCREEN_EVENT_NAME, this.handleCloseScreen);
  }

  handleSendToBillomat() {
    this.isSending = true;
  }

  handleEdit() {
    this.isEditing = true;
  }

  handleEditDone() {
    this.isEditing = false;
  }

  get name() {
    return this.record ? getFieldValue(this.record, 'Account.Name') : EMPTY;
  }

  get sections() {
    return SECTIONS.map((section) => ({
      ...section,
      fields: section.fields.map((field) => ({
        ...field,
        value: this.display(field),
      })),
    }));
  }

  get editableFields() {
    return EDITABLE_FIELDS.map((field) => ({
      ...field,
      value: this.record ? getFieldValue(this.record, `Account.${field.name}`) : null,
    }));
  }

  display(field) {
    const value = this.record ? getFieldValue(this.record, `Account.${field.name}`) : null;
    if (value === null || value === undefined || value === '') {
      return EMPTY;
    }
    return field.dateTime ? new Date(value).toLocaleString('en-US') : String(value);
  }
}
