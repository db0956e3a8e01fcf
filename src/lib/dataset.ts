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

export function compareEvents(a: TimedEvent, b: TimedEvent): number {
  return a.sortDay - b.sortDay || (a.endDay ?? Infinity) - (b.endDay ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildDataset(index: DatasetIndex): Dataset {
  const articlesById = new Map(index.articles.map((a) => [a.id, a]));
  const timed: TimedEvent[] = index.events.map((e) => {
    const startDay = e.start === null ? null : dayNumber(e.start);
    const endDay = e.end === null ? null : dayNumber(e.end);
    const openEnd = e.openEnd === true || (e.end === null && e.start !== null);
    return { ...e, startDay, endDay, sortDay: startDay ?? endDay ?? Infinity, order: 0, openEnd };
  });
  timed.sort((a, b) => (a.sortDay === b.sortDay && a.sortDay === Infinity ? (a.id < b.id ? -1 : 1) : compareEvents(a, b)));
  const byId = new Map<string, TimedEvent>();
  let from = Infinity;
  let to = -Infinity;
  timed.forEach((e, i) => {
    e.order = i;
    byId.set(e.id, e);
    if (e.startDay !== null) from = Math.min(from, e.startDay);
    if (e.endDay !== null) to = Math.max(to, e.endDay);
    if (e.startDay !== null) to = Math.max(to, e.startDay);
    if (e.endDay !== null) from = Math.min(from, e.endDay);
  });
  for (const e of timed) for (const alias of e.aliases) if (!byId.has(alias)) byId.set(alias, e);
  const sources = [...new Set(index.articles.map((a) => a.source))].sort();
  return { articles: index.articles, articlesById, events: timed, byId, sources, extent: from <= to ? { from, to } : null };
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
