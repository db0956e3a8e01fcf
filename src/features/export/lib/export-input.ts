/**
 * What every export is made of: the events of the current view (filters applied), the articles they come from, and
 * — when the article details are loaded — each event's excerpt and the URLs it cites. Pure: no DOM, no clock.
 */
import type { ArticleDetail, ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';

/** What an event's article details add to it. */
export type EventExtras = {
  /** The verbatim sentence (or clause) of the article that tells the event. */
  excerpt: string;
  /** URLs the event's excerpts cite, in order, without duplicates. */
  citedUrls: readonly string[];
};

export type ExportInput = {
  events: readonly EventSummary[];
  articles: readonly ArticleSummary[] | ReadonlyMap<string, ArticleSummary>;
  /** By event id; events without an entry are exported with their label only. */
  extras?: ReadonlyMap<string, EventExtras>;
};

export function articleMap(articles: ExportInput['articles']): ReadonlyMap<string, ArticleSummary> {
  return articles instanceof Map ? articles : new Map((articles as readonly ArticleSummary[]).map((a) => [a.id, a]));
}

/** The articles of the events, in the order the events first name them. */
export function articlesOf(events: readonly EventSummary[], articles: ReadonlyMap<string, ArticleSummary>): ArticleSummary[] {
  const seen = new Map<string, ArticleSummary>();
  for (const e of events) {
    for (const id of e.articleIds) {
      const a = articles.get(id);
      if (a && !seen.has(id)) seen.set(id, a);
    }
  }
  return [...seen.values()];
}

/** Excerpts and cited URLs of every event found in the given article details (an event found twice keeps the first). */
export function extrasFromDetails(details: readonly ArticleDetail[]): Map<string, EventExtras> {
  const out = new Map<string, EventExtras>();
  const citationUrls = new Map<string, string>();
  for (const d of details) for (const c of d.article.citations) citationUrls.set(c.id, c.url);
  for (const d of details) {
    for (const e of d.events) {
      if (out.has(e.id)) continue;
      const excerpt = e.excerpts[0]?.text ?? '';
      const citedUrls = [...new Set(e.citationIds.map((id) => citationUrls.get(id)).filter((u): u is string => u !== undefined))];
      const extras = { excerpt, citedUrls };
      out.set(e.id, extras);
      for (const alias of e.aliases) if (!out.has(alias)) out.set(alias, extras);
    }
  }
  return out;
}

/** The URLs an event rests on: its articles' URLs, then the URLs it cites. */
export function sourceUrlsOf(e: EventSummary, articles: ReadonlyMap<string, ArticleSummary>, extras: EventExtras | undefined): string[] {
  const urls = e.articleIds.map((id) => articles.get(id)?.url).filter((u): u is string => u !== undefined);
  return [...new Set([...urls, ...(extras?.citedUrls ?? [])])];
}

/** Only absolute http(s) URLs are ever written as links. */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
