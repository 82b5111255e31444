// How a push (an export job of the service) reads for people: counts, rate, time left.
import LOCALE from '@salesforce/i18n/locale';

const FINISHED_STATES = ['completed', 'blocked'];
const STATE_LABELS = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  blocked: 'Blocked',
};
const LONG_ETA_SECONDS = 15 * 60;

export const QUOTA_EXPLANATION =
  'Billomat lets one account make 300 requests per 15 minutes (1,000 with a registered app), ' +
  'and every new or changed customer takes one request. Large pushes therefore take hours. ' +
  'The push keeps running in the background: you can close this page and come back later.';

export function isFinished(state) {
  return FINISHED_STATES.includes(state);
}

export function stateLabel(state) {
  return STATE_LABELS[state] || state || 'Unknown';
}

/** Done counts every record Billomat has answered for: created, updated or unchanged. */
export function progressCounts(counts) {
  const c = counts || {};
  const done = (c.created || 0) + (c.updated || 0) + (c.unchanged || 0);
  const failed = c.failed || 0;
  const total = c.total || 0;
  const percent = total > 0 ? Math.min(100, Math.round(((done + failed) / total) * 100)) : 0;
  return { done, failed, total, percent };
}

export function countsLine(counts) {
  const { done, failed, total } = progressCounts(counts);
  const number = new Intl.NumberFormat(LOCALE);
  return `${number.format(done)} done / ${number.format(failed)} failed / ${number.format(total)} total`;
}

export function rateText(ratePerMinute) {
  if (typeof ratePerMinute !== 'number' || !Number.isFinite(ratePerMinute)) {
    return '';
  }
  const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
  return `${number.format(ratePerMinute)} per minute`;
}

/** "finishing now", "about 12 min", "about 2 h 10 min"; empty when the service gave no ETA. */
export function etaInWords(etaSeconds) {
  if (typeof etaSeconds !== 'number' || !Number.isFinite(etaSeconds) || etaSeconds < 0) {
    return '';
  }
  if (etaSeconds < 60) {
    return 'finishing now';
  }
  const minutes = Math.round(etaSeconds / 60);
  if (minutes < 60) {
    return `about ${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min` : `about ${hours} h`;
}

export function isLongEta(etaSeconds) {
  return typeof etaSeconds === 'number' && etaSeconds > LONG_ETA_SECONDS;
}
