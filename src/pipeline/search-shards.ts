/**
 * Search that does not download the archive: an inverted index of the words of every event's label, its excerpts
 * (the sentences its articles tell it in) and its articles' titles and sources, cut into shards by the first two
 * characters of a word (search/<prefix>.json). A query fetches
 * the shard of each of its words, a few hundred KB at most whatever the archive: each word keeps its
 * `SEARCH_POSTINGS` latest events (with what a result shows: label, date, tile) and how many it has in all.
 */
import { sortKeyOf, type TileSpan } from './tiles.ts';
import { forEachWord, type WordKind } from './word-scan.ts';
import { jsonObjectOf } from './json-object.ts';
import type { ArticleSummary, EventRow, SearchIndex, SearchPosting } from './schema.ts';

/** Events kept per word, the latest first. */
export const SEARCH_POSTINGS = 50;
/**
 * The events after those, kept beside the build's cache (not in the dataset): when a change takes away some of a
 * word's latest events, the events that come next are known (tile-patch.ts).
 */
export const SEARCH_SLACK = 50;

/** A shard's slack: for each word with more events than its shard lists, the next ones as [id, day, tile], the latest first. */
export type SearchSlack = Record<string, [id: string, day: string, tile: string][]>;

/** A word's entry: how many events have it, and the latest of them as [id, label, day, tile]. */
export type SearchEntry = { n: number; e: SearchPosting[] };

/** Words that are in nearly every text: a search for them finds nothing in particular. */
const STOP = new Set(
  'a an and are as at be been but by for from had has have he her his i in into is it its of on or our she that the their they this to was were will with said says after before over than then there these those which who'.split(' '),
);

/** What the index calls a word: letters and digits. */
const INDEX_WORD: WordKind = { numbers: true, apostrophes: false };

/** The words of a text as the index keeps them: lower case, letters and digits, two characters or more, no stop words. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  forEachWord(lower, INDEX_WORD, (start, end) => {
    if (end - start < 2) return;
    const w = lower.slice(start, end);
    if (!STOP.has(w)) out.push(w);
  });
  return out;
}

/** The shard of a word (or of a prefix of two characters or more): its first two characters, `_` for any but a–z and 0–9. */
export function searchShardOf(word: string): string {
  let s = '';
  for (let i = 0; i < 2; i++) {
    const c = word[i] ?? '_';
    s += /[0-9a-z]/.test(c) ? c : '_';
  }
  return s;
}

/**
 * The excerpts of the event of a row (its position in index.json's rows): every excerpt of it in search.json,
 * whichever of its ids or aliases they are under. The build reads them from search.json as the rows are indexed.
 */
export type RowExcerpts = (row: number) => readonly string[];

/**
 * Numbers of five digits or more in an excerpt (amounts, counts: "209,676 residents") are left out of the index:
 * nobody searches for them, and a corpus has a great many (7,000 of them made the shard `20` of the 100k-article
 * bench archive 9.5 MB). Years and short numbers stay; so do numbers of labels, titles and sources.
 */
const EXCERPT_NUMBER = /^\d{5,}$/;

/**
 * The words an event is found by: its label's, its articles' titles' and sources', and its excerpts' (long
 * numbers of excerpts left out). searchShardFiles indexes the same words, looking each article's up once.
 */
export function eventWords(label: string, tellers: readonly ArticleSummary[], excerpts: readonly string[]): Set<string> {
  const words = new Set(wordsOf(label));
  for (const a of tellers) for (const w of [...wordsOf(a.title), ...wordsOf(a.source)]) words.add(w);
  for (const text of excerpts) for (const w of wordsOf(text)) if (!EXCERPT_NUMBER.test(w)) words.add(w);
  return words;
}

/** The latest first: index.json's order (day, then id), backwards. */
export function compareLatestFirst(a: SearchPosting, b: SearchPosting): number {
  return a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0;
}

/** The excerpts of each row from a search index held whole (search.json's content: the build reads the file instead). */
export function excerptsOfSearch(search: SearchIndex, rows: readonly EventRow[]): RowExcerpts {
  const at = new Map<string, number>();
  rows.forEach((r, i) => {
    at.set(r[0], i);
    for (const alias of r[7]) at.set(alias, i);
  });
  const byRow = new Map<number, string[]>();
  for (const [id, text] of search.events) {
    const i = at.get(id);
    if (i === undefined) continue;
    const list = byRow.get(i);
    if (list) list.push(text);
    else byRow.set(i, [text]);
  }
  return (row) => byRow.get(row) ?? [];
}

/**
 * The shards of the index, from index.json's rows (in its order) cut into `spans` (tileSpans), with the words of
 * each row's excerpts when `excerpts` is given. The latest `SEARCH_POSTINGS` events per word are kept as they come
 * (a ring per word), so memory stays bounded by the vocabulary, not the archive.
 */
export function* searchShardFiles(
  articles: readonly ArticleSummary[],
  rows: readonly EventRow[],
  spans: readonly TileSpan[],
  excerpts?: RowExcerpts,
): Generator<{ path: string; content: string; slack: string }> {
  const depth = SEARCH_POSTINGS + SEARCH_SLACK;
  type Ring = { n: number; rows: number[]; tiles: number[]; last: number };
  const words = new Map<string, Ring>();
  const ringOf = (w: string): Ring => {
    let ring = words.get(w);
    if (!ring) words.set(w, (ring = { n: 0, rows: [], tiles: [], last: -1 }));
    return ring;
  };
  // Each article's words (title and source) as their rings, looked up once per article rather than once per event.
  const articleRings = articles.map((a) => [...new Set([...wordsOf(a.title), ...wordsOf(a.source)])].map(ringOf));
  const add = (ring: Ring, i: number, t: number) => {
    if (ring.last === i) return; // a word of the label and of a title counts once per event
    ring.last = i;
    ring.rows[ring.n % depth] = i;
    ring.tiles[ring.n % depth] = t;
    ring.n++;
  };
  spans.forEach((span, t) => {
    for (let i = span.from; i < span.to; i++) {
      const row = rows[i] as EventRow;
      for (const w of wordsOf(row[1])) add(ringOf(w), i, t);
      for (const p of row[6]) for (const ring of articleRings[p] ?? []) add(ring, i, t);
      if (excerpts) for (const text of excerpts(i)) for (const w of wordsOf(text)) if (!EXCERPT_NUMBER.test(w)) add(ringOf(w), i, t);
    }
  });
  const shards = new Map<string, string[]>();
  for (const [w, ring] of words) {
    if (ring.n === 0) continue; // a word of an article none of whose events are indexed
    const s = searchShardOf(w);
    const list = shards.get(s);
    if (list) list.push(w);
    else shards.set(s, [w]);
  }
  for (const shard of [...shards.keys()].sort()) {
    const entries: [string, SearchEntry][] = [];
    const slack: [string, SearchSlack[string]][] = [];
    for (const w of (shards.get(shard) as string[]).sort()) {
      const ring = words.get(w) as Ring;
      const e: SearchPosting[] = [];
      const next: SearchSlack[string] = [];
      // The latest first: back from the last one written.
      for (let k = 0; k < Math.min(ring.n, depth); k++) {
        const at = (ring.n - 1 - k) % depth;
        const row = rows[ring.rows[at] as number] as EventRow;
        const tile = (spans[ring.tiles[at] as number] as TileSpan).name;
        if (k < SEARCH_POSTINGS) e.push([row[0], row[1], sortKeyOf(row), tile]);
        else next.push([row[0], sortKeyOf(row), tile]);
      }
      entries.push([w, { n: ring.n, e }]);
      if (next.length > 0) slack.push([w, next]);
    }
    yield { path: `search/${shard}.json`, content: `${jsonObjectOf(entries)}\n`, slack: jsonObjectOf(slack) };
  }
}
