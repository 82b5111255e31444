import type { DryRunExample, DryRunVerdict } from '../jobs/dry-run';
import type { JobView } from '../jobs/progress';
import type { DryRunOutcome, PullSummary } from '../jobs/pull';
import type { ObjectType } from '../mapping';
import type { RecordResult } from '../store/contract';
import { formatDuration } from './progress';

const API_NAMES = { rest: 'the REST API', bulk: 'Bulk API 2.0' } as const;

export function plural(count: number, objectType: ObjectType): string {
  return `${count.toLocaleString('en-US')} ${objectType}${count === 1 ? '' : 's'}`;
}

export function describeCount(
  total: number,
  api: 'rest' | 'bulk',
  objectType: ObjectType,
  filtered: boolean,
): string {
  const matching = `Salesforce: ${plural(total, objectType)} match${total === 1 ? 'es' : ''}${filtered ? ' the filter' : ''}`;
  return total === 0
    ? `${matching}.\n`
    : `${matching}; reading ${total === 1 ? 'it' : 'them'} with ${API_NAMES[api]}.\n`;
}

export function describeStopped(summary: PullSummary, objectType: ObjectType): string {
  if (!summary.stopped) return '';
  const steps = summary.stopped.fixSteps.map((step, i) => `  ${i + 1}. ${step}`).join('\n');
  return [
    `Reading stopped after ${plural(summary.read, objectType)} of ${summary.total.toLocaleString('en-US')}: ${summary.stopped.message}`,
    ...(steps ? ['What to do:', steps] : []),
    'The records read before are exported; pull again to get the rest (records already in Billomat are updated, never duplicated).',
    '',
  ].join('\n');
}

export function describeInterrupted(
  summary: PullSummary,
  view: JobView,
  objectType: ObjectType,
): string {
  const pending = view.counts.pending;
  return [
    `Stopped on request after reading ${summary.read.toLocaleString('en-US')} of ${plural(summary.total, objectType)}.`,
    pending > 0
      ? `${pending} of them are stored in push ${view.jobId} and not exported yet: a running service finishes them.`
      : `They are exported (push ${view.jobId}).`,
    'Pull again for the rest: records already in Billomat are updated, never duplicated.',
    '',
  ].join('\n');
}

/** The last lines of a pull: what happened to every record, and the first ones a person has to look at. */
export function describePush(view: JobView, failures: RecordResult[], seconds: number): string {
  const c = view.counts;
  const lines = [
    `Done in ${seconds < 1 ? 'under a second' : formatDuration(seconds)}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed (push ${view.jobId}).`,
  ];
  if (view.state === 'blocked')
    lines.push(`The push is blocked: ${view.message ?? 'see the service log'}`);
  if (failures.length > 0) {
    lines.push(c.failed > failures.length ? `The first ${failures.length} failures:` : 'Failed:');
    for (const failure of failures)
      lines.push(`  • ${failure.sfId}: ${failure.message ?? 'no message'}`);
    if (c.failed > failures.length)
      lines.push(
        `  All ${c.failed}: GET /v1/pushes/${view.jobId}?status=failed (with the org's API token).`,
      );
  }
  return lines.join('\n') + '\n';
}

const VERDICTS: Array<{ verdict: DryRunVerdict; heading: string; mark: string }> = [
  { verdict: 'create', heading: 'Would create', mark: '+' },
  { verdict: 'update', heading: 'Would update', mark: '~' },
  { verdict: 'fail', heading: 'Would fail', mark: '✗' },
];

function exampleLine(mark: string, example: DryRunExample): string {
  const number = example.billomatNumber ? ` (${example.billomatNumber})` : '';
  const detail = example.message
    ? `: ${example.message}`
    : example.name
      ? `  ${example.name}${number}`
      : number;
  return `  ${mark} ${example.sfId}${detail}`;
}

export function describeDryRun(outcome: DryRunOutcome, objectType: ObjectType): string {
  const { counts, examples } = outcome.tally;
  const lines = [
    `Dry run: ${plural(outcome.read, objectType)} read; nothing was written and Billomat was not called.`,
    `Would create ${counts.create}, would update ${counts.update}, unchanged ${counts.unchanged}, would fail ${counts.fail}.`,
  ];
  for (const { verdict, heading, mark } of VERDICTS) {
    if (counts[verdict] === 0) continue;
    const shown = examples[verdict];
    lines.push(
      counts[verdict] > shown.length ? `${heading} (the first ${shown.length}):` : `${heading}:`,
    );
    for (const example of shown) lines.push(exampleLine(mark, example));
  }
  return lines.join('\n') + '\n';
}
