import { LightningElement, api } from 'lwc';

/** Stand-in for lightning-quick-action-panel: the header, body and footer of an action window. */
export default class QuickActionPanel extends LightningElement {
  @api header;
}
