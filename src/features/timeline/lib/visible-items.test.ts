import { expect, test } from 'vitest';
import type { EventSummary } from '../../../pipeline/schema.ts';
import { dayNumber, isoFromNumber } from '../../../lib/calendar-date.ts';
import { buildDataset } from '../../../lib/dataset.ts';
import { ALL_LANES, bucketOf, bucketUnitFor, countInRange, eventsInRange, monthBuckets, mostToldOf, prepareEvents, visibleItems } from './visible-items.ts';

function ev(id: string, start: string | null, end: string | null): EventSummary {
  return { id, label: id, start, end, precision: 'day', articleId: 'a', articleIds: ['a'], approximate: false, kind: 'mention', aliases: [] };
}
function dataset(events: EventSummary[]) {
  return buildDataset({ schemaVersion: 1, articles: [], events });
}

test('a window holds the events touching it, long and open ones included', () => {
  const d = dataset([
    ev('before', '2020-01-01', '2020-01-01'),
    ev('in', '2021-11-12', '2021-11-12'),
    ev('month', '2021-10-01', '2021-10-31'),
    ev('since-2014', '2014-01-01', null),
    ev('by-2015', null, '2015-12-31'),
    ev('decade', '2010-01-01', '2029-12-31'),
    ev('after', '2022-03-01', '2022-03-01'),
  ]);
  const p = prepareEvents(d.events);
  const ids = eventsInRange(p, dayNumber('2021-10-15'), dayNumber('2021-11-30')).map((e) => e.id).sort();
  expect(ids).toEqual(['decade', 'in', 'month', 'since-2014']);
  expect(countInRange(p, dayNumber('2021-10-15'), dayNumber('2021-11-30'))).toBe(4);
});

test('too many events in a window become aggregates that count every one of them', () => {
  const base = dayNumber('2021-01-01');
  const events = Array.from({ length: 5000 }, (_, i) => {
    const day = isoFromNumber(base + (i % 365));
    return ev(`e${i}`, day, day);
  });
  const p = prepareEvents(dataset(events).events);
  const v = visibleItems(p, base, base + 365, { limit: 300 });
  expect(v.mode).toBe('aggregate');
  if (v.mode !== 'aggregate') return;
  expect(v.unit).toBe('month');
  expect(v.buckets.length).toBe(12);
  expect(v.buckets.reduce((n, b) => n + b.count, 0)).toBe(5000);
  const few = visibleItems(p, base, base + 2, { limit: 300 });
  expect(few.mode).toBe('events');
});

test('aggregates are per lane', () => {
  const base = dayNumber('2021-01-01');
  const events = Array.from({ length: 40 }, (_, i) => ({ ...ev(`e${i}`, isoFromNumber(base), isoFromNumber(base)), articleId: i % 2 ? 'x' : 'y' }));
  const p = prepareEvents(dataset(events).events, (e) => e.articleId);
  const v = visibleItems(p, base - 10, base + 10, { limit: 10 });
  expect(v.mode === 'aggregate' && v.buckets.map((b) => [b.group, b.count]).sort()).toEqual([
    ['x', 20],
    ['y', 20],
  ]);
});

test('periods: weeks start on Monday, months and decades on their first day', () => {
  const wed = dayNumber('2021-11-17');
  expect(isoFromNumber(bucketOf(wed, 'week').fromDay)).toBe('2021-11-15');
  expect(isoFromNumber(bucketOf(wed, 'month').fromDay)).toBe('2021-11-01');
  expect(isoFromNumber(bucketOf(wed, 'month').toDay)).toBe('2021-12-01');
  expect(isoFromNumber(bucketOf(wed, 'decade').fromDay)).toBe('2020-01-01');
  expect(bucketUnitFor(30)).toBe('day');
  expect(bucketUnitFor(365 * 3)).toBe('month');
  expect(bucketUnitFor(365 * 30)).toBe('year');
});

test('50 000 events are windowed in a few milliseconds', () => {
  const base = dayNumber('1990-01-01');
  const events = Array.from({ length: 50_000 }, (_, i) => {
    const day = isoFromNumber(base + ((i * 7919) % 12000));
    return ev(`e${i}`, day, day);
  });
  const p = prepareEvents(dataset(events).events);
  visibleItems(p, base, base + 12000, { limit: 300 });
  // Best of three, so a busy machine does not fail the test; the budget is a frame or two, not a benchmark.
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    visibleItems(p, base, base + 12000, { limit: 300 });
    visibleItems(p, base + 5000, base + 5030, { limit: 300 });
    return performance.now() - t;
  });
  expect(Math.min(...times)).toBeLessThan(100);
});

test('aggregates over more lanes than maxLanes are counted together in one lane', () => {
  const base = dayNumber('2021-01-01');
  const events = Array.from({ length: 60 }, (_, i) => ({ ...ev(`e${i}`, isoFromNumber(base + i), isoFromNumber(base + i)), articleId: `a${i % 30}` }));
  const p = prepareEvents(dataset(events).events, (e) => e.articleId);
  const many = visibleItems(p, base - 10, base + 70, { limit: 10, maxLanes: 20 });
  expect(many.mode === 'aggregate' && new Set(many.buckets.map((b) => b.group))).toEqual(new Set([ALL_LANES]));
  expect(many.mode === 'aggregate' && many.buckets.reduce((n, b) => n + b.count, 0)).toBe(60);
  // Only the lanes with events in the range count: a window over the first ten days has ten lanes.
  const few = visibleItems(p, base, base + 9, { limit: 5, maxLanes: 20 });
  expect(few.mode === 'aggregate' && new Set(few.buckets.map((b) => b.group)).size).toBe(10);
});

test('counts from per-month totals: by month zoomed in, summed into years zoomed out, only within the range', () => {
  const months = [['2019-12', 4], ['2020-01', 3], ['2020-02', 2], ['2023-05', 7]].map(([m, n]) => [dayNumber(`${m as string}-01`), n as number] as const);
  const near = monthBuckets(months, dayNumber('2020-01-05'), dayNumber('2020-02-20'));
  expect(near.map((b) => [b.unit, isoFromNumber(b.fromDay), b.count])).toEqual([
    ['month', '2020-01-01', 3],
    ['month', '2020-02-01', 2],
  ]);
  const far = monthBuckets(months, dayNumber('2015-01-01'), dayNumber('2024-12-31'));
  expect(far.map((b) => [b.unit, isoFromNumber(b.fromDay), b.count, b.group])).toEqual([
    ['year', '2019-01-01', 4, ALL_LANES],
    ['year', '2020-01-01', 5, ALL_LANES],
    ['year', '2023-01-01', 7, ALL_LANES],
  ]);
});

/** An event told by `tellers` articles (a0, a1, …). */
function told(id: string, day: string, tellers: number, lane = 'a0'): EventSummary {
  const articleIds = [lane, ...Array.from({ length: tellers - 1 }, (_, k) => `t${k}`)];
  return { ...ev(id, day, day), articleId: lane, articleIds };
}

test('the most-told: by how many articles tell them, then the latest, then by id, whatever the order they come in', () => {
  const d = dataset([
    told('one-early', '2021-03-01', 1),
    told('three', '2021-03-02', 3),
    told('one-late', '2021-03-09', 1),
    told('two-b', '2021-03-05', 2),
    told('two-a', '2021-03-05', 2),
    told('one-mid', '2021-03-04', 1),
  ]);
  expect(mostToldOf(d.events, 4).map((e) => e.id)).toEqual(['three', 'two-a', 'two-b', 'one-late']);
  expect(mostToldOf([...d.events].reverse(), 4).map((e) => e.id)).toEqual(['three', 'two-a', 'two-b', 'one-late']);
  expect(mostToldOf(d.events, 0)).toEqual([]);
  expect(mostToldOf(d.events, 10)).toHaveLength(6);
});

test('most-told first: a crowded day draws its most-told events and counts only the rest, per lane', () => {
  const day = dayNumber('2024-01-31');
  const events: EventSummary[] = [];
  // 900 events on one day in two sources; 5 of them told by several articles.
  for (let i = 0; i < 900; i++) events.push(told(`e${String(i).padStart(3, '0')}`, '2024-01-31', i % 180 === 7 ? 4 : 1, i % 2 ? 'x' : 'y'));
  const p = prepareEvents(dataset(events).events, (e) => e.articleId);
  const v = visibleItems(p, day - 1, day + 1, { limit: 300, mostTold: 40 });
  expect(v.mode).toBe('most-told');
  if (v.mode !== 'most-told') return;
  expect(v.events).toHaveLength(40);
  // The five told by four articles first, then the rest by id (all on one day).
  expect(v.events.slice(0, 5).every((e) => e.articleIds.length === 4)).toBe(true);
  expect(v.events.slice(5).every((e) => e.articleIds.length === 1)).toBe(true);
  // Every event is drawn or counted, once; the counts say they are the rest, in the lanes of their events.
  expect(v.buckets.reduce((n, b) => n + b.count, 0) + v.events.length).toBe(900);
  expect(v.buckets.every((b) => b.more === true)).toBe(true);
  const drawnIn = (lane: string) => v.events.filter((e) => e.articleId === lane).length;
  expect(v.buckets.find((b) => b.group === 'x')?.count).toBe(450 - drawnIn('x'));
  // Without most-told, the same window is counts only.
  expect(visibleItems(p, day - 1, day + 1, { limit: 300 }).mode).toBe('aggregate');
});

test('most-told over many lanes: the rest counted in the shared lane, each drawn event taken off its own period', () => {
  const base = dayNumber('2021-01-01');
  const events = Array.from({ length: 600 }, (_, i) => told(`e${String(i).padStart(3, '0')}`, isoFromNumber(base + (i % 60)), i < 3 ? 2 : 1, `a${i % 30}`));
  const p = prepareEvents(dataset(events).events, (e) => e.articleId);
  const v = visibleItems(p, base, base + 59, { limit: 100, maxLanes: 20, mostTold: 10 });
  if (v.mode !== 'most-told') throw new Error(`mode ${v.mode}`);
  expect(new Set(v.buckets.map((b) => b.group))).toEqual(new Set([ALL_LANES]));
  expect(v.buckets.reduce((n, b) => n + b.count, 0)).toBe(590);
  // Counted by week: the first week (Friday 1 January to Sunday) holds 30 events, three of them told twice and drawn.
  expect(v.unit).toBe('week');
  expect(v.events.slice(0, 3).map((e) => e.id)).toEqual(['e002', 'e001', 'e000']);
  expect(v.buckets.find((b) => b.fromDay <= base && base < b.toDay)?.count).toBe(27);
});
