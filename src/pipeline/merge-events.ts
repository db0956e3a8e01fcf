/**
 * The same event told by several articles becomes one: the merge across articles, in two pure steps that the
 * build can run apart.
 *
 *   mergeInputOf: an extracted event -> what the merge reads of it (its interval and its words, as hashed stems);
 *                 computed where the event is extracted (a worker) and cached with it
 *   planMerge:    every article's merge inputs -> groups of events that are the same event
 *   summaryOfGroup / withGroup: a group -> the event of index.json, and each member as its article's file tells it
 */
import { isDoublable, stem } from './citations.ts';
import { forEachWord, type WordKind } from './word-scan.ts';
import type { EventDetail, EventSummary } from './schema.ts';

/** What the merge reads of an event. `stems`: the hashes of its words' stems, sorted, each once. */
export type MergeInput = Pick<EventSummary, 'id' | 'articleId' | 'kind' | 'start' | 'end' | 'precision'> & { stems: readonly number[] };

/**
 * The merge's bucket of a mention: mentions of one precision overlap only when their calendar units are the
 * same, so the interval is the key. The groups of one bucket depend only on that bucket's mentions (planMerge),
 * which lets an incremental build re-merge only the buckets an edit touches.
 */
export function mergeBucketOf(e: Pick<EventSummary, 'start' | 'end' | 'precision'>): string {
  return `${e.start}|${e.end}|${e.precision}`;
}

/** Jaccard similarity of the words, at least, for two mentions of one interval to be one event. */
export const MERGE_THRESHOLD = 0.45;

/** How many groups of a period an event is compared with, at most: the merge stays linear on any archive. */
const MAX_GROUPS_COMPARED = 64;

/** FNV-1a of a string, cut to 30 bits (a small integer in every JS engine, compact in arrays). */
function hash30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 2;
}

/**
 * hash30(stem(word)) of the word text[start, end) of a lowercase text: for a word of ASCII letters, stem's rules
 * read off the char codes and the stem hashed in place (no substring); any other word through stem itself.
 */
function stemHashAt(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return hash30(stem(text.slice(start, end)));
  }
  const at = (k: number) => text.charCodeAt(k);
  let e = end;
  if (e - start > 5 && at(e - 3) === 105 && at(e - 2) === 110 && at(e - 1) === 103) e -= 3; // -ing
  else if (e - start > 4 && at(e - 2) === 101 && at(e - 1) === 100) e -= 2; // -ed
  else if (e - start > 3 && at(e - 2) === 101 && at(e - 1) === 115 && at(e - 3) !== 115) e -= 1; // -es, not -ses
  if (e - start > 3 && at(e - 1) === 115 && at(e - 2) !== 115) e -= 1; // -s, not -ss
  const last = at(e - 1);
  if (e - start > 3 && isDoublable(last) && at(e - 2) === last) e -= 1;
  let h = 0x811c9dc5;
  for (let i = start; i < e; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 2;
}

/** The words stemHashes reads: a letter, then letters and apostrophes. */
const STEMMED_WORD: WordKind = { numbers: false, apostrophes: true };

/** The words of the label and excerpts longer than three letters, stemmed and hashed: sorted, each once. */
export function stemHashes(e: Pick<EventDetail, 'label' | 'excerpts'>): number[] {
  // Each part lowercased and read on its own: the same words as the parts joined by spaces (a space ends a word
  // and bounds what lowercasing looks at).
  const set = new Set<number>();
  const add = (part: string) => {
    const lower = part.toLowerCase();
    forEachWord(lower, STEMMED_WORD, (start, end) => {
      if (end - start > 3) set.add(stemHashAt(lower, start, end));
    });
  };
  add(e.label);
  for (const x of e.excerpts) add(x.text);
  return [...set].sort((a, b) => a - b);
}

export function mergeInputOf(e: EventDetail): MergeInput {
  return { id: e.id, articleId: e.articleId, kind: e.kind, start: e.start, end: e.end, precision: e.precision, stems: stemHashes(e) };
}

/** How many numbers two sorted lists of distinct numbers share; -1 as soon as fewer than `need` can be. */
function shared(a: readonly number[], b: readonly number[], need: number): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      inter++;
      i++;
      j++;
      continue;
    }
    if (x < y) i++;
    else j++;
    if (inter + Math.min(a.length - i, b.length - j) < need) return -1;
  }
  return inter;
}

function jaccard(a: readonly number[], b: readonly number[], inter: number): number {
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Jaccard similarity of two sorted lists of distinct numbers. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  return jaccard(a, b, shared(a, b, 0));
}

/**
 * `similarity(a, b)` if it is at least `floor`, else -1, giving up as soon as the words left cannot reach it:
 * most pairs a mention is compared with share little.
 */
export function similarityAtLeast(a: readonly number[], b: readonly number[], floor: number): number {
  // inter / (|a| + |b| - inter) >= floor  <=>  inter * (1 + floor) >= floor * (|a| + |b|); a hair of slack
  // leaves the pairs at the edge to the exact comparison.
  const inter = shared(a, b, (floor * (a.length + b.length)) / (1 + floor) - 1e-9);
  if (inter < 0) return -1;
  const score = jaccard(a, b, inter);
  return score >= floor ? score : -1;
}

/**
 * Which events are one: groups of indexes into `events`, each group's first index its first mention, the
 * groups in the order of their first mentions. Mentions are taken in order of publication (ties: the smaller
 * id); each joins the most similar group of the same interval and precision whose *first* mention it
 * resembles (no chains of look-alikes), from another article. Publications never merge. Events of different
 * intervals never meet, so the groups of one interval depend only on that interval's events. Deterministic
 * whatever the input order.
 */
export function planMerge(events: readonly MergeInput[], publishedOf: (articleId: string) => string): number[][] {
  // Indexes sorted, not objects: a million events at 100k articles.
  const published = events.map((e) => publishedOf(e.articleId));
  const order = Array.from(events.keys());
  order.sort((a, b) => {
    const pa = published[a] as string;
    const pb = published[b] as string;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const ia = (events[a] as MergeInput).id;
    const ib = (events[b] as MergeInput).id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  // A group is known by its first mention (an index). Only groups that something joined get an object: at 100k
  // articles a million groups stay one event each.
  type Joined = { members: number[]; articles: string[] };
  const buckets = new Map<string, number[]>();
  const joined = new Map<number, Joined>();
  const firsts: number[] = [];
  for (const i of order) {
    const e = events[i] as MergeInput;
    firsts.push(i);
    if (e.kind !== 'mention') continue;
    const key = mergeBucketOf(e);
    let heads = buckets.get(key);
    if (!heads) buckets.set(key, (heads = []));
    let best = -1;
    let bestScore = MERGE_THRESHOLD;
    for (let k = heads.length - 1; k >= 0 && k >= heads.length - MAX_GROUPS_COMPARED; k--) {
      const h = heads[k] as number;
      const g = joined.get(h);
      if (g ? g.articles.includes(e.articleId) : (events[h] as MergeInput).articleId === e.articleId) continue;
      const score = similarityAtLeast(e.stems, (events[h] as MergeInput).stems, bestScore);
      if (score >= 0) [best, bestScore] = [h, score];
    }
    if (best >= 0) {
      firsts.pop();
      const g = joined.get(best);
      if (g) {
        g.members.push(i);
        g.articles.push(e.articleId);
      } else joined.set(best, { members: [best, i], articles: [(events[best] as MergeInput).articleId, e.articleId] });
    } else heads.push(i);
  }
  return firsts.map((h) => joined.get(h)?.members ?? [h]);
}

/** The event of a group as index.json lists it: its first mention's, told by every member's article, known by every member's id. */
export function summaryOfGroup(members: readonly EventSummary[]): EventSummary {
  const first = members[0];
  if (!first) throw new Error('a merge group has no member');
  return {
    id: first.id,
    label: first.label,
    start: first.start,
    end: first.end,
    precision: first.precision,
    articleId: first.articleId,
    articleIds: [...new Set(members.flatMap((e) => e.articleIds))],
    approximate: first.approximate,
    openEnd: first.openEnd ?? false,
    kind: first.kind,
    aliases: [...new Set(members.flatMap((e, k) => (k === 0 ? e.aliases : [e.id, ...e.aliases])))].sort(),
  };
}

/** The fields a member of a merged event takes from its group, in its article's file. */
export type GroupFields = Pick<EventSummary, 'id' | 'label' | 'articleId' | 'articleIds' | 'approximate' | 'openEnd' | 'aliases'>;

export function groupFieldsOf(s: EventSummary): GroupFields {
  return { id: s.id, label: s.label, articleId: s.articleId, articleIds: s.articleIds, approximate: s.approximate, openEnd: s.openEnd ?? false, aliases: s.aliases };
}

/**
 * A member of a merged event as its article's file tells it: the group's summary (id, label, articles,
 * aliases) with the member's own excerpts, dating and citations — offsets into this article's text.
 * Same keys in the same order as the member (the bytes of the file depend on it).
 */
export function withGroup(e: EventDetail, g: GroupFields): EventDetail {
  return { ...e, ...g };
}
