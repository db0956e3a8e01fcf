import fc from 'fast-check';
import { expect, test } from 'vitest';
import { patchTiles, type TilePatchInput } from './tile-patch.ts';
import { SEARCH_POSTINGS, SEARCH_SLACK, type SearchSlack } from './search-shards.ts';
import type { ArticleSummary, CompactIndex, EventRow, IdShard, Overview, SearchShard } from './schema.ts';
import { compareRows, periodOfKey, tileFiles, yearOfTile, type TileOptions, type TilingState } from './tiles.ts';

const articles: ArticleSummary[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id: `a-${id}`, title: `Title ${id}${i}`, url: `https://x${i}.example/`, publishedOn: '2021-01-01', source: `x${i}.example`, eventCount: 1 }));
const positionOf = (id: string) => articles.findIndex((a) => a.id === id);
const OPTIONS: TileOptions = { cap: 3, wholeIndexMax: 8 };

function filesOf(rows: readonly EventRow[], excerpts: Record<string, string[]> = {}, summaries: readonly ArticleSummary[] = articles, options: TileOptions = OPTIONS): { files: Map<string, string>; slack: Map<string, string>; state: TilingState } {
  const files = new Map<string, string>();
  const slack = new Map<string, string>();
  const sorted = [...rows].sort(compareRows);
  const gen = tileFiles(summaries, sorted, { ...options, excerpts: (i) => excerpts[(sorted[i] as EventRow)[0]] ?? [] });
  for (;;) {
    const next = gen.next();
    if (next.done) return { files, slack, state: next.value };
    files.set(next.value.path, next.value.content);
    if (next.value.slack !== undefined) slack.set(next.value.path, next.value.slack);
  }
}

type Files = ReturnType<typeof filesOf>;

/** The patch of `before` into `after` (rows by id: left out, added or changed), on the files tileFiles made of `before`. */
function patch(before: readonly EventRow[], after: readonly EventRow[], excerpts: { before?: Record<string, string[]>; after?: Record<string, string[]> } = {}, retitled: readonly ArticleSummary[] = articles, withSlack = true) {
  return patchFiles(filesOf(before, excerpts.before), before, after, excerpts, retitled, withSlack);
}

/** The same on the files (and slack) given: tileFiles' or an earlier patch's. */
function patchFiles(old: Files, before: readonly EventRow[], after: readonly EventRow[], excerpts: { before?: Record<string, string[]>; after?: Record<string, string[]> } = {}, retitled: readonly ArticleSummary[] = articles, withSlack = true, options: TileOptions = OPTIONS, read: string[] = []) {
  const changedArticles = new Set(retitled.filter((a, i) => a.title !== articles[i]?.title).map((a) => a.id));
  const json = <T,>(path: string): T | null => {
    const text = old.files.get(path);
    return text === undefined ? null : (JSON.parse(text) as T);
  };
  const was = new Map(before.map((r) => [r[0], JSON.stringify(r)]));
  const now = new Map(after.map((r) => [r[0], JSON.stringify(r)]));
  const leaving = new Set([...was.keys()].filter((id) => now.get(id) !== was.get(id)));
  const entering = after.filter((r) => was.get(r[0]) !== now.get(r[0]));
  const names = (r: EventRow) => r[6].some((p) => changedArticles.has((articles[p] as ArticleSummary).id));
  const periods = new Set([...before.filter((r) => leaving.has(r[0]) || names(r)), ...entering, ...after.filter(names)].map((r) => periodOfKey(r[2] ?? r[3] ?? '')));
  const input: TilePatchInput = {
    overview: json<Overview>('overview.json') as Overview,
    state: old.state,
    articles: retitled,
    positionOf,
    periods,
    tileOf: (name) => {
      read.push(name);
      return json<CompactIndex>(`tiles/${name}.json`) as CompactIndex;
    },
    leaving,
    entering,
    changedArticles,
    excerptsBefore: (ids) => ids.flatMap((id) => excerpts.before?.[id] ?? []),
    excerptsAfter: (ids) => ids.flatMap((id) => excerpts.after?.[id] ?? []),
    idShard: (prefix) => json<IdShard>(`ids/${prefix}.json`),
    searchShard: (prefix) => {
      const shard = json<SearchShard>(`search/${prefix}.json`);
      return shard ? { shard, slack: withSlack ? (JSON.parse(old.slack.get(`search/${prefix}.json`) ?? '{}') as SearchSlack) : null } : null;
    },
    ...options,
  };
  const result = patchTiles(input);
  if (!result.done) return { result, files: null, next: null };
  const files = new Map(old.files);
  const slack = new Map(old.slack);
  for (const path of result.removals) {
    files.delete(path);
    slack.delete(path);
  }
  for (const f of result.files) {
    files.set(f.path, f.content);
    if (f.slack !== undefined) slack.set(f.path, f.slack);
  }
  return { result, files, next: { files, slack, state: result.state } as Files };
}

const pad = (n: number) => String(n).padStart(2, '0');

function row(id: string, day: string | null, label: string, positions: number[] = [0], aliases: string[] = []): EventRow {
  return [id, label, day, day, 'day', 0, positions, aliases];
}

test('a change patched into the tiles, ids and search shards gives the files tileFiles makes of the whole dataset after it', () => {
  const day = fc.oneof(fc.constant(null), fc.constantFrom('2019', '2020', '2021').chain((y) => fc.constantFrom(`${y}-03-01`, `${y}-03-02`, `${y}-07-15`)));
  const label = fc.array(fc.constantFrom('port', 'strike', 'vote', 'minister', 'flood', 'treaty', '2021'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const event = (id: string) =>
    fc.tuple(day, label, fc.uniqueArray(fc.integer({ min: 0, max: articles.length - 1 }), { minLength: 1, maxLength: 2 }), fc.boolean()).map(([d, l, p, alias]) => row(id, d, l, p, alias ? [`${id}-al`] : []));
  const dataset = fc.integer({ min: 1, max: 24 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => event(`e-${i.toString(36)}x`))));
  const change = dataset.chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }), // kept
      fc.array(fc.option(label, { nil: undefined }), { minLength: rows.length, maxLength: rows.length }), // relabelled
      fc.array(event('new'), { maxLength: 4 }).map((added) => added.map((r, k) => row(`e-n${k}y`, r[2], r[1], r[6]))),
      fc.boolean(), // an article's title edited
    ),
  );
  let done = 0;
  fc.assert(
    fc.property(change, ([rows, kept, relabel, added, retitle]) => {
      const after = [...rows.filter((_, i) => kept[i]).map((r, i) => (relabel[i] === undefined ? r : row(r[0], r[2], relabel[i] as string, r[6], r[7]))), ...added];
      const summaries = retitle ? articles.map((a, i) => (i === 1 ? { ...a, title: 'Flood treaty signed' } : a)) : articles;
      const { result, files } = patch(rows, after, {}, summaries);
      if (!result.done) return;
      done++;
      const expected = filesOf(after, {}, summaries);
      expect(Object.fromEntries(files ?? [])).toEqual(Object.fromEntries(expected.files));
      expect(result.state).toEqual(expected.state);
    }),
    { numRuns: 300 },
  );
  // Most changes are patched: a decline is for the few a shard cannot say (below).
  expect(done).toBeGreaterThan(150);
});

test('only the touched years are read and cut again; an unchanged tile comes out with the same bytes', () => {
  const before = [row('e-1a', '2019-01-01', 'port'), row('e-2a', '2020-05-05', 'strike'), row('e-3a', '2021-02-02', 'vote')];
  const after = [...before, row('e-4a', '2020-06-06', 'treaty')];
  const { result } = patch(before, after);
  expect(result.done).toBe(true);
  if (!result.done) return;
  const paths = result.files.map((f) => f.path);
  expect(paths.filter((p) => p.startsWith('tiles/'))).toEqual(['tiles/2020.json']);
  expect(paths).toContain('overview.json');
  expect(paths).toContain('search/tr.json');
  expect(paths).not.toContain('search/po.json');
});

test('a year cut into months is cut again by its touched months alone; one the change leaves small is cut whole', () => {
  // 2020: five months of two events each (more than the cap of 3: cut into months).
  const year = Array.from({ length: 10 }, (_, i) => row(`e-${i}b`, `2020-0${1 + (i % 5)}-1${i % 2}`, i % 2 ? 'port' : 'strike'));
  const after = [...year, row('e-9z', '2020-03-20', 'treaty')];
  const read: string[] = [];
  const p = patchFiles(filesOf(year), year, after, {}, articles, true, OPTIONS, read);
  expect(p.result).toMatchObject({ done: true });
  expect(read).toEqual(['2020-03']);
  expect(Object.fromEntries(p.files ?? [])).toEqual(Object.fromEntries(filesOf(after).files));
  // Down to three events: 2020 becomes one tile, its months' tiles go; the events that stay move to it, and
  // their postings follow them.
  const small = year.slice(0, 3);
  const collapsed = patch(year, small);
  expect(collapsed.result).toMatchObject({ done: true });
  expect(Object.fromEntries(collapsed.files ?? [])).toEqual(Object.fromEntries(filesOf(small).files));
  expect(collapsed.files?.has('tiles/2020.json')).toBe(true);
  // A day cut into parts: an event taken from the first part moves the first of the next into it.
  const day = Array.from({ length: 8 }, (_, i) => row(`e-${i}d`, '2021-05-05', i % 2 ? 'port' : 'strike'));
  const shifted = patch(day, day.slice(1));
  expect(shifted.result).toMatchObject({ done: true });
  expect(Object.fromEntries(shifted.files ?? [])).toEqual(Object.fromEntries(filesOf(day.slice(1)).files));
});

test("a word's latest events taken away: the slack says which come next; past what it knows, or without it, the patch declines", () => {
  const many = Array.from({ length: SEARCH_POSTINGS + SEARCH_SLACK + 5 }, (_, i) => row(`e-${String(i).padStart(3, '0')}m`, `2020-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`, 'harbour'));
  const order = [...many].sort(compareRows);
  const latest = order.at(-1) as EventRow;
  const withoutLatest = many.filter((r) => r !== latest);
  expect(patch(many, withoutLatest, {}, articles, false).result).toEqual({ done: false, why: expect.stringContaining('keeps too few events of') as unknown });
  const patched = patch(many, withoutLatest);
  expect(patched.result.done).toBe(true);
  expect(Object.fromEntries(patched.files ?? [])).toEqual(Object.fromEntries(filesOf(withoutLatest).files));
  const recent = new Set(order.slice(-(SEARCH_SLACK + 1)));
  expect(patch(many, many.filter((r) => !recent.has(r))).result.done).toBe(false);
  // The oldest is not among the shard's latest: it leaves the count, not the postings.
  const withoutOldest = many.filter((r) => r !== order[0]);
  const quiet = patch(many, withoutOldest);
  expect(quiet.result.done).toBe(true);
  expect(Object.fromEntries(quiet.files ?? [])).toEqual(Object.fromEntries(filesOf(withoutOldest).files));
  const more = [...many, row('e-zzzm', '2020-02-01', 'harbour')];
  const added = patch(many, more);
  expect(added.result.done).toBe(true);
  expect(Object.fromEntries(added.files ?? [])).toEqual(Object.fromEntries(filesOf(more).files));
});

test("changes patched one after another, each on the last patch's files and slack, give tileFiles' files at every step", () => {
  const start = Array.from({ length: 130 }, (_, i) => row(`e-${String(i).padStart(3, '0')}s`, `${2019 + (i % 2)}-${pad(1 + (i % 12))}-${pad(10 + (i % 18))}`, i % 3 === 0 ? 'port strike' : 'port'));
  const steps = fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 12 }), fc.nat({ max: 3 })), { minLength: 1, maxLength: 6 });
  let done = 0;
  // Years of one tile each: a change never moves an unchanged event to another tile (the first test has those).
  const wide: TileOptions = { cap: 1000, wholeIndexMax: 8 };
  fc.assert(
    fc.property(steps, (changes) => {
      let rows = start;
      let files: Files = filesOf(start, {}, articles, wide);
      let added = 0;
      for (const [drop, add] of changes) {
        const gone = new Set(drop.map((k) => (rows[k % rows.length] as EventRow)[0]));
        const next = [...rows.filter((r) => !gone.has(r[0])), ...Array.from({ length: add }, () => row(`e-${String(added).padStart(3, '0')}t`, `2020-${pad(1 + (added % 12))}-${pad(1 + (added++ % 9))}`, 'port'))];
        const p = patchFiles(files, rows, next, {}, articles, true, wide);
        rows = next;
        if (!p.result.done || !p.next) {
          files = filesOf(rows, {}, articles, wide); // declined: the build derives the layout whole
          continue;
        }
        done++;
        expect(Object.fromEntries(p.next.files)).toEqual(Object.fromEntries(filesOf(rows, {}, articles, wide).files));
        files = p.next;
      }
    }),
    { numRuns: 60 },
  );
  expect(done).toBeGreaterThan(60);
});

test("an event's excerpts count among its words, before and after the change", () => {
  const before = [row('e-1a', '2019-01-01', 'port'), row('e-2a', '2019-03-01', 'vote')];
  const after = [row('e-1a', '2019-01-01', 'port reopens'), row('e-2a', '2019-03-01', 'vote')];
  const excerpts = { before: { 'e-1a': ['The kestrel nested in the crane.'] }, after: { 'e-1a': ['The falcon nested in the crane.'] } };
  const { result, files } = patch(before, after, excerpts);
  expect(result.done).toBe(true);
  if (!result.done) return;
  expect(Object.fromEntries(files ?? [])).toEqual(Object.fromEntries(filesOf(after, excerpts.after).files));
  const shard = (prefix: string) => JSON.parse(result.files.find((f) => f.path === `search/${prefix}.json`)?.content ?? 'null') as SearchShard | null;
  // "kestrel" had one event (its excerpt's, in the shard tileFiles made with the excerpts): it is gone.
  expect(result.removals).toContain('search/ke.json');
  expect(shard('fa')?.['falcon']).toEqual({ n: 1, e: [['e-1a', 'port reopens', '2019-01-01', '2019']] });
});

test('a year the change empties leaves the overview and its tiles go; tile names say their year', () => {
  expect(['2021', '2021-03', '2021-03-05', '2021-03-05.2', 'undated', 'undated.1'].map(yearOfTile)).toEqual(['2021', '2021', '2021', '2021', 'undated', 'undated']);
  const before = [row('e-1a', '2019-01-01', 'port'), row('e-2a', '2020-05-05', 'strike'), row('e-3a', null, 'vote')];
  const after = before.filter((r) => r[0] !== 'e-2a');
  const { result, files } = patch(before, after);
  expect(result.done).toBe(true);
  if (!result.done) return;
  expect(result.removals).toContain('tiles/2020.json');
  expect(JSON.parse(files?.get('overview.json') ?? '{}')).toMatchObject({ events: 2, tiles: [['undated', 1], ['2019', 1]], months: [['2019-01', 1]], extent: ['2019-01-01', '2019-01-01'] });
});
