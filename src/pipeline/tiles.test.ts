import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compactIndex, decodeIndex, idShard, overview, type ArticleSummary, type EventRow } from './schema.ts';
import { idShardOf, idWidthFor, tileFiles, tileSpans } from './tiles.ts';

const articles: ArticleSummary[] = ['a', 'b', 'c'].map((id, i) => ({ id: `a-${id}`, title: `T${i}`, url: `https://x${i}.example/`, publishedOn: '2021-01-01', source: `x${i}.example`, eventCount: 1 }));

function row(id: string, start: string | null, end: string | null, positions: number[] = [0], aliases: string[] = []): EventRow {
  return [id, `label ${id}`, start, end, 'day', 0, positions, aliases];
}

/** Rows in index.json's order: undated first, then by sort day and id. */
function sorted(rows: EventRow[]): EventRow[] {
  const key = (r: EventRow) => r[2] ?? r[3] ?? '';
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a[0] < b[0] ? -1 : 1));
}

test('a quiet year is one tile; a full year is cut into months, a full month into days, a full day into parts', () => {
  const rows = sorted([
    row('e-q1', '2019-05-01', '2019-05-01'),
    row('e-q2', '2019-08-01', '2019-08-01'),
    ...['01', '02', '03'].map((d) => row(`e-m${d}`, `2020-03-${d}`, `2020-03-${d}`)),
    row('e-n1', '2020-04-09', '2020-04-09'),
    ...[1, 2, 3, 4, 5].map((k) => row(`e-d${k}`, '2021-06-07', '2021-06-07')),
    row('e-o1', '2021-06-08', '2021-06-08'),
    row('e-u1', null, null),
  ]);
  const names = tileSpans(rows, 3).map((s) => `${s.name}:${s.to - s.from}`);
  expect(names).toEqual(['undated:1', '2019:2', '2020-03:3', '2020-04:1', '2021-06-07:3', '2021-06-07.1:2', '2021-06-08:1']);
});

test('an event open at the start sorts by its end; a change in one year leaves the tiles of the others alone', () => {
  const base = sorted([row('e-a', null, '2018-02-02'), row('e-b', '2019-01-01', '2019-01-01'), row('e-c', '2020-01-01', '2020-01-01')]);
  const files = (rows: EventRow[]) => new Map([...tileFiles(articles, rows, { cap: 2 })].map((f) => [f.path, f.content]));
  const before = files(base);
  expect([...before.keys()].filter((p) => p.startsWith('tiles/'))).toEqual(['tiles/2018.json', 'tiles/2019.json', 'tiles/2020.json']);
  const after = files(sorted([...base, row('e-d', '2019-07-01', '2019-07-01')]));
  const changed = [...after.keys()].filter((p) => after.get(p) !== before.get(p));
  expect(changed.filter((p) => p.startsWith('tiles/'))).toEqual(['tiles/2019.json']);
  expect(changed).toContain('overview.json');
});

test('a tile is a schema-2 index naming only its own articles, decoded to the rows it was cut from', () => {
  const rows = sorted([row('e-a', '2019-01-01', '2019-01-01', [2, 0]), row('e-b', '2020-01-01', '2020-01-02', [1])]);
  const files = new Map([...tileFiles(articles, rows)].map((f) => [f.path, JSON.parse(f.content) as unknown]));
  const tile = decodeIndex(compactIndex.parse(files.get('tiles/2019.json')));
  expect(tile.articles.map((a) => a.id)).toEqual(['a-a', 'a-c']);
  expect(tile.events).toHaveLength(1);
  expect(tile.events[0]).toMatchObject({ id: 'e-a', articleId: 'a-c', articleIds: ['a-c', 'a-a'] });
  const view = overview.parse(files.get('overview.json'));
  expect(view).toMatchObject({ events: 2, articles: 3, index: 'index.json', extent: ['2019-01-01', '2020-01-02'], months: [['2019-01', 1], ['2020-01', 1]], tiles: [['2019', 1], ['2020', 1]] });
  expect(view.sources).toEqual(['x0.example', 'x1.example', 'x2.example']);
});

test('above the whole-index size the overview sends the app to the tiles', () => {
  const rows = sorted([row('e-a', '2019-01-01', '2019-01-01'), row('e-b', '2019-01-02', '2019-01-02')]);
  const view = JSON.parse([...tileFiles(articles, rows, { wholeIndexMax: 1 })][0]?.content ?? '') as unknown;
  expect(overview.parse(view).index).toBeNull();
});

test('every id and alias is found in its shard, pointing at its tile; an own id wins over an alias of the same string', () => {
  const rows = sorted([row('e-a1', '2019-01-01', '2019-01-01', [0], ['e-b7', 'e-a2']), row('e-a2', '2020-01-01', '2020-01-01')]);
  const files = new Map([...tileFiles(articles, rows)].map((f) => [f.path, JSON.parse(f.content) as unknown]));
  const width = overview.parse(files.get('overview.json')).idWidth;
  const lookup = (id: string) => {
    const shard = files.get(`ids/${idShardOf(id, width)}.json`);
    return shard === undefined ? undefined : idShard.parse(shard)[id];
  };
  expect(lookup('e-a1')).toBe('2019');
  expect(lookup('e-b7')).toBe('2019');
  expect(lookup('e-a2')).toBe('2020');
  expect(lookup('e-zz')).toBeUndefined();
});

test('shards are named by the id hash, only from safe characters, and widen with the archive', () => {
  expect(idShardOf('e-4kx09a', 2)).toBe('4k');
  expect(idShardOf('e-Q/', 3)).toBe('q__');
  expect(idShardOf('__proto__', 1)).toBe('_');
  // The shard as the layout defines it (docs/dataset-layout.md), for any string: the app and the build agree.
  const defined = (id: string, width: number) => {
    const hash = id.replace(/^[a-z]+-/, '');
    let s = '';
    for (let i = 0; i < width; i++) {
      const c = hash[i]?.toLowerCase() ?? '_';
      s += /^[0-9a-z]$/.test(c) ? c : '_';
    }
    return s;
  };
  const ids = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('e', 'a', '-', 'Z', '9', '_', 'é', 'K', '/') }), fc.string().map((h) => `e-${h}`));
  fc.assert(fc.property(ids, fc.integer({ min: 1, max: 3 }), (id, width) => idShardOf(id, width) === defined(id, width)));
  expect(idWidthFor(1000)).toBe(1);
  expect(idWidthFor(1_300_000)).toBe(2);
  expect(idWidthFor(13_000_000)).toBe(3);
});
