import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getListViews from '@salesforce/apex/BillomatPushController.getListViews';
import getRecords from '@salesforce/apex/BillomatPushController.getRecords';
import startPush from '@salesforce/apex/BillomatPushController.startPush';
import startListViewPush from '@salesforce/apex/BillomatPushController.startListViewPush';
import { reduceErrors } from 'c/billomatErrors';
import { columnsFor } from './recordColumns';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;
const LIST_VIEW_PUSH_LIMIT = '10,000';
const OBJECT_TYPES = [
  { label: 'Accounts', value: 'Account' },
  { label: 'Contacts', value: 'Contact' },
];

/**
 * Picks Accounts or Contacts from a list view or a search, sends the selected ones or the
 * whole list view to Billomat and then follows the push.
 */
export default class BillomatPushPanel extends LightningElement {
  objectType = 'Account';
  listViews = [];
  listViewId = '';
  searchTerm = '';

  records = [];
  pageNumber = 1;
  hasMore = false;
  totalSize = 0;
  selectedIds = [];

  isLoadingRecords = false;
  isStarting = false;
  isConfirmingListView = false;
  listViewErrors = [];
  recordErrors = [];
  pushErrors = [];

  activeJobId;
  activeJob;

  recordSequence = 0;
  searchTimer;

  @wire(getListViews, { objectType: '$objectType' })
  wiredListViews({ data, error }) {
    if (data) {
      this.listViews = data;
      this.listViewErrors = [];
      const known = data.some((view) => view.value === this.listViewId);
      this.listViewId = known ? this.listViewId : (data[0] && data[0].value) || '';
      this.reloadRecords();
    } else if (error) {
      this.listViews = [];
      this.listViewErrors = reduceErrors(error);
    }
  }

  disconnectedCallback() {
    clearTimeout(this.searchTimer);
  }

  reloadRecords() {
    this.pageNumber = 1;
    this.selectedIds = [];
    this.fetchPage();
  }

  async fetchPage() {
    const sequence = ++this.recordSequence;
    const pageNumber = this.pageNumber;
    this.isLoadingRecords = true;
    try {
      const page = await getRecords({
        objectType: this.objectType,
        listViewId: this.listViewId || null,
        searchTerm: this.searchTerm || null,
        pageSize: PAGE_SIZE,
        pageNumber,
      });
      if (sequence !== this.recordSequence) {
        return;
      }
      const rows = page.records || [];
      this.records = pageNumber === 1 ? rows : [...this.records, ...rows];
      this.hasMore = page.hasMore === true;
      this.totalSize = page.totalSize || this.records.length;
      this.recordErrors = [];
    } catch (error) {
      if (sequence === this.recordSequence) {
        this.hasMore = false;
        this.recordErrors = reduceErrors(error);
      }
    } finally {
      if (sequence === this.recordSequence) {
        this.isLoadingRecords = false;
      }
    }
  }

  handleObjectTypeChange(event) {
    this.objectType = event.detail.value;
    this.listViews = [];
    this.listViewId = '';
    this.records = [];
    this.selectedIds = [];
    this.isConfirmingListView = false;
  }

  handleListViewChange(event) {
    this.listViewId = event.detail.value;
    this.isConfirmingListView = false;
    this.reloadRecords();
  }

  handleSearchChange(event) {
    this.searchTerm = (event.detail.value || '').trim();
    clearTimeout(this.searchTimer);
    // Search once typing pauses, not on every key.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.searchTimer = setTimeout(() => this.reloadRecords(), SEARCH_DELAY_MS);
  }

  handleLoadMore() {
    if (!this.hasMore || this.isLoadingRecords) {
      return;
    }
    this.pageNumber += 1;
    this.fetchPage();
  }

  handleRowSelection(event) {
    this.selectedIds = event.detail.selectedRows.map((row) => row.Id);
  }

  async handleSendSelected() {
    if (this.sendSelectedDisabled) {
      return;
    }
    const count = this.selectedIds.length;
    const started = await this.start(() =>
      startPush({ objectType: this.objectType, recordIds: this.selectedIds }),
    );
    if (started) {
      this.selectedIds = [];
      this.toastStarted(`${count} ${this.recordWord(count)} go to Billomat.`);
    }
  }

  handleSendListView() {
    this.isConfirmingListView = true;
  }

  handleCancelListView() {
    this.isConfirmingListView = false;
  }

  async handleConfirmListView() {
    if (this.isStarting) {
      return;
    }
    const label = this.listViewLabel;
    const started = await this.start(() =>
      startListViewPush({ objectType: this.objectType, listViewId: this.listViewId }),
    );
    if (started) {
      this.isConfirmingListView = false;
      this.toastStarted(`Every record of "${label}" goes to Billomat in the background.`);
    }
  }

  async start(request) {
    this.isStarting = true;
    this.pushErrors = [];
    try {
      const job = JSON.parse(await request());
      this.activeJob = job;
      this.activeJobId = job.jobId;
      return true;
    } catch (error) {
      this.pushErrors = reduceErrors(error);
      return false;
    } finally {
      this.isStarting = false;
    }
  }

  handlePushCompleted() {
    // The push wrote the Billomat numbers back: show them.
    this.reloadRecords();
  }

  toastStarted(message) {
    this.dispatchEvent(new ShowToastEvent({ title: 'Push started', message, variant: 'success' }));
  }

  recordWord(count) {
    const singular = this.objectType === 'Contact' ? 'Contact' : 'Account';
    return count === 1 ? singular : `${singular}s`;
  }

  get objectTypeOptions() {
    return OBJECT_TYPES;
  }

  get columns() {
    return columnsFor(this.objectType);
  }

  get listViewLabel() {
    const view = this.listViews.find((candidate) => candidate.value === this.listViewId);
    return view ? view.label : '';
  }

  get selectedCount() {
    return this.selectedIds.length;
  }

  get sendSelectedLabel() {
    return this.selectedCount > 0
      ? `Send selected to Billomat (${this.selectedCount})`
      : 'Send selected to Billomat';
  }

  get sendSelectedDisabled() {
    return this.selectedCount === 0 || this.isStarting;
  }

  get sendListViewDisabled() {
    return !this.listViewId || this.isStarting;
  }

  get listViewConfirmText() {
    return (
      `Send every ${this.objectType} of the list view "${this.listViewLabel}" to Billomat? ` +
      `The push runs in the background and takes up to ${LIST_VIEW_PUSH_LIMIT} records. ` +
      'You can follow it here or under "Recent pushes".'
    );
  }

  get recordCountText() {
    return `${this.records.length} of ${this.totalSize} shown`;
  }

  get hasActiveJob() {
    return Boolean(this.activeJobId);
  }

  get hasListViewErrors() {
    return this.listViewErrors.length > 0;
  }

  get hasRecordErrors() {
    return this.recordErrors.length > 0;
  }

  get hasPushErrors() {
    return this.pushErrors.length > 0;
  }
}
