// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { bucketContent, countText } from './timeline-items.ts';

test('counts are written with thousands separators, as English writes them', () => {
  for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_234_567, 49_246]) expect(countText(n)).toBe(n.toLocaleString('en'));
});

test('a period with one event says "1 event", others say how many events', () => {
  const one = bucketContent({ id: 'agg:*:decade:0', group: '*', unit: 'decade', fromDay: 0, toDay: 3652, count: 1 });
  expect(one.textContent).toBe('1 event');
  expect(one.title).toBe('1 event in this decade: click to zoom in');
  const many = bucketContent({ id: 'agg:*:year:0', group: '*', unit: 'year', fromDay: 0, toDay: 365, count: 12_345 });
  expect(many.textContent).toBe('12,345 events');
  expect(many.title).toBe('12,345 events in this year: click to zoom in');
});
