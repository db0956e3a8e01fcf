/**
 * The dataset cut into tiles by time (docs/dataset-layout.md): an overview that stays small whatever the archive,
 * one file per period holding that period's rows of index.json, and id shards that say which period an event is
 * in. A function of index.json's articles and rows alone, so a clean build and an incremental one write the same
 * bytes, and a change rewrites only the tiles and shards its events fall in.
 */
import { jsonObjectOf } from './json-object.ts';
import { searchShardFiles, type RowExcerpts } from './search-shards.ts';
import { INDEX_SCHEMA_VERSION, TILES_SCHEMA_VERSION, type ArticleSummary, type CompactIndex, type EventRow, type IdShard, type Overview } from './schema.ts';

/** A tile holds at most this many events (a single day with more is cut in parts). */
export const TILE_CAP = 4000;
/** Up to this many events, the app loads index.json whole, as before tiles. */
export const WHOLE_INDEX_MAX = 20_000;
/** An id shard holds about this many ids at most (the shard width grows with the archive). */
const SHARD_IDS = 4096;

export type TileOptions = {
  cap?: number;
  wholeIndexMax?: number;
  /** Each row's excerpts (from search.json), whose words the search shards index too. */
  excerpts?: RowExcerpts;
};

/** Where a row sorts: its start, or its end when open at the start; '' when undated (index.json's order). */
export function sortKeyOf(row: EventRow): string {
  return row[2] ?? row[3] ?? '';
}

/** index.json's order of rows: compareEvents' (start, or end when open at the start, then id). */
export function compareRows(a: EventRow, b: EventRow): number {
  return compareRowKeys(a[2] ?? a[3] ?? '', a[0], b[2] ?? b[3] ?? '', b[0]);
}

export function compareRowKeys(ak: string, aid: string, bk: string, bid: string): number {
  return ak < bk ? -1 : ak > bk ? 1 : aid < bid ? -1 : aid > bid ? 1 : 0;
}

/** The period a row's tiles are cut in: the year of its sort key, `undated` for none. */
export function yearOfKey(key: string): string {
  return key === '' ? 'undated' : key.slice(0, -6);
}

/** The year a tile's name says (`2021-03-05.1` → `2021`; `undated.2` → `undated`). */
export function yearOfTile(name: string): string {
  const dot = name.indexOf('.');
  let base = dot < 0 ? name : name.slice(0, dot);
  if (base === 'undated') return base;
  for (let k = 0; k < 2 && /.-\d\d$/.test(base); k++) base = base.slice(0, -3);
  return base;
}

/** What the tiling keeps of each period (a month, or `undated`) between builds, for an incremental build to patch the tiles (tile-patch.ts). */
export type PeriodStats = { events: number; ids: number; first: string | null; last: string | null };
/** Each period's stats, and how many id strings two events share (one's id, another's alias): the shards keep one. */
export type TilingState = { periods: Record<string, PeriodStats>; idDuplicates: number };

/** The period of a sort key for the tiling's stats: its month, `undated` for none. */
export function periodOfKey(key: string): string {
  return key === '' ? 'undated' : key.slice(0, -3);
}

/** A tile: its name (the period) and the range [from, to) of rows it holds. */
export type TileSpan = { name: string; from: number; to: number };

/**
 * The tiles of rows sorted in index.json's order: a year per tile while it holds at most `cap` events, else its
 * months, else a month's days, else a day's parts of `cap` (`2021-03-05.1`); undated rows in `undated` (and parts).
 */
export function tileSpans(rows: readonly EventRow[], cap = TILE_CAP): TileSpan[] {
  const out: TileSpan[] = [];
  const runs = (from: number, to: number, prefixOf: (key: string) => string, each: (name: string, from: number, to: number) => void) => {
    let i = from;
    while (i < to) {
      const name = prefixOf(sortKeyOf(rows[i] as EventRow));
      let j = i + 1;
      while (j < to && prefixOf(sortKeyOf(rows[j] as EventRow)) === name) j++;
      each(name, i, j);
      i = j;
    }
  };
  const parts = (name: string, from: number, to: number) => {
    if (to - from <= cap) out.push({ name, from, to });
    else for (let k = 0, i = from; i < to; k++, i += cap) out.push({ name: k === 0 ? name : `${name}.${k}`, from: i, to: Math.min(to, i + cap) });
  };
  const year = yearOfKey;
  const month = (key: string) => key.slice(0, -3);
  runs(0, rows.length, year, (y, from, to) => {
    if (to - from <= cap || y === 'undated') return parts(y, from, to);
    runs(from, to, month, (m, mf, mt) => {
      if (mt - mf <= cap) out.push({ name: m, from: mf, to: mt });
      else runs(mf, mt, (key) => key, parts);
    });
  });
  return out;
}

/**
 * The characters of an id that name its shard: its hash (after a `e-`-like prefix), lower case, `_` for others.
 * Char codes, not a pattern per character: the build calls it for every id and alias of the archive.
 */
export function idShardOf(id: string, width: number): string {
  let start = 0;
  while (start < id.length && id.charCodeAt(start) >= 97 && id.charCodeAt(start) <= 122) start++;
  start = start > 0 && id.charCodeAt(start) === 45 ? start + 1 : 0;
  let s = '';
  for (let i = 0; i < width; i++) {
    let c = start + i < id.length ? id.charCodeAt(start + i) : 95;
    if (c >= 65 && c <= 90) c += 32;
    s += (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? String.fromCharCode(c) : '_';
  }
  return s;
}

/** The narrowest shard width (1–3 characters of base 36) that keeps a shard to about SHARD_IDS ids. */
export function idWidthFor(ids: number): number {
  return ids <= SHARD_IDS * 36 ? 1 : ids <= SHARD_IDS * 36 * 36 ? 2 : 3;
}

/** A tile's rows with the articles they name, as a schema-2 index of its own. */
export function tileIndex(articles: readonly ArticleSummary[], rows: readonly EventRow[]): CompactIndex {
  const positions = [...new Set(rows.flatMap((r) => r[6]))].sort((a, b) => a - b);
  const at = new Map(positions.map((p, i) => [p, i]));
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    articles: positions.map((p) => articles[p] as ArticleSummary),
    events: rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6].map((p) => at.get(p) as number), r[7]]),
  };
}

/** A file of the layout; a search shard's comes with its slack (SearchSlack, JSON), kept beside the cache, not in the dataset. */
export type TileFile = { path: string; content: string; slack?: string };

/** Every file of the tiled layout (overview.json, tiles/, ids/, search/), one at a time: at 1M events they do not fit in memory at once. */
export function* tileFiles(articles: readonly ArticleSummary[], rows: readonly EventRow[], { cap = TILE_CAP, wholeIndexMax = WHOLE_INDEX_MAX, excerpts }: TileOptions = {}): Generator<TileFile, TilingState> {
  const spans = tileSpans(rows, cap);
  const months: [string, number][] = [];
  const periods: Record<string, PeriodStats> = {};
  let ids = 0;
  let stats: PeriodStats | null = null;
  let statsPeriod = '';
  for (const r of rows) {
    const key = sortKeyOf(r);
    const period = periodOfKey(key);
    if (stats === null || period !== statsPeriod) periods[(statsPeriod = period)] = stats = { events: 0, ids: 0, first: null, last: null };
    stats.events++;
    stats.ids += 1 + r[7].length;
    ids += 1 + r[7].length;
    if (key === '') continue;
    const m = key.slice(0, -3);
    const tail = months[months.length - 1];
    if (tail && tail[0] === m) tail[1]++;
    else months.push([m, 1]);
    for (const d of [r[2], r[3]]) {
      if (d === null) continue;
      if (stats.first === null || d < stats.first) stats.first = d;
      if (stats.last === null || d > stats.last) stats.last = d;
    }
  }
  const { first, last } = extentOf(Object.values(periods));
  const idWidth = idWidthFor(ids);
  const view: Overview = {
    schemaVersion: TILES_SCHEMA_VERSION,
    index: rows.length <= wholeIndexMax ? 'index.json' : null,
    events: rows.length,
    articles: articles.length,
    sources: [...new Set(articles.map((a) => a.source))].sort(),
    extent: first !== null && last !== null ? [first, last] : null,
    months,
    tiles: spans.map((s) => [s.name, s.to - s.from]),
    idWidth,
  };
  yield { path: 'overview.json', content: `${JSON.stringify(view)}\n` };
  // Per shard, every id and alias with its tile; an event's own id wins over another event's alias of the same
  // string (as in the app's lookup by id).
  const shards = new Map<string, [string, string, number][]>();
  let idDuplicates = 0;
  for (const s of spans) {
    const part = rows.slice(s.from, s.to);
    yield { path: `tiles/${s.name}.json`, content: `${JSON.stringify(tileIndex(articles, part))}\n` };
    for (const r of part) {
      r[7].forEach((id, k) => addTo(shards, idShardOf(id, idWidth), [id, s.name, k + 1]));
      addTo(shards, idShardOf(r[0], idWidth), [r[0], s.name, 0]);
    }
  }
  for (const shard of [...shards.keys()].sort()) {
    const list = (shards.get(shard) as [string, string, number][]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
    const entries: [string, IdShard[string]][] = [];
    for (const [id, name] of list) {
      if (entries[entries.length - 1]?.[0] !== id) entries.push([id, name]);
      else idDuplicates++;
    }
    yield { path: `ids/${shard}.json`, content: `${jsonObjectOf(entries)}\n` };
  }
  shards.clear();
  yield* searchShardFiles(articles, rows, spans, excerpts);
  return { periods, idDuplicates };
}

/** The first and last day the periods' events touch (overview.json's extent). */
export function extentOf(periods: readonly PeriodStats[]): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const s of periods) {
    if (s.first !== null && (first === null || s.first < first)) first = s.first;
    if (s.last !== null && (last === null || s.last > last)) last = s.last;
  }
  return { first, last };
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
