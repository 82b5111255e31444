/**
 * Progress of a long job on a terminal: a bar redrawn in place on a TTY, plain lines
 * (at most one every few seconds) when the output goes to a file or a pipe.
 */
export interface ProgressSnapshot {
  done: number;
  failed: number;
  total: number;
  ratePerMinute: number | null;
  etaSeconds: number | null;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  finish(): void;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 1) return 'now';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${rest} s`;
  return `${rest} s`;
}

export function progressLine(label: string, p: ProgressSnapshot, width = 24): string {
  const fraction = p.total > 0 ? Math.min(p.done / p.total, 1) : 0;
  const filled = Math.round(fraction * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const rate = p.ratePerMinute === null ? '–' : `${p.ratePerMinute}/min`;
  return `${label} ${bar} ${p.done}/${p.total} done, ${p.failed} failed, ${rate}, ETA ${formatDuration(p.etaSeconds)}`;
}

/** Where progress goes: a terminal (redrawn in place) or anything that takes text. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function createProgressReporter(
  label: string,
  stream: ProgressOutput = process.stdout,
  plainEveryMs = 5_000,
): ProgressReporter {
  let printed = '';
  let lastPlainAt = 0;
  let latest: ProgressSnapshot | null = null;
  return {
    update(snapshot) {
      latest = snapshot;
      const line = progressLine(label, snapshot);
      if (line === printed) return;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
        printed = line;
      } else if (Date.now() - lastPlainAt >= plainEveryMs) {
        stream.write(`${line}\n`);
        printed = line;
        lastPlainAt = Date.now();
      }
    },
    finish() {
      if (!latest) return;
      const line = progressLine(label, latest);
      if (stream.isTTY) stream.write(`\r\x1b[2K${line}\n`);
      else if (line !== printed) stream.write(`${line}\n`);
    },
  };
}
