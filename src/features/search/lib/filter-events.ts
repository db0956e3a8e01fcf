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
 * The events matching every given criterion: each word of `q` in the label or the excerpts (`excerptsOf`, when the
 * articles are loaded), the article among its articles, the source among its articles' sources, the dates
 * overlapping [from, to].
 */
export function filterEvents(
  events: readonly TimedEvent[],
  f: EventFilter,
  articlesById: ReadonlyMap<string, ArticleSummary>,
  excerptsOf: (e: TimedEvent) => string = () => '',
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
    if (words.length) {
      const hay = normalizeText(`${e.label}\n${excerptsOf(e)}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}
