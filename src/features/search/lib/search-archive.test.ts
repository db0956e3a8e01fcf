import { expect, test } from 'vitest';
import type { SearchShard } from '../../../pipeline/schema.ts';
import { archiveQuery, searchArchive, shardsOf } from './search-archive.ts';

const shards = new Map<string, SearchShard>([
  ['ke', { kestrel: { n: 3, e: [['e-3', 'Kestrel dam inspected', '2021-02-01', '2021'], ['e-2', 'Kestrel vote', '2020-06-01', '2020'], ['e-1', 'Kestrel dam opened', '2019-05-01', '2019']] }, kettle: { n: 1, e: [['e-9', 'Kettle', '2018-01-01', '2018']] } }],
  ['da', { dam: { n: 900, e: [['e-3', 'Kestrel dam inspected', '2021-02-01', '2021'], ['e-1', 'Kestrel dam opened', '2019-05-01', '2019'], ['e-7', 'Other dam', '2019-01-01', '2019']] } }],
]);

test('every word must lead to an event; the latest first; the total is the rarest word’s', () => {
  const q = archiveQuery('dam kestrel ');
  expect(shardsOf(q)).toEqual(['da', 'ke']);
  const r = searchArchive(q, shards);
  expect(r.results.map((p) => p[0])).toEqual(['e-3', 'e-1']);
  expect(r.total).toBe(3);
});

test('the last word is a prefix while it is typed, a whole word after a space', () => {
  expect(searchArchive(archiveQuery('ke'), shards).results.map((p) => p[0])).toEqual(['e-3', 'e-2', 'e-1', 'e-9']);
  expect(searchArchive(archiveQuery('ke '), shards).results).toEqual([]);
  expect(searchArchive(archiveQuery('the '), shards)).toEqual({ results: [], total: 0 });
});

test('a common word, whose list holds only its latest events, still narrows the rarest word by the labels', () => {
  const common = new Map<string, SearchShard>([
    ['ha', { happening: { n: 5000, e: [['e-new', 'Happening late', '2025-01-01', '2025']] } }],
    ['20', { '2003': { n: 2, e: [['e-a', 'Happening 5 of 2003', '2003-06-06', '2003'], ['e-b', 'Vote of 2003', '2003-02-02', '2003']] } }],
  ]);
  expect(searchArchive(archiveQuery('happening 2003'), common).results.map((p) => p[0])).toEqual(['e-a']);
});
