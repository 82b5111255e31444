import { LightningElement } from 'lwc';
import getRecentPushes from '@salesforce/apex/BillomatPushController.getRecentPushes';
import { isFinished } from 'c/billomatPushFormat';

/**
 * The Billomat Export tab: API access, mapping, pushing records and the recent pushes.
 * Opens on "Recent pushes" while a push is running, so the admin finds it again.
 */
export default class BillomatAdminApp extends LightningElement {
  activeTab = 'access';

  connectedCallback() {
    this.openRunningPushes();
  }

  async openRunningPushes() {
    try {
      const answer = JSON.parse(await getRecentPushes());
      const running = (answer.items || []).some((push) => !isFinished(push.state));
      if (running) {
        this.activeTab = 'recent';
      }
    } catch {
      // The "Recent pushes" tab shows this error itself when it is opened.
    }
  }
}
