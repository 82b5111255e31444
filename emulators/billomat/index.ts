export { startBillomatEmulator } from './server';
export type {
  BillomatEmulator,
  BillomatEmulatorOptions,
  EmulatedClient,
  EmulatedRequest,
  FaultKind,
  Faults,
  RateLimitOptions,
} from './types';
