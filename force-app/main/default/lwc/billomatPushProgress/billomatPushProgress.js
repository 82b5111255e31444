import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPush from '@salesforce/apex/BillomatPushController.getPush';
import retryFailed from '@salesforce/apex/BillomatPushController.retryFailed';
import { reduceErrors, errorText } from 'c/billomatErrors';
import {
  QUOTA_EXPLANATION,
  countsLine,
  etaInWords,
  isFinished,
  isLongEta,
  progressCounts,
  rateText,
  stateLabel,
} from 'c/billomatPushFormat';

const POLL_INTERVAL_MS = 3000;

/**
 * Follows one push: polls the service every 3 seconds until the push is completed or blocked,
 * shows progress, rate, time left and the per-record results, and retries failed records.
 * Fires `pushcompleted` (detail: { jobId, job }) when the push completes.
 */
export default class BillomatPushProgress extends LightningElement {
  current;
  pageNumber = 1;
  onlyFailed = false;
  errors = [];
  isRetrying = false;

  _jobId;
  isConnected = false;
  pollTimer;
  loadSequence = 0;
  completionReported = false;

  @api
  get jobId() {
    return this._jobId;
  }
  set jobId(value) {
    if (value === this._jobId) {
      return;
    }
    const switched = this._jobId !== undefined;
    this._jobId = value;
    if (switched) {
      this.current = undefined;
      this.pageNumber = 1;
      this.completionReported = false;
      if (this.isConnected) {
        this.load();
      }
    }
  }

  /** The job as startPush or startListViewPush answered it, shown until the first poll returns. */
  @api
  get job() {
    return this.current;
  }
  set job(value) {
    this.current = value;
  }

  connectedCallback() {
    this.isConnected = true;
    if (this.current && this.current.results && !isFinished(this.current.state)) {
      this.scheduleNextPoll();
    } else {
      this.load();
    }
  }

  disconnectedCallback() {
    this.isConnected = false;
    clearTimeout(this.pollTimer);
  }

  async load() {
    const jobId = this._jobId;
    if (!jobId) {
      return;
    }
    clearTimeout(this.pollTimer);
    // Paging or a retry may start a read while a poll is under way: only the latest counts.
    const sequence = ++this.loadSequence;
    try {
      const answer = await getPush({
        jobId,
        pageNumber: this.pageNumber,
        statusFilter: this.onlyFailed ? 'failed' : null,
      });
      if (sequence === this.loadSequence) {
        this.show(JSON.parse(answer));
        this.errors = [];
      }
    } catch (error) {
      if (sequence === this.loadSequence) {
        this.errors = reduceErrors(error);
      }
    }
    if (sequence === this.loadSequence) {
      this.scheduleNextPoll();
    }
  }

  show(job) {
    this.current = job;
    if (job.state === 'completed' && !this.completionReported) {
      this.completionReported = true;
      this.dispatchEvent(new CustomEvent('pushcompleted', { detail: { jobId: job.jobId, job } }));
    }
  }

  scheduleNextPoll() {
    clearTimeout(this.pollTimer);
    if (!this.isConnected || (this.current && isFinished(this.current.state))) {
      return;
    }
    // Chained timeouts, not an interval: a slow answer never piles up requests.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pollTimer = setTimeout(() => this.load(), POLL_INTERVAL_MS);
  }

  async handleRetryFailed() {
    if (this.isRetrying || !this.canRetry) {
      return;
    }
    const failed = this.counts.failed;
    this.isRetrying = true;
    try {
      const answer = await retryFailed({ jobId: this._jobId });
      this.completionReported = false;
      this.pageNumber = 1;
      this.show(JSON.parse(answer));
      const records = failed === 1 ? '1 failed record goes' : `${failed} failed records go`;
      this.toast('success', 'Retry started', `${records} to Billomat again.`);
      await this.load();
    } catch (error) {
      this.toast('error', 'Retry not started', errorText(error));
    } finally {
      this.isRetrying = false;
    }
  }

  handleOnlyFailedChange(event) {
    this.onlyFailed = event.target.checked;
    this.pageNumber = 1;
    this.load();
  }

  handlePreviousPage() {
    if (this.pageNumber > 1) {
      this.pageNumber -= 1;
      this.load();
    }
  }

  handleNextPage() {
    if (this.pageNumber < this.pageCount) {
      this.pageNumber += 1;
      this.load();
    }
  }

  toast(variant, title, message) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  get hasJob() {
    return Boolean(this.current);
  }

  get counts() {
    return progressCounts(this.current && this.current.counts);
  }

  get percent() {
    return this.counts.percent;
  }

  get countsText() {
    return countsLine(this.current && this.current.counts);
  }

  get stateText() {
    return stateLabel(this.current && this.current.state);
  }

  get stateBadgeClass() {
    const state = this.current && this.current.state;
    if (state === 'completed') {
      return this.counts.failed > 0 ? 'slds-theme_warning' : 'slds-theme_success';
    }
    return state === 'blocked' ? 'slds-theme_error' : 'slds-theme_info';
  }

  get isRunning() {
    return this.hasJob && !isFinished(this.current.state);
  }

  get isBlocked() {
    return this.hasJob && this.current.state === 'blocked';
  }

  get blockedMessage() {
    return this.current.message || 'The push stopped and needs an operator of the export service.';
  }

  get rate() {
    return rateText(this.current && this.current.ratePerMinute);
  }

  get hasRate() {
    return this.isRunning && this.rate !== '';
  }

  get eta() {
    return etaInWords(this.current && this.current.etaSeconds);
  }

  get hasEta() {
    return this.isRunning && this.eta !== '';
  }

  get etaText() {
    return this.eta === 'finishing now' ? 'finishing now' : `${this.eta} left`;
  }

  get showQuotaExplanation() {
    return this.isRunning && isLongEta(this.current.etaSeconds);
  }

  get quotaExplanation() {
    return QUOTA_EXPLANATION;
  }

  get isAddingRecords() {
    return this.isRunning && this.current.expectMore === true;
  }

  get resultItems() {
    const results = this.current && this.current.results;
    return (results && results.items) || [];
  }

  get pageCount() {
    const results = this.current && this.current.results;
    if (!results || !results.pageSize) {
      return 1;
    }
    return Math.max(1, Math.ceil(results.total / results.pageSize));
  }

  get hasPages() {
    return this.pageCount > 1;
  }

  get pageText() {
    return `Page ${this.pageNumber} of ${this.pageCount}`;
  }

  get isFirstPage() {
    return this.pageNumber <= 1;
  }

  get isLastPage() {
    return this.pageNumber >= this.pageCount;
  }

  get canRetry() {
    return this.hasJob && this.counts.failed > 0;
  }

  get retryDisabled() {
    return !this.canRetry || this.isRetrying;
  }

  get retryLabel() {
    return this.canRetry ? `Retry failed (${this.counts.failed})` : 'Retry failed';
  }

  get hasErrors() {
    return this.errors.length > 0;
  }
}
