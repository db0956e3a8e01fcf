/**
 * A query over the archive's search shards (src/pipeline/search-shards.ts): the shard of each word, then the events
 * every word leads to, the latest first. The last word is a prefix while it is being typed ("kest" finds
 * "kestrel"); the others are whole words.
 */
import type { SearchPosting, SearchShard } from '../../../pipeline/schema.ts';
import { searchShardOf, wordsOf } from '../../../pipeline/search-shards.ts';

export type ArchiveQuery = { words: string[]; prefix: boolean };

export function archiveQuery(q: string): ArchiveQuery {
  return { words: wordsOf(q), prefix: !/\s$/.test(q) };
}

/** The shards a query needs. */
export function shardsOf(query: ArchiveQuery): string[] {
  return [...new Set(query.words.map(searchShardOf))];
}

export type ArchiveResults = {
  /** The events every word leads to, the latest first. */
  results: SearchPosting[];
  /** Events the rarest word is in, in the whole archive (the results are among its latest). */
  total: number;
};

/** The results of a query, once its shards are in (`shards` by prefix). */
export function searchArchive(query: ArchiveQuery, shards: ReadonlyMap<string, SearchShard>): ArchiveResults {
  if (query.words.length === 0) return { results: [], total: 0 };
  const lists = query.words.map((w, i) => {
    const shard = shards.get(searchShardOf(w)) ?? {};
    const byId = new Map<string, SearchPosting>();
    let n = 0;
    const last = i === query.words.length - 1 && query.prefix;
    for (const [word, entry] of Object.entries(shard)) {
      if (last ? !word.startsWith(w) : word !== w) continue;
      n += entry.n;
      for (const p of entry.e) byId.set(p[0], p);
    }
    return { w, last, n, byId };
  });
  // The rarest word's events (its list is the most complete), each kept when every other word leads to it too, or
  // is in its label: a common word's list holds only its latest events.
  const rarest = lists.reduce((a, b) => (b.n < a.n ? b : a));
  const results = [...rarest.byId.values()].filter((p) => {
    const words = wordsOf(p[1]);
    return lists.every((l) => l === rarest || l.byId.has(p[0]) || words.some((x) => (l.last ? x.startsWith(l.w) : x === l.w)));
  });
  results.sort((a, b) => (a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : a[0] < b[0] ? -1 : 1));
  return { results, total: rarest.n };
}
