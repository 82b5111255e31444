import type { FaultKind, Faults } from './types';

export type FrontFault = 'drop' | 'serverError';

/**
 * Decides which requests fail and how. Random faults come from a seeded PRNG so a run can be
 * repeated; failNext() queues deterministic ones, which win over the random ones.
 */
export class FaultPlan {
  private faults: Faults;
  private random: () => number;
  private queuedFront: FrontFault[] = [];
  private queuedRateLimited = 0;
  private queuedLostAnswers = 0;

  constructor(
    faults: Faults,
    private readonly seed: number,
  ) {
    this.faults = checkedFaults(faults);
    this.random = mulberry32(seed);
  }

  get current(): Faults {
    return { ...this.faults };
  }

  set(faults: Faults): void {
    this.faults = checkedFaults(faults);
  }

  failNext(count: number, kind: FaultKind): void {
    if (!Number.isInteger(count) || count < 0)
      throw new Error('failNext count must be a whole number');
    if (kind === 'lostAnswer') this.queuedLostAnswers += count;
    else if (kind === 'rateLimited') this.queuedRateLimited += count;
    else for (let i = 0; i < count; i += 1) this.queuedFront.push(kind);
  }

  /** Back to the given faults, an empty queue and the start of the seeded sequence. */
  restart(faults: Faults): void {
    this.faults = checkedFaults(faults);
    this.random = mulberry32(this.seed);
    this.queuedFront = [];
    this.queuedRateLimited = 0;
    this.queuedLostAnswers = 0;
  }

  latencyMs(): number {
    const latency = this.faults.latencyMs ?? 0;
    if (typeof latency === 'number') return latency;
    const [min, max] = latency;
    return min + this.random() * (max - min);
  }

  /** A fault that strikes before the request is looked at. */
  frontFault(): FrontFault | null {
    const queued = this.queuedFront.shift();
    if (queued) return queued;
    if (this.strikes(this.faults.dropRatio)) return 'drop';
    if (this.strikes(this.faults.serverErrorRatio)) return 'serverError';
    return null;
  }

  takeRateLimited(): boolean {
    if (this.queuedRateLimited === 0) return false;
    this.queuedRateLimited -= 1;
    return true;
  }

  /** Asked only once a create has succeeded. */
  loseAnswer(): boolean {
    if (this.queuedLostAnswers > 0) {
      this.queuedLostAnswers -= 1;
      return true;
    }
    return this.strikes(this.faults.lostAnswerRatio);
  }

  private strikes(ratio: number | undefined): boolean {
    return ratio !== undefined && ratio > 0 && this.random() < ratio;
  }
}

export function checkedFaults(faults: Faults): Faults {
  for (const key of ['serverErrorRatio', 'dropRatio', 'lostAnswerRatio'] as const) {
    const ratio = faults[key];
    if (ratio !== undefined && !(typeof ratio === 'number' && ratio >= 0 && ratio <= 1)) {
      throw new Error(`${key} must be a number from 0 to 1`);
    }
  }
  const latency = faults.latencyMs;
  const valid =
    latency === undefined ||
    (typeof latency === 'number' && latency >= 0) ||
    (Array.isArray(latency) &&
      latency.length === 2 &&
      latency.every((ms) => typeof ms === 'number' && ms >= 0) &&
      latency[0] <= latency[1]);
  if (!valid) throw new Error('latencyMs must be a number or [min, max] of milliseconds');
  return { ...faults };
}

/** A small, fast PRNG with a 32-bit state: enough for fault injection, repeatable from a seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
