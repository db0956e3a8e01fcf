/**
 * iCalendar (RFC 5545): one all-day VEVENT per dated event. Lines end with CRLF and are folded at 75 octets
 * (never inside a UTF-8 sequence); TEXT values escape \ ; , and newlines. DTSTART;VALUE=DATE is the first day and
 * DTEND the day after the last (exclusive). UID is the event id, so a re-import updates instead of duplicating.
 * DTSTAMP comes from the data (the latest publication date among the articles), not the clock: the same view
 * always exports the same bytes. An open side collapses to the known day; undated events, and days outside years
 * 1–9999 (which iCalendar cannot write), are left out.
 */
import { isoFromNumber, dayNumber } from '../../../lib/calendar-date.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import { articleMap, articlesOf, sourceUrlsOf, type ExportInput } from './export-input.ts';

const encoder = new TextEncoder();

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line so no physical line exceeds 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function icsDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || m[1] === '0000') return null;
  return `${m[1]}${m[2]}${m[3]}`;
}

export function toIcs({ events, articles, extras }: ExportInput, calendarName = 'Dateline'): string {
  const byId = articleMap(articles);
  const used = articlesOf(events, byId);
  const latest = used.reduce((max, a) => (a.publishedOn > max ? a.publishedOn : max), '');
  const stamp = `${icsDate(latest) ?? '19700101'}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dateline//Dateline timeline export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const e of events) {
    const first = e.start ?? e.end;
    const last = e.end ?? e.start;
    if (first === null || last === null) continue;
    const start = icsDate(first);
    const endIso = isoFromNumber(dayNumber(last) + 1);
    const end = icsDate(endIso);
    if (start === null || end === null) continue;
    const x = extras?.get(e.id);
    const urls = sourceUrlsOf(e, byId, x);
    const when = formatInterval(e, { approximateMark: true });
    const description = [x?.excerpt ? `“${x.excerpt}”` : null, `Date: ${when}`, ...urls].filter((s) => s !== null).join('\n');
    const own = byId.get(e.articleId);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@dateline`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${escapeText(e.label)}`,
      `DESCRIPTION:${escapeText(description)}`,
    );
    if (own && /^https?:\/\//i.test(own.url)) lines.push(`URL:${own.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
