import { Accounts } from './account';
import { FaultPlan } from './fault-plan';
import { RateWindows } from './rate-window';
import type { BillomatEmulatorOptions, Faults } from './types';

/** Everything one running emulator knows, shared by the API, the control endpoints and the facade. */
export interface EmulatorState {
  accounts: Accounts;
  /** appId → appSecret */
  apps: ReadonlyMap<string, string>;
  windows: RateWindows;
  faults: FaultPlan;
  startFaults: Faults;
  log: (line: string) => void;
}

/** Client ids start far from customer numbers, so code that mixes the two up fails visibly. */
const firstClientId = 1001;

export function createState(options: BillomatEmulatorOptions): EmulatorState {
  const accounts = new Accounts(firstClientId);
  for (const { billomatId, apiKey } of options.accounts ?? []) accounts.add(billomatId, apiKey);
  const startFaults = options.faults ?? {};
  return {
    accounts,
    apps: new Map((options.apps ?? []).map(({ appId, appSecret }) => [appId, appSecret])),
    windows: new RateWindows(options.rateLimit),
    faults: new FaultPlan(startFaults, options.seed ?? 1),
    startFaults,
    log: options.log ?? (() => {}),
  };
}
