import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccounts, generateContacts } from '../../emulators/salesforce';
import { EXIT } from '../../server/src/cli/main';
import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import { runCliWith } from '../support/cli';
import {
  BILLOMAT_ID,
  connectOrg,
  startSalesforceWorld,
  type SalesforceWorld,
} from '../support/salesforce';

/** A mapping of standard Account fields: every generated Account maps without an error. */
const ACCOUNT_MAPPING = {
  name: { source: 'Name' },
  street: { source: 'BillingStreet', transform: 'street' },
  zip: { source: 'BillingPostalCode' },
  city: { source: 'BillingCity' },
  phone: { source: 'Phone' },
  www: { source: 'Website', transform: 'website' },
  note: { fixed: 'Pulled from Salesforce' },
};

const CONTACT_MAPPING = {
  name: { source: 'Account.Name' },
  first_name: { source: 'FirstName' },
  last_name: { source: 'LastName' },
  city: { source: 'MailingCity' },
};

function generatedAccount(index: number, seed = 7): Record<string, unknown> {
  return generateAccounts({ seed, count: 1, startIndex: index }).next().value ?? {};
}

async function saveMapping(
  world: SalesforceWorld,
  objectType: 'Account' | 'Contact',
  fields: object,
): Promise<void> {
  const saved = await world.org.put(`/v1/mappings/${objectType}`, { fields });
  if (saved.status !== 200)
    throw new Error(`saving the mapping answered ${saved.status}: ${JSON.stringify(saved.body)}`);
}

describe('pulling 25,000 Accounts with Bulk API 2.0', () => {
  let world: SalesforceWorld;

  beforeAll(async () => {
    world = await startSalesforceWorld({
      emulator: { rateLimit: { perWindow: 10_000_000 } },
      env: { WORKER_CONCURRENCY: '8' },
    });
    await connectOrg(world);
    await saveMapping(world, 'Account', ACCOUNT_MAPPING);
    world.fake.addRecords('Account', generateAccounts({ seed: 25, count: 25_000 }));
  });
  afterAll(async () => world.close());

  it('streams them into one push that ends as 25,000 Billomat customers while the heap stays bounded', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    // Once a second, after a full collection: what the pull, the workers and the emulator really keep alive.
    let retained = 0;
    const sampler = setInterval(() => {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
    }, 1_000);
    const started = Date.now();

    const run = await runCliWith({ ...world.env, WORKER_CONCURRENCY: '8' }, [
      'pull',
      '--org',
      world.orgId,
      '--object',
      'Account',
    ]);

    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const retainedMb = retained / 1024 / 1024;
    console.info(
      `25,000-Account pull into Billomat: ${seconds.toFixed(1)} s; largest heap kept alive during the pull ` +
        `${retainedMb.toFixed(1)} MB over the start (sampled after GC every second; includes the emulator's stored customers)`,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toContain('Salesforce: 25,000 Accounts match; reading them with Bulk API 2.0.');
    expect(run.out).toMatch(
      /Done in .*: 25000 created, 0 updated, 0 unchanged, 0 failed \(push [0-9a-f-]{36}\)\./,
    );
    expect(world.harness.emulator.clients(BILLOMAT_ID)).toHaveLength(25_000);

    const jobs = await world.harness.service.store.listJobs(salesforceId18(world.orgId) ?? '', 10);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      source: 'pull',
      state: 'completed',
      expectedTotal: 25_000,
      expectMore: false,
    });
    const paths = world.fake.requests().map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(paths).toContain('POST /services/data/v62.0/jobs/query');
    expect(paths.filter((p) => p.endsWith('/results')).length).toBeGreaterThanOrEqual(3);
    // Holding the 25,000 pulled records (the mapped fields only) would take about 22 MB by itself;
    // measured here: about 25 MB, most of it the emulator's 25,000 customers.
    expect(retainedMb).toBeLessThan(40);
  }, 120_000);
});

describe('pulling again, narrowing with a filter, and dry runs', () => {
  let world: SalesforceWorld;
  const store = () => world.harness.service.store;
  const pull = (...args: string[]) =>
    runCliWith(world.env, ['pull', '--org', world.orgId, ...args]);
  const calls = () => world.harness.emulator.callCount(BILLOMAT_ID);

  beforeAll(async () => {
    world = await startSalesforceWorld({ emulator: { rateLimit: { perWindow: 1_000_000 } } });
    await connectOrg(world);
    await saveMapping(world, 'Account', ACCOUNT_MAPPING);
    await saveMapping(world, 'Contact', CONTACT_MAPPING);
    world.fake.addRecords('Account', generateAccounts({ seed: 7, count: 120 }));
    world.fake.addRecords('Contact', generateContacts({ seed: 7, count: 40, accountCount: 120 }));
    const first = await pull('--object', 'Account');
    expect(first.code).toBe(EXIT.ok);
    expect(first.out).toContain('Salesforce: 120 Accounts match; reading them with the REST API.');
  });
  afterAll(async () => world.close());

  it('updates the changed records of a re-pull instead of duplicating them, and leaves the others alone', async () => {
    const before = calls();
    world.fake.addRecords('Account', [
      { ...generatedAccount(0), BillingCity: 'Lübeck' },
      { ...generatedAccount(1), Phone: '+49 451 123456' },
    ]);

    const again = await pull('--object', 'Account');

    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toMatch(/: 0 created, 2 updated, 118 unchanged, 0 failed/);
    expect(calls() - before).toBe(2);
    const customers = world.harness.emulator.clients(BILLOMAT_ID);
    expect(customers).toHaveLength(120);
    expect(customers.filter((c) => c.city === 'Lübeck')).toHaveLength(1);
  });

  it.each([
    ["Name = 'x' OR Id != null; DELETE", 'semicolon', 25],
    ["Name = '' OR '1'='1'", 'Expected a field name', 14],
    ["Name = 'x' OR Name = 'y'' OR ''1''=''1", 'no closing quote', 37],
  ])(
    'refuses the filter %s with the position, before reading any record',
    async (where, problem, column) => {
      world.fake.clearRequests();
      const jobsBefore = (await store().listJobs(salesforceId18(world.orgId) ?? '', 100)).length;

      const refused = await pull('--object', 'Account', '--where', where);

      expect(refused.code).toBe(EXIT.usage);
      expect(refused.err).toContain('The filter was not used:');
      expect(refused.err).toContain(problem);
      expect(refused.err).toContain(`(at character ${column})`);
      expect(world.fake.requests().some((r) => r.path.includes('/query'))).toBe(false);
      expect(await store().listJobs(salesforceId18(world.orgId) ?? '', 100)).toHaveLength(
        jobsBefore,
      );
    },
  );

  it('keeps an injection attempt inside quotes as a plain value', async () => {
    const narrowed = await pull(
      '--object',
      'Account',
      '--where',
      "Name = 'x\\' OR Name != \\''",
      '--dry-run',
    );

    expect(narrowed.code).toBe(EXIT.ok);
    expect(narrowed.out).toContain('Salesforce: 0 Accounts match the filter');
  });

  it('shows in a dry run what would be created, updated, left unchanged or fail, writing nothing and calling Billomat never', async () => {
    const [changed] = world.fake.addRecords('Account', [
      { ...generatedAccount(2), Name: 'Neuer Name GmbH' },
    ]);
    world.fake.addRecords('Account', [
      { Name: 'Brandneu AG', BillingCity: 'Kiel' },
      { Name: null, BillingCity: 'Nirgendwo' },
    ]);
    const jobsBefore = (await store().listJobs(salesforceId18(world.orgId) ?? '', 100)).length;
    const ledgerBefore = await store().ledgerSize(salesforceId18(world.orgId) ?? '', BILLOMAT_ID);
    const callsBefore = calls();

    const dry = await pull('--object', 'Account', '--dry-run');

    expect(dry.code).toBe(EXIT.failed);
    expect(dry.out).toContain(
      'Dry run: 122 Accounts read; nothing was written and Billomat was not called.',
    );
    expect(dry.out).toContain('Would create 1, would update 1, unchanged 119, would fail 1.');
    expect(dry.out).toMatch(/\+ 001\w{15}  Brandneu AG/);
    expect(dry.out).toContain(`~ ${changed}  Neuer Name GmbH (`);
    expect(dry.out).toMatch(
      /✗ 001\w{15}: Billomat needs a company name or a person's name; this record has neither — fill in Account Name/,
    );
    expect(calls()).toBe(callsBefore);
    expect(await store().listJobs(salesforceId18(world.orgId) ?? '', 100)).toHaveLength(jobsBefore);
    expect(await store().ledgerSize(salesforceId18(world.orgId) ?? '', BILLOMAT_ID)).toBe(
      ledgerBefore,
    );
  });

  it('stops reading on Ctrl-C and closes the push with the records read so far', async () => {
    const stop = new AbortController();

    const run = await runCliWith(
      { ...world.env, SALESFORCE_PULL_BATCH_SIZE: '50' },
      ['pull', '--org', world.orgId, '--object', 'Account'],
      { signal: stop.signal, onOutput: (text) => text.startsWith('Salesforce:') && stop.abort() },
    );

    expect(run.code).toBe(EXIT.failed);
    expect(run.out).toContain('Stopped on request after reading 50 of 122 Accounts.');
    expect(run.out).toContain('Pull again for the rest');
    const [latest] = await store().listJobs(salesforceId18(world.orgId) ?? '', 1);
    expect(latest).toMatchObject({ expectMore: false, expectedTotal: 122 });
    expect((await store().jobCounts(latest?.jobId ?? '', 0)).total).toBe(50);
  });

  it("pulls Contacts with their Account's name through the parent field of the mapping", async () => {
    const run = await pull(
      '--object',
      'Contact',
      '--where',
      "Account.Name != null AND LastName LIKE '%'",
    );

    expect(run.code).toBe(EXIT.ok);
    const contacts = [...generateContacts({ seed: 7, count: 40, accountCount: 120 })];
    const withAccount = contacts.filter((c) => c.AccountId);
    expect(run.out).toContain(`Salesforce: ${withAccount.length} Contacts match the filter`);
    const sample = withAccount[0];
    const account = [...generateAccounts({ seed: 7, count: 120 })].find(
      (a) => a.Id === sample?.AccountId,
    );
    const customer = world.harness.emulator
      .clients(BILLOMAT_ID)
      .find((c) => c.last_name === sample?.LastName && c.first_name === sample?.FirstName);
    expect(customer).toMatchObject({
      name: account?.Name,
      first_name: sample?.FirstName,
    });
  });

  it('exports what was read when Salesforce refuses the next page, and exits 4 with the reason', async () => {
    world.fake.addRecords('Account', generateAccounts({ seed: 8, count: 200, startIndex: 1000 }));
    world.fake.injectFault({
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
      path: /\/query\/01g/,
    });

    const run = await runCliWith({ ...world.env, SALESFORCE_PULL_BATCH_SIZE: '100' }, [
      'pull',
      '--org',
      world.orgId,
      '--object',
      'Account',
    ]);

    expect(run.code).toBe(EXIT.salesforce);
    expect(run.out).toContain(
      'Reading stopped after 200 Accounts of 322: The org has used up its Salesforce API requests for the last 24 hours.',
    );
    expect(run.out).toMatch(/Done in .*: \d+ created, \d+ updated, \d+ unchanged, \d+ failed/);
    const [latest] = await store().listJobs(salesforceId18(world.orgId) ?? '', 1);
    expect(latest).toMatchObject({ state: 'completed', expectMore: false, expectedTotal: 322 });
    expect((await store().jobCounts(latest?.jobId ?? '', 0)).total).toBe(200);
  });
});
