import { applyMapping, customerFingerprint, hasErrors, type Mapping, type Problem } from '../mapping';
import { BillomatError, type BillomatClient } from '../billomat';
import type { ClaimedRecord, LedgerKey, RecordStatus, Store } from '../store/contract';

/**
 * What happens to one claimed record: map it, then create, update or skip the Billomat
 * customer, keeping the ledger so that no Salesforce record ever gets two customers.
 *
 * The ledger protocol for a create:
 *   1. `ledgerBeginCreate` writes a `creating` entry (with a lease) BEFORE the call;
 *   2. the create call;
 *   3. `ledgerRecord` writes the Billomat id.
 * A crash between 1 and 3 leaves `creating` behind; whoever takes it over later
 * (`takeover`) does not know whether the create reached Billomat, so it looks the
 * customer up before creating again.
 */

export type RecordOutcome =
  | {
      kind: 'finished';
      status: Exclude<RecordStatus, 'pending'>;
      billomatId: number | null;
      billomatNumber: string | null;
      message: string | null;
    }
  | { kind: 'later'; delayMs: number; countAttempt: boolean; reason: string }
  | { kind: 'blocked'; message: string };

export interface RecordContext {
  store: Store;
  client: BillomatClient;
  billomatId: string;
  mapping: Mapping;
  owner: string;
  leaseMs: number;
  /** How many unclear/unavailable attempts a record gets before it fails with a message. */
  maxAttempts: number;
}

const LEDGER_BUSY_DELAY_MS = 1_000;

export async function processRecord(ctx: RecordContext, record: ClaimedRecord): Promise<RecordOutcome> {
  const { customer, problems } = applyMapping(ctx.mapping, { ...record.payload, Id: record.sfId });
  if (hasErrors(problems)) {
    return failed(describeProblems(problems, 'error') ?? 'This record cannot be sent to Billomat.');
  }
  const warnings = describeProblems(problems, 'warning');
  const fingerprint = customerFingerprint(customer);
  const key: LedgerKey = { orgId: record.orgId, billomatId: ctx.billomatId, sfId: record.sfId };

  try {
    const known = await ctx.store.ledgerGet(key);
    if (known?.state === 'done' && known.billomatClientId !== null) {
      if (known.fingerprint === fingerprint) {
        // Written by this very job before a restart: report what it did, not "unchanged".
        const status = known.lastJobId === record.jobId && known.lastStatus ? known.lastStatus : 'unchanged';
        return finished(status, known.billomatClientId, known.billomatNumber, warnings);
      }
      try {
        const updated = await ctx.client.updateClient(known.billomatClientId, customer);
        await ctx.store.ledgerRecord(key, {
          billomatClientId: updated.id,
          billomatNumber: updated.client_number ?? known.billomatNumber,
          fingerprint,
          jobId: record.jobId,
          status: 'updated',
        });
        return finished('updated', updated.id, updated.client_number ?? known.billomatNumber, warnings);
      } catch (error) {
        if (!(error instanceof BillomatError && error.kind === 'not_found')) throw error;
        // Deleted in Billomat since we created it: forget it and create it anew below.
        await ctx.store.ledgerForget(key, known.billomatClientId);
      }
    }

    const claim = await ctx.store.ledgerBeginCreate(key, ctx.owner, ctx.leaseMs);
    if (claim === 'busy') {
      return { kind: 'later', delayMs: LEDGER_BUSY_DELAY_MS, countAttempt: false, reason: 'another worker is creating this customer' };
    }
    if (claim === 'done') {
      // Someone created it between our read and our claim: go round again as an update.
      return processRecord(ctx, record);
    }
    if (claim === 'takeover') {
      const existing = await ctx.client.findMatchingClient(customer);
      if (existing) {
        await ctx.store.ledgerRecord(key, {
          billomatClientId: existing.id,
          billomatNumber: existing.client_number,
          fingerprint,
          jobId: record.jobId,
          status: 'created',
        });
        return finished('created', existing.id, existing.client_number, warnings);
      }
    }
    let created;
    try {
      created = await ctx.client.createClient(customer);
    } catch (error) {
      // Only a definite "no" frees the claim; after an unclear outcome the `creating`
      // entry stays, so the next attempt looks the customer up first.
      if (error instanceof BillomatError && (error.kind === 'invalid' || error.kind === 'unauthorized')) {
        await ctx.store.ledgerAbandonCreate(key, ctx.owner);
      }
      throw error;
    }
    await ctx.store.ledgerRecord(key, {
      billomatClientId: created.id,
      billomatNumber: created.client_number,
      fingerprint,
      jobId: record.jobId,
      status: 'created',
    });
    return finished('created', created.id, created.client_number, warnings);
  } catch (error) {
    if (!(error instanceof BillomatError)) throw error;
    switch (error.kind) {
      case 'invalid':
        return failed(error.message);
      case 'unauthorized':
        return { kind: 'blocked', message: error.message };
      case 'not_found':
        return failed(error.message);
      case 'unavailable':
      case 'unclear':
        if (record.attempts + 1 >= ctx.maxAttempts) {
          return failed(`${error.message} The record was tried ${record.attempts + 1} times; use "Retry failed" later.`);
        }
        return { kind: 'later', delayMs: backoffMs(record.attempts), countAttempt: true, reason: error.message };
    }
  }
}

function finished(
  status: 'created' | 'updated' | 'unchanged',
  billomatId: number,
  billomatNumber: string | null,
  message: string | null,
): RecordOutcome {
  return { kind: 'finished', status, billomatId, billomatNumber, message };
}

function failed(message: string): RecordOutcome {
  return { kind: 'finished', status: 'failed', billomatId: null, billomatNumber: null, message };
}

function describeProblems(problems: Problem[], severity: Problem['severity']): string | null {
  const texts = problems.filter((p) => p.severity === severity).map((p) => p.message);
  return texts.length > 0 ? texts.join(' ') : null;
}

/** Between whole-record attempts (the client already retried each call): 5 s, 10 s, … up to 5 min. */
function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** attempts, 300_000);
}
