/** Half-open UTC range [start, end) that a SOQL date literal such as LAST_N_DAYS:30 stands for. */
export interface DateRange {
  start: number;
  end: number;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

const DAY = 86_400_000;

function startOf(unit: Unit, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, now.getUTCDate()));
    case 'week':
      // Salesforce weeks start on Sunday in the default locale.
      return new Date(Date.UTC(y, m, now.getUTCDate() - now.getUTCDay()));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

function shift(unit: Unit, from: Date, count: number): Date {
  const d = new Date(from.getTime());
  switch (unit) {
    case 'day':
      return new Date(d.getTime() + count * DAY);
    case 'week':
      return new Date(d.getTime() + count * 7 * DAY);
    case 'month':
      d.setUTCMonth(d.getUTCMonth() + count);
      return d;
    case 'quarter':
      d.setUTCMonth(d.getUTCMonth() + 3 * count);
      return d;
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() + count);
      return d;
  }
}

function unitRange(unit: Unit, now: Date, offset: number, length = 1): DateRange {
  const base = shift(unit, startOf(unit, now), offset);
  return { start: base.getTime(), end: shift(unit, base, length).getTime() };
}

const FIXED: Record<string, (now: Date) => DateRange> = {
  YESTERDAY: (now) => unitRange('day', now, -1),
  TODAY: (now) => unitRange('day', now, 0),
  TOMORROW: (now) => unitRange('day', now, 1),
  LAST_WEEK: (now) => unitRange('week', now, -1),
  THIS_WEEK: (now) => unitRange('week', now, 0),
  NEXT_WEEK: (now) => unitRange('week', now, 1),
  LAST_MONTH: (now) => unitRange('month', now, -1),
  THIS_MONTH: (now) => unitRange('month', now, 0),
  NEXT_MONTH: (now) => unitRange('month', now, 1),
  LAST_90_DAYS: (now) => unitRange('day', now, -90, 91),
  NEXT_90_DAYS: (now) => unitRange('day', now, 1, 90),
  LAST_QUARTER: (now) => unitRange('quarter', now, -1),
  THIS_QUARTER: (now) => unitRange('quarter', now, 0),
  NEXT_QUARTER: (now) => unitRange('quarter', now, 1),
  LAST_YEAR: (now) => unitRange('year', now, -1),
  THIS_YEAR: (now) => unitRange('year', now, 0),
  NEXT_YEAR: (now) => unitRange('year', now, 1),
};

const UNITS: Record<string, Unit> = {
  DAYS: 'day',
  WEEKS: 'week',
  MONTHS: 'month',
  QUARTERS: 'quarter',
  YEARS: 'year',
};

function withCount(name: string, n: number, now: Date): DateRange | null {
  const lastNext = /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)$/.exec(name);
  if (lastNext) {
    const unit = UNITS[lastNext[2] as string] as Unit;
    if (lastNext[1] === 'LAST') {
      // LAST_N_DAYS includes today; the other LAST_N_* ranges stop before the current unit.
      return unit === 'day' ? unitRange('day', now, -n, n + 1) : unitRange(unit, now, -n, n);
    }
    return unitRange(unit, now, 1, n);
  }
  const ago = /^N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO$/.exec(name);
  if (ago) return unitRange(UNITS[ago[1] as string] as Unit, now, -n);
  return null;
}

/** The range for a date literal, or null when the name is not a date literal Salesforce knows. */
export function dateLiteralRange(
  name: string,
  n: number | null,
  now: Date = new Date(),
): DateRange | null {
  if (n === null) return FIXED[name]?.(now) ?? null;
  return withCount(name, n, now);
}
