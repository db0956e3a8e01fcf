import { expect, test } from 'vitest';
import type { EventSummary } from '../../../pipeline/schema.ts';
import { buildDataset } from '../../../lib/dataset.ts';
import { filterEvents, searchTextOf, type EventFilter } from './filter-events.ts';

function ev(id: string, label: string, start: string | null, end: string | null, articleId = 'a'): EventSummary {
  return { id, label, start, end, precision: 'day', articleId, articleIds: [articleId], approximate: false, kind: 'mention', aliases: [] };
}
const d = buildDataset({
  schemaVersion: 1,
  articles: [
    { id: 'a', title: 'A', url: 'https://a.org/x', publishedOn: '2021-11-20', source: 'a.org', eventCount: 2 },
    { id: 'b', title: 'B', url: 'https://b.org/x', publishedOn: '2021-11-21', source: 'b.org', eventCount: 1 },
  ],
  events: [
    ev('minsk', 'The Minsk accords were signed', '2015-01-01', '2015-12-31'),
    ev('since', 'Conflict in Ukraine’s east', '2014-01-01', null),
    ev('kyiv', 'Zelenskỳ spoke in Kyiv', '2021-11-20', '2021-11-20', 'b'),
  ],
});
const none: EventFilter = { q: '', article: null, source: null, from: null, to: null };
const ids = (f: Partial<typeof none>, excerpts?: (id: string) => string) =>
  filterEvents(d.events, { ...none, ...f }, d.articlesById, searchTextOf(excerpts ? (e) => excerpts(e.id) : undefined)).map((e) => e.id);

test('every word must appear, case and accents aside', () => {
  expect(ids({ q: 'zelensky KYIV' })).toEqual(['kyiv']);
  expect(ids({ q: 'minsk kyiv' })).toEqual([]);
});

test('search reaches excerpts when they are loaded', () => {
  expect(ids({ q: 'build-up' }, (id) => (id === 'minsk' ? 'a military build-up' : ''))).toEqual(['minsk']);
});

test('filters by article, by source and by overlapping dates', () => {
  expect(ids({ article: 'b' })).toEqual(['kyiv']);
  expect(ids({ source: 'a.org' })).toEqual(['since', 'minsk']);
  expect(ids({ from: '2016-01-01', to: '2016-12-31' })).toEqual(['since']);
  expect(ids({ from: '2021-11-20' })).toEqual(['since', 'kyiv']);
});

test('no criterion returns the same array', () => {
  expect(filterEvents(d.events, none, d.articlesById)).toBe(d.events);
});

test('events an archive search found match its query; the other criteria still apply to them', () => {
  const found = new Set(['since', 'kyiv']);
  const with_ = (f: Partial<typeof none>) => filterEvents(d.events, { ...none, ...f }, d.articlesById, searchTextOf(), found).map((e) => e.id);
  expect(with_({ q: 'pipeline' })).toEqual(['since', 'kyiv']);
  expect(with_({ q: 'minsk' })).toEqual(['since', 'minsk', 'kyiv']);
  expect(with_({ q: 'pipeline', source: 'b.org' })).toEqual(['kyiv']);
});
