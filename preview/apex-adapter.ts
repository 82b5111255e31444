import { Router, json } from 'express';
import { accessStatus } from './apex/access-check';
import type { ApexContext } from './apex/context';
import { auraMessage } from './apex/errors';
import { pageNumber, pageSize } from './apex/input';
import {
  billomatFields,
  mapping,
  previewMapping,
  saveMapping,
  salesforceFields,
  sampleRecords,
} from './apex/mapping-service';
import { options as listViewOptions, page as recordPage } from './apex/record-picker';
import { push, recentPushes, retryFailed, startListViewPush, startPush } from './apex/push-service';
import { sendAccount } from './apex/send-service';

/**
 * The @AuraEnabled methods the components import, answered the way Aura answers them:
 * `{ returnValue }` with the same shapes the Apex returns (JSON text where Apex returns a
 * String), or an AuraHandledException's `{ body: { message } }`.
 */

type ApexParams = Record<string, unknown>;
type ApexMethod = (ctx: ApexContext, params: ApexParams) => unknown;

const RECORDS_DEFAULT_PAGE_SIZE = 50;
const RECORDS_MAX_PAGE_SIZE = 200;

export const APEX_METHODS: Record<string, ApexMethod> = {
  'BillomatAccessController.getAccessStatus': (ctx) => accessStatus(ctx.org.facts, ctx.client),
  'BillomatMappingController.getBillomatFields': (ctx) => billomatFields(ctx.client),
  'BillomatMappingController.getSalesforceFields': (_ctx, p) => salesforceFields(p.objectType),
  'BillomatMappingController.getMapping': (ctx, p) => mapping(ctx.client, p.objectType),
  'BillomatMappingController.saveMapping': (ctx, p) =>
    saveMapping(ctx.client, p.objectType, p.fieldsJson),
  'BillomatMappingController.getSampleRecords': (ctx, p) =>
    sampleRecords(ctx.org, p.objectType, p.fieldNames, p.limitSize),
  'BillomatMappingController.previewMapping': (ctx, p) =>
    previewMapping(ctx.client, p.objectType, p.fieldsJson, p.recordsJson),
  'BillomatPushController.getListViews': (ctx, p) => listViewOptions(ctx.org, String(p.objectType)),
  'BillomatPushController.getRecords': (ctx, p) =>
    recordPage(
      ctx.org,
      String(p.objectType),
      p.listViewId,
      p.searchTerm,
      pageSize(p.pageSize, RECORDS_DEFAULT_PAGE_SIZE, RECORDS_MAX_PAGE_SIZE),
      pageNumber(p.pageNumber),
    ),
  'BillomatPushController.startPush': (ctx, p) => startPush(ctx, p.objectType, p.recordIds),
  'BillomatPushController.startListViewPush': (ctx, p) =>
    startListViewPush(ctx, p.objectType, p.listViewId),
  'BillomatPushController.getPush': (ctx, p) => push(ctx, p.jobId, p.pageNumber, p.statusFilter),
  'BillomatPushController.retryFailed': (ctx, p) => retryFailed(ctx, p.jobId),
  'BillomatPushController.getRecentPushes': (ctx) => recentPushes(ctx),
  'BillomatSendController.sendAccount': (ctx, p) => sendAccount(ctx, p.recordId),
};

export type ApexAnswer = { ok: true; returnValue: unknown } | { ok: false; message: string };

export async function invokeApex(
  ctx: ApexContext,
  name: string,
  params: ApexParams,
): Promise<ApexAnswer> {
  const method = APEX_METHODS[name];
  if (!method) return { ok: false, message: `There is no @AuraEnabled method ${name}.` };
  try {
    return { ok: true, returnValue: (await method(ctx, params)) ?? null };
  } catch (failure) {
    return { ok: false, message: auraMessage(failure) };
  }
}

/** POST /apex/<Class>.<method> with the parameters as a JSON object; failures are logged, as a debug log would show them. */
export function apexRoutes(ctx: ApexContext, log: (line: string) => void): Router {
  const router = Router();
  router.post('/apex/:name', json({ limit: '5mb' }), async (req, res) => {
    const params: unknown = req.body;
    const answer = await invokeApex(
      ctx,
      String(req.params.name),
      typeof params === 'object' && params !== null ? (params as ApexParams) : {},
    );
    if (answer.ok) {
      res.json({ returnValue: answer.returnValue });
    } else {
      log(`Apex ${String(req.params.name)} failed: ${answer.message}`);
      res.status(500).json({
        body: {
          message: answer.message,
          exceptionType: 'System.AuraHandledException',
          isUserDefinedException: false,
        },
      });
    }
  });
  return router;
}
