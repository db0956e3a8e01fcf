import { expect, test } from 'vitest';
import type { DatasetIndex, EventSummary } from '../pipeline/schema.ts';
import { buildDataset, lowerBound, neighbourEvent } from './dataset.ts';

function ev(id: string, start: string | null, end: string | null, aliases: string[] = []): EventSummary {
  return { id, label: id, start, end, precision: 'day', articleId: 'a', articleIds: ['a'], approximate: false, kind: 'mention', aliases };
}
const index: DatasetIndex = {
  schemaVersion: 1,
  articles: [{ id: 'a', title: 'A', url: 'https://x.org/a', publishedOn: '2021-11-20', source: 'x.org', eventCount: 4 }],
  events: [ev('c', '2021-11-20', '2021-11-20'), ev('none', null, null), ev('a', null, '2015-01-01'), ev('b', '2014-01-01', null, ['b-old'])],
};

test('events sort in time (open starts by their end), then by id; undated last', () => {
  const d = buildDataset(index);
  expect(d.events.map((e) => e.id)).toEqual(['b', 'a', 'c', 'none']);
  expect(d.events.map((e) => e.order)).toEqual([0, 1, 2, 3]);
});

test('an alias finds the merged event', () => {
  expect(buildDataset(index).byId.get('b-old')?.id).toBe('b');
});

test('the extent covers every dated end', () => {
  const d = buildDataset(index);
  expect(d.extent).toEqual({ from: d.byId.get('b')?.startDay, to: d.byId.get('c')?.endDay });
});

test('arrow keys walk events in time order and stop at the ends', () => {
  const d = buildDataset(index);
  const [b, a, c] = d.events;
  expect(neighbourEvent(d.events, a ?? null, 1, 0)?.id).toBe('c');
  expect(neighbourEvent(d.events, a ?? null, -1, 0)?.id).toBe('b');
  expect(neighbourEvent(d.events, b ?? null, -1, 0)?.id).toBe('b');
  expect(neighbourEvent(d.events, null, 1, c?.sortDay ?? 0)?.id).toBe('c');
  expect(neighbourEvent(d.events, null, -1, c?.sortDay ?? 0)?.id).toBe('a');
});

test('lowerBound finds the first event at or after a day', () => {
  const d = buildDataset(index);
  expect(lowerBound(d.events, d.byId.get('c')?.sortDay ?? 0)).toBe(2);
  expect(lowerBound(d.events, -1e9)).toBe(0);
});

test('an event is open at the end when the build says so, or when it has a start and no end', () => {
  const d = buildDataset({
    ...index,
    events: [
      { ...ev('s', '2014-01-01', '2021-11-20'), precision: 'year', openEnd: true },
      { ...ev('y', '2014-01-01', '2014-12-31'), precision: 'year', openEnd: false },
      ev('n', '2014-01-01', null),
    ],
  });
  expect(['s', 'y', 'n'].map((id) => d.byId.get(id)?.openEnd)).toEqual([true, false, true]);
});
