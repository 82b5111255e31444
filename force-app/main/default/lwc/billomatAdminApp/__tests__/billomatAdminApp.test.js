import { createElement } from 'lwc';
import BillomatAdminApp from 'c/billomatAdminApp';
import getRecentPushes from '@salesforce/apex/BillomatPushController.getRecentPushes';
import getAccessStatus from '@salesforce/apex/BillomatAccessController.getAccessStatus';
import getRecords from '@salesforce/apex/BillomatPushController.getRecords';
import getBillomatFields from '@salesforce/apex/BillomatMappingController.getBillomatFields';
import getMapping from '@salesforce/apex/BillomatMappingController.getMapping';
import getSalesforceFields from '@salesforce/apex/BillomatMappingController.getSalesforceFields';
import getSampleRecords from '@salesforce/apex/BillomatMappingController.getSampleRecords';

jest.mock(
  '@salesforce/apex/BillomatPushController.getRecentPushes',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/BillomatAccessController.getAccessStatus',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/BillomatPushController.getRecords', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/BillomatPushController.getListViews',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/BillomatMappingController.getBillomatFields',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/BillomatMappingController.getSalesforceFields',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/BillomatMappingController.getMapping', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/BillomatMappingController.getSampleRecords',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);

async function flushPromises() {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function recentPushes(...states) {
  const items = states.map((state, index) => ({
    jobId: `job-${index}`,
    objectType: 'Account',
    state,
    counts: {},
  }));
  return JSON.stringify({ items });
}

async function mount() {
  const element = createElement('c-billomat-admin-app', { is: BillomatAdminApp });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-billomat-admin-app', () => {
  beforeEach(() => {
    getAccessStatus.mockResolvedValue({ allPassed: true, checks: [] });
    getRecords.mockResolvedValue({ records: [], hasMore: false, totalSize: 0 });
    getBillomatFields.mockResolvedValue(JSON.stringify({ fields: [], transforms: [] }));
    getSalesforceFields.mockResolvedValue([]);
    getMapping.mockResolvedValue(
      JSON.stringify({ objectType: 'Account', version: null, fields: {} }),
    );
    getSampleRecords.mockResolvedValue([]);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('offers the tabs API access, Mapping, Push and Recent pushes, each with its component', async () => {
    getRecentPushes.mockResolvedValue(recentPushes('completed'));
    const element = await mount();

    const tabs = [...element.shadowRoot.querySelectorAll('lightning-tab')];
    expect(tabs.map((tab) => tab.label)).toEqual([
      'API access',
      'Mapping',
      'Push',
      'Recent pushes',
    ]);
    expect(tabs[0].querySelector('c-billomat-access-status')).not.toBeNull();
    expect(tabs[1].querySelector('c-billomat-mapping-editor')).not.toBeNull();
    expect(tabs[2].querySelector('c-billomat-push-panel')).not.toBeNull();
    expect(tabs[3].querySelector('c-billomat-recent-pushes')).not.toBeNull();
  });

  it('opens on API access when no push is running', async () => {
    getRecentPushes.mockResolvedValue(recentPushes('completed', 'blocked'));
    const element = await mount();

    expect(element.shadowRoot.querySelector('lightning-tabset').activeTabValue).toBe('access');
  });

  it('opens on Recent pushes while a push is running', async () => {
    getRecentPushes.mockResolvedValue(recentPushes('completed', 'running'));
    const element = await mount();

    expect(element.shadowRoot.querySelector('lightning-tabset').activeTabValue).toBe('recent');
  });

  it('stays on API access when the pushes cannot be read', async () => {
    getRecentPushes.mockRejectedValue({ body: { message: 'The export service did not answer.' } });
    const element = await mount();

    expect(element.shadowRoot.querySelector('lightning-tabset').activeTabValue).toBe('access');
  });
});
