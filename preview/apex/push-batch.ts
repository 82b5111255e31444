import type { ObjectType } from '../org/describe';
import type { FakeOrg } from '../org/fake-org';
import { InvalidInput, ServiceError } from './errors';
import { recordIds as listViewRecordIds } from './record-picker';
import { compareText, recordsForPush } from './record-source';
import { idempotencyKeyFor, type ServiceClient } from './service-client';
import { markFailed } from './write-back';

/**
 * BillomatPushBatch: adds the records of a large push to a job opened with expectMore, one
 * chunk of 200 per execute, and closes the job in finish. A chunk that cannot be sent fails
 * alone: its records say why, the other chunks still go out.
 */

export const SCOPE_SIZE = 200;
const ATTEMPTS = 2;

export interface PushBatch {
  jobId: string;
  objectType: ObjectType;
  sourceFields: string[];
  /** the selected records, or else every record of the list view */
  recordIds?: string[];
  listViewId?: string;
}

export async function runPushBatch(
  org: FakeOrg,
  client: ServiceClient,
  batch: PushBatch,
): Promise<void> {
  const ids = (batch.recordIds ?? listViewRecordIds(org, batch.objectType, batch.listViewId ?? ''))
    .filter((id) => org.find(id) !== undefined)
    .sort(compareText);
  for (let start = 0; start < ids.length; start += SCOPE_SIZE) {
    await execute(org, client, batch, ids.slice(start, start + SCOPE_SIZE));
  }
  await send(
    client,
    batch.jobId,
    { records: [], expectMore: false },
    idempotencyKeyFor([batch.jobId, 'close']),
  );
}

async function execute(
  org: FakeOrg,
  client: ServiceClient,
  batch: PushBatch,
  ids: string[],
): Promise<void> {
  try {
    const records = recordsForPush(org, batch.objectType, ids, batch.sourceFields);
    await send(
      client,
      batch.jobId,
      { records, expectMore: true },
      idempotencyKeyFor([batch.jobId, 'records', ...ids]),
    );
  } catch (failure) {
    if (failure instanceof ServiceError) {
      markFailed(org, ids, `Not sent to the export service: ${failure.message} Push again.`);
    } else if (failure instanceof InvalidInput) {
      markFailed(org, ids, `Not sent: ${failure.message}`);
    } else {
      throw failure;
    }
  }
}

/** Sends once more after a transient failure; the idempotency key makes a repeat harmless. */
async function send(
  client: ServiceClient,
  jobId: string,
  body: unknown,
  idempotencyKey: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.post(`/v1/pushes/${jobId}/records`, body, idempotencyKey);
      return;
    } catch (failure) {
      if (attempt >= ATTEMPTS || !(failure instanceof ServiceError) || !failure.isTransient())
        throw failure;
    }
  }
}
