/**
 * Knight Lab's TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): a title slide and one slide
 * per dated event. TimelineJS reads `headline` and `text` as HTML, so every piece of article text is escaped here
 * and only http(s) URLs become links (rel="noopener noreferrer"). A date that is exactly one day, month or year is
 * written at that precision; anything else as a start and end day. Undated events have no place and are left out.
 */
import { parseDay } from '../../../lib/calendar-date.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import type { ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';
import { articleMap, articlesOf, isHttpUrl, sourceUrlsOf, type EventExtras, type ExportInput } from './export-input.ts';

export type TlDate = { year: number; month?: number; day?: number; display_text?: string };

export type TlSlide = {
  unique_id?: string;
  start_date?: TlDate;
  end_date?: TlDate;
  display_date?: string;
  text: { headline: string; text: string };
  group?: string;
};

export type TimelineJsData = { title: TlSlide; events: TlSlide[] };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function link(url: string, text: string): string {
  return isHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** The start and end of an interval for TimelineJS, at the coarsest precision that says it exactly. */
export function timelineDates(start: string, end: string): { start_date: TlDate; end_date?: TlDate } {
  const s = parseDay(start);
  const e = parseDay(end);
  if (!s || !e) throw new Error(`Not calendar days: ${start}, ${end}`);
  if (start === end) return { start_date: { year: s.year, month: s.month, day: s.day } };
  const wholeMonths = s.day === 1 && e.day === daysInMonth(e.year, e.month);
  if (wholeMonths && s.month === 1 && e.month === 12) {
    return s.year === e.year ? { start_date: { year: s.year } } : { start_date: { year: s.year }, end_date: { year: e.year } };
  }
  if (wholeMonths) {
    return s.year === e.year && s.month === e.month
      ? { start_date: { year: s.year, month: s.month } }
      : { start_date: { year: s.year, month: s.month }, end_date: { year: e.year, month: e.month } };
  }
  return { start_date: { year: s.year, month: s.month, day: s.day }, end_date: { year: e.year, month: e.month, day: e.day } };
}

/** An open side ("by 2015", "since 2014") is drawn as the unit of its precision that holds the known day. */
function slideDates(e: EventSummary): ReturnType<typeof timelineDates> | null {
  if (e.start !== null && e.end !== null) return timelineDates(e.start, e.end);
  const known = e.start ?? e.end;
  const d = known === null ? null : parseDay(known);
  if (!d || known === null) return null;
  if (e.precision === 'year') return { start_date: { year: d.year } };
  if (e.precision === 'month') return { start_date: { year: d.year, month: d.month } };
  return timelineDates(known, known);
}

function slideText(e: EventSummary, articles: ReadonlyMap<string, ArticleSummary>, x: EventExtras | undefined): string {
  const parts: string[] = [];
  if (x?.excerpt) parts.push(`<blockquote>${escapeHtml(x.excerpt)}</blockquote>`);
  const refs = e.articleIds
    .map((id) => articles.get(id))
    .filter((a) => a !== undefined)
    .map((a) => `${link(a.url, a.title)} <small>(${escapeHtml(a.source)}, ${escapeHtml(a.publishedOn)})</small>`);
  if (refs.length) parts.push(`<p>${refs.join('<br>')}</p>`);
  const cited = sourceUrlsOf(e, articles, x).filter((u) => !e.articleIds.some((id) => articles.get(id)?.url === u));
  if (cited.length) parts.push(`<p>Cited: ${cited.map((u) => link(u, u)).join(', ')}</p>`);
  return parts.join('');
}

export function toTimelineJs({ events, articles, extras }: ExportInput, title = 'Dateline'): TimelineJsData {
  const byId = articleMap(articles);
  const slides: TlSlide[] = [];
  for (const e of events) {
    const dates = slideDates(e);
    if (!dates) continue;
    slides.push({
      unique_id: e.id,
      ...dates,
      display_date: formatInterval(e, { approximateMark: true }),
      text: { headline: escapeHtml(e.label), text: slideText(e, byId, extras?.get(e.id)) },
      group: byId.get(e.articleId)?.source ?? '',
    });
  }
  const used = articlesOf(events, byId);
  const summary = `${slides.length} ${slides.length === 1 ? 'event' : 'events'} from ${used.length} ${used.length === 1 ? 'article' : 'articles'}, exported from Dateline.`;
  return { title: { text: { headline: escapeHtml(title), text: `<p>${escapeHtml(summary)}</p>` } }, events: slides };
}
