/** A small view for the converters' tests: two articles, a day, a month, a range, an open start and an undated event. */
import type { ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';
import type { EventExtras } from './export-input.ts';

export const ARTICLES: ArticleSummary[] = [
  { id: 'a-1', title: 'Blinken, "concerns"; allies', url: 'https://example.com/2021/11/20/blinken', publishedOn: '2021-11-20', source: 'example.com', eventCount: 3 },
  { id: 'a-2', title: '=HYPERLINK("http://evil")', url: 'javascript:alert(1)', publishedOn: '2021-12-01', source: 'evil.test', eventCount: 2 },
];

const base = { approximate: false, kind: 'mention' as const, aliases: [] };

export const EVENTS: EventSummary[] = [
  { ...base, id: 'e-day', label: 'Blinken spoke, in Riga; then left', start: '2021-11-20', end: '2021-11-20', precision: 'day', articleId: 'a-1', articleIds: ['a-1'], kind: 'publication' },
  { ...base, id: 'e-month', label: '<b>Build-up</b> reported', start: '2021-04-01', end: '2021-04-30', precision: 'month', articleId: 'a-1', articleIds: ['a-1', 'a-2'] },
  { ...base, id: 'e-range', label: 'Conflict since 2014', start: '2014-01-01', end: '2021-11-20', precision: 'year', articleId: 'a-1', articleIds: ['a-1'] },
  { ...base, id: 'e-before', label: '-Minsk accords', start: null, end: '2015-12-31', precision: 'year', articleId: 'a-2', articleIds: ['a-2'], approximate: true },
  { ...base, id: 'e-undated', label: 'Someday', start: null, end: null, precision: 'day', articleId: 'a-2', articleIds: ['a-2'] },
];

export const EXTRAS = new Map<string, EventExtras>([
  ['e-day', { excerpt: 'Blinken said, "We have real concerns".\nHe left.', citedUrls: ['https://nytimes.com/2021/11/19/x.html', 'ftp://nope'] }],
  ['e-month', { excerpt: 'In April <script>alert(1)</script> a build-up', citedUrls: [] }],
]);
