import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_MAPPING, account } from '../support/accounts';
import { startHarness, type Harness } from '../support/service-harness';

describe('pushes when Billomat misbehaves', () => {
  let harness: Harness | undefined;
  afterEach(async () => harness?.close());

  it('ends with exactly one customer per record through 5xx answers, dropped connections and lost answers', async () => {
    harness = await startHarness({
      emulator: {
        seed: 11,
        rateLimit: { perWindow: 100_000 },
        faults: { serverErrorRatio: 0.1, dropRatio: 0.05, lostAnswerRatio: 0.1, latencyMs: [0, 3] },
      },
    });
    const org = await harness.registerOrg('00D000000000001', 'acme', 'acme-api-key-1');
    await org.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    const records = Array.from({ length: 100 }, (_, i) => account(i + 1));
    const accepted = await org.post('/v1/pushes', { objectType: 'Account', records });
    const job = await org.waitForPush(accepted.body.jobId, 60_000);
    expect(job.counts).toMatchObject({ created: 100, failed: 0 });
    const clients = harness.emulator.clients('acme');
    expect(clients).toHaveLength(100);
    expect(new Set(clients.map((c) => c.name)).size).toBe(100);
  });

  it("paces to Billomat's budget across windows and shows an ETA while it waits", async () => {
    // A "15-minute" window lasts 1 s here; 8 calls per window.
    harness = await startHarness({ emulator: { rateLimit: { perWindow: 8, timeScale: 900 } } });
    const org = await harness.registerOrg('00D000000000001', 'acme', 'acme-api-key-1');
    await org.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    const accepted = await org.post('/v1/pushes', { objectType: 'Account', records: Array.from({ length: 20 }, (_, i) => account(i + 1)) });

    let sawEta = false;
    for (let i = 0; i < 100 && !sawEta; i += 1) {
      const view = await org.get(`/v1/pushes/${accepted.body.jobId}`);
      if (view.body.state === 'running' && view.body.counts.pending > 0 && view.body.etaSeconds > 0) sawEta = true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sawEta).toBe(true);
    const job = await org.waitForPush(accepted.body.jobId, 30_000);
    expect(job.counts).toMatchObject({ created: 20 });
    const rejected = harness.emulator.requests('acme').filter((r) => r.status === 429).length;
    expect(rejected).toBeLessThanOrEqual(1);
  });

  it('blocks the pushes of an org whose Billomat key is refused, and resumes them with a new key', async () => {
    harness = await startHarness();
    const org = await harness.registerOrg('00D000000000001', 'acme', 'acme-api-key-1');
    await org.put('/v1/mappings/Account', { fields: ACCOUNT_MAPPING });
    harness.emulator.addAccount('acme', 'a-rotated-key');
    const accepted = await org.post('/v1/pushes', { objectType: 'Account', records: [account(1), account(2)] });
    const blocked = await org.waitForPush(accepted.body.jobId);
    expect(blocked.state).toBe('blocked');
    expect(blocked.message).toMatch(/API key/);
    expect(blocked.message).not.toContain('acme-api-key-1');
    expect(blocked.counts.pending).toBe(2);

    const resumed = await harness.service.registry.updateCredentials({
      orgId: '00D000000000001',
      billomatId: 'acme',
      billomatApiKey: 'a-rotated-key',
    });
    expect(resumed.unblockedJobs).toBe(1);
    harness.service.worker.wake();
    const done = await org.waitForPush(accepted.body.jobId);
    expect(done).toMatchObject({ state: 'completed', counts: { created: 2 } });
  });
});
