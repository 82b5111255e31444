import {
  countsLine,
  etaInWords,
  isFinished,
  isLongEta,
  progressCounts,
  rateText,
  stateLabel,
} from 'c/billomatPushFormat';

describe('c-billomat-push-format', () => {
  it('words the time left in hours and minutes', () => {
    expect(etaInWords(7800)).toBe('about 2 h 10 min');
    expect(etaInWords(7200)).toBe('about 2 h');
    expect(etaInWords(754)).toBe('about 13 min');
    expect(etaInWords(59)).toBe('finishing now');
    expect(etaInWords(0)).toBe('finishing now');
  });

  it('gives no words when the service has no estimate', () => {
    expect(etaInWords(null)).toBe('');
    expect(etaInWords(undefined)).toBe('');
  });

  it('counts created, updated and unchanged records as done', () => {
    const counts = { total: 500, pending: 380, created: 100, updated: 10, unchanged: 5, failed: 5 };
    expect(progressCounts(counts)).toEqual({ done: 115, failed: 5, total: 500, percent: 24 });
    expect(countsLine(counts)).toBe('115 done / 5 failed / 500 total');
  });

  it('writes large counts with the thousands separator of the user locale', () => {
    expect(
      countsLine({ total: 10000, created: 2300, updated: 50, unchanged: 40, failed: 10 }),
    ).toBe('2,390 done / 10 failed / 10,000 total');
  });

  it('reports no progress for an empty push', () => {
    expect(progressCounts({ total: 0 }).percent).toBe(0);
    expect(countsLine(undefined)).toBe('0 done / 0 failed / 0 total');
  });

  it('rounds the rate to one decimal', () => {
    expect(rateText(18.46)).toBe('18.5 per minute');
    expect(rateText(1250)).toBe('1,250 per minute');
    expect(rateText(null)).toBe('');
  });

  it('treats completed and blocked pushes as finished', () => {
    expect(isFinished('completed')).toBe(true);
    expect(isFinished('blocked')).toBe(true);
    expect(isFinished('running')).toBe(false);
    expect(isFinished('queued')).toBe(false);
    expect(stateLabel('blocked')).toBe('Blocked');
  });

  it('calls an estimate above a quarter of an hour long', () => {
    expect(isLongEta(901)).toBe(true);
    expect(isLongEta(900)).toBe(false);
    expect(isLongEta(null)).toBe(false);
  });
});
