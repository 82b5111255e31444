import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateAccounts,
  generateContacts,
  startSalesforceFake,
  type SalesforceFake,
} from '../../emulators/salesforce';
import {
  countRecords,
  parseFilter,
  pullRecords,
  UnknownFieldError,
  type PullOptions,
  type SalesforceRecord,
} from '../../server/src/salesforce';
import { connectToFake } from './connect';

let fake: SalesforceFake;

beforeEach(async () => {
  fake = await startSalesforceFake();
});

afterEach(async () => {
  await fake.close();
});

const FAST_BULK = { pollIntervalMs: 10 };

async function collect(options: PullOptions): Promise<SalesforceRecord[][]> {
  const batches: SalesforceRecord[][] = [];
  for await (const batch of pullRecords(connectToFake(fake), options)) batches.push(batch);
  return batches;
}

function byId(records: SalesforceRecord[]): SalesforceRecord[] {
  return [...records].sort((a, b) => a.Id.localeCompare(b.Id));
}

function paths(): string[] {
  return fake.requests().map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

describe('pullRecords over REST', () => {
  it('pages 3,000 Accounts with nextRecordsUrl and yields batches of the asked size', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 3, count: 3000 }));
    const counts: Array<[number, string]> = [];
    const batches = await collect({
      objectType: 'Account',
      fields: ['Name', 'BillingCity'],
      bulkThreshold: 5000,
      batchSize: 500,
      onCount: (total, api) => counts.push([total, api]),
    });

    expect(counts).toEqual([[3000, 'rest']]);
    expect(batches.map((b) => b.length)).toEqual([500, 500, 500, 500, 500, 500]);
    expect(new Set(batches.flat().map((r) => r.Id)).size).toBe(3000);
    expect(batches[0]?.[0]).toEqual({
      Id: expect.stringMatching(/^001/),
      Name: expect.any(String),
      BillingCity: expect.any(String),
    });
    expect(paths().filter((p) => p.startsWith('GET /services/data/v62.0/query/'))).toHaveLength(5);
  });

  it('reads only the records the filter lets through, and counts the same', async () => {
    fake.addRecords('Account', [
      { Name: 'Anker Werft GmbH', BillingCountry: 'DE', NumberOfEmployees: 120 },
      { Name: 'Bergbahn AG', BillingCountry: 'AT', NumberOfEmployees: 40 },
      { Name: "O'Neill Ltd", BillingCountry: 'UK', NumberOfEmployees: 7 },
    ]);
    const where = parseFilter("BillingCountry IN ('DE', 'UK') AND NOT Name LIKE 'Anker%'", [
      'BillingCountry',
      'Name',
    ]);
    const records = (await collect({ objectType: 'Account', fields: ['Name'], where })).flat();
    expect(records.map((r) => r.Name)).toEqual(["O'Neill Ltd"]);
    expect(await countRecords(connectToFake(fake), { objectType: 'Account', where })).toBe(1);
  });

  it('yields nothing when no record matches', async () => {
    expect(await collect({ objectType: 'Contact', fields: ['LastName'] })).toEqual([]);
  });

  it('refuses an unknown field before querying any record', async () => {
    const attempt = collect({ objectType: 'Account', fields: ['Name', 'Umsatzsteuer_ID__c'] });
    await expect(attempt).rejects.toThrow(UnknownFieldError);
    await expect(attempt).rejects.toThrow("Account has no field 'Umsatzsteuer_ID__c'");
    expect(paths().some((p) => p.includes('/query'))).toBe(false);
  });

  it('refuses an object type other than Account or Contact', async () => {
    await expect(collect({ objectType: 'User' as 'Account', fields: ['Name'] })).rejects.toThrow(
      "Pulls read Accounts or Contacts, not 'User'",
    );
  });
});

describe('pullRecords over Bulk API 2.0', () => {
  it('returns the same records, values and nested parent fields as the REST path', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 9, count: 300 }));
    fake.addRecords('Contact', generateContacts({ seed: 9, count: 400, accountCount: 300 }));
    const accountFields = [
      'Name',
      'NumberOfEmployees',
      'AnnualRevenue',
      'BillingStreet',
      'BillingCountry',
      'CreatedDate',
    ];
    const contactFields = [
      'LastName',
      'FirstName',
      'Email',
      'MailingStreet',
      'Account.Name',
      'Account.BillingCity',
    ];

    for (const [objectType, fields] of [
      ['Account', accountFields],
      ['Contact', contactFields],
    ] as const) {
      const rest = (await collect({ objectType, fields, bulkThreshold: 10_000 })).flat();
      const bulk = (
        await collect({
          objectType,
          fields,
          bulkThreshold: 1,
          bulk: { ...FAST_BULK, pageSize: 120 },
        })
      ).flat();
      expect(bulk).toHaveLength(rest.length);
      expect(byId(bulk)).toEqual(byId(rest));
    }
    const contacts = (
      await collect({
        objectType: 'Contact',
        fields: contactFields,
        bulkThreshold: 1,
        bulk: FAST_BULK,
      })
    ).flat();
    expect(contacts.some((c) => c.Account === null)).toBe(true);
    expect(contacts.find((c) => c.Account !== null)?.Account).toEqual({
      Name: expect.any(String),
      BillingCity: expect.any(String),
    });
    expect(contacts.some((c) => String(c.MailingStreet).includes('\n'))).toBe(true);
  });

  it('keeps going when the access token expires between result sets', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 4, count: 900 }));
    const refreshed: string[] = [];
    const conn = connectToFake(fake, undefined, (token) => void refreshed.push(token));
    let total = 0;
    for await (const batch of pullRecords(conn, {
      objectType: 'Account',
      fields: ['Name'],
      bulkThreshold: 1,
      batchSize: 300,
      bulk: { ...FAST_BULK, pageSize: 300 },
    })) {
      total += batch.length;
      fake.expireAccessTokens();
    }
    expect(total).toBe(900);
    expect(refreshed.length).toBeGreaterThanOrEqual(2);
  });

  it('deletes the finished job, also when the caller stops early', async () => {
    fake.addRecords('Account', generateAccounts({ seed: 2, count: 50 }));
    for await (const batch of pullRecords(connectToFake(fake), {
      objectType: 'Account',
      fields: ['Name'],
      bulkThreshold: 1,
      batchSize: 10,
      bulk: FAST_BULK,
    })) {
      expect(batch).toHaveLength(10);
      break;
    }
    expect(
      paths().filter((p) => /^DELETE \/services\/data\/v62\.0\/jobs\/query\/750\w+$/.test(p)),
    ).toHaveLength(1);
  });

  it('pulls 25,000 Accounts in batches while heap growth stays bounded', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    fake.addRecords('Account', generateAccounts({ seed: 25, count: 25_000 }));
    const conn = connectToFake(fake);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let retained = 0;
    let total = 0;
    let largestBatch = 0;
    const fields = [
      'Name',
      'AccountNumber',
      'Phone',
      'Website',
      'BillingStreet',
      'BillingPostalCode',
      'BillingCity',
      'BillingCountry',
      'NumberOfEmployees',
    ];

    for await (const batch of pullRecords(conn, {
      objectType: 'Account',
      fields,
      batchSize: 500,
      bulk: { ...FAST_BULK, pageSize: 5000 },
    })) {
      total += batch.length;
      largestBatch = Math.max(largestBatch, batch.length);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (total % 5000 === 2500) {
        // Mid-page, after a full collection: what the pull really keeps alive.
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
      }
    }

    const growthMb = (peak - baseline) / 1024 / 1024;
    const retainedMb = retained / 1024 / 1024;
    console.info(
      `25,000-record Bulk 2.0 pull: peak heap growth ${growthMb.toFixed(1)} MB, retained after GC ${retainedMb.toFixed(1)} MB`,
    );
    expect(total).toBe(25_000);
    expect(largestBatch).toBe(500);
    expect(paths().filter((p) => p.endsWith('/results'))).toHaveLength(5);
    expect(growthMb).toBeLessThan(150);
    expect(retainedMb).toBeLessThan(40);
  });
});
