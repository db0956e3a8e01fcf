import { expect, test } from 'vitest';
import { escapeHtml, timelineDates, toTimelineJs } from './to-timelinejs.ts';
import { ARTICLES, EVENTS, EXTRAS } from './fixtures.test-data.ts';

test('a single day is written as year, month and day without an end', () => {
  expect(timelineDates('2021-11-20', '2021-11-20')).toEqual({ start_date: { year: 2021, month: 11, day: 20 } });
});

test('a whole month is written as a month, a whole year as a year', () => {
  expect(timelineDates('2021-04-01', '2021-04-30')).toEqual({ start_date: { year: 2021, month: 4 } });
  expect(timelineDates('2024-02-01', '2024-02-29')).toEqual({ start_date: { year: 2024, month: 2 } });
  expect(timelineDates('2015-01-01', '2015-12-31')).toEqual({ start_date: { year: 2015 } });
  expect(timelineDates('2014-01-01', '2016-12-31')).toEqual({ start_date: { year: 2014 }, end_date: { year: 2016 } });
});

test('any other range is written as a start day and an end day', () => {
  expect(timelineDates('2014-01-01', '2021-11-20')).toEqual({
    start_date: { year: 2014, month: 1, day: 1 },
    end_date: { year: 2021, month: 11, day: 20 },
  });
  expect(timelineDates('2023-02-01', '2023-02-28')).toEqual({ start_date: { year: 2023, month: 2 } });
  expect(timelineDates('2024-02-01', '2024-02-28').end_date).toEqual({ year: 2024, month: 2, day: 28 });
});

test('one slide per dated event with its id, in the given order; undated events are left out', () => {
  const data = toTimelineJs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  expect(data.events.map((s) => s.unique_id)).toEqual(['e-day', 'e-month', 'e-range', 'e-before']);
  expect(data.events[3]?.start_date).toEqual({ year: 2015 });
  expect(data.title.text.text).toBe('<p>4 events from 2 articles, exported from Dateline.</p>');
});

test('article text is escaped HTML: no tag from an article ever reaches TimelineJS', () => {
  const data = toTimelineJs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  const month = data.events[1];
  expect(month?.text.headline).toBe('&lt;b&gt;Build-up&lt;/b&gt; reported');
  expect(month?.text.text).toContain('In April &lt;script&gt;alert(1)&lt;/script&gt; a build-up');
  expect(JSON.stringify(data)).not.toMatch(/<script|<b>/);
});

test('only http(s) URLs become links, with rel="noopener noreferrer"', () => {
  const data = toTimelineJs({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  const day = data.events[0]?.text.text ?? '';
  expect(day).toContain('<a href="https://example.com/2021/11/20/blinken" target="_blank" rel="noopener noreferrer">Blinken, &quot;concerns&quot;; allies</a>');
  expect(day).toContain('<a href="https://nytimes.com/2021/11/19/x.html"');
  expect(day).toContain('ftp://nope');
  expect(day).not.toContain('href="ftp');
  const month = data.events[1]?.text.text ?? '';
  expect(month).not.toContain('javascript:');
  expect(month).toContain('=HYPERLINK(&quot;http://evil&quot;)');
});

test('escapeHtml escapes the five special characters', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
