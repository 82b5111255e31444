import { salesforceId18 } from '../../server/src/orgs/salesforce-id';
import type { ApexContext } from './context';
import { InvalidInput } from './errors';
import { recordId as checkedRecordId } from './input';
import { asInteger, asList, asMap, asString, parseObject, type JsonObject } from './json';
import { isSaved, mappingFromJson, sourceFieldsOf } from './mapping';
import { recordsForPush } from './record-source';
import { applyResults } from './write-back';

/** BillomatSendService: sends one Account from its record page and waits briefly for Billomat's answer. */

const WAIT_SECONDS = 25;
// The callout must outlast the service's wait.
const SEND_TIMEOUT_MS = (WAIT_SECONDS + 15) * 1000;
const SOURCE = 'record-action';

/** BillomatSendResult */
export interface SendResult {
  status: 'created' | 'updated' | 'unchanged' | 'failed' | 'pending' | string;
  billomatId: number | null;
  billomatNumber: string | null;
  message: string | null;
  jobId: string | null;
}

export async function sendAccount(ctx: ApexContext, recordId: unknown): Promise<SendResult> {
  const accountId = checkedRecordId(recordId, 'Account');
  const mapping = mappingFromJson(await ctx.client.get('/v1/mappings/Account'));
  if (!isSaved(mapping)) {
    throw new InvalidInput(
      'Billomat Export has no Account mapping yet. Ask your Salesforce admin to save one on the Billomat Export tab.',
    );
  }
  const records = recordsForPush(ctx.org, 'Account', [accountId], sourceFieldsOf(mapping.fields));
  if (records.length === 0) {
    throw new InvalidInput(
      'This Account could not be read. It may have been deleted, or your user cannot see it.',
    );
  }
  const body = { objectType: 'Account', records, source: SOURCE };
  const job = await ctx.client
    .withTimeout(SEND_TIMEOUT_MS)
    .post(`/v1/pushes?wait=${WAIT_SECONDS}`, body);
  const result = fromJob(parseObject(job), accountId);
  applyResults(ctx.org, [
    {
      sfId: accountId,
      status: result.status,
      billomatId: result.billomatId,
      billomatNumber: result.billomatNumber,
      message: result.status === 'failed' ? result.message : null,
    },
  ]);
  return result;
}

/** The record's result in the job the service answered with; 'pending' while it has none yet. */
function fromJob(job: JsonObject, recordId: string): SendResult {
  const jobId = asString(job.jobId);
  const item =
    asList(asMap(job.results).items)
      .map(asMap)
      .find((candidate) => sameRecord(candidate.sfId, recordId)) ?? {};
  const status = asString(item.status);
  if (!status || status === 'pending') {
    const jobMessage = asString(job.message);
    return {
      status: 'pending',
      billomatId: null,
      billomatNumber: null,
      message:
        jobMessage && jobMessage.trim() !== ''
          ? jobMessage
          : 'Billomat has not answered yet. The result will appear on this Account as soon as it arrives.',
      jobId,
    };
  }
  const result: SendResult = {
    status: status.toLowerCase(),
    billomatId: asInteger(item.billomatId),
    billomatNumber: asString(item.billomatNumber),
    message: null,
    jobId,
  };
  const message = asString(item.message);
  result.message = message && message.trim() !== '' ? message : defaultMessage(result);
  return result;
}

function sameRecord(sfId: unknown, recordId: string): boolean {
  return typeof sfId === 'string' && salesforceId18(sfId) === salesforceId18(recordId);
}

function defaultMessage(result: SendResult): string {
  const customer = result.billomatNumber
    ? `Billomat customer ${result.billomatNumber}`
    : 'The Billomat customer';
  switch (result.status) {
    case 'created':
      return `${customer} was created.`;
    case 'updated':
      return `${customer} was updated.`;
    case 'unchanged':
      return `${customer} is already up to date.`;
    default:
      return 'Billomat did not accept this Account.';
  }
}
