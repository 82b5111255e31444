import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_MAPPING } from '../../server/src/demo/accounts';
import { startPreview, type Preview } from '../../preview/preview';

/**
 * The preview's Apex adapter over HTTP, as the components call it: the shapes Aura delivers,
 * the Apex rules it follows, and the batch path for large pushes against the real service.
 */

let preview: Preview;

interface AuraAnswer {
  status: number;
  returnValue?: unknown;
  message?: string;
}

async function apex(method: string, params: Record<string, unknown> = {}): Promise<AuraAnswer> {
  const response = await fetch(`${preview.url}/apex/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { returnValue?: unknown; body?: { message?: string } };
  return { status: response.status, returnValue: body.returnValue, message: body.body?.message };
}

async function waitForPush(jobId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await apex('BillomatPushController.getPush', {
      jobId,
      pageNumber: 1,
      statusFilter: null,
    });
    const job = JSON.parse(String(answer.returnValue)) as Record<string, unknown>;
    if (job.state === 'completed' || job.state === 'blocked') return job;
    if (Date.now() > deadline)
      throw new Error(`push ${jobId} did not finish: ${JSON.stringify(job.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the Apex adapter of the preview', () => {
  beforeAll(async () => {
    preview = await startPreview({ log: () => undefined, billomatLatencyMs: [0, 5] });
  }, 180_000);

  afterAll(async () => {
    await preview?.close();
  }, 60_000);

  it('refuses a push before a mapping is saved, in the shape an AuraHandledException reaches a component', async () => {
    const ids = preview.org
      .all('Account')
      .slice(0, 2)
      .map((account) => account.Id);
    const answer = await apex('BillomatPushController.startPush', {
      objectType: 'Account',
      recordIds: ids,
    });
    expect(answer.status).toBe(500);
    expect(answer.message).toBe(
      'No Account mapping is saved yet. Open the Mapping tab, choose Account and save a mapping.',
    );
  });

  it('answers with JSON text where the Apex method returns a String, and with objects where it returns a class', async () => {
    const mapping = await apex('BillomatMappingController.getMapping', { objectType: 'Account' });
    expect(typeof mapping.returnValue).toBe('string');
    expect(JSON.parse(String(mapping.returnValue))).toMatchObject({
      objectType: 'Account',
      version: null,
    });
    const fields = await apex('BillomatMappingController.getSalesforceFields', {
      objectType: 'Account',
    });
    expect(fields.returnValue).toEqual(
      expect.arrayContaining([
        { apiName: 'BillingCountry', label: 'Billing Country', type: 'string' },
      ]),
    );
  });

  it('offers neither compound addresses nor fields the user cannot read as mapping sources', async () => {
    const fields = (
      await apex('BillomatMappingController.getSalesforceFields', { objectType: 'Account' })
    ).returnValue as Array<{ apiName: string }>;
    const names = fields.map((field) => field.apiName);
    expect(names).not.toContain('BillingAddress');
    expect(names).not.toContain('Credit_Limit__c');
    const saved = await apex('BillomatMappingController.saveMapping', {
      objectType: 'Account',
      fieldsJson: JSON.stringify({ name: { source: 'Credit_Limit__c' } }),
    });
    expect(saved.message).toBe(
      'These fields cannot be used for Accounts because they do not exist or your user cannot read them: Credit_Limit__c.',
    );
  });

  it('pages through the Accounts by name, 50 at a time, and searches within a list view', async () => {
    const first = (
      await apex('BillomatPushController.getRecords', {
        objectType: 'Account',
        pageSize: 50,
        pageNumber: 1,
      })
    ).returnValue as { records: Array<{ Name: string }>; hasMore: boolean; totalSize: number };
    expect(first.records).toHaveLength(50);
    expect(first).toMatchObject({ hasMore: true, totalSize: preview.org.all('Account').length });
    const names = first.records.map((record) => record.Name);
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'accent' })),
    );
    const lastPage = Math.ceil(first.totalSize / 50);
    const last = (
      await apex('BillomatPushController.getRecords', {
        objectType: 'Account',
        pageSize: 50,
        pageNumber: lastPage,
      })
    ).returnValue as { records: unknown[]; hasMore: boolean };
    expect(last.hasMore).toBe(false);
    expect(last.records).toHaveLength(first.totalSize - (lastPage - 1) * 50);

    const views = (await apex('BillomatPushController.getListViews', { objectType: 'Account' }))
      .returnValue as Array<{
      value: string;
      label: string;
    }>;
    const newAccounts = views.find((view) => view.label === 'New accounts (last 30 days)');
    const found = (
      await apex('BillomatPushController.getRecords', {
        objectType: 'Account',
        listViewId: newAccounts?.value,
        searchTerm: 'logistik',
        pageSize: 50,
        pageNumber: 1,
      })
    ).returnValue as { records: Array<{ Name: string }> };
    expect(found.records.map((record) => record.Name)).toEqual(['Lange Adresse Logistik GmbH']);
  });

  it('sends a list view of more than 200 records in chunks, as the batch does, and every record gets a result', async () => {
    const saved = await apex('BillomatMappingController.saveMapping', {
      objectType: 'Account',
      fieldsJson: JSON.stringify(DEMO_ACCOUNT_MAPPING),
    });
    expect(saved.status).toBe(200);
    const views = (await apex('BillomatPushController.getListViews', { objectType: 'Account' }))
      .returnValue as Array<{
      value: string;
      label: string;
    }>;
    const all = views.find((view) => view.label === 'All Accounts');
    const started = await apex('BillomatPushController.startListViewPush', {
      objectType: 'Account',
      listViewId: all?.value,
    });
    const opened = JSON.parse(String(started.returnValue)) as {
      jobId: string;
      expectMore: boolean;
    };
    expect(opened.expectMore).toBe(true);

    const job = await waitForPush(opened.jobId);
    const total = preview.org.all('Account').length;
    expect(total).toBeGreaterThan(200);
    expect(job.counts).toMatchObject({ total, failed: 2, pending: 0 });
    expect(preview.emulator.clients(preview.billomatId)).toHaveLength(total - 2);
  }, 120_000);

  it('refuses to retry a push that has no failed records', async () => {
    const ids = preview.org
      .all('Account')
      .filter((account) => String(account.Name).startsWith('Bauer'))
      .map((account) => account.Id);
    const started = await apex('BillomatPushController.startPush', {
      objectType: 'Account',
      recordIds: ids,
    });
    const { jobId } = JSON.parse(String(started.returnValue)) as { jobId: string };
    await waitForPush(jobId);
    const retry = await apex('BillomatPushController.retryFailed', { jobId });
    expect(retry.message).toBe('This push has no failed records to retry.');
  }, 60_000);
});
