import { parseArgs } from 'node:util';
import { Pulls, type PullPlan } from '../jobs/pull';
import { Worker } from '../jobs/worker';
import { ObjectTypeSchema, type ObjectType } from '../mapping';
import { EXIT, UsageError, type CliOutput } from './exit';
import { JobProgress } from './job-progress';
import {
  describeCount,
  describeDryRun,
  describeInterrupted,
  describePush,
  describeStopped,
} from './pull-report';
import { withServices, type CliServices } from './services';

const SHOWN_FAILURES = 5;

function objectTypeOf(value: string | undefined): ObjectType {
  const match = ObjectTypeSchema.options.find(
    (type) => type.toLowerCase() === value?.toLowerCase(),
  );
  if (!match) throw new UsageError('--object must be Account or Contact.');
  return match;
}

/**
 * `pull --org <id> --object Account|Contact [--where "…"] [--dry-run]`: reads the records from
 * Salesforce into one push and exports it with a worker in this process (claims with leases make
 * that safe next to a running service), showing progress until every record is done.
 */
export async function pullCommand(args: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      object: { type: 'string' },
      where: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.org)
    throw new UsageError(
      '--org is required: the Salesforce org id (00D…) registered with "org add".',
    );
  const orgId = values.org;
  const objectType = objectTypeOf(values.object);
  const where = values.where;
  const dryRun = values['dry-run'] === true;
  return withServices(async (services) => {
    const { config, store, salesforce } = services;
    const onCount = (total: number, api: 'rest' | 'bulk') =>
      io.out(describeCount(total, api, objectType, where !== undefined));
    const request = { orgId, objectType, ...(where === undefined ? {} : { where }) };
    if (dryRun) {
      const pulls = new Pulls(store, salesforce, config.salesforce, () => undefined);
      const outcome = await pulls.dryRun(await pulls.prepare(request), {
        onCount,
        ...(io.signal ? { signal: io.signal } : {}),
      });
      io.out(describeDryRun(outcome, objectType) + describeStopped(outcome, objectType));
      if (outcome.stopped) return EXIT.salesforce;
      return outcome.tally.counts.fail > 0 ? EXIT.failed : EXIT.ok;
    }
    const org = await salesforce.requireOrg(orgId);
    const worker = new Worker(
      store,
      services.accounts,
      { ...config.worker, maxAttempts: config.billomat.maxAttempts, onlyOrgId: org.orgId },
      services.log,
    );
    const pulls = new Pulls(store, salesforce, config.salesforce, () => worker.wake());
    const plan = await pulls.prepare(request);
    worker.start();
    try {
      return await exportPulled(services, pulls, plan, io, onCount);
    } finally {
      await worker.stop();
    }
  });
}

async function exportPulled(
  services: CliServices,
  pulls: Pulls,
  plan: PullPlan,
  io: CliOutput,
  onCount: (total: number, api: 'rest' | 'bulk') => void,
): Promise<number> {
  const started = Date.now();
  const progress = new JobProgress(
    services.store,
    services.accounts,
    plan.org,
    `  ${plan.objectType}s`,
    io,
  );
  const stopShowing = progress.keepShowing();
  let outcome;
  try {
    outcome = await pulls.run(plan, {
      onCount: (total, api) => {
        progress.expectedTotal = total;
        onCount(total, api);
      },
      onJob: (job) => (progress.jobId = job.jobId),
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    stopShowing();
  }
  const view = await progress.untilFinished(io.signal);
  progress.finish();
  if (!view) throw new Error(`The push ${outcome.job.jobId} is gone.`);
  if (io.signal?.aborted) {
    io.out(describeInterrupted(outcome, view, plan.objectType));
    return EXIT.failed;
  }
  const failures = (
    await services.store.jobResults(view.jobId, {
      offset: 0,
      limit: SHOWN_FAILURES,
      status: 'failed',
    })
  ).items;
  io.out(
    describePush(view, failures, (Date.now() - started) / 1000) +
      describeStopped(outcome, plan.objectType),
  );
  if (outcome.stopped) return EXIT.salesforce;
  return view.state === 'blocked' || view.counts.failed > 0 ? EXIT.failed : EXIT.ok;
}
