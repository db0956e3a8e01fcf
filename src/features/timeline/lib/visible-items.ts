/**
 * What the timeline draws for a window: the events inside it (plus margin), or, when there are too many, per-period
 * aggregates ("124 events" by day, week, month, year, decade or century) — with, for an archive, its most-told
 * events drawn among them ("most-told first": a day of a newsroom's archive holds hundreds of events, and a reader
 * zoomed into it should see events, not only a count). Computed from the time-sorted events with binary search, so
 * it stays fast at tens of thousands of events and works on the very first window.
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
  /** The lane of an event. */
  laneOf: (e: TimedEvent) => string;
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
  return { short, long, lanes, laneOf };
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
  /** It counts the events of its period that are not drawn beside it (most-told first): "312 more events". */
  more?: true;
};

export type VisibleItems =
  | { mode: 'events'; events: TimedEvent[]; total: number }
  | { mode: 'aggregate'; buckets: Bucket[]; unit: BucketUnit; total: number }
  /** The `events` told by the most articles, and the rest of the range counted (`more` buckets). */
  | { mode: 'most-told'; events: TimedEvent[]; buckets: Bucket[]; unit: BucketUnit; total: number };

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
  /**
   * Above `limit`, the this many events told by the most articles are drawn (most-told first) and only the rest
   * counted; 0 (the default): counts only.
   */
  mostTold?: number;
};

/**
 * Whether `a` comes before `b` among the most-told: told by more articles, then the more recent (later sort day),
 * then by id (the same choice whatever the order they come in).
 */
export function toldBefore(a: TimedEvent, b: TimedEvent): boolean {
  const n = a.articleIds.length - b.articleIds.length;
  if (n !== 0) return n > 0;
  if (a.sortDay !== b.sortDay) return a.sortDay > b.sortDay;
  return a.id < b.id;
}

/** The `n` most-told of `events` (toldBefore), in that order: one pass, a sorted list of at most n kept. */
export function mostToldOf(events: readonly TimedEvent[], n: number): TimedEvent[] {
  const top: TimedEvent[] = [];
  if (n <= 0) return top;
  for (const e of events) {
    const worst = top[top.length - 1];
    if (top.length >= n && worst && !toldBefore(e, worst)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (toldBefore(top[mid] as TimedEvent, e)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, e);
    if (top.length > n) top.pop();
  }
  return top;
}

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

/** The period of `periods` (consecutive, from the day `f`) in which an event is counted: where it starts, or the first. */
function periodIndex(e: TimedEvent, periods: readonly { fromDay: number; toDay: number }[], f: number): number {
  const day = e.startDay === null || e.startDay < f ? f : e.startDay;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day < (periods[mid] as { toDay: number }).toDay) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo);
}

/** What to draw for the days [from, to] (the window plus its margin). */
export function visibleItems(p: PreparedEvents, from: number, to: number, { limit, maxLanes = Infinity, mostTold = 0 }: VisibleOptions): VisibleItems {
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
  const shared = used.length > maxLanes;
  if (shared) countBuckets(p, ALL_LANES, unit, periods, f, t, buckets);
  else for (const [group, lane] of used) countBuckets(lane, group, unit, periods, f, t, buckets);
  if (mostTold <= 0) return { mode: 'aggregate', buckets, unit, total };
  // Most-told first: those events drawn, each taken off the count of its period (in its lane, or the shared one).
  const events = mostToldOf(eventsInRange(p, f, t), mostTold);
  const byId = new Map(buckets.map((b) => [b.id, b]));
  for (const e of events) {
    const period = periods[periodIndex(e, periods, f)] as { fromDay: number };
    const b = byId.get(`agg:${shared ? ALL_LANES : p.laneOf(e)}:${unit}:${period.fromDay}`);
    if (b) b.count--;
  }
  const rest = buckets.filter((b) => b.count > 0).map((b) => ({ ...b, more: true as const }));
  return { mode: 'most-told', events, buckets: rest, unit, total };
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
