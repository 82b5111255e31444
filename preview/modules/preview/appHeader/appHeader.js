import { LightningElement, api } from 'lwc';

const ITEMS = [
  { key: 'admin', label: 'Billomat Export', href: '/lightning/n/Billomat_Export' },
  { key: 'accounts', label: 'Accounts', href: '/lightning/o/Account/list' },
];

/** The Lightning app bar of the preview: the app's name and its tabs. */
export default class AppHeader extends LightningElement {
  /** 'admin' or 'accounts': the tab to show as open */
  @api active;

  get items() {
    return ITEMS.map((item) => ({
      ...item,
      className: `slds-context-bar__item${item.key === this.active ? ' slds-is-active' : ''}`,
    }));
  }
}
