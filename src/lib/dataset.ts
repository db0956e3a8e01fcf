/**
 * The dataset as the app uses it: events sorted in time (by start, then end, then id) with integer day numbers,
 * looked up by id or alias. Built once per fetch; every view reads these arrays (binary search, no re-sorting).
 */
import type { ArticleSummary, DatasetIndex, EventSummary } from '../pipeline/schema.ts';
import { dayNumber } from './calendar-date.ts';

export type TimedEvent = EventSummary & {
  /** Day number of `start`, or null when open at the start. */
  startDay: number | null;
  /** Day number of `end`, or null when open at the end. */
  endDay: number | null;
  /** Where it sorts: `startDay ?? endDay`; undated events sort last with +Infinity. */
  sortDay: number;
  /** Position in `Dataset.events`. */
  order: number;
  /** Open at the end ("since 2014", or `end` null with a start): the build's `openEnd`. */
  openEnd: boolean;
};

export type Dataset = {
  articles: readonly ArticleSummary[];
  articlesById: ReadonlyMap<string, ArticleSummary>;
  /** Every event in time order; undated ones (no start, no end) last. */
  events: readonly TimedEvent[];
  /** By id and by alias. */
  byId: ReadonlyMap<string, TimedEvent>;
  sources: readonly string[];
  /** The first and last day any dated event touches, or null when there is none. */
  extent: { from: number; to: number } | null;
};

/** Time order: by `sortDay`, then by id (the build's order); undated events last, by id. */
export function compareEvents(a: TimedEvent, b: TimedEvent): number {
  return a.sortDay - b.sortDay || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareUndated(a: TimedEvent, b: TimedEvent): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The dataset for the app. It takes the index's event objects over (they come fresh from a parse, and copying tens
 * of thousands of them costs time and memory): each gains its day numbers in place. The build writes events in
 * time order (start or end, then id; undated first), so sorting is a linear check, and a sort only when not.
 */
export function buildDataset(index: DatasetIndex): Dataset {
  const articlesById = new Map(index.articles.map((a) => [a.id, a]));
  const days = dayNumberCache();
  const dated: TimedEvent[] = [];
  const undated: TimedEvent[] = [];
  let sorted = true;
  let from = Infinity;
  let to = -Infinity;
  for (const summary of index.events) {
    const e = summary as TimedEvent;
    const startDay = e.start === null ? null : days(e.start);
    const endDay = e.end === null ? null : days(e.end);
    e.startDay = startDay;
    e.endDay = endDay;
    e.openEnd = e.openEnd === true || (e.end === null && e.start !== null);
    e.sortDay = startDay ?? endDay ?? Infinity;
    if (e.sortDay === Infinity) {
      undated.push(e);
      continue;
    }
    const last = dated[dated.length - 1];
    if (sorted && last && compareEvents(last, e) > 0) sorted = false;
    dated.push(e);
    if (startDay !== null) {
      if (startDay < from) from = startDay;
      if (startDay > to) to = startDay;
    }
    if (endDay !== null) {
      if (endDay < from) from = endDay;
      if (endDay > to) to = endDay;
    }
  }
  if (!sorted) dated.sort(compareEvents);
  undated.sort(compareUndated);
  const events = dated;
  for (const e of undated) events.push(e);
  const byId = new Map<string, TimedEvent>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as TimedEvent;
    e.order = i;
    byId.set(e.id, e);
  }
  for (const e of events) for (const alias of e.aliases) if (!byId.has(alias)) byId.set(alias, e);
  const sources = [...new Set(index.articles.map((a) => a.source))].sort();
  return { articles: index.articles, articlesById, events, byId, sources, extent: from <= to ? { from, to } : null };
}

/** `dayNumber` with a cache: a dataset names the same days again and again. */
function dayNumberCache(): (iso: string) => number {
  const cache = new Map<string, number>();
  return (iso) => {
    let n = cache.get(iso);
    if (n === undefined) {
      n = dayNumber(iso);
      cache.set(iso, n);
    }
    return n;
  };
}

export function isDated(e: TimedEvent): boolean {
  return e.sortDay !== Infinity;
}

/** First index in `events` (sorted by sortDay) whose sortDay is >= day. */
export function lowerBound(events: readonly TimedEvent[], day: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.sortDay ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The event before (`-1`) or after (`+1`) `current` in time order; from nothing, the first event at or after `day`. */
export function neighbourEvent(
  events: readonly TimedEvent[],
  current: TimedEvent | null,
  step: -1 | 1,
  day: number,
): TimedEvent | null {
  if (events.length === 0) return null;
  if (current) {
    const at = events.indexOf(current);
    if (at >= 0) return events[Math.min(events.length - 1, Math.max(0, at + step))] ?? null;
  }
  const i = lowerBound(events, day);
  return events[step === 1 ? Math.min(i, events.length - 1) : Math.max(0, Math.min(i, events.length) - 1)] ?? null;
}
