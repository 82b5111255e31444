import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnknownAccount } from './account';
import type { BillomatEmulator, FaultKind, Faults } from './types';
import { errorBody, isPlainObject, parseJson, readBody, sendJson } from './wire';

const faultKinds: readonly FaultKind[] = ['serverError', 'drop', 'lostAnswer', 'rateLimited'];
const faultKeys = ['latencyMs', 'serverErrorRatio', 'dropRatio', 'lostAnswerRatio'];

/**
 * `/_emulator/…`: the same controls as the programmatic API, for when the emulator runs as its
 * own process. A failed control call answers 400 or 404 with the Billomat error shape.
 */
export async function answerControl(
  emulator: BillomatEmulator,
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${segments[0] ?? ''}`;
  const billomatId = segments[1];
  try {
    if (route === 'GET clients' && billomatId && segments.length === 2) {
      return sendJson(res, 200, { clients: emulator.clients(billomatId) });
    }
    if (route === 'GET requests' && billomatId && segments.length === 2) {
      return sendJson(res, 200, { requests: emulator.requests(billomatId) });
    }
    if (segments.length !== 1) return sendJson(res, 404, errorBody('Unknown control endpoint'));
    if (route === 'POST accounts') return addAccount(emulator, await readObject(req), res);
    if (route === 'PUT faults') return setFaults(emulator, await readObject(req), res);
    if (route === 'POST fail-next') return failNext(emulator, await readObject(req), res);
    if (route === 'POST spend-quota') return spendQuota(emulator, await readObject(req), res);
    if (route === 'POST reset') {
      emulator.reset();
      return sendJson(res, 200, { reset: true });
    }
    return sendJson(res, 404, errorBody('Unknown control endpoint'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return sendJson(res, error instanceof UnknownAccount ? 404 : 400, errorBody(message));
  }
}

function addAccount(
  emulator: BillomatEmulator,
  body: Record<string, unknown>,
  res: ServerResponse,
): void {
  const { billomatId, apiKey } = body;
  if (typeof billomatId !== 'string' || typeof apiKey !== 'string') {
    throw new Error('Send {"billomatId": "…", "apiKey": "…"}');
  }
  emulator.addAccount(billomatId, apiKey);
  sendJson(res, 201, {
    billomatId,
    baseUrl: emulator.baseUrlTemplate.replace('{billomatId}', billomatId),
  });
}

function setFaults(
  emulator: BillomatEmulator,
  body: Record<string, unknown>,
  res: ServerResponse,
): void {
  const unknown = Object.keys(body).filter((key) => !faultKeys.includes(key));
  if (unknown.length > 0) throw new Error(`Unknown fault settings: ${unknown.join(', ')}`);
  // The values are checked by setFaults itself.
  emulator.setFaults(body as Faults);
  sendJson(res, 200, { faults: body });
}

function failNext(
  emulator: BillomatEmulator,
  body: Record<string, unknown>,
  res: ServerResponse,
): void {
  const { count, kind } = body;
  const known = faultKinds.find((faultKind) => faultKind === kind);
  if (typeof count !== 'number' || !known) {
    throw new Error(`Send {"count": N, "kind": one of ${faultKinds.join(', ')}}`);
  }
  emulator.failNext(count, known);
  sendJson(res, 200, { count, kind: known });
}

function spendQuota(
  emulator: BillomatEmulator,
  body: Record<string, unknown>,
  res: ServerResponse,
): void {
  const { billomatId, calls } = body;
  if (typeof billomatId !== 'string' || typeof calls !== 'number') {
    throw new Error('Send {"billomatId": "…", "calls": N}');
  }
  emulator.spendQuota(billomatId, calls);
  sendJson(res, 200, { billomatId, calls });
}

async function readObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parsed = parseJson(await readBody(req));
  if (!parsed.ok || !isPlainObject(parsed.value)) throw new Error('Send a JSON object');
  return parsed.value;
}
