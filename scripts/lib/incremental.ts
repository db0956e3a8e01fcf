/**
 * An incremental build: a few articles edited, added or removed, the rest of the dataset as the last build left
 * it (its layout, dataset-state.ts). Instead of reading every entry and merging every event again, it
 *   1. reads the changed and new files (in this thread) and the previous entries of the changed and removed ones;
 *   2. re-merges only the merge's buckets their old and new mentions fall in (the groups of a bucket depend only
 *      on its mentions: planMerge), read from the bucket store;
 *   3. writes index.json anew from the old one's bytes: the articles' entries encoded again (an article added or
 *      removed moves the positions after it), the rows of those buckets and of the articles' other events out,
 *      the new ones in, in order, every other row copied as it is (renumbered when positions moved); search.json
 *      likewise, by parts;
 *   4. writes the article files whose events changed (the edited and added ones, and those whose merged groups
 *      changed) and removes those of removed articles;
 *   5. replaces the files by rename, after a journal lists the renames and removals (a build stopped half-way is
 *      rolled forward by the next: every new file is whole before the journal is written).
 * The bytes are those of a clean build (scripts/build-data.test.ts checks it). When the change is not of this
 * kind — a copy of another article made, changed or removed, many files changed, an output touched behind the
 * build's back, a mostly stale bucket store — it declines, saying why, and the build runs whole.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic, hasErrors } from '../../src/pipeline/diagnostic.ts';
import { displayName } from './input-units.ts';
import { mergeBucketOf, planMerge, type GroupFields } from '../../src/pipeline/merge-events.ts';
import { eventRowOf, SCHEMA_VERSION, type ArticleSummary, type EventRow } from '../../src/pipeline/schema.ts';
import { BucketReader, BucketWriter, intervalOfBucket, mergeInputOfStored, storedMention, summaryOfStored, type BucketTable, type StoredMention } from './bucket-store.ts';
import type { FileStamp } from './build-worker.ts';
import { stampMatches, stampOf, type DatasetLayout, type Manifest, type Report } from './dataset-state.ts';
import { composeArticleFile, entryPath, extractFile, fromHead, summaryOfLean, type EntryMeta, type ExtractedFile, type LeanEvent } from './extract-entry.ts';
import type { InputRecord, InputStamp } from './input-state.ts';
import { articleFingerprint, articleSummaryOf, compareArticles, groupRow, refsOf } from './lean-assembly.ts';
import { renumberRows, spliceRows, type RowKey } from './index-rows.ts';
import { encodeList, joinParts, listEnd } from './splice-list.ts';
import { isTilePath, stagePatchedTiles, type PatchFromFiles, type StagedTiles } from './write-tiles.ts';
import { periodOfKey, sortKeyOf } from '../../src/pipeline/tiles.ts';

/** More changed files than this: the whole build (with its worker threads) is the faster way. */
const MAX_CHANGED = 48;

const STALE_STORE_BYTES = 16 << 20;

export type IncrementalInput = {
  version: string;
  cacheRoot: string;
  cacheDir: string;
  out: string;
  inputs: readonly { path: string; file: string }[];
  stamps: readonly (InputStamp | null)[];
  known: readonly (InputRecord | null)[];
  manifest: Manifest;
  journal: string;
  /** Where the search shards' slack is kept (write-tiles.ts). */
  slackDir: string;
  failAfter: number | null;
  /** The tiles of the new index.json and search.json (staged under those paths), staged in turn by `staged`. */
  tiles: (x: { index: string; search: string; staged: (path: string) => string; known: Manifest['files'] }) => StagedTiles;
};

export type IncrementalResult =
  | { done: true; report: Report; records: InputRecord[]; manifest: Manifest; extracted: number; written: number; removed: number; renumbered: boolean; tiles: { written: number; removed: number; declined?: string }; ms: Record<string, number> }
  | { done: false; why: string };

type Side = { meta: EntryMeta; lean: LeanEvent[] | null; search: string | null };

function sideOf(x: ExtractedFile): Side {
  return { meta: JSON.parse(x.meta) as EntryMeta, lean: x.lean === null ? null : (JSON.parse(x.lean) as LeanEvent[]), search: x.search };
}

function valid(s: Side): s is Side & { meta: { article: NonNullable<EntryMeta['article']> }; lean: LeanEvent[]; search: string } {
  return s.meta.article !== null && s.lean !== null && s.search !== null && !hasErrors(s.meta.diagnostics);
}

const isMention = (l: LeanEvent) => l[7] === 'mention';
const bucketOfLean = (l: LeanEvent) => mergeBucketOf({ start: l[2], end: l[3], precision: l[4] });

/** A file written from its pieces (slices of the old files and new bytes) without joining them in memory first. */
function writePieces(path: string, pieces: readonly Buffer[]): void {
  const fd = openSync(path, 'w');
  try {
    // writev takes at most IOV_MAX (1024) pieces a call, and may write fewer bytes than asked.
    for (let i = 0; i < pieces.length; ) {
      const batch = pieces.slice(i, i + 1024);
      const size = batch.reduce((n, b) => n + b.length, 0);
      let done = writevSync(fd, batch);
      while (done < size) {
        // A short write: the rest of the batch, from where it stopped.
        let skip = done;
        const rest: Buffer[] = [];
        for (const b of batch) {
          if (skip >= b.length) skip -= b.length;
          else {
            rest.push(skip > 0 ? b.subarray(skip) : b);
            skip = 0;
          }
        }
        done += writevSync(fd, rest);
      }
      i += batch.length;
    }
  } finally {
    closeSync(fd);
  }
}

/** Renames interrupted half-way: the journal stays, and the next build finishes them. */
export class UnfinishedRenames extends Error {}

/** Where an incremental build writes its new files before the journal renames them into `out`: a folder beside it. */
function stagingOf(out: string): string {
  return `${out}.next-${process.pid}`;
}

/** Staging folders of incremental builds killed before their journal was written (call after rolling a journal forward). */
export function removeStaleStaging(out: string): void {
  const prefix = `${basename(out)}.next-`;
  let names: string[];
  try {
    names = readdirSync(dirname(out));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) continue; // another build, at work now
    rmSync(join(dirname(out), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A journal's line: a file renamed over another, or (to null) a file removed. */
type JournalEntry = [from: string, to: string | null];

/**
 * A rename list, written whole before any of its renames: an interrupted build's are done by the next. A rename
 * whose file is gone was done (or its folder removed since: the manifest's stamps then send the next build
 * whole); any other failure stops, the journal kept.
 */
export function rollJournalForward(journal: string): void {
  let entries: JournalEntry[];
  try {
    entries = JSON.parse(readFileSync(journal, 'utf8')) as JournalEntry[];
  } catch {
    return;
  }
  for (const [from, to] of entries) {
    try {
      if (to === null) rmSync(from, { force: true });
      else renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(from)) continue;
      throw new UnfinishedRenames(`${from} could not be ${to === null ? 'removed' : `renamed to ${to}`} (${String(error)}); the next build finishes what ${journal} lists`);
    }
  }
  rmSync(journal, { force: true });
}

type Article = NonNullable<EntryMeta['article']>;
/** An article as a change brings it or takes it away: its lean events, its search part, its entry, its file's index. */
type Told = { article: Article; lean: LeanEvent[]; search: string; key: string; file: number };

export function buildIncrementally(x: IncrementalInput): IncrementalResult {
  const t0 = performance.now();
  const no = (why: string): IncrementalResult => ({ done: false, why });
  const { manifest: m, inputs, out } = x;
  const layout = m.layout;
  if (!layout || m.version !== x.version || !m.report) return no('no layout of this pipeline version');
  const indexPath = join(out, 'index.json');
  const searchPath = join(out, 'search.json');
  if (!stampMatches(indexPath, layout.index.stamp) || !stampMatches(searchPath, layout.search.stamp)) return no('the output is not the one the layout describes');
  const storePath = join(x.cacheRoot, layout.buckets.file);
  if ((stampOf(storePath)?.size ?? -1) < layout.buckets.size) return no('the bucket store is missing');
  // Each edit appends the buckets it touched; once most of the store is lines nobody points at, a whole build writes it anew.
  let live = 0;
  for (const [, length] of Object.values(layout.buckets.table)) live += length;
  const stale = layout.buckets.size - live;
  if (stale > live && stale > STALE_STORE_BYTES) return no('the bucket store is mostly stale lines');
  for (const [path, f] of Object.entries(m.files)) if (!stampMatches(join(out, path), f.stamp)) return no(`${path} was changed or removed behind the build's back`);

  // 1. The files: unchanged (same stamp, or same entry key), changed, added (read here) or removed.
  const oldIndexOf = new Map(layout.files.map((f, i) => [f, i]));
  const newIndexOf = new Map(inputs.map((f, j) => [f.file, j]));
  const removedFiles = layout.files.map((f, i) => (newIndexOf.has(f) ? -1 : i)).filter((i) => i >= 0);
  const unread = x.known.reduce((n, k, j) => (k === null || !oldIndexOf.has((inputs[j] as { file: string }).file) ? n + 1 : n), 0);
  if (unread + removedFiles.length > MAX_CHANGED) return no(`${unread + removedFiles.length} files changed, added or removed`);
  const oldSide = (i: number): Side | null => {
    const key = layout.keys[i];
    if (!key) return null;
    try {
      return sideOf(fromHead(layout.files[i] as string, key, readFileSync(entryPath(x.cacheDir, key), 'utf8'), true));
    } catch {
      return null;
    }
  };
  const records: InputRecord[] = [];
  type Change = { file: string; i: number; j: number; key: string | null; before: Side | null; now: Side | null };
  const changes: Change[] = [];
  let extracted = 0;
  for (let j = 0; j < inputs.length; j++) {
    const input = inputs[j] as { path: string; file: string };
    const i = oldIndexOf.get(input.file) ?? -1;
    const known = x.known[j];
    if (known && i >= 0) {
      if (known.key !== layout.keys[i]) return no('the input state and the layout differ');
      records.push(known);
      continue;
    }
    const stamp = x.stamps[j];
    const r = extractFile(input.path, input.file, x.cacheDir, x.version);
    if (!r.cached) extracted++;
    if (r.key === null || !stamp) return no(`${input.file} cannot be read`);
    records.push({ file: input.file, stamp, key: r.key, headBytes: r.headBytes });
    if (i >= 0 && r.key === layout.keys[i]) continue;
    const before = i >= 0 ? oldSide(i) : null;
    if (i >= 0 && !before) return no(`the previous entry of ${input.file} is gone`);
    changes.push({ file: input.file, i, j, key: r.key, before, now: sideOf(r) });
  }
  for (const i of removedFiles) {
    const before = oldSide(i);
    if (!before) return no(`the previous entry of ${layout.files[i]} is gone`);
    changes.push({ file: layout.files[i] as string, i, j: -1, key: null, before, now: null });
  }

  // 2. What the changes do to the articles: each kept article a change takes away is removed, each valid one it
  //    brings is added (an edit of an article is both, by its id). Copies of an article are left to the whole build.
  const copies = new Set(layout.duplicates.ids);
  const removed = new Map<string, Told>();
  const added = new Map<string, Told>();
  let rejected = layout.rejected;
  const newProblems = new Map<number, string[]>();
  for (const c of changes) {
    if (c.before) {
      const wasKept = (layout.positions[c.i] as number) >= 0;
      if (wasKept !== valid(c.before)) return no(`${c.file} was a copy of another article, or its entry and the layout differ`);
      if (valid(c.before)) {
        if (copies.has(c.before.meta.article.id)) return no(`${c.file} has copies`);
        removed.set(c.before.meta.article.id, { article: c.before.meta.article, lean: c.before.lean, search: c.before.search, key: layout.keys[c.i] as string, file: c.i });
      }
      if (hasErrors(c.before.meta.diagnostics)) rejected--;
    }
    if (c.now) {
      if (valid(c.now)) {
        const id = c.now.meta.article.id;
        if (added.has(id) || copies.has(id)) return no(`${c.file} tells an article another file tells`);
        added.set(id, { article: c.now.meta.article, lean: c.now.lean, search: c.now.search, key: c.key as string, file: c.j });
      }
      if (hasErrors(c.now.meta.diagnostics)) rejected++;
      const lines = c.now.meta.diagnostics.map((d) => formatDiagnostic(displayName(c.file), d));
      if (lines.length > 0) newProblems.set(c.j, lines);
    }
  }
  const tRead = performance.now();

  // 3. The articles of index.json before and after, and where each is.
  const index = readFileSync(indexPath);
  const al = layout.index.articles;
  const oldArticles = JSON.parse(index.toString('utf8', al.start - 1, listEnd(al) + 1)) as ArticleSummary[];
  const oldById = new Map(oldArticles.map((a, p) => [a.id, { a, p }]));
  for (const id of added.keys()) if (oldById.has(id) && !removed.has(id)) return no(`a new file tells the article ${id}, which another file tells`);
  const newArticles = oldArticles.filter((a) => !removed.has(a.id));
  for (const t of added.values()) newArticles.push(articleSummaryOf(t.article));
  newArticles.sort(compareArticles);
  const newById = new Map(newArticles.map((a, p) => [a.id, { a, p }]));
  const newPosition = (id: string) => newById.get(id)?.p ?? -1;
  const articleAt = (id: string) => {
    const p = newPosition(id);
    if (p < 0) throw new Error(`the article ${id} has no position`);
    return p;
  };
  const moved = oldArticles.some((a, p) => !removed.has(a.id) && newPosition(a.id) !== p);

  // 4. The buckets the changes touch, merged before and after.
  const reader = new BucketReader(storePath, layout.buckets.table);
  type Merged = { key: string; mentions: StoredMention[]; groups: number[][] };
  const merge = (key: string, mentions: StoredMention[], byId: ReadonlyMap<string, { a: ArticleSummary }>): Merged => {
    const interval = intervalOfBucket(key);
    const groups = planMerge(
      mentions.map((s) => mergeInputOfStored(s, interval)),
      (id) => byId.get(id)?.a.publishedOn ?? '',
    );
    return { key, mentions, groups };
  };
  /**
   * Each member's group fields (members of groups of one have none), by `${article id}:${k}`; and the rows, with
   * the positions after the change (an article removed: -1, in a row that cannot stay).
   */
  const fieldsAndRows = (b: Merged) => {
    const interval = intervalOfBucket(b.key);
    const fields = new Map<string, GroupFields>();
    const rows: EventRow[] = [];
    for (const g of b.groups) {
      const members = g.map((i) => b.mentions[i] as StoredMention);
      const { row, fields: f } = groupRow(
        members.map((s) => summaryOfStored(s, interval)),
        newPosition,
      );
      rows.push(row);
      if (f) for (const s of members) fields.set(`${s[0]}:${s[1]}`, f);
    }
    return { fields, rows };
  };
  const touched = new Set<string>();
  for (const t of [...removed.values(), ...added.values()]) for (const l of t.lean) if (isMention(l)) touched.add(bucketOfLean(l));
  const removeKeys: RowKey[] = [];
  const newRows: EventRow[] = [];
  const newFields = new Map<string, GroupFields>();
  const affected = new Set<string>(added.keys());
  const newBuckets = new Map<string, StoredMention[]>();
  for (const key of touched) {
    const oldMentions = reader.read(key);
    const mentions = oldMentions.filter((s) => !removed.has(s[0]));
    for (const [id, t] of added) t.lean.forEach((l, k) => {
      if (isMention(l) && bucketOfLean(l) === key) mentions.push(storedMention(id, k, l[0], l[1], l[5], l[6], l[8]));
    });
    newBuckets.set(key, mentions);
    const was = fieldsAndRows(merge(key, oldMentions, oldById));
    const now = fieldsAndRows(merge(key, mentions, newById));
    // Only the rows that differ leave and enter index.json: a bucket of a year may hold thousands of groups.
    const { start, end } = intervalOfBucket(key);
    const wasRows = new Map(was.rows.map((r) => [r[0], JSON.stringify(r)]));
    for (const r of now.rows) {
      const json = JSON.stringify(r);
      if (wasRows.get(r[0]) === json) wasRows.delete(r[0]);
      else newRows.push(r);
    }
    for (const id of wasRows.keys()) removeKeys.push({ key: start ?? end ?? '', id });
    for (const [k, f] of now.fields) newFields.set(k, f);
    // An article not added whose mention joins, leaves or changes a group: its file changes.
    for (const s of mentions) {
      if (added.has(s[0])) continue;
      const k = `${s[0]}:${s[1]}`;
      if (JSON.stringify(was.fields.get(k) ?? null) !== JSON.stringify(now.fields.get(k) ?? null)) affected.add(s[0]);
    }
  }
  for (const t of removed.values()) for (const l of t.lean) if (!isMention(l)) removeKeys.push({ key: l[2] ?? l[3] ?? '', id: l[0] });
  for (const [id, t] of added) for (const l of t.lean) if (!isMention(l)) newRows.push(eventRowOf(summaryOfLean(l, id), articleAt));
  const tMerge = performance.now();

  // 5. index.json: the articles encoded anew; the rows renumbered if positions moved, then spliced.
  const old = layout.index.rows;
  const { file: rowsFile, rows } = moved ? renumberRows(index, old, oldArticles.map((a) => newPosition(a.id))) : { file: index, rows: old };
  const head = index.subarray(0, al.start);
  const articlesPart = encodeList(newArticles, head.length);
  const middle = index.subarray(listEnd(al), old.start);
  const rowsPart = spliceRows(rowsFile, rows, removeKeys, newRows, articlesPart.end + middle.length);
  if (typeof rowsPart === 'string') return no(rowsPart);
  const indexPieces = [head, ...articlesPart.pieces, middle, ...rowsPart.pieces, index.subarray(listEnd(old))];

  // 6. search.json: each file's part, as it was or as its change brings it.
  const search = readFileSync(searchPath);
  const oldParts = layout.search.parts;
  const changedAt = new Map(changes.filter((c) => c.j >= 0).map((c) => [c.j, c]));
  const toldAt = new Map([...added.values()].map((t) => [t.file, t.search]));
  const searchPart = joinParts(
    inputs.length,
    (j) => {
      if (changedAt.has(j)) {
        const told = toldAt.get(j);
        return told === undefined ? null : Buffer.from(told.slice(1, -1));
      }
      const i = oldIndexOf.get((inputs[j] as { file: string }).file) as number;
      const at = oldParts[2 * i] as number;
      return oldParts[2 * i + 1] ? search.subarray(at, at + (oldParts[2 * i + 1] as number)) : null;
    },
    layout.search.start,
  );
  let searchEnd = layout.search.start;
  for (let i = 0; i < layout.files.length; i++) if (oldParts[2 * i + 1]) searchEnd = (oldParts[2 * i] as number) + (oldParts[2 * i + 1] as number);
  const searchPieces = [search.subarray(0, layout.search.start), ...searchPart.pieces, search.subarray(searchEnd)];

  // 7. The article files whose events changed; those of removed articles go.
  const fileOfOldPosition = new Map<number, number>();
  layout.positions.forEach((p, i) => {
    if (p >= 0) fileOfOldPosition.set(p, i);
  });
  const untouched = new Map<string, Map<string, GroupFields>>();
  const fieldsIn = (key: string): Map<string, GroupFields> => {
    let f = untouched.get(key);
    if (!f) untouched.set(key, (f = fieldsAndRows(merge(key, reader.read(key), newById)).fields));
    return f;
  };
  const files = { ...m.files };
  const writes: { path: string; bytes: Buffer[]; fp: string }[] = [];
  for (const id of [...affected].sort()) {
    let told = added.get(id);
    if (!told) {
      const i = fileOfOldPosition.get(oldById.get(id)?.p ?? -1);
      const side = i === undefined ? null : oldSide(i);
      if (i === undefined || !side || !valid(side)) return no(`the entry of the article ${id} is gone`);
      told = { article: side.meta.article, lean: side.lean, search: side.search, key: layout.keys[i] as string, file: -1 };
    }
    const merged = new Map<number, GroupFields>();
    told.lean.forEach((l, k) => {
      if (!isMention(l)) return;
      const bucket = bucketOfLean(l);
      const f = touched.has(bucket) ? newFields.get(`${id}:${k}`) : fieldsIn(bucket).get(`${id}:${k}`);
      if (f) merged.set(k, f);
    });
    const refs = refsOf(told.lean, merged);
    const fp = articleFingerprint(x.version, told.key, told.article.eventCount, refs);
    const path = `articles/${id}.json`;
    if (files[path]?.fp === fp) continue;
    writes.push({ path, bytes: composeArticleFile(readFileSync(entryPath(x.cacheDir, told.key)), SCHEMA_VERSION, told.article.eventCount, refs), fp });
  }
  const gone = [...removed.keys()].filter((id) => !added.has(id)).map((id) => `articles/${id}.json`);
  reader.close();

  // The tiles' patch (tile-patch.ts): the periods the change's rows fall in, and the excerpts of the events whose
  // words may change, from their articles' entries (the changed articles' as the change takes and brings them).
  const periods = new Set<string>();
  for (const key of touched) {
    const { start, end } = intervalOfBucket(key);
    periods.add(periodOfKey(start ?? end ?? ''));
  }
  for (const k of removeKeys) periods.add(periodOfKey(k.key));
  for (const r of newRows) periods.add(periodOfKey(sortKeyOf(r)));
  let entryMissing: string | null = null;
  const searchParts = new Map<string, readonly [string, string][]>();
  const excerptsOf = (before: boolean) => (ids: readonly string[], tellers: readonly string[]): string[] => {
    const out: string[] = [];
    for (const id of tellers) {
      const told = before ? removed.get(id) : added.get(id);
      const cacheKey = `${told ? (before ? 'before' : 'after') : 'same'}:${id}`;
      let part = searchParts.get(cacheKey);
      if (!part) {
        let text = told?.search;
        if (text === undefined) {
          const i = fileOfOldPosition.get(oldById.get(id)?.p ?? -1);
          const side = i === undefined ? null : oldSide(i);
          if (!side?.search) entryMissing = id;
          text = side?.search ?? '[]';
        }
        searchParts.set(cacheKey, (part = JSON.parse(text) as [string, string][]));
      }
      for (const [eventId, excerpt] of part) if (ids.includes(eventId)) out.push(excerpt);
    }
    return out;
  };
  const patchInput: PatchFromFiles | null = layout.tiling?.periods
    ? {
        state: layout.tiling,
        articles: newArticles,
        positionOf: newPosition,
        periods,
        leaving: new Set(removeKeys.map((k) => k.id)),
        entering: newRows,
        changedArticles: new Set([...removed.keys(), ...added.keys()]),
        excerptsBefore: excerptsOf(true),
        excerptsAfter: excerptsOf(false),
      }
    : null;
  const tPlan = performance.now();

  // 8. The bucket store: the touched buckets' new lines appended (the manifest, written last, points at them).
  const table: BucketTable = { ...layout.buckets.table };
  const writer = new BucketWriter(storePath, layout.buckets.size);
  try {
    for (const [key, mentions] of newBuckets) {
      delete table[key];
      if (mentions.length === 0) continue;
      writer.add(key, mentions);
      table[key] = writer.table[key] as [number, number];
    }
  } finally {
    writer.close();
  }

  // 9. Every new file whole under a temporary name in a folder beside the output (a build killed before its
  //    journal leaves the output untouched), the tiles of the new index.json likewise, then the journal, the
  //    renames and removals. (When no article changed — only rejected files, or files put back as they were —
  //    the dataset's bytes are the same.)
  const same = added.size === 0 && removed.size === 0;
  const outputs: { path: string; bytes: Buffer[] }[] = same ? [] : [{ path: 'index.json', bytes: indexPieces }, { path: 'search.json', bytes: searchPieces }, ...writes];
  const stage = stagingOf(out);
  const staged = (path: string): string => {
    const at = join(stage, path);
    mkdirSync(dirname(at), { recursive: true });
    return at;
  };
  const journal: JournalEntry[] = [];
  let tiles: StagedTiles | null = null;
  let tilesDeclined: string | null = null;
  try {
    rmSync(stage, { recursive: true, force: true });
    for (const o of outputs) {
      if (x.failAfter !== null && journal.length >= x.failAfter) throw new Error(`stopped after ${x.failAfter} files (DATELINE_BUILD_FAIL_AFTER)`);
      const tmp = staged(o.path);
      writePieces(tmp, o.bytes);
      journal.push([tmp, join(out, o.path)]);
    }
    if (!same) {
      for (const path of gone) journal.push([join(out, path), null]);
      const patched = patchInput ? stagePatchedTiles(out, patchInput, staged, x.slackDir, m.files) : 'no tiling state';
      if (entryMissing !== null) tilesDeclined = `the entry of the article ${entryMissing} is gone`;
      else if (typeof patched === 'string') tilesDeclined = patched;
      tiles = tilesDeclined === null && typeof patched !== 'string' ? patched : x.tiles({ index: join(stage, 'index.json'), search: join(stage, 'search.json'), staged, known: m.files });
      for (const [tmp, path] of tiles.renames) journal.push([tmp, join(out, path)]);
      for (const path of tiles.removals) journal.push([join(out, path), null]);
    }
    writeFileSync(`${x.journal}.tmp`, JSON.stringify(journal));
    renameSync(`${x.journal}.tmp`, x.journal);
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  }
  if (process.env['DATELINE_BUILD_CRASH_AT'] === 'journal') process.exit(70);
  rollJournalForward(x.journal);
  rmSync(stage, { recursive: true, force: true });

  // 10. The manifest: the files written and removed, the layout of the new dataset.
  for (const w of writes) files[w.path] = { fp: w.fp, stamp: stampOf(join(out, w.path)) as FileStamp };
  for (const path of gone) delete files[path];
  const indexStamp = stampOf(indexPath) as FileStamp;
  const searchStamp = stampOf(searchPath) as FileStamp;
  files['index.json'] = { fp: '', stamp: indexStamp };
  files['search.json'] = { fp: '', stamp: searchStamp };
  if (tiles) {
    for (const path of Object.keys(files)) if (isTilePath(path)) delete files[path];
    Object.assign(files, tiles.files);
  }
  const problems: Record<number, string[]> = {};
  const positions = inputs.map((f, j) => {
    const c = changedAt.get(j);
    if (c) {
      const lines = newProblems.get(j);
      if (lines) problems[j] = lines;
      return c.now && valid(c.now) ? newPosition(c.now.meta.article.id) : -1;
    }
    const i = oldIndexOf.get(f.file) as number;
    const lines = layout.problems[i];
    if (lines) problems[j] = lines;
    const p = layout.positions[i] as number;
    return p < 0 ? -1 : newPosition((oldArticles[p] as ArticleSummary).id);
  });
  const nextLayout: DatasetLayout = {
    ...layout,
    files: inputs.map((f) => f.file),
    keys: records.map((r) => r.key),
    positions,
    problems,
    rejected,
    index: same ? layout.index : { stamp: indexStamp, articles: articlesPart.layout, rows: rowsPart.layout },
    search: same ? { ...layout.search, parts: searchPart.parts } : { stamp: searchStamp, start: layout.search.start, parts: searchPart.parts },
    buckets: { file: layout.buckets.file, size: writer.size, table },
    ...(tiles ? { tiling: tiles.state } : {}),
  };
  const events = rowsPart.layout.ends.length;
  const problemLines = [
    ...Object.keys(problems)
      .map(Number)
      .sort((a, b) => a - b)
      .flatMap((j) => problems[j] ?? []),
    ...layout.duplicates.lines,
  ];
  const report: Report = { problems: problemLines, rejected, built: inputs.length - rejected, events };
  return {
    done: true,
    report,
    records,
    manifest: { version: x.version, report, files, layout: nextLayout },
    extracted,
    written: writes.length,
    removed: gone.length,
    renumbered: moved,
    tiles: { written: tiles?.renames.length ?? 0, removed: tiles?.removals.length ?? 0, ...(tilesDeclined === null ? {} : { declined: tilesDeclined }) },
    ms: { read: Math.round(tRead - t0), merge: Math.round(tMerge - tRead), plan: Math.round(tPlan - tMerge), write: Math.round(performance.now() - tPlan) },
  };
}
