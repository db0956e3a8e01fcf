import { expect, test } from 'vitest';
import { searchShard, type ArticleSummary, type EventRow } from './schema.ts';
import { SEARCH_POSTINGS, searchShardFiles, searchShardOf, wordsOf, type RowExcerpts } from './search-shards.ts';
import { tileSpans } from './tiles.ts';

const articles: ArticleSummary[] = [
  { id: 'a-1', title: 'Floods in the Kestrel valley', url: 'https://river.example/1', publishedOn: '2021-01-01', source: 'river.example', eventCount: 1 },
  { id: 'a-2', title: 'Budget talks', url: 'https://capital.example/2', publishedOn: '2021-01-01', source: 'capital.example', eventCount: 1 },
];

function row(id: string, label: string, day: string, article: number): EventRow {
  return [id, label, day, day, 'day', 0, [article], []];
}

function shards(rows: EventRow[], excerpts?: RowExcerpts) {
  return new Map([...searchShardFiles(articles, rows, tileSpans(rows, 2), excerpts)].map((f) => [f.path, searchShard.parse(JSON.parse(f.content))]));
}

test('words are lower-cased letters and digits of two characters or more, without stop words; accents kept', () => {
  expect(wordsOf('The Mayor of Zürich said: 3 bridges, in 2019 (U.S.)')).toEqual(['mayor', 'zürich', 'bridges', '2019']);
  expect(searchShardOf('zürich')).toBe('z_');
  expect(searchShardOf('ok')).toBe('ok');
});

test('a word leads to its events with what a result shows, from the label, the article title and the source', () => {
  const rows = [row('e-1', 'Dam opened at Harrow', '2020-05-01', 0), row('e-2', 'Council voted the budget', '2020-06-01', 1), row('e-3', 'Harrow dam inspected', '2021-02-01', 1)];
  const found = shards(rows);
  expect(found.get('search/ha.json')?.['harrow']).toEqual({ n: 2, e: [['e-3', 'Harrow dam inspected', '2021-02-01', '2021'], ['e-1', 'Dam opened at Harrow', '2020-05-01', '2020']] });
  // "kestrel" is only in the title of article 1; "capital" only in the source of article 2.
  expect(found.get('search/ke.json')?.['kestrel']?.e.map((p) => p[0])).toEqual(['e-1']);
  expect(found.get('search/ca.json')?.['capital']?.e.map((p) => p[0])).toEqual(['e-3', 'e-2']);
  expect(found.get('search/th.json')?.['the']).toBeUndefined();
});

test('a word in more events than are kept keeps the latest and says how many it has', () => {
  const rows = Array.from({ length: SEARCH_POSTINGS + 7 }, (_, i) => row(`e-${String(i).padStart(3, '0')}`, `Quarry report ${i}`, `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`, 0));
  rows.sort((a, b) => (a[2] as string).localeCompare(b[2] as string) || a[0].localeCompare(b[0]));
  const entry = shards(rows).get('search/qu.json')?.['quarry'];
  expect(entry?.n).toBe(SEARCH_POSTINGS + 7);
  expect(entry?.e).toHaveLength(SEARCH_POSTINGS);
  expect(entry?.e[0]?.[0]).toBe(rows[rows.length - 1]?.[0]);
});

test('the words of an event’s excerpts lead to it, once however many of its excerpts have them', () => {
  const rows = [row('e-1', 'Dam opened', '2020-05-01', 0), row('e-2', 'Council voted', '2020-06-01', 1), row('e-3', 'Talks resumed', '2021-02-01', 1)];
  const told: string[][] = [
    ['The sluice gates of the Marrow dam were opened at dawn.'],
    [],
    ['Ministers met the Marrow delegation again.', 'The delegation from Marrow returned to the table; the sluice question stayed open.'],
  ];
  const found = shards(rows, (i) => told[i] ?? []);
  expect(found.get('search/ma.json')?.['marrow']).toEqual({ n: 2, e: [['e-3', 'Talks resumed', '2021-02-01', '2021'], ['e-1', 'Dam opened', '2020-05-01', '2020']] });
  expect(found.get('search/sl.json')?.['sluice']?.e.map((p) => p[0])).toEqual(['e-3', 'e-1']);
  expect(found.get('search/de.json')?.['delegation']?.n).toBe(1);
  // Long numbers of excerpts (amounts) are left out; years and short numbers stay.
  const counted = shards([row('e-9', 'Census of 2021', '2021-05-01', 0)], () => ['In 2021, 1,204 households and 209676 residents: 48 wards.']);
  expect(Object.keys(counted.get('search/20.json') ?? {}).sort()).toEqual(['2021', '204']);
  expect(counted.get('search/48.json')?.['48']?.n).toBe(1);
  // Without excerpts, only labels, titles and sources.
  expect(shards(rows).get('search/ma.json')?.['marrow']).toBeUndefined();
});
