import { createElement } from 'lwc';
import BillomatPushProgress from 'c/billomatPushProgress';
import getPush from '@salesforce/apex/BillomatPushController.getPush';
import retryFailed from '@salesforce/apex/BillomatPushController.retryFailed';

const RUNNING = require('./data/jobRunning.json');
const ALMOST_DONE = require('./data/jobAlmostDone.json');
const COMPLETED_WITH_FAILURES = require('./data/jobCompletedWithFailures.json');
const RETRY_QUEUED = require('./data/jobRetryQueued.json');
const COMPLETED_AFTER_RETRY = require('./data/jobCompletedAfterRetry.json');
const BLOCKED = require('./data/jobBlocked.json');

jest.mock('@salesforce/apex/BillomatPushController.getPush', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/BillomatPushController.retryFailed', () => ({ default: jest.fn() }), {
  virtual: true,
});

async function flushPromises() {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function nextPoll() {
  jest.advanceTimersByTime(3000);
  await flushPromises();
}

function answers(...jobs) {
  jobs.forEach((job) => getPush.mockResolvedValueOnce(JSON.stringify(job)));
}

async function mount(properties = {}) {
  const element = createElement('c-billomat-push-progress', { is: BillomatPushProgress });
  element.jobId = 'job-7f3a';
  Object.assign(element, properties);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function text(element, selector) {
  const node = element.shadowRoot.querySelector(selector);
  return node ? node.textContent : null;
}

function byId(element, id) {
  return element.shadowRoot.querySelector(`[data-id="${id}"]`);
}

describe('c-billomat-push-progress', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('polls every 3 seconds until the push is completed, then stops and reports it once', async () => {
    answers(RUNNING, ALMOST_DONE, COMPLETED_WITH_FAILURES);
    const element = await mount();
    const completed = jest.fn();
    element.addEventListener('pushcompleted', completed);

    expect(getPush).toHaveBeenCalledTimes(1);
    expect(getPush).toHaveBeenCalledWith({ jobId: 'job-7f3a', pageNumber: 1, statusFilter: null });
    expect(byId(element, 'state').label).toBe('Running');

    await nextPoll();
    expect(getPush).toHaveBeenCalledTimes(2);
    expect(completed).not.toHaveBeenCalled();

    await nextPoll();
    expect(getPush).toHaveBeenCalledTimes(3);
    expect(byId(element, 'state').label).toBe('Completed');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(completed.mock.calls[0][0].detail.jobId).toBe('job-7f3a');

    jest.advanceTimersByTime(30000);
    await flushPromises();
    expect(getPush).toHaveBeenCalledTimes(3);
  });

  it('shows progress, done / failed / total, the rate and the time left in words', async () => {
    answers(RUNNING);
    const element = await mount();

    expect(element.shadowRoot.querySelector('lightning-progress-bar').value).toBe(24);
    expect(text(element, '.counts')).toBe('115 done / 5 failed / 500 total');
    expect(text(element, '.rate')).toBe('18.5 per minute');
    expect(text(element, '.eta')).toBe('about 2 h 10 min left');
  });

  it("explains Billomat's request quota when the push will take long", async () => {
    answers(RUNNING, ALMOST_DONE);
    const element = await mount();
    expect(text(element, '.quota')).toContain('300 requests per 15 minutes');

    await nextPoll();
    expect(text(element, '.eta')).toBe('finishing now');
    expect(element.shadowRoot.querySelector('.quota')).toBeNull();
  });

  it('shows the per-record results of the page with the failed record first', async () => {
    answers(RUNNING);
    const element = await mount();

    const results = element.shadowRoot.querySelector('c-billomat-push-results');
    expect(results.items).toHaveLength(3);
    const firstRow = results.shadowRoot.querySelector('tbody tr');
    expect(firstRow.querySelector('.message').textContent).toBe(
      "Billomat needs a valid e-mail address: 'info(at)acme' is not one",
    );
  });

  it('stops polling when it is removed from the page', async () => {
    answers(RUNNING);
    const element = await mount();
    expect(getPush).toHaveBeenCalledTimes(1);

    document.body.removeChild(element);
    jest.advanceTimersByTime(30000);
    await flushPromises();

    expect(getPush).toHaveBeenCalledTimes(1);
  });

  it('stops polling a blocked push and shows what the operator must do', async () => {
    answers(BLOCKED);
    const element = await mount();
    const completed = jest.fn();
    element.addEventListener('pushcompleted', completed);

    jest.advanceTimersByTime(30000);
    await flushPromises();

    expect(getPush).toHaveBeenCalledTimes(1);
    expect(text(element, '.blocked')).toBe(BLOCKED.message);
    expect(completed).not.toHaveBeenCalled();
  });

  it('retries the failed records and follows the push again until it completes', async () => {
    answers(COMPLETED_WITH_FAILURES, RETRY_QUEUED, COMPLETED_AFTER_RETRY);
    retryFailed.mockResolvedValue(JSON.stringify(RETRY_QUEUED));
    const element = await mount();
    const toast = jest.fn();
    const completed = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('pushcompleted', completed);

    const retry = byId(element, 'retry');
    expect(retry.disabled).toBe(false);
    expect(retry.label).toBe('Retry failed (6)');
    retry.click();
    await flushPromises();

    expect(retryFailed).toHaveBeenCalledWith({ jobId: 'job-7f3a' });
    expect(toast.mock.calls[0][0].detail.message).toBe('6 failed records go to Billomat again.');
    expect(byId(element, 'state').label).toBe('Queued');

    await nextPoll();
    expect(byId(element, 'state').label).toBe('Completed');
    expect(text(element, '.counts')).toBe('500 done / 0 failed / 500 total');
    expect(byId(element, 'retry').disabled).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('shows a toast with the reason when the retry cannot start', async () => {
    answers(COMPLETED_WITH_FAILURES);
    retryFailed.mockRejectedValue({ body: { message: 'The export service did not answer.' } });
    const element = await mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);

    byId(element, 'retry').click();
    await flushPromises();

    expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    expect(toast.mock.calls[0][0].detail.message).toBe('The export service did not answer.');
    expect(byId(element, 'retry').disabled).toBe(false);
  });

  it('pages through the results and can show only the failed records', async () => {
    answers(RUNNING, RUNNING, RUNNING);
    const element = await mount();
    expect(text(element, '.page')).toBe('Page 1 of 3');

    byId(element, 'next-page').click();
    await flushPromises();
    expect(getPush).toHaveBeenLastCalledWith({
      jobId: 'job-7f3a',
      pageNumber: 2,
      statusFilter: null,
    });
    expect(text(element, '.page')).toBe('Page 2 of 3');

    const onlyFailed = byId(element, 'only-failed');
    onlyFailed.checked = true;
    onlyFailed.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(getPush).toHaveBeenLastCalledWith({
      jobId: 'job-7f3a',
      pageNumber: 1,
      statusFilter: 'failed',
    });
  });

  it('shows the job it was given at once and polls only after 3 seconds', async () => {
    answers(COMPLETED_WITH_FAILURES);
    const element = await mount({ job: RUNNING });

    expect(getPush).not.toHaveBeenCalled();
    expect(text(element, '.counts')).toBe('115 done / 5 failed / 500 total');

    await nextPoll();
    expect(getPush).toHaveBeenCalledTimes(1);
    expect(byId(element, 'state').label).toBe('Completed');
  });

  it('follows another push when its job id changes, and no longer polls the first one', async () => {
    answers(RUNNING, { ...COMPLETED_AFTER_RETRY, jobId: 'job-8b4d' });
    const element = await mount();
    expect(getPush).toHaveBeenCalledTimes(1);

    element.jobId = 'job-8b4d';
    await flushPromises();

    expect(getPush).toHaveBeenLastCalledWith({
      jobId: 'job-8b4d',
      pageNumber: 1,
      statusFilter: null,
    });
    expect(byId(element, 'state').label).toBe('Completed');

    jest.advanceTimersByTime(30000);
    await flushPromises();
    expect(getPush).toHaveBeenCalledTimes(2);
  });

  it('shows the readable error when the push cannot be read and keeps trying', async () => {
    getPush.mockRejectedValueOnce({ body: { message: 'The export service did not answer.' } });
    answers(COMPLETED_WITH_FAILURES);
    const element = await mount();

    expect(text(element, '.errors')).toBe('The export service did not answer.');

    await nextPoll();
    expect(element.shadowRoot.querySelector('.errors')).toBeNull();
    expect(byId(element, 'state').label).toBe('Completed');
  });
});
