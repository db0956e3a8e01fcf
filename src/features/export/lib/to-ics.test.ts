import { expect, test } from 'vitest';
import { escapeText, foldLine, toIcs } from './to-ics.ts';
import { ARTICLES, EVENTS, EXTRAS } from './fixtures.test-data.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

test('TEXT values escape backslash, semicolon, comma and newlines', () => {
  expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
});

test('a short line is not folded', () => {
  expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
});

test('a long line is folded into lines of at most 75 octets, continuations starting with a space', () => {
  const line = `DESCRIPTION:${'x'.repeat(200)}`;
  const folded = foldLine(line);
  const parts = folded.split('\r\n');
  expect(parts.length).toBeGreaterThan(2);
  expect(parts.every((p) => octets(p) <= 75)).toBe(true);
  expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  expect(folded.replace(/\r\n /g, '')).toBe(line);
});

test('folding never splits a multi-byte character', () => {
  const line = `SUMMARY:${'é€😀'.repeat(40)}`;
  const parts = foldLine(line).split('\r\n');
  expect(parts.every((p) => octets(p) <= 75)).toBe(true);
  expect(parts.every((p) => !p.includes('\uFFFD'))).toBe(true);
  expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
});

test('the calendar has CRLF line ends, one all-day VEVENT per dated event, and no line over 75 octets', () => {
  const ics = toIcs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
  expect(ics.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
  expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
});

test('a day ends the next day (exclusive DTEND); a month and a range end the day after their last', () => {
  const lines = unfold(toIcs({ events: EVENTS, articles: ARTICLES }));
  const block = (uid: string) => {
    const at = lines.indexOf(`UID:${uid}@dateline`);
    return lines.slice(at, lines.indexOf('END:VEVENT', at));
  };
  expect(block('e-day')).toContain('DTSTART;VALUE=DATE:20211120');
  expect(block('e-day')).toContain('DTEND;VALUE=DATE:20211121');
  expect(block('e-month')).toContain('DTSTART;VALUE=DATE:20210401');
  expect(block('e-month')).toContain('DTEND;VALUE=DATE:20210501');
  expect(block('e-range')).toContain('DTEND;VALUE=DATE:20211121');
  expect(block('e-before')).toContain('DTSTART;VALUE=DATE:20151231');
  expect(block('e-before')).toContain('DTEND;VALUE=DATE:20160101');
  expect(lines.some((l) => l.startsWith('UID:e-undated'))).toBe(false);
});

test('DTSTAMP comes from the latest publication date, so the same view exports the same bytes', () => {
  const a = toIcs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  expect(a).toBe(toIcs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS }));
  expect(unfold(a).filter((l) => l.startsWith('DTSTAMP:')).every((l) => l === 'DTSTAMP:20211201T000000Z')).toBe(true);
  const onlyFirst = toIcs({ events: EVENTS.slice(0, 1), articles: ARTICLES });
  expect(onlyFirst).toContain('DTSTAMP:20211120T000000Z');
});

test('summary and description are escaped text; URL is written only for an http(s) article', () => {
  const lines = unfold(toIcs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS }));
  expect(lines).toContain('SUMMARY:Blinken spoke\\, in Riga\\; then left');
  expect(lines).toContain(
    'DESCRIPTION:“Blinken said\\, "We have real concerns".\\nHe left.”\\nDate: 20 Nov 2021\\nhttps://example.com/2021/11/20/blinken\\nhttps://nytimes.com/2021/11/19/x.html\\nftp://nope',
  );
  expect(lines).toContain('URL:https://example.com/2021/11/20/blinken');
  expect(lines.some((l) => l.startsWith('URL:javascript'))).toBe(false);
});

test('an empty view is a valid empty calendar', () => {
  const ics = toIcs({ events: [], articles: [] });
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.match(/BEGIN:VEVENT/g)).toBeNull();
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
});
