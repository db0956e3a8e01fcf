/**
 * A change of a few articles applied to the tiled layout (docs/dataset-layout.md) without deriving it again from
 * the whole archive. Tiles are cut by year and a year's tiles depend on that year's rows alone, so a change cuts
 * again only the years its rows fall in; the rest of the files follow from those years:
 *   - overview.json: the touched years' months and tiles replaced, the counts and extent from each year's stats
 *     (kept between builds: TilingState);
 *   - ids/: the shards of the ids whose tile changed (added, removed, or in a year cut otherwise);
 *   - search/: for each word of the events that changed (their words before and after), its count and its latest
 *     postings updated in place. A word's postings beyond the latest SEARCH_POSTINGS are not kept, so when a
 *     change takes away more of a word's latest postings than the events after it bring back, the shard cannot
 *     say which event comes next: the patch declines, and the build derives the layout whole (tileFiles).
 * The result is byte for byte what tileFiles gives on the whole dataset after the change (scripts/build-data.test.ts
 * checks it on a series of changes); whatever could make it differ declines, with the reason.
 */
import { compareLatestFirst, eventWords, SEARCH_POSTINGS, SEARCH_SLACK, searchShardOf, type SearchEntry, type SearchSlack } from './search-shards.ts';
import type { ArticleSummary, CompactIndex, EventRow, IdShard, Overview, SearchPosting, SearchShard } from './schema.ts';
import { compareRows, extentOf, idShardOf, idWidthFor, sortKeyOf, TILE_CAP, tileIndex, tileSpans, periodOfKey, WHOLE_INDEX_MAX, yearOfTile, type PeriodStats, type TileFile, type TilingState } from './tiles.ts';

export type TilePatchInput = {
  overview: Overview;
  state: TilingState;
  /** Every article after the change, in index.json's order (rows' positions point into it). */
  articles: readonly ArticleSummary[];
  /** The article's position in `articles`, -1 when the change removed it. */
  positionOf: (articleId: string) => number;
  /** The periods (months, `undated`: periodOfKey) whose rows the change touches: every row that leaves or enters, or names a changed article. */
  periods: ReadonlySet<string>;
  /** A tile as it is (before the change): those of the touched periods are read. */
  tileOf: (name: string) => CompactIndex;
  /** Rows (by id) that leave the index: removed, or changed (their new version is in `entering`). */
  leaving: ReadonlySet<string>;
  /** Rows that enter, positions into `articles`. */
  entering: readonly EventRow[];
  /** Articles added, removed or edited: the rows naming them may be found by other words than before. */
  changedArticles: ReadonlySet<string>;
  /** The excerpts of an event before and after the change, from its ids and its articles' ids. */
  excerptsBefore: (ids: readonly string[], tellers: readonly string[]) => readonly string[];
  excerptsAfter: (ids: readonly string[], tellers: readonly string[]) => readonly string[];
  /** A shard as it is, or null when there is none. */
  idShard: (prefix: string) => IdShard | null;
  /** A search shard and its slack (null: not known, then no word of the shard may lose its latest events). */
  searchShard: (prefix: string) => { shard: SearchShard; slack: SearchSlack | null } | null;
  cap?: number;
  wholeIndexMax?: number;
};

export type TilePatch =
  | { done: true; files: TileFile[]; removals: string[]; state: TilingState }
  | { done: false; why: string };

/** An event that may be found by other words after the change: its words and posting before and after (null: not in the index then). */
type Reworded = { before: Set<string> | null; was: SearchPosting | null; after: Set<string> | null; posting: SearchPosting | null };

export function patchTiles(x: TilePatchInput): TilePatch {
  const cap = x.cap ?? TILE_CAP;
  const no = (why: string): TilePatch => ({ done: false, why });
  if (x.state.idDuplicates > 0) return no('an id string is shared by two events');
  const ids = (r: EventRow) => [r[0], ...r[7]];

  // 0. The units cut again: a year cut into months (more than `cap` events) before and after the change is cut
  //    again by its touched months alone (a month's tiles depend on its rows alone); any other touched year whole.
  const touchedYears = new Set([...x.periods].map(yearOfPeriod));
  const wholeYears = new Set([...touchedYears].filter((y) => y === 'undated' || eventsOfYear(x.state.periods, y) <= cap));

  for (;;) {
    const cut = cutUnits(x, cap, wholeYears, ids);
    if (typeof cut === 'string') return no(cut);
    // A year cut by months that the change leaves with `cap` events or fewer becomes one tile: cut it whole.
    const collapsed = [...touchedYears].filter((y) => !wholeYears.has(y) && eventsOfYear(cut.periods, y) <= cap);
    if (collapsed.length > 0) {
      for (const y of collapsed) wholeYears.add(y);
      continue;
    }
    return finish(x, cut, wholeYears);
  }
}

/** Events that did not change but move to another tile: past this many, deriving the layout whole is as quick. */
const MAX_MOVED = 20_000;

type Cut = {
  files: TileFile[];
  removals: string[];
  /** Each unit (a year cut whole, or a month) with its new tiles. */
  newTiles: Map<string, [string, number][]>;
  periods: Record<string, PeriodStats>;
  oldTileOf: Map<string, string>;
  newTileOf: Map<string, string>;
  reworded: Map<string, Reworded>;
};

/** The touched units' rows after the change, cut into tiles, with their stats and where each id was and is. */
function cutUnits(x: TilePatchInput, cap: number, wholeYears: ReadonlySet<string>, ids: (r: EventRow) => string[]): Cut | string {
  const months = new Set([...x.periods].filter((p) => !wholeYears.has(yearOfPeriod(p))));
  const unitOfTile = (name: string): string | null => {
    const year = yearOfTile(name);
    if (wholeYears.has(year)) return year;
    const month = monthOfTile(name);
    return months.has(month) ? month : null;
  };
  const unitOfKey = (key: string): string => {
    const period = periodOfKey(key);
    return wholeYears.has(yearOfPeriod(period)) ? yearOfPeriod(period) : period;
  };

  // 1. The rows that stay (their positions into `articles`), those that enter.
  const oldTileOf = new Map<string, string>();
  const reworded = new Map<string, Reworded>();
  const byUnit = new Map<string, EventRow[]>([...wholeYears, ...months].map((u) => [u, []]));
  const oldNames = x.overview.tiles.map(([name]) => name).filter((name) => unitOfTile(name) !== null);
  for (const name of oldNames) {
    const tile = x.tileOf(name);
    const unit = unitOfTile(name) as string;
    for (const r of tile.events) {
      for (const id of ids(r)) oldTileOf.set(id, name);
      const tellers = r[6].map((p) => (tile.articles[p] as ArticleSummary).id);
      if (x.leaving.has(r[0]) || tellers.some((id) => x.changedArticles.has(id))) {
        const before = eventWords(r[1], r[6].map((p) => tile.articles[p] as ArticleSummary), x.excerptsBefore(ids(r), tellers));
        reworded.set(r[0], { before, was: [r[0], r[1], sortKeyOf(r), name], after: null, posting: null });
      }
      if (x.leaving.has(r[0])) continue;
      const positions = tellers.map(x.positionOf);
      if (positions.some((p) => p < 0)) return `the event ${r[0]} stays but names an article removed`;
      (byUnit.get(unit) as EventRow[]).push([r[0], r[1], r[2], r[3], r[4], r[5], positions, r[7]]);
    }
  }
  const entering = new Set(x.entering.map((r) => r[0]));
  for (const r of x.entering) {
    const rows = byUnit.get(unitOfKey(sortKeyOf(r)));
    if (!rows) return `the event ${r[0]} enters a period the change does not touch`;
    rows.push(r);
  }

  // 2. Each unit cut again; its tiles, its periods' stats, and where each id is now.
  const files: TileFile[] = [];
  const newTiles = new Map<string, [string, number][]>();
  const newTileOf = new Map<string, string>();
  const periods: Record<string, PeriodStats> = { ...x.state.periods };
  let moved = 0;
  for (const p of Object.keys(periods)) if (wholeYears.has(yearOfPeriod(p)) || months.has(p)) delete periods[p];
  for (const [unit, rows] of byUnit) {
    rows.sort(compareRows);
    const list: [string, number][] = [];
    newTiles.set(unit, list);
    const spans = months.has(unit) && rows.length <= cap ? (rows.length === 0 ? [] : [{ name: unit, from: 0, to: rows.length }]) : tileSpans(rows, cap);
    for (const span of spans) {
      const part = rows.slice(span.from, span.to);
      list.push([span.name, part.length]);
      files.push({ path: `tiles/${span.name}.json`, content: `${JSON.stringify(tileIndex(x.articles, part))}\n` });
      for (const r of part) {
        for (const id of ids(r)) {
          if (newTileOf.has(id)) return `the id ${id} is shared by two events`;
          newTileOf.set(id, span.name);
        }
        const period = periodOfKey(sortKeyOf(r));
        const stats = (periods[period] ??= { events: 0, ids: 0, first: null, last: null });
        stats.events++;
        stats.ids += 1 + r[7].length;
        for (const d of [r[2], r[3]]) {
          if (d === null) continue;
          if (stats.first === null || d < stats.first) stats.first = d;
          if (stats.last === null || d > stats.last) stats.last = d;
        }
        const tellers = r[6].map((p) => x.articles[p] as ArticleSummary);
        const was = reworded.get(r[0]);
        if (was || entering.has(r[0]) || tellers.some((a) => x.changedArticles.has(a.id))) {
          const after = eventWords(r[1], tellers, x.excerptsAfter(ids(r), tellers.map((a) => a.id)));
          reworded.set(r[0], { before: was?.before ?? null, was: was?.was ?? null, after, posting: [r[0], r[1], sortKeyOf(r), span.name] });
        } else if (oldTileOf.get(r[0]) !== span.name) {
          // An event that did not change, in a tile of another name (a day's parts shifted, a month or a year cut
          // otherwise): its postings name the old tile. Its words (the same before and after) say which shards.
          if (++moved > MAX_MOVED) return `the tiles of ${unit} are cut otherwise: more than ${MAX_MOVED} events move`;
          const words = eventWords(r[1], tellers, x.excerptsAfter(ids(r), tellers.map((a) => a.id)));
          reworded.set(r[0], { before: words, was: [r[0], r[1], sortKeyOf(r), oldTileOf.get(r[0]) as string], after: words, posting: [r[0], r[1], sortKeyOf(r), span.name] });
        }
      }
    }
  }
  const made = new Set(files.map((f) => f.path));
  const removals = oldNames.map((name) => `tiles/${name}.json`).filter((path) => !made.has(path));
  return { files, removals, newTiles, periods, oldTileOf, newTileOf, reworded };
}

/** The overview, the id and search shards, from the units cut again. */
function finish(x: TilePatchInput, cut: Cut, wholeYears: ReadonlySet<string>): TilePatch {
  const no = (why: string): TilePatch => ({ done: false, why });
  const { files, removals, newTiles, periods, oldTileOf, newTileOf, reworded } = cut;

  // 3. overview.json.
  const all = Object.values(periods);
  const idCount = all.reduce((n, s) => n + s.ids, 0);
  const idWidth = idWidthFor(idCount);
  if (idWidth !== x.overview.idWidth) return no('the id shards change width');
  const events = all.reduce((n, s) => n + s.events, 0);
  const { first, last } = extentOf(all);
  const groupOfTile = (name: string) => {
    const year = yearOfTile(name);
    if (wholeYears.has(year)) return year;
    const month = monthOfTile(name);
    return newTiles.has(month) ? month : year === 'undated' ? year : name;
  };
  const newMonths = new Map<string, [string, number][]>([...newTiles.keys()].map((u) => [u, []]));
  for (const [p, s] of Object.entries(periods).sort(([a], [b]) => compareUnits(a, b))) {
    if (p === 'undated') continue;
    const unit = wholeYears.has(yearOfPeriod(p)) ? yearOfPeriod(p) : p;
    newMonths.get(unit)?.push([p, s.events]);
  }
  const view: Overview = {
    ...x.overview,
    index: events <= (x.wholeIndexMax ?? WHOLE_INDEX_MAX) ? 'index.json' : null,
    events,
    articles: x.articles.length,
    sources: [...new Set(x.articles.map((a) => a.source))].sort(),
    extent: first !== null && last !== null ? [first, last] : null,
    months: spliceUnits(x.overview.months, (m) => (wholeYears.has(yearOfPeriod(m)) ? yearOfPeriod(m) : m), newMonths),
    tiles: spliceUnits(x.overview.tiles, groupOfTile, newTiles),
    idWidth,
  };
  files.unshift({ path: 'overview.json', content: `${JSON.stringify(view)}\n` });

  // 4. ids/: the shards of the ids whose tile changed.
  const moved = new Map<string, string[]>();
  for (const id of new Set([...oldTileOf.keys(), ...newTileOf.keys()])) {
    if (oldTileOf.get(id) !== newTileOf.get(id)) listIn(moved, idShardOf(id, idWidth)).push(id);
  }
  for (const [prefix, list] of [...moved].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shard: IdShard = { ...(x.idShard(prefix) ?? {}) };
    for (const id of list) {
      const now = newTileOf.get(id);
      if (now === undefined) delete shard[id];
      else if (shard[id] !== undefined && !oldTileOf.has(id)) return no(`the id ${id} is another event's too`);
      else shard[id] = now;
    }
    const path = `ids/${prefix}.json`;
    const keys = Object.keys(shard).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) removals.push(path);
    else files.push({ path, content: `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, shard[k] as string])))}\n` });
  }

  // 5. search/: each word of the events that changed, its count and latest postings.
  const lose = new Map<string, Set<string>>();
  const gain = new Map<string, SearchPosting[]>();
  for (const [id, r] of reworded) {
    for (const w of r.before ?? []) {
      const set = lose.get(w);
      if (set) set.add(id);
      else lose.set(w, new Set([id]));
    }
    if (r.posting) for (const w of r.after ?? []) listIn(gain, w).push(r.posting);
  }
  const unchanged = (p: SearchPosting) => {
    const was = reworded.get(p[0])?.was;
    return was !== null && was !== undefined && was.every((v, k) => v === p[k]);
  };
  const byShard = new Map<string, string[]>();
  for (const w of new Set([...lose.keys(), ...gain.keys()])) {
    const lost = lose.get(w) ?? new Set<string>();
    const got = gain.get(w) ?? [];
    // The same events, found the same way: nothing of the word changes.
    if (got.length !== lost.size || !got.every((p) => lost.has(p[0]) && unchanged(p))) listIn(byShard, searchShardOf(w)).push(w);
  }
  // A posting of the slack has no label: the event's row in its tile says it, when it moves up into the shard.
  const labelOf = (p: SearchPosting): string => {
    if (!fromSlack.has(p)) return p[1];
    return x.tileOf(p[3]).events.find((r) => r[0] === p[0])?.[1] ?? '';
  };
  const fromSlack = new Set<SearchPosting>();
  for (const [prefix, words] of [...byShard].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const was = x.searchShard(prefix);
    const shard: SearchShard = { ...(was?.shard ?? {}) };
    const slack: SearchSlack = { ...(was?.slack ?? {}) };
    for (const w of words) {
      const lost = lose.get(w) ?? new Set<string>();
      const got = gain.get(w) ?? [];
      const entry: SearchEntry = shard[w] ?? { n: 0, e: [] };
      // Every event of the word the shard and its slack know, the latest first.
      const listed: SearchPosting[] = [...entry.e];
      for (const [id, day, tile] of was?.slack?.[w] ?? []) {
        const p: SearchPosting = [id, '', day, tile];
        fromSlack.add(p);
        listed.push(p);
      }
      const n = entry.n - lost.size + got.length;
      if (n < 0) return no(`the search shard ${prefix} does not hold "${w}" as the change says`);
      const candidates = [...listed.filter((p) => !lost.has(p[0])), ...got].sort(compareLatestFirst);
      const want = Math.min(n, SEARCH_POSTINGS);
      const oldest = listed[listed.length - 1];
      // Events past those listed are older than the last listed: only candidates at least as late are known to be the latest.
      const complete = entry.n <= listed.length;
      const known = complete || oldest === undefined ? candidates.length : candidates.filter((p) => compareLatestFirst(p, oldest) <= 0).length;
      if (complete ? known !== n : known < want) return no(`the search shard ${prefix} keeps too few events of "${w}" to take ${lost.size} away`);
      delete slack[w];
      if (n === 0) {
        delete shard[w];
        continue;
      }
      shard[w] = { n, e: candidates.slice(0, want).map((p) => [p[0], labelOf(p), p[2], p[3]]) };
      const next = candidates.slice(want, Math.min(known, want + SEARCH_SLACK)).map((p): [string, string, string] => [p[0], p[2], p[3]]);
      if (next.length > 0) slack[w] = next;
    }
    const path = `search/${prefix}.json`;
    const keys = Object.keys(shard).sort();
    if (keys.length === 0) removals.push(path);
    else files.push({ path, content: `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, shard[k] as SearchEntry])))}\n`, slack: JSON.stringify(slack) });
  }
  return { done: true, files, removals, state: { periods, idDuplicates: 0 } };
}

/**
 * A list in time order (the overview's months or tiles), each item in a group (`groupOf`: its unit when the change
 * cuts it again, else the item's own name), with the groups of the units cut again replaced (a unit with none dropped).
 */
function spliceUnits<T extends [string, number]>(list: readonly T[], groupOf: (name: string) => string, replace: ReadonlyMap<string, T[]>): T[] {
  const out: T[] = [];
  const pending = [...replace.keys()].sort(compareUnits);
  const flushBefore = (year: string | null) => {
    while (pending.length > 0 && (year === null || compareUnits(pending[0] as string, year) < 0)) out.push(...(replace.get(pending.shift() as string) as T[]));
  };
  for (const item of list) {
    const year = groupOf(item[0]);
    flushBefore(year);
    if (pending[0] === year) {
      out.push(...(replace.get(pending.shift() as string) as T[]));
      continue;
    }
    if (!replace.has(year)) out.push(item);
  }
  flushBefore(null);
  return out;
}

/** Periods (years, months, tile names) in index.json's order: undated first (its sort key is ''), then by the sort key's text. */
function compareUnits(a: string, b: string): number {
  const ka = a.startsWith('undated') ? '' : a;
  const kb = b.startsWith('undated') ? '' : b;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A year's events, from its months' stats. */
function eventsOfYear(periods: Readonly<Record<string, PeriodStats>>, year: string): number {
  let n = 0;
  for (const [p, s] of Object.entries(periods)) if (yearOfPeriod(p) === year) n += s.events;
  return n;
}

function yearOfPeriod(period: string): string {
  return period === 'undated' ? period : period.slice(0, -3);
}

/** The month a tile of a year cut into months is in (`2021-03-05.1` → `2021-03`). */
function monthOfTile(name: string): string {
  const dot = name.indexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  return /.-\d\d-\d\d$/.test(base) ? base.slice(0, -3) : base;
}

/** The list of `key` in `map`, made empty when it has none. */
function listIn<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
