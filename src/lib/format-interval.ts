/**
 * An event's date in words, by its precision: "20 Nov 2021", "week of 15 Nov 2021", "April 2021", "Q2 2021",
 * "since 2014", "by 20 Nov 2021". Formatted with date-fns from local dates built from calendar parts, so a day
 * reads the same in every time zone.
 */
import { format } from 'date-fns';
import type { Precision } from '../pipeline/schema.ts';
import { localDateOf, parseDay, type CalendarDay } from './calendar-date.ts';

export type DatedInterval = {
  start: string | null;
  end: string | null;
  precision: Precision;
  approximate: boolean;
  /** Open at the end although `end` is set ("since 2014", ended by the build at the publication date). */
  openEnd?: boolean | undefined;
};

const SEASONS = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'];

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

function yearText(year: number): string {
  return year <= 0 ? `${1 - year} BC` : String(year);
}

/** One end of an interval at a precision: the unit the day falls in. */
export function formatAt(d: CalendarDay, precision: Precision): string {
  const local = localDateOf(d);
  switch (precision) {
    case 'day':
      return format(local, 'd MMM yyyy');
    case 'week':
      return `week of ${format(local, 'd MMM yyyy')}`;
    case 'month':
      return format(local, 'MMMM yyyy');
    case 'quarter':
      return `Q${Math.floor((d.month - 1) / 3) + 1} ${yearText(d.year)}`;
    case 'season': {
      // December belongs to the winter that runs into the next year.
      const season = SEASONS[d.month - 1] ?? 'winter';
      return `${season} ${yearText(d.month === 12 ? d.year + 1 : d.year)}`;
    }
    case 'half':
      return `${d.month <= 6 ? 'first' : 'second'} half of ${yearText(d.year)}`;
    case 'year':
      return yearText(d.year);
    case 'decade':
      return `the ${Math.floor(d.year / 10) * 10}s`;
    case 'century':
      return `the ${ordinal(Math.floor((d.year - 1) / 100) + 1)} century`;
  }
}

/** A closed interval: one unit when both ends fall in the same unit, else "from – to". */
function formatClosed(s: CalendarDay, e: CalendarDay, precision: Precision): string {
  const a = formatAt(s, precision);
  const b = formatAt(e, precision);
  if (a === b) return a;
  if (precision === 'day') {
    const ls = localDateOf(s);
    const le = localDateOf(e);
    if (s.year === e.year && s.month === e.month) return `${format(ls, 'd')}–${format(le, 'd MMM yyyy')}`;
    if (s.year === e.year) return `${format(ls, 'd MMM')} – ${format(le, 'd MMM yyyy')}`;
    return `${a} – ${b}`;
  }
  if (precision === 'week') return a;
  if (precision === 'month' && s.year === e.year) return `${format(localDateOf(s), 'MMMM')} – ${b}`;
  if (precision === 'year') return `${a}–${b}`;
  return `${a} – ${b}`;
}

/** The interval in words; `approximateMark` puts "≈ " before a closed approximate interval. */
export function formatInterval(i: DatedInterval, { approximateMark = false } = {}): string {
  const s = i.start === null ? null : parseDay(i.start);
  const e = i.end === null ? null : parseDay(i.end);
  let text: string;
  if (s && i.openEnd) return `since ${formatAt(s, i.precision)}`;
  if (s && e) text = formatClosed(s, e, i.precision);
  else if (s) return `since ${formatAt(s, i.precision)}`;
  else if (e) return `by ${formatAt(e, i.precision)}`;
  else return 'undated';
  return approximateMark && i.approximate ? `≈ ${text}` : text;
}
