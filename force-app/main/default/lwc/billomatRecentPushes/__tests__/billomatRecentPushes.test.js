import { createElement } from 'lwc';
import BillomatRecentPushes from 'c/billomatRecentPushes';
import getRecentPushes from '@salesforce/apex/BillomatPushController.getRecentPushes';
import getPush from '@salesforce/apex/BillomatPushController.getPush';

const RECENT = require('./data/recentPushes.json');

jest.mock(
  '@salesforce/apex/BillomatPushController.getRecentPushes',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/BillomatPushController.getPush', () => ({ default: jest.fn() }), {
  virtual: true,
});

async function flushPromises() {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function mount() {
  const element = createElement('c-billomat-recent-pushes', { is: BillomatRecentPushes });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function jobIds(element, listClass) {
  return [...element.shadowRoot.querySelectorAll(`ul.${listClass} > li`)].map(
    (li) => li.dataset.jobId,
  );
}

describe('c-billomat-recent-pushes', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    getRecentPushes.mockResolvedValue(JSON.stringify(RECENT));
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('lists running pushes apart from finished ones, with state, counts and time left', async () => {
    const element = await mount();

    expect(jobIds(element, 'running')).toEqual(['job-a1', 'job-b2']);
    expect(jobIds(element, 'finished')).toEqual(['job-c3', 'job-d4']);
    const running = element.shadowRoot.querySelector('li[data-job-id="job-a1"]');
    expect(running.querySelector('lightning-badge').label).toBe('Running');
    expect(running.querySelector('.counts').textContent).toBe(
      '2,390 done / 10 failed / 10,000 total',
    );
    expect(running.querySelector('.eta').textContent).toBe('about 2 h 10 min left');
    const blocked = element.shadowRoot.querySelector('li[data-job-id="job-d4"]');
    expect(blocked.querySelector('lightning-badge').label).toBe('Blocked');
  });

  it('shows the progress of the push the admin picks', async () => {
    getPush.mockResolvedValue(
      JSON.stringify({
        ...RECENT.items[0],
        results: { page: 1, pageSize: 50, total: 0, items: [] },
      }),
    );
    const element = await mount();
    expect(element.shadowRoot.querySelector('c-billomat-push-progress')).toBeNull();

    element.shadowRoot.querySelector('lightning-button[data-job-id="job-a1"]').click();
    await flushPromises();

    const progress = element.shadowRoot.querySelector('c-billomat-push-progress');
    expect(progress.jobId).toBe('job-a1');
    expect(getPush).toHaveBeenCalledWith({ jobId: 'job-a1', pageNumber: 1, statusFilter: null });
  });

  it('loads the pushes again on "Refresh"', async () => {
    const element = await mount();
    getRecentPushes.mockResolvedValue(JSON.stringify({ items: [] }));

    element.shadowRoot.querySelector('[data-id="refresh"]').click();
    await flushPromises();

    expect(getRecentPushes).toHaveBeenCalledTimes(2);
    expect(element.shadowRoot.querySelector('.empty').textContent).toBe('No pushes yet.');
  });

  it('shows the readable error when the pushes cannot be loaded', async () => {
    getRecentPushes.mockRejectedValue({ body: { message: 'The export service did not answer.' } });
    const element = await mount();

    expect(element.shadowRoot.querySelector('.errors').textContent).toBe(
      'The export service did not answer.',
    );
    expect(element.shadowRoot.querySelector('.empty')).toBeNull();
  });
});
