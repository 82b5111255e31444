import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerApi, type ApiTarget } from './api-handler';
import { answerControl } from './control-routes';
import { createState, type EmulatorState } from './emulator-state';
import type { BillomatEmulator, BillomatEmulatorOptions, EmulatedRequest } from './types';
import { emulatedClient, errorBody, sendJson } from './wire';

/** Starts a Billomat API emulator serving every account under `/{billomatId}/api/…`. */
export async function startBillomatEmulator(
  options: BillomatEmulatorOptions = {},
): Promise<BillomatEmulator> {
  const state = createState(options);
  const server = createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;

  const emulator: BillomatEmulator = {
    url,
    baseUrlTemplate: `${url}/{billomatId}/api`,
    addAccount: (billomatId, apiKey) => state.accounts.add(billomatId, apiKey),
    setFaults: (faults) => state.faults.set(faults),
    failNext: (count, kind) => state.faults.failNext(count, kind),
    spendQuota: (billomatId, calls) => spendQuota(state, billomatId, calls),
    clients: (billomatId) => state.accounts.require(billomatId).clients.all().map(emulatedClient),
    callCount: (billomatId, filter = {}) =>
      state.accounts.require(billomatId).requests.filter((request) => matches(request, filter))
        .length,
    requests: (billomatId) => [...state.accounts.require(billomatId).requests],
    reset: () => {
      state.accounts.clearAll();
      state.faults.restart(state.startFaults);
    },
    close: () => closeServer(server),
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(state, emulator, req, res).catch((error: unknown) => {
      state.log(
        `emulator error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal emulator error'));
      else res.destroy();
    });
  });
  return emulator;
}

async function route(
  state: EmulatorState,
  emulator: BillomatEmulator,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const address = new URL(req.url ?? '/', 'http://emulator');
  const segments = pathSegments(address.pathname);
  if (segments === null) return sendJson(res, 400, errorBody('Malformed path'));
  const [first, second, ...rest] = segments;
  if (first === '_emulator') return answerControl(emulator, segments.slice(1), req, res);
  if (first === undefined || second !== 'api') return sendJson(res, 404, errorBody('Not found'));
  const target: ApiTarget = {
    billomatId: first,
    segments: rest,
    apiPath: `/api${rest.map((segment) => `/${segment}`).join('')}`,
    query: address.searchParams,
    rawQuery: address.search.replace(/^\?/, ''),
  };
  return answerApi(state, target, req, res);
}

function pathSegments(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

function matches(request: EmulatedRequest, filter: { method?: string; path?: RegExp }): boolean {
  if (filter.method && request.method.toUpperCase() !== filter.method.toUpperCase()) return false;
  return !filter.path || filter.path.test(request.path);
}

function spendQuota(state: EmulatorState, billomatId: string, calls: number): void {
  if (!Number.isInteger(calls) || calls < 0)
    throw new Error('spendQuota calls must be a whole number');
  const window = state.windows.indexAt(Date.now());
  state.accounts.require(billomatId).quota.spend(window, calls);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
