/**
 * What the timeline draws for a window: the events inside it (plus margin), or, when there are too many, per-period
 * aggregates ("124 events" by day, week, month, year, decade or century). Computed from the time-sorted events with
 * binary search, so it stays fast at tens of thousands of events and works on the very first window.
 */
import { dayFromNumber, dayNumberOf } from '../../../lib/calendar-date.ts';
import { lowerBound, type TimedEvent } from '../../../lib/dataset.ts';

/** Events longer than this (or open on a side) are kept apart and scanned linearly: they are few. */
const SHORT_DAYS = 400;

type Sorted = {
  /** Dated, closed, at most SHORT_DAYS long; sorted by sortDay. */
  short: readonly TimedEvent[];
  /** Long or open-ended; sorted by sortDay. */
  long: readonly TimedEvent[];
};

export type PreparedEvents = Sorted & {
  /** The same split per lane, for counting aggregates by binary search. */
  lanes: ReadonlyMap<string, Sorted>;
};

export function prepareEvents(events: readonly TimedEvent[], laneOf: (e: TimedEvent) => string = () => ''): PreparedEvents {
  const short: TimedEvent[] = [];
  const long: TimedEvent[] = [];
  const lanes = new Map<string, { short: TimedEvent[]; long: TimedEvent[] }>();
  for (const e of events) {
    if (e.sortDay === Infinity) continue;
    const lane = laneOf(e);
    let l = lanes.get(lane);
    if (!l) lanes.set(lane, (l = { short: [], long: [] }));
    if (e.startDay !== null && e.endDay !== null && e.endDay - e.startDay <= SHORT_DAYS) {
      short.push(e);
      l.short.push(e);
    } else {
      long.push(e);
      l.long.push(e);
    }
  }
  return { short, long, lanes };
}

function overlaps(e: TimedEvent, from: number, to: number): boolean {
  const s = e.startDay ?? -Infinity;
  const end = e.endDay ?? Infinity;
  return s <= to && end >= from;
}

/** Every event touching the days [from, to] (whole days), short ones first, each list in time order. */
export function eventsInRange(p: Sorted, from: number, to: number): TimedEvent[] {
  const f = Math.floor(from);
  const t = Math.floor(to);
  const out: TimedEvent[] = [];
  const lo = lowerBound(p.short, f - SHORT_DAYS);
  const hi = lowerBound(p.short, t + 1);
  for (let i = lo; i < hi; i++) {
    const e = p.short[i];
    if (e && overlaps(e, f, t)) out.push(e);
  }
  for (const e of p.long) if (overlaps(e, f, t)) out.push(e);
  return out;
}

/** How many events touch the days [from, to]: by binary search, with a scan only of those starting just before. */
export function countInRange(p: Sorted, from: number, to: number): number {
  const f = Math.floor(from);
  const t = Math.floor(to);
  const lo = lowerBound(p.short, f - SHORT_DAYS);
  const mid = lowerBound(p.short, f);
  let n = lowerBound(p.short, t + 1) - mid;
  for (let i = lo; i < mid; i++) if ((p.short[i]?.endDay ?? -Infinity) >= f) n++;
  for (const e of p.long) if (overlaps(e, f, t)) n++;
  return n;
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
  /**
   * Aggregates stay per lane while at most this many lanes have events in the range; beyond, they are counted
   * over every lane together, in the one lane `ALL_LANES` (a thousand lanes of counts are unreadable, and each
   * lane costs vis-timeline a layout pass).
   */
  maxLanes?: number;
};

/** The lane that holds aggregates over every lane. */
export const ALL_LANES = '*';

function countBuckets(lane: Sorted, group: string, unit: BucketUnit, periods: readonly { fromDay: number; toDay: number }[], f: number, t: number, out: Bucket[]): void {
  const counts = new Array<number>(periods.length).fill(0);
  // Short events by binary search on the period boundaries; those that began before the range count in the first.
  periods.forEach((period, i) => {
    counts[i] = lowerBound(lane.short, Math.min(period.toDay, t + 1)) - lowerBound(lane.short, Math.max(period.fromDay, f));
  });
  const lo = lowerBound(lane.short, f - SHORT_DAYS);
  const mid = lowerBound(lane.short, f);
  for (let i = lo; i < mid; i++) if ((lane.short[i]?.endDay ?? -Infinity) >= f) counts[0] = (counts[0] ?? 0) + 1;
  // Long ones (few) where they start, or in the first period when they began before.
  for (const e of lane.long) {
    if (!overlaps(e, f, t)) continue;
    const day = e.startDay === null || e.startDay < f ? f : e.startDay;
    let i = periods.findIndex((x) => day < x.toDay);
    if (i < 0) i = periods.length - 1;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  periods.forEach((period, i) => {
    const count = counts[i] ?? 0;
    if (count > 0) out.push({ id: `agg:${group}:${unit}:${period.fromDay}`, group, unit, ...period, count });
  });
}

/** What to draw for the days [from, to] (the window plus its margin). */
export function visibleItems(p: PreparedEvents, from: number, to: number, { limit, maxLanes = Infinity }: VisibleOptions): VisibleItems {
  const total = countInRange(p, from, to);
  if (total <= limit) return { mode: 'events', events: eventsInRange(p, from, to), total };
  const f = Math.floor(from);
  const t = Math.floor(to);
  const unit = bucketUnitFor(t - f);
  const periods: { fromDay: number; toDay: number }[] = [];
  for (let d = f; d <= t; ) {
    const period = bucketOf(d, unit);
    periods.push(period);
    d = period.toDay;
  }
  const buckets: Bucket[] = [];
  const used: [string, Sorted][] = [];
  for (const [group, lane] of p.lanes) {
    if (used.length > maxLanes) break;
    if (countInRange(lane, f, t) > 0) used.push([group, lane]);
  }
  if (used.length > maxLanes) countBuckets(p, ALL_LANES, unit, periods, f, t, buckets);
  else for (const [group, lane] of used) countBuckets(lane, group, unit, periods, f, t, buckets);
  return { mode: 'aggregate', buckets, unit, total };
}

/**
 * Counts for the days [from, to] from per-month totals (the dataset's overview, when the events of the range are not
 * all loaded): by month or a coarser period, over every lane together. `months` are [first day of the month, count],
 * in time order.
 */
export function monthBuckets(months: readonly (readonly [number, number])[], from: number, to: number): Bucket[] {
  const f = Math.floor(from);
  const t = Math.floor(to);
  const fine = bucketUnitFor(t - f);
  const unit: BucketUnit = UNITS.indexOf(fine) < UNITS.indexOf('month') ? 'month' : fine;
  const out: Bucket[] = [];
  let lo = 0;
  let hi = months.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((months[mid]?.[0] ?? Infinity) < bucketOf(f, unit).fromDay) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < months.length; i++) {
    const [day, count] = months[i] as readonly [number, number];
    if (day > t) break;
    const period = bucketOf(day, unit);
    const tail = out[out.length - 1];
    if (tail && tail.fromDay === period.fromDay) tail.count += count;
    else out.push({ id: `agg:${ALL_LANES}:${unit}:${period.fromDay}`, group: ALL_LANES, unit, ...period, count });
  }
  return out;
}
