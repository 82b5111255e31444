import type { ObjectType } from '../org/describe';
import { InvalidInput, ServiceError } from './errors';
import { requireReadable } from './field-access';
import {
  objectType as checkedObjectType,
  jobId as checkedJobId,
  pageNumber,
  recordIds,
  statusFilter,
} from './input';
import { asList, asMap, asString, parseObject } from './json';
import { isSaved, mappingFromJson, sourceFieldsOf } from './mapping';
import { requireListView, size as listViewSize } from './record-picker';
import { recordsForPush, type RecordMap } from './record-source';
import { runPushBatch, SCOPE_SIZE } from './push-batch';
import type { ApexContext } from './context';

/**
 * BillomatPushService: starting pushes, following them and retrying what failed. Up to 200
 * records go to the service in the request that opens the push; larger selections and list
 * views open the push with expectMore and hand the records to the batch.
 */

const RESULTS_PAGE_SIZE = 50;
const RETRY_LIMIT = 2000;
const FAILED_PAGE_SIZE = 200;
const RECENT_PUSHES = 20;
const SOURCE = 'admin';

/** Pushes the chosen records; returns the job JSON. */
export async function startPush(
  ctx: ApexContext,
  objectType: unknown,
  ids: unknown,
): Promise<string> {
  const type = checkedObjectType(objectType);
  const chosen = recordIds(type, ids);
  const sourceFields = await sourceFieldsOfSavedMapping(ctx, type);
  if (chosen.length <= SCOPE_SIZE) {
    const found = recordsForPush(ctx.org, type, chosen, sourceFields);
    if (found.length === 0) {
      throw new InvalidInput(
        'None of the selected records could be read. They may have been deleted, or your user cannot see them.',
      );
    }
    return ctx.client.post('/v1/pushes', pushBody(type, found));
  }
  const job = await openJob(ctx, type, chosen.length);
  const jobId = jobIdOf(job);
  ctx.jobs.enqueue(`BillomatPushBatch ${jobId}`, () =>
    runPushBatch(ctx.org, ctx.client, { jobId, objectType: type, recordIds: chosen, sourceFields }),
  );
  return job;
}

/** Pushes every record of a list view (at most 10,000) through the batch. */
export async function startListViewPush(
  ctx: ApexContext,
  objectType: unknown,
  listViewId: unknown,
): Promise<string> {
  const type = checkedObjectType(objectType);
  const listViewName = requireListView(ctx.org, type, listViewId);
  const sourceFields = await sourceFieldsOfSavedMapping(ctx, type);
  const size = listViewSize(ctx.org, type, String(listViewId));
  if (size === 0) throw new InvalidInput(`The list view "${listViewName}" shows no records.`);
  const job = await openJob(ctx, type, size);
  const jobId = jobIdOf(job);
  ctx.jobs.enqueue(`BillomatPushBatch ${jobId}`, () =>
    runPushBatch(ctx.org, ctx.client, {
      jobId,
      objectType: type,
      listViewId: String(listViewId),
      sourceFields,
    }),
  );
  return job;
}

export function push(
  ctx: ApexContext,
  jobId: unknown,
  page: unknown,
  filter: unknown,
): Promise<string> {
  let path = `/v1/pushes/${checkedJobId(jobId)}?page=${pageNumber(page)}&pageSize=${RESULTS_PAGE_SIZE}`;
  const status = statusFilter(filter);
  if (status !== null) path += `&status=${status}`;
  return ctx.client.get(path);
}

/**
 * Re-reads the failed records (the admin may have fixed them since) and asks the service to run
 * them again with that fresh data; returns the job JSON.
 */
export async function retryFailed(ctx: ApexContext, jobId: unknown): Promise<string> {
  const id = checkedJobId(jobId);
  const failed = await failedRecords(ctx, id);
  if (failed.ids.size === 0 || failed.objectType === null) {
    throw new InvalidInput('This push has no failed records to retry.');
  }
  const sourceFields = await sourceFieldsOfSavedMapping(ctx, failed.objectType);
  const fresh = recordsForPush(ctx.org, failed.objectType, failed.ids, sourceFields);
  return ctx.client.post(`/v1/pushes/${id}/retry`, { records: fresh });
}

export function recentPushes(ctx: ApexContext): Promise<string> {
  return ctx.client.get(`/v1/pushes?limit=${RECENT_PUSHES}`);
}

export async function sourceFieldsOfSavedMapping(
  ctx: ApexContext,
  type: ObjectType,
): Promise<string[]> {
  const mapping = mappingFromJson(await ctx.client.get(`/v1/mappings/${type}`));
  if (!isSaved(mapping)) {
    throw new InvalidInput(
      `No ${type} mapping is saved yet. Open the Mapping tab, choose ${type} and save a mapping.`,
    );
  }
  const sourceFields = sourceFieldsOf(mapping.fields);
  // Fails before a push is opened if the user cannot read a mapped field.
  requireReadable(type, sourceFields);
  return sourceFields;
}

function openJob(ctx: ApexContext, type: ObjectType, expectedTotal: number): Promise<string> {
  return ctx.client.post('/v1/pushes', { ...pushBody(type, []), expectMore: true, expectedTotal });
}

function pushBody(type: ObjectType, records: RecordMap[]): Record<string, unknown> {
  return { objectType: type, records, source: SOURCE };
}

function jobIdOf(job: string): string {
  const jobId = asString(parseObject(job).jobId);
  if (!jobId)
    throw new ServiceError('The export service opened a push but did not say its id.', null, null);
  return jobId;
}

async function failedRecords(
  ctx: ApexContext,
  jobId: string,
): Promise<{ objectType: ObjectType | null; ids: Set<string> }> {
  const failed: { objectType: ObjectType | null; ids: Set<string> } = {
    objectType: null,
    ids: new Set(),
  };
  let more = true;
  for (let page = 1; more && failed.ids.size < RETRY_LIMIT; page += 1) {
    const job = await ctx.client.getObject(
      `/v1/pushes/${jobId}?page=${page}&pageSize=${FAILED_PAGE_SIZE}&status=failed`,
    );
    const type = checkedObjectType(asString(job.objectType));
    failed.objectType = type;
    const items = asList(asMap(job.results).items);
    for (const item of items) {
      const sfId = asString(asMap(item).sfId);
      if (sfId && ctx.org.objectTypeOf(sfId) === type && failed.ids.size < RETRY_LIMIT)
        failed.ids.add(sfId);
    }
    more = items.length === FAILED_PAGE_SIZE;
  }
  return failed;
}
