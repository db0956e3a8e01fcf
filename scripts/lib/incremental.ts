/**
 * An incremental build: a few articles edited in place, the rest of the dataset as the last build left it
 * (its layout, dataset-state.ts). Instead of reading every entry and merging every event again, it
 *   1. reads the changed files (in this thread) and their previous entries;
 *   2. re-merges only the merge's buckets their old and new mentions fall in (the groups of a bucket depend only
 *      on its mentions: planMerge), read from the bucket store;
 *   3. splices index.json (the changed articles' entries; the rows of those buckets and of the changed articles'
 *      other events out, the new ones in, in order) and search.json (the changed articles' parts), copying the
 *      rest of the bytes as they are;
 *   4. writes the article files whose events changed: the edited ones, and those whose merged groups changed;
 *   5. replaces the files by rename, after a journal lists the renames (a build stopped half-way is rolled
 *      forward by the next: every new file is whole before the journal is written).
 * The bytes are those of a clean build (scripts/build-data.test.ts checks it). When the edit is not of this
 * kind — a file added, removed or renamed, an article whose URL or date changed, a file that became valid or
 * invalid, a copy of another article, many files changed, an output touched behind the build's back — it
 * declines, saying why, and the build runs whole.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, hasErrors } from '../../src/pipeline/diagnostic.ts';
import { mergeBucketOf, planMerge, type GroupFields } from '../../src/pipeline/merge-events.ts';
import { eventRowOf, SCHEMA_VERSION, type ArticleSummary, type EventRow } from '../../src/pipeline/schema.ts';
import { BucketReader, BucketWriter, intervalOfBucket, mergeInputOfStored, storedMention, summaryOfStored, type BucketTable, type StoredMention } from './bucket-store.ts';
import type { FileStamp } from './build-worker.ts';
import { stampMatches, stampOf, type DatasetLayout, type Manifest, type Report } from './dataset-state.ts';
import { composeArticleFile, entryPath, extractFile, fromHead, summaryOfLean, type EntryMeta, type ExtractedFile, type LeanEvent } from './extract-entry.ts';
import type { InputRecord, InputStamp } from './input-state.ts';
import { articleFingerprint, articleSummaryOf, compareRowKeys, compareRows, groupRow, refsOf } from './lean-assembly.ts';
import { elementBytes, listEnd, spliceList, type Insert } from './splice-list.ts';

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
  failAfter: number | null;
};

export type IncrementalResult =
  | { done: true; report: Report; records: InputRecord[]; manifest: Manifest; extracted: number; written: number; ms: Record<string, number> }
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

/** Renames interrupted half-way: the journal stays, and the next build finishes them. */
export class UnfinishedRenames extends Error {}

/**
 * A rename list, written whole before any of its renames: an interrupted build's are done by the next. A rename
 * whose file is gone was done (or its folder removed since: the manifest's stamps then send the next build
 * whole); any other failure stops, the journal kept.
 */
export function rollJournalForward(journal: string): void {
  let pairs: [string, string][];
  try {
    pairs = JSON.parse(readFileSync(journal, 'utf8')) as [string, string][];
  } catch {
    return;
  }
  for (const [from, to] of pairs) {
    try {
      renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(from)) continue;
      throw new UnfinishedRenames(`${from} could not be renamed to ${to} (${String(error)}); the next build finishes the renames listed in ${journal}`);
    }
  }
  rmSync(journal, { force: true });
}

export function buildIncrementally(x: IncrementalInput): IncrementalResult {
  const t0 = performance.now();
  const no = (why: string): IncrementalResult => ({ done: false, why });
  const { manifest: m, inputs, out } = x;
  const layout = m.layout;
  if (!layout || m.version !== x.version || !m.report) return no('no layout of this pipeline version');
  if (layout.files.length !== inputs.length || layout.files.some((f, i) => f !== inputs[i]?.file)) return no('files were added, removed or renamed');
  const indexPath = join(out, 'index.json');
  const searchPath = join(out, 'search.json');
  if (!stampMatches(indexPath, layout.index.stamp) || !stampMatches(searchPath, layout.search.stamp)) return no('the output is not the one the layout describes');
  const storePath = join(x.cacheRoot, layout.buckets.file);
  if ((stampOf(storePath)?.size ?? -1) < layout.buckets.size) return no('the bucket store is missing');
  // Each edit appends the buckets it touched; once most of the store is lines nobody points at, a whole build writes it anew.
  const stale = layout.buckets.size - layout.buckets.live;
  if (stale > layout.buckets.live && stale > STALE_STORE_BYTES) return no('the bucket store is mostly stale lines');
  for (const [path, f] of Object.entries(m.files)) if (!stampMatches(join(out, path), f.stamp)) return no(`${path} was changed or removed behind the build's back`);

  // 1. The files whose stamps changed: read here, and compared by their entry keys.
  const unread = x.known.reduce((n, k) => (k === null ? n + 1 : n), 0);
  if (unread > MAX_CHANGED) return no(`${unread} files to read`);
  const records: InputRecord[] = [];
  const changes: { i: number; key: string; now: Side; before: Side }[] = [];
  let extracted = 0;
  for (let i = 0; i < inputs.length; i++) {
    const known = x.known[i];
    if (known) {
      if (known.key !== layout.keys[i]) return no('the input state and the layout differ');
      records.push(known);
      continue;
    }
    const input = inputs[i] as { path: string; file: string };
    const stamp = x.stamps[i];
    const r = extractFile(input.path, input.file, x.cacheDir, x.version);
    if (!r.cached) extracted++;
    const oldKey = layout.keys[i];
    if (r.key === null || !stamp || !oldKey) return no(`${input.file} cannot be read, or could not be before`);
    records.push({ file: input.file, stamp, key: r.key, headBytes: r.headBytes });
    if (r.key === oldKey) continue;
    let before: string;
    try {
      before = readFileSync(entryPath(x.cacheDir, oldKey), 'utf8');
    } catch {
      return no(`the previous entry of ${input.file} is gone`);
    }
    changes.push({ i, key: r.key, now: sideOf(r), before: sideOf(fromHead(input.file, oldKey, before, true)) });
  }

  // 2. Each change keeps its article's place: the same id and date, valid before and after; or rejected before and after.
  const copies = new Set(layout.duplicates.ids);
  const edited = new Map<number, { i: number; key: string; lean: LeanEvent[]; search: string; article: NonNullable<EntryMeta['article']>; oldLean: LeanEvent[] }>();
  const problems = { ...layout.problems };
  for (const c of changes) {
    const pos = layout.positions[c.i] as number;
    const file = layout.files[c.i] as string;
    if (pos >= 0) {
      const { now, before } = c;
      if (!valid(now) || !valid(before)) return no(`${file} is no longer a valid article`);
      if (now.meta.article.id !== before.meta.article.id || now.meta.article.publishedOn !== before.meta.article.publishedOn) return no(`the URL or date of ${file} changed`);
      if (copies.has(now.meta.article.id)) return no(`${file} has copies`);
      edited.set(pos, { i: c.i, key: c.key, lean: now.lean, search: now.search, article: now.meta.article, oldLean: before.lean });
    } else if (valid(c.now) || valid(c.before)) return no(`${file} became valid, or is a copy of another article`);
    const lines = c.now.meta.diagnostics.map((d) => formatDiagnostic(file, d));
    if (lines.length > 0) problems[c.i] = lines;
    else delete problems[c.i];
  }
  const tRead = performance.now();

  // 3. The articles' entries of index.json, parsed when needed (by position).
  const index = readFileSync(indexPath);
  const summaries = new Map<number, ArticleSummary>();
  const positionOf = new Map<string, number>();
  const summaryAt = (pos: number): ArticleSummary => {
    let s = summaries.get(pos);
    if (!s) {
      const e = edited.get(pos);
      s = e ? articleSummaryOf(e.article) : (JSON.parse(elementBytes(index, layout.index.articles, pos).toString('utf8')) as ArticleSummary);
      summaries.set(pos, s);
      positionOf.set(s.id, pos);
    }
    return s;
  };
  const articleAt = (id: string) => {
    const p = positionOf.get(id);
    if (p === undefined) throw new Error(`the article ${id} has no position`);
    return p;
  };
  const publishedOf = (id: string) => summaryAt(articleAt(id)).publishedOn;

  // 4. The buckets the edits touch, merged before and after.
  const reader = new BucketReader(storePath, layout.buckets.table);
  type Merged = { key: string; mentions: StoredMention[]; groups: number[][] };
  const merge = (key: string, mentions: StoredMention[]): Merged => {
    const interval = intervalOfBucket(key);
    const groups = planMerge(
      mentions.map((s) => mergeInputOfStored(s, interval, summaryAt(s[0]).id)),
      publishedOf,
    );
    return { key, mentions, groups };
  };
  /** Each member's group fields (members of groups of one have none), by `${pos}:${k}`; and the rows. */
  const fieldsAndRows = (b: Merged) => {
    const interval = intervalOfBucket(b.key);
    const fields = new Map<string, GroupFields>();
    const rows: EventRow[] = [];
    for (const g of b.groups) {
      const members = g.map((i) => b.mentions[i] as StoredMention);
      const { row, fields: f } = groupRow(
        members.map((s) => summaryOfStored(s, interval, summaryAt(s[0]).id)),
        articleAt,
      );
      rows.push(row);
      if (f) for (const s of members) fields.set(`${s[0]}:${s[1]}`, f);
    }
    return { fields, rows };
  };
  const touched = new Set<string>();
  for (const e of edited.values()) for (const l of [...e.oldLean, ...e.lean]) if (isMention(l)) touched.add(bucketOfLean(l));
  const removeKeys: { key: string; id: string }[] = [];
  const newRows: EventRow[] = [];
  const newFields = new Map<string, GroupFields>();
  const affected = new Set<number>(edited.keys());
  const newBuckets = new Map<string, StoredMention[]>();
  for (const key of touched) {
    const oldMentions = reader.read(key);
    const mentions = oldMentions.filter((s) => !edited.has(s[0]));
    for (const [pos, e] of edited) e.lean.forEach((l, k) => {
      if (isMention(l) && bucketOfLean(l) === key) mentions.push(storedMention(pos, k, l[0], l[1], l[5], l[6], l[8]));
    });
    newBuckets.set(key, mentions);
    const was = fieldsAndRows(merge(key, oldMentions));
    const now = fieldsAndRows(merge(key, mentions));
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
    // An unedited article whose mention joins, leaves or changes a group: its file changes.
    for (const s of mentions) {
      if (edited.has(s[0])) continue;
      const k = `${s[0]}:${s[1]}`;
      if (JSON.stringify(was.fields.get(k) ?? null) !== JSON.stringify(now.fields.get(k) ?? null)) affected.add(s[0]);
    }
  }
  for (const [pos, e] of edited) {
    const id = summaryAt(pos).id;
    for (const l of e.oldLean) if (!isMention(l)) removeKeys.push({ key: l[2] ?? l[3] ?? '', id: l[0] });
    for (const l of e.lean) if (!isMention(l)) newRows.push(eventRowOf(summaryOfLean(l, id), articleAt));
  }
  const tMerge = performance.now();

  // 5. index.json: the edited articles' entries replaced, the rows spliced.
  const rows = layout.index.rows;
  const rowKeyAt = (i: number) => {
    const r = JSON.parse(elementBytes(index, rows, i).toString('utf8')) as EventRow;
    return { key: r[2] ?? r[3] ?? '', id: r[0] };
  };
  const lowerBound = (key: string, id: string) => {
    let lo = 0;
    let hi = rows.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rowKeyAt(mid);
      if (compareRowKeys(r.key, r.id, key, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const remove: number[] = [];
  for (const { key, id } of removeKeys) {
    const at = lowerBound(key, id);
    const found = at < rows.ends.length ? rowKeyAt(at) : null;
    if (!found || found.key !== key || found.id !== id) return no(`the row ${id} is not where the layout says`);
    remove.push(at);
  }
  remove.sort((a, b) => a - b);
  if (remove.some((r, k) => k > 0 && r === remove[k - 1])) return no('two removed rows are one');
  newRows.sort(compareRows);
  const inserts: Insert[] = newRows.map((r) => ({ before: lowerBound(r[2] ?? r[3] ?? '', r[0]), bytes: Buffer.from(JSON.stringify(r)) }));
  const articleEdits = [...edited.keys()].sort((a, b) => a - b);
  const head = index.subarray(0, layout.index.articles.start);
  const articlesPart = spliceList(
    index,
    layout.index.articles,
    articleEdits,
    articleEdits.map((pos) => ({ before: pos, bytes: Buffer.from(JSON.stringify(summaryAt(pos))) })),
    head.length,
  );
  const middle = index.subarray(listEnd(layout.index.articles), rows.start);
  const rowsPart = spliceList(index, rows, remove, inserts, articlesPart.end + middle.length);
  const indexBytes = Buffer.concat([head, ...articlesPart.pieces, middle, ...rowsPart.pieces, index.subarray(listEnd(rows))]);

  // 6. search.json: the edited articles' parts replaced.
  const search = readFileSync(searchPath);
  const partOf = new Map([...edited.values()].map((e) => [e.i, Buffer.from(e.search.slice(1, -1))]));
  const oldParts = layout.search.parts;
  const parts = new Uint32Array(oldParts.length);
  const searchPieces: Buffer[] = [search.subarray(0, layout.search.start)];
  let at = layout.search.start;
  let first = true;
  for (let i = 0; i < inputs.length; i++) {
    const part = partOf.get(i) ?? (oldParts[2 * i + 1] ? search.subarray(oldParts[2 * i], (oldParts[2 * i] as number) + (oldParts[2 * i + 1] as number)) : null);
    if (!part || part.length === 0) continue;
    if (!first) {
      searchPieces.push(Buffer.from(','));
      at++;
    }
    first = false;
    parts[2 * i] = at;
    parts[2 * i + 1] = part.length;
    searchPieces.push(part);
    at += part.length;
  }
  let lastEnd = layout.search.start;
  for (let i = 0; i < inputs.length; i++) if (oldParts[2 * i + 1]) lastEnd = (oldParts[2 * i] as number) + (oldParts[2 * i + 1] as number);
  searchPieces.push(search.subarray(lastEnd));

  // 7. The article files whose events changed.
  const fileOfPosition = new Map<number, number>();
  layout.positions.forEach((p, i) => {
    if (p >= 0) fileOfPosition.set(p, i);
  });
  const untouched = new Map<string, Map<string, GroupFields>>();
  const fieldsIn = (key: string): Map<string, GroupFields> => {
    let f = untouched.get(key);
    if (!f) untouched.set(key, (f = fieldsAndRows(merge(key, reader.read(key))).fields));
    return f;
  };
  const files = { ...m.files };
  const writes: { path: string; bytes: Buffer[]; fp: string }[] = [];
  for (const pos of [...affected].sort((a, b) => a - b)) {
    const e = edited.get(pos);
    const i = e?.i ?? (fileOfPosition.get(pos) as number);
    const key: string = e?.key ?? (layout.keys[i] as string);
    const entry = readFileSync(entryPath(x.cacheDir, key));
    const side: Side | null = e ? null : sideOf(fromHead(layout.files[i] as string, key, entry.toString('utf8'), true));
    const lean = e?.lean ?? side?.lean;
    const article: EntryMeta['article'] | undefined = e?.article ?? side?.meta.article;
    if (!lean || !article) return no(`the entry of ${layout.files[i]} has no article`);
    const merged = new Map<number, GroupFields>();
    lean.forEach((l, k) => {
      if (!isMention(l)) return;
      const bucket = bucketOfLean(l);
      const f = touched.has(bucket) ? newFields.get(`${pos}:${k}`) : fieldsIn(bucket).get(`${pos}:${k}`);
      if (f) merged.set(k, f);
    });
    const refs = refsOf(lean, merged);
    const fp = articleFingerprint(x.version, key, article.eventCount, refs);
    const path = `articles/${article.id}.json`;
    if (files[path]?.fp === fp) continue;
    writes.push({ path, bytes: composeArticleFile(entry, SCHEMA_VERSION, article.eventCount, refs), fp });
  }
  reader.close();
  const tPlan = performance.now();

  // 8. The bucket store: the touched buckets' new lines appended (the manifest, written last, points at them).
  const table: BucketTable = { ...layout.buckets.table };
  const writer = new BucketWriter(storePath, layout.buckets.size);
  let live = layout.buckets.live;
  try {
    for (const [key, mentions] of newBuckets) {
      live -= table[key]?.[1] ?? 0;
      delete table[key];
      if (mentions.length === 0) continue;
      writer.add(key, mentions);
      const at2 = writer.table[key] as [number, number];
      table[key] = at2;
      live += at2[1];
    }
  } finally {
    writer.close();
  }

  // 9. Every new file whole under a temporary name, the journal, the renames.
  // (Only rejected files changed, or files put back as they were: the dataset's bytes are the same.)
  const outputs: { path: string; bytes: Buffer[] }[] = edited.size === 0 ? [] : [{ path: 'index.json', bytes: [indexBytes] }, { path: 'search.json', bytes: searchPieces }, ...writes];
  const temps: [string, string][] = [];
  try {
    for (const o of outputs) {
      if (x.failAfter !== null && temps.length >= x.failAfter) throw new Error(`stopped after ${x.failAfter} files (DATELINE_BUILD_FAIL_AFTER)`);
      const to = join(out, o.path);
      const tmp = `${to}.tmp-${process.pid}`;
      writeFileSync(tmp, o.bytes.length === 1 ? (o.bytes[0] as Buffer) : Buffer.concat(o.bytes));
      temps.push([tmp, to]);
    }
    writeFileSync(`${x.journal}.tmp`, JSON.stringify(temps));
    renameSync(`${x.journal}.tmp`, x.journal);
  } catch (error) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw error;
  }
  if (process.env['DATELINE_BUILD_CRASH_AT'] === 'journal') process.exit(70);
  rollJournalForward(x.journal);

  // 10. The manifest: the files written, the layout of the new index.json and search.json.
  for (const w of writes) files[w.path] = { fp: w.fp, stamp: stampOf(join(out, w.path)) as FileStamp };
  const indexStamp = stampOf(indexPath) as FileStamp;
  const searchStamp = stampOf(searchPath) as FileStamp;
  files['index.json'] = { fp: '', stamp: indexStamp };
  files['search.json'] = { fp: '', stamp: searchStamp };
  const keys = records.map((r) => r.key);
  const nextLayout: DatasetLayout = {
    ...layout,
    keys,
    problems,
    index: { stamp: indexStamp, articles: articlesPart.layout, rows: rowsPart.layout },
    search: { stamp: searchStamp, start: layout.search.start, parts },
    buckets: { file: layout.buckets.file, size: writer.size, live, table },
  };
  const events = rowsPart.layout.ends.length;
  const problemLines = [
    ...Object.keys(problems)
      .map(Number)
      .sort((a, b) => a - b)
      .flatMap((i) => problems[i] ?? []),
    ...layout.duplicates.lines,
  ];
  const report: Report = { problems: problemLines, rejected: layout.rejected, built: inputs.length - layout.rejected, events };
  return {
    done: true,
    report,
    records,
    manifest: { version: x.version, report, files, layout: nextLayout },
    extracted,
    written: writes.length,
    ms: { read: Math.round(tRead - t0), merge: Math.round(tMerge - tRead), plan: Math.round(tPlan - tMerge), write: Math.round(performance.now() - tPlan) },
  };
}
