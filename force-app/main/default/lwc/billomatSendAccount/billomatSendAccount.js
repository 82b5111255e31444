import { LightningElement, api, wire } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import sendAccount from '@salesforce/apex/BillomatSendController.sendAccount';
import { errorText } from 'c/billomatErrors';

const NUMBER_FIELD = 'Account.Billomat_Customer_Number__c';
const SENT_WORDS = { created: 'created', updated: 'updated', unchanged: 'is already up to date' };
const PENDING_NOTICE =
  'Billomat has not answered yet. The customer number appears on the Account as soon as it does.';
const FAILED_FALLBACK = 'Billomat did not accept this Account.';

/**
 * "Send to Billomat" for one Account: as a screen quick action it closes after a successful
 * send; placed on the record page (showAsCard) it stays and shows the customer number.
 */
export default class BillomatSendAccount extends LightningElement {
  // Quick actions set recordId after connectedCallback: read it only when it is used.
  @api recordId;
  /** Set on the record page, where there is no action window to close. */
  @api showAsCard = false;

  sentNumber;
  savedNumber;
  failure = '';
  notice = '';
  isSending = false;

  @wire(getRecord, { recordId: '$recordId', optionalFields: [NUMBER_FIELD] })
  wiredAccount({ data }) {
    if (data) {
      this.savedNumber = getFieldValue(data, NUMBER_FIELD);
    }
  }

  async handleSend() {
    if (this.isSending || !this.recordId) {
      return;
    }
    this.isSending = true;
    this.failure = '';
    this.notice = '';
    try {
      const result = await sendAccount({ recordId: this.recordId });
      this.applyResult(result);
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.isSending = false;
    }
  }

  applyResult(result) {
    // Apex wrote the outcome (also a failure) back to the Account: let the record page show it.
    notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    if (result.status === 'failed') {
      this.failure = result.message || FAILED_FALLBACK;
      return;
    }
    if (result.status === 'pending') {
      this.notice = result.message || PENDING_NOTICE;
      this.toast('info', 'Sent to Billomat', this.notice);
    } else {
      this.sentNumber = result.billomatNumber;
      const words = SENT_WORDS[result.status] || 'saved';
      this.toast(
        'success',
        'Sent to Billomat',
        `Billomat customer ${result.billomatNumber} ${words}`,
      );
    }
    this.close();
  }

  handleCancel() {
    this.close();
  }

  close() {
    if (!this.showAsCard) {
      this.dispatchEvent(new CloseActionScreenEvent());
    }
  }

  toast(variant, title, message) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  get customerNumber() {
    return this.sentNumber || this.savedNumber;
  }

  get sendDisabled() {
    return this.isSending || !this.recordId;
  }

  get sendLabel() {
    return this.isSending ? 'Sending…' : 'Send';
  }
}
