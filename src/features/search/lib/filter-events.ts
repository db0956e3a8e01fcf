/** Search and filters over the time-sorted events; the result keeps the time order. */
import type { ArticleSummary } from '../../../pipeline/schema.ts';
import { dayNumber } from '../../../lib/calendar-date.ts';
import type { TimedEvent } from '../../../lib/dataset.ts';

export type EventFilter = {
  q: string;
  article: string | null;
  source: string | null;
  /** Inclusive calendar days. */
  from: string | null;
  to: string | null;
};

/** Lower case, accents dropped: "Kyiv" finds "kyiv", "Zelensky" finds "Zelenskỳ". */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isFilterActive(f: EventFilter): boolean {
  return f.q.trim() !== '' || f.article !== null || f.source !== null || f.from !== null || f.to !== null;
}

/**
 * The normalized text to search in for each event: its label and (`excerptsOf`, once loaded) its excerpts. Each is
 * normalized once and kept, so typing does not normalize every event's text again.
 */
export function searchTextOf(excerptsOf: (e: TimedEvent) => string = () => ''): (e: TimedEvent) => string {
  const cache = new Map<string, string>();
  return (e) => {
    let text = cache.get(e.id);
    if (text === undefined) {
      const excerpts = excerptsOf(e);
      text = normalizeText(excerpts ? `${e.label}\n${excerpts}` : e.label);
      cache.set(e.id, text);
    }
    return text;
  };
}

/**
 * The events matching every given criterion: each word of `q` in the label or the excerpts (`textOf`: normalized
 * text, see `searchTextOf`) — or the event among those a search of the archive found for `q` (`found`: by words of
 * excerpts the screen has not loaded) —, the article among its articles, the source among its articles' sources,
 * the dates overlapping [from, to].
 */
export function filterEvents(
  events: readonly TimedEvent[],
  f: EventFilter,
  articlesById: ReadonlyMap<string, ArticleSummary>,
  textOf: (e: TimedEvent) => string = searchTextOf(),
  found: ReadonlySet<string> = new Set(),
): readonly TimedEvent[] {
  if (!isFilterActive(f)) return events;
  const words = normalizeText(f.q).split(/\s+/).filter(Boolean);
  const from = f.from ? dayNumber(f.from) : -Infinity;
  const to = f.to ? dayNumber(f.to) : Infinity;
  return events.filter((e) => {
    if (f.article && !e.articleIds.includes(f.article)) return false;
    if (f.source && !e.articleIds.some((id) => articlesById.get(id)?.source === f.source)) return false;
    if (f.from || f.to) {
      if (e.sortDay === Infinity) return false;
      if ((e.startDay ?? -Infinity) > to || (e.endDay ?? Infinity) < from) return false;
    }
    if (words.length && !found.has(e.id)) {
      const hay = textOf(e);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}
