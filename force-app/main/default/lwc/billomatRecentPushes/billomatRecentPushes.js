import { LightningElement } from 'lwc';
import getRecentPushes from '@salesforce/apex/BillomatPushController.getRecentPushes';
import { reduceErrors } from 'c/billomatErrors';
import { countsLine, etaInWords, isFinished, stateLabel } from 'c/billomatPushFormat';

const SOURCE_LABELS = {
  admin: 'Admin',
  'record-action': 'Send to Billomat',
  pull: 'Pulled by the service',
};
const STATE_BADGES = {
  queued: 'slds-theme_info',
  running: 'slds-theme_info',
  completed: 'slds-theme_success',
  blocked: 'slds-theme_error',
};

/** Running and recent pushes of this org; picking one shows its progress. */
export default class BillomatRecentPushes extends LightningElement {
  pushes = [];
  selectedJobId;
  isLoading = false;
  errors = [];
  hasLoaded = false;

  connectedCallback() {
    this.load();
  }

  async load() {
    this.isLoading = true;
    try {
      const answer = JSON.parse(await getRecentPushes());
      this.pushes = answer.items || [];
      this.errors = [];
      this.hasLoaded = true;
    } catch (error) {
      this.errors = reduceErrors(error);
    } finally {
      this.isLoading = false;
    }
  }

  handleRefresh() {
    this.load();
  }

  handleShow(event) {
    this.selectedJobId = event.target.dataset.jobId;
  }

  handlePushCompleted() {
    this.load();
  }

  get rows() {
    return this.pushes.map((push) => {
      const running = !isFinished(push.state);
      const eta = running ? etaInWords(push.etaSeconds) : '';
      return {
        jobId: push.jobId,
        objectType: push.objectType,
        source: SOURCE_LABELS[push.source] || push.source,
        createdAt: push.createdAt,
        running,
        stateLabel: stateLabel(push.state),
        badgeClass: STATE_BADGES[push.state] || '',
        counts: countsLine(push.counts),
        eta: eta && eta !== 'finishing now' ? `${eta} left` : eta,
        rowClass: push.jobId === this.selectedJobId ? 'slds-is-selected' : '',
      };
    });
  }

  get runningRows() {
    return this.rows.filter((row) => row.running);
  }

  get finishedRows() {
    return this.rows.filter((row) => !row.running);
  }

  get hasRunning() {
    return this.runningRows.length > 0;
  }

  get hasFinished() {
    return this.finishedRows.length > 0;
  }

  get isEmpty() {
    return this.hasLoaded && this.pushes.length === 0;
  }

  get hasErrors() {
    return this.errors.length > 0;
  }
}
