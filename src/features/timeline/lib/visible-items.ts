/**
 * What the timeline draws for a window: the events inside it (plus margin), or, when there are too many, per-period
 * aggregates ("124 events" by day, week, month, year, decade or century). Computed from the time-sorted events with
 * binary search, so it stays fast at tens of thousands of events and works on the very first window.
 */
import { dayFromNumber, dayNumberOf } from '../../../lib/calendar-date.ts';
import { lowerBound, type TimedEvent } from '../../../lib/dataset.ts';

/** Events longer than this (or open on a side) are kept apart and scanned linearly: they are few. */
const SHORT_DAYS = 400;

export type PreparedEvents = {
  /** Dated, closed, at most SHORT_DAYS long; sorted by sortDay. */
  short: readonly TimedEvent[];
  /** Long or open-ended; sorted by sortDay. */
  long: readonly TimedEvent[];
};

export function prepareEvents(events: readonly TimedEvent[]): PreparedEvents {
  const short: TimedEvent[] = [];
  const long: TimedEvent[] = [];
  for (const e of events) {
    if (e.sortDay === Infinity) continue;
    if (e.startDay !== null && e.endDay !== null && e.endDay - e.startDay <= SHORT_DAYS) short.push(e);
    else long.push(e);
  }
  return { short, long };
}

function overlaps(e: TimedEvent, from: number, to: number): boolean {
  const s = e.startDay ?? -Infinity;
  const end = e.endDay ?? Infinity;
  return s <= to && end >= from;
}

/** Every event touching the days [from, to], in time order of the two lists (short first, then long). */
export function eventsInRange(p: PreparedEvents, from: number, to: number): TimedEvent[] {
  const out: TimedEvent[] = [];
  const lo = lowerBound(p.short, Math.floor(from) - SHORT_DAYS);
  const hi = lowerBound(p.short, Math.floor(to) + 1);
  for (let i = lo; i < hi; i++) {
    const e = p.short[i];
    if (e && overlaps(e, from, to)) out.push(e);
  }
  for (const e of p.long) if (overlaps(e, from, to)) out.push(e);
  return out;
}

export type BucketUnit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

export type Bucket = {
  id: string;
  group: string;
  unit: BucketUnit;
  /** First day of the period and the day after its last. */
  fromDay: number;
  toDay: number;
  count: number;
};

export type VisibleItems =
  | { mode: 'events'; events: TimedEvent[]; total: number }
  | { mode: 'aggregate'; buckets: Bucket[]; unit: BucketUnit; total: number };

const UNIT_DAYS: Record<BucketUnit, number> = { day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5, century: 36525 };
const UNITS: BucketUnit[] = ['day', 'week', 'month', 'year', 'decade', 'century'];

/** The finest period that keeps about `maxBuckets` of them across `spanDays`. */
export function bucketUnitFor(spanDays: number, maxBuckets = 48): BucketUnit {
  return UNITS.find((u) => spanDays / UNIT_DAYS[u] <= maxBuckets) ?? 'century';
}

/** The period of a unit holding a day: its first day and the day after its last. */
export function bucketOf(day: number, unit: BucketUnit): { fromDay: number; toDay: number } {
  if (unit === 'day') return { fromDay: day, toDay: day + 1 };
  if (unit === 'week') {
    // 1970-01-05 (day 4) was a Monday: weeks run Monday to Sunday.
    const from = day - ((((day - 4) % 7) + 7) % 7);
    return { fromDay: from, toDay: from + 7 };
  }
  const d = dayFromNumber(day);
  if (unit === 'month') {
    const next = d.month === 12 ? { year: d.year + 1, month: 1 } : { year: d.year, month: d.month + 1 };
    return { fromDay: dayNumberOf({ year: d.year, month: d.month, day: 1 }), toDay: dayNumberOf({ ...next, day: 1 }) };
  }
  const size = unit === 'year' ? 1 : unit === 'decade' ? 10 : 100;
  const y = Math.floor(d.year / size) * size;
  return { fromDay: dayNumberOf({ year: y, month: 1, day: 1 }), toDay: dayNumberOf({ year: y + size, month: 1, day: 1 }) };
}

export type VisibleOptions = {
  /** More events than this in the range become aggregates. */
  limit: number;
  groupOf: (e: TimedEvent) => string;
};

/** What to draw for the days [from, to] (the window plus its margin). */
export function visibleItems(p: PreparedEvents, from: number, to: number, { limit, groupOf }: VisibleOptions): VisibleItems {
  const events = eventsInRange(p, from, to);
  if (events.length <= limit) return { mode: 'events', events, total: events.length };
  const unit = bucketUnitFor(to - from);
  const buckets = new Map<string, Bucket>();
  for (const e of events) {
    // An event counts in the period where it starts, or where the range starts if it began before.
    const day = Math.max(e.startDay ?? -Infinity, Math.floor(from));
    const { fromDay, toDay } = bucketOf(day, unit);
    const group = groupOf(e);
    const id = `agg:${group}:${unit}:${fromDay}`;
    const b = buckets.get(id);
    if (b) b.count++;
    else buckets.set(id, { id, group, unit, fromDay, toDay, count: 1 });
  }
  return { mode: 'aggregate', buckets: [...buckets.values()], unit, total: events.length };
}
