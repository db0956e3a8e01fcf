/**
 * Everything a reader can share lives in the query string of the one index.html, so links work on any static host,
 * under any sub-path and on reload:
 *   ?event=<id>&q=…&article=…&source=…&from=YYYY-MM-DD&to=YYYY-MM-DD&lanes=article|source&win=<start>~<end>&read=<articleId>
 * (`lanes` only once the reader has chosen: without it, the dataset's default, features/timeline/lib/archive-view.ts).
 * Selection changes push a history entry (Back/Forward walk selections); window, search and filter changes replace it.
 */
import { parseDay } from '../lib/calendar-date.ts';

export type Lanes = 'article' | 'source';

export type UrlState = {
  event: string | null;
  q: string;
  article: string | null;
  source: string | null;
  from: string | null;
  to: string | null;
  /** The reader's choice of lanes; null: the dataset's default (by article for a story, by source for an archive). */
  lanes: Lanes | null;
  /** The timeline window as local date-times `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  win: { start: string; end: string } | null;
  /** The article open in the reader. */
  read: string | null;
};

export const EMPTY_URL_STATE: UrlState = {
  event: null,
  q: '',
  article: null,
  source: null,
  from: null,
  to: null,
  lanes: null,
  win: null,
  read: null,
};

const WIN_PART = /^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

function day(value: string | null): string | null {
  return value !== null && parseDay(value) ? value : null;
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const winParts = (p.get('win') ?? '').split('~');
  const [ws, we] = winParts;
  const win =
    winParts.length === 2 && ws !== undefined && we !== undefined && WIN_PART.test(ws) && WIN_PART.test(we) && ws < we
      ? { start: ws, end: we }
      : null;
  return {
    event: nonEmpty(p.get('event')),
    q: p.get('q') ?? '',
    article: nonEmpty(p.get('article')),
    source: nonEmpty(p.get('source')),
    from: day(p.get('from')),
    to: day(p.get('to')),
    lanes: p.get('lanes') === 'source' ? 'source' : p.get('lanes') === 'article' ? 'article' : null,
    win,
    read: nonEmpty(p.get('read')),
  };
}

/** The query string (with "?", or "" when nothing is set), parameters in a fixed order, defaults left out. */
export function serializeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.event) p.set('event', s.event);
  if (s.q) p.set('q', s.q);
  if (s.article) p.set('article', s.article);
  if (s.source) p.set('source', s.source);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.lanes) p.set('lanes', s.lanes);
  if (s.read) p.set('read', s.read);
  if (s.win) p.set('win', `${s.win.start}~${s.win.end}`);
  const text = p.toString().replace(/%7E/gi, '~').replace(/%3A/gi, ':');
  return text ? `?${text}` : '';
}

/** The shareable link of one event: this page, with only `event` set. */
export function eventLink(href: string, eventId: string): string {
  const url = new URL(href);
  url.search = serializeUrlState({ ...EMPTY_URL_STATE, event: eventId });
  url.hash = '';
  return url.href;
}
