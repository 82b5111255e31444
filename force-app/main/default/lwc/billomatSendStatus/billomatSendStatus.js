import { LightningElement, api } from 'lwc';

/** What a sales rep needs to know about one Account in Billomat: its number or what went wrong. */
export default class BillomatSendStatus extends LightningElement {
  /** the Billomat customer number, e.g. KD0042, when the Account has one */
  @api customerNumber;
  /** a plain-language reason the last send failed */
  @api failure;
  /** a note that is neither success nor failure, e.g. Billomat has not answered yet */
  @api notice;

  get hasNumber() {
    return Boolean(this.customerNumber);
  }
}
