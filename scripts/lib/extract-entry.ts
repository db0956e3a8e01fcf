/**
 * One article file -> its cache entry: the pipeline's per-file extraction, stored under a key made of the
 * pipeline version, the file's name and its bytes. Run by the build's worker threads (and in-process for a few
 * files); the main thread only assembles.
 *
 * Entry format (UTF-8 text, one JSON value per line; JSON.stringify never writes a raw line break):
 *   line 0   meta: { diagnostics, article } — `article` is what assembling needs of the article (id, title, url,
 *            publishedOn, source, eventCount, and `text` cut to the date line, which is all the duplicate
 *            diagnostic reads), or null when the file was rejected
 *   line 1   what the main thread needs of each own event, in extraction order: LeanEvent[] (the summary and the
 *            merge's hashed stems: the main thread never holds excerpts or article texts)
 *   line 2   the article's part of search.json: a JSON array of [event id, excerpt text]
 *   line 3   the article's JSON up to its eventCount value (exclusive) — the full ArticleDetail["article"]
 *   line 4   the article's JSON after its eventCount value
 *   line 5…  the article's own events, one JSON per line, in extraction order
 * Lines 0–2 are the head: all the main thread reads (an incremental build reads just those bytes; a rejected
 * file's entry is its meta line alone).
 * The output writer splices the eventCount and the events, each as extracted or with its merged group's fields.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { MAX_ARTICLE_BYTES } from '../../src/pipeline/article-limit.ts';
import { decodeText } from '../../src/pipeline/decode-text.ts';
import { extractItem, extractUnit, searchEntriesOf, type Extraction } from '../../src/pipeline/build-dataset.ts';
import { byteLimitOf, isMultiArticleFile, splitItemFileName } from '../../src/pipeline/article-units.ts';
import type { StoredUnit } from '../../src/pipeline/formats/compose.ts';

import { stemHashes, withGroup, type GroupFields } from '../../src/pipeline/merge-events.ts';
import type { EventDetail, EventSummary } from '../../src/pipeline/schema.ts';
import { diagnosticAt, type Diagnostic } from '../../src/pipeline/diagnostic.ts';
import { tagTimexes } from '../../src/pipeline/temporal/tag-timexes.ts';

export type EntryMeta = { diagnostics: Diagnostic[]; article: Extraction['article'] | null };

/** An event as the main thread holds it: its summary fields (its article's aside) and the merge's stems. */
export type LeanEvent = [
  id: string,
  label: string,
  start: string | null,
  end: string | null,
  precision: EventSummary['precision'],
  approximate: boolean,
  openEnd: boolean,
  kind: EventSummary['kind'],
  stems: number[],
];

export function leanEventOf(e: EventDetail): LeanEvent {
  if (e.aliases.length > 0 || e.articleIds.length !== 1 || e.articleIds[0] !== e.articleId) throw new Error(`the extracted event ${e.id} is already merged`);
  return [e.id, e.label, e.start, e.end, e.precision, e.approximate, e.openEnd ?? false, e.kind, stemHashes(e)];
}

/** The summary of an event told by one article, as index.json lists it (summarizeEvent's keys and order). */
export function summaryOfLean(l: LeanEvent, articleId: string): EventSummary {
  const [id, label, start, end, precision, approximate, openEnd, kind] = l;
  return { id, label, start, end, precision, articleId, articleIds: [articleId], approximate, openEnd, kind, aliases: [] };
}

/** What a worker hands the main thread for one file: the key of its entry and the parts it reads. */
export type ExtractedFile = {
  file: string;
  /** Null when the file could not be read (nothing cached). */
  key: string | null;
  meta: string;
  /** LeanEvent[] as JSON, or null when the file was rejected. */
  lean: string | null;
  /** The article's part of search.json (a JSON array), or null when the file was rejected. */
  search: string | null;
  /** True when the entry came from the cache. */
  cached: boolean;
  /** Bytes of the entry's head (meta, lean, search lines with their line breaks). */
  headBytes: number;
};

/** Cache folders this thread has made (a mkdir per entry was a tenth of writing it). */
const madeDirs = new Set<string>();

export function entryPath(cacheDir: string, key: string): string {
  return join(cacheDir, key.slice(0, 2), `${key}.entry`);
}

/**
 * The article as JSON, cut around its eventCount value: JSON.stringify's bytes, cut at the key. The key is found
 * by its text `,"eventCount":` — inside a JSON string every quote is escaped, so that text can only be the key.
 */
export function splitArticleJson(article: Record<string, unknown>): [string, string] {
  const json = JSON.stringify(article);
  const key = ',"eventCount":';
  const at = json.indexOf(key);
  if (at < 0 || typeof article['eventCount'] !== 'number') throw new Error('an extracted article has no eventCount');
  const valueAt = at + key.length;
  return [json.slice(0, valueAt), json.slice(valueAt + String(article['eventCount']).length)];
}

function leanArticle(article: Extraction['article']): Extraction['article'] {
  const firstLineEnd = article.text.search(/\r\n|\n|\r|$/);
  return { ...article, text: article.text.slice(0, firstLineEnd), paragraphs: [], sentences: [], sections: [], citations: [], timexes: [] };
}

/** Runs the pipeline on one file's bytes: the entry's text. Pure but for the tagger's module state. */
export function buildEntry(file: string, bytes: Uint8Array, size = bytes.length): string {
  let diagnostics: Diagnostic[] = [];
  let extraction: Extraction | null = null;
  try {
    if (isMultiArticleFile(splitItemFileName(file).file)) {
      // An article of a feed or an export: its unit file, the item as parsed (the file is parsed once, input-units.ts).
      const unit = JSON.parse(new TextDecoder().decode(bytes)) as StoredUnit;
      const r = extractItem(file, unit.item, unit.fileDiagnostics, tagTimexes);
      diagnostics = r.diagnostics;
      extraction = r.extraction;
    } else {
      const decoded = decodeText(bytes, size);
      diagnostics = decoded.diagnostics;
      if (decoded.text !== null) {
        const r = extractUnit(file, decoded.text, tagTimexes);
        diagnostics = [...diagnostics, ...r.diagnostics];
        extraction = r.extraction;
      }
    }
  } catch (error) {
    diagnostics = [...diagnostics, diagnosticAt('', 0, 'error', `Unexpected failure while reading (${String(error)}), expected an article`, 'build-data:crash')];
    extraction = null;
  }
  if (!extraction) return `${JSON.stringify({ diagnostics, article: null } satisfies EntryMeta)}\n`;
  const [prefix, suffix] = splitArticleJson(extraction.article);
  const lines = [
    JSON.stringify({ diagnostics, article: leanArticle(extraction.article) } satisfies EntryMeta),
    JSON.stringify(extraction.events.map(leanEventOf)),
    JSON.stringify(searchEntriesOf(extraction.events)),
    prefix,
    suffix,
  ];
  for (const e of extraction.events) lines.push(JSON.stringify(e));
  return `${lines.join('\n')}\n`;
}

const HEAD_LINES = 3;

/** What the main thread gets of an entry, from its text or its head alone (the first lines, see above). */
export function fromHead(file: string, key: string | null, text: string, cached: boolean): ExtractedFile {
  const lines = text.split('\n', HEAD_LINES + 1);
  const meta = lines[0] ?? '';
  const rejected = lines.length < HEAD_LINES + 1 || lines[1] === '';
  const headBytes = Buffer.byteLength(meta) + 1 + (rejected ? 0 : Buffer.byteLength(lines[1] ?? '') + Buffer.byteLength(lines[2] ?? '') + 2);
  if (rejected) return { file, key, meta, lean: null, search: null, cached, headBytes };
  return { file, key, meta, lean: lines[1] ?? null, search: lines[2] ?? null, cached, headBytes };
}

/**
 * A file's bytes, or only its first `limit` + 1 (the article cap unless told) when it is larger (it is rejected for its size, and a file
 * of gigabytes is never held in memory), with its size.
 */
export function readArticleBytes(path: string, limit = MAX_ARTICLE_BYTES): { bytes: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= limit) return { bytes: readFileSync(fd), size };
    const bytes = Buffer.alloc(limit + 1);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: bytes.subarray(0, got), size: Math.max(size, got) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads one article file; its entry comes from the cache when the key matches, else from the pipeline (and is
 * then stored, written to a temporary name and renamed so that a concurrent or interrupted build never reads
 * half an entry).
 */
export function extractFile(path: string, file: string, cacheDir: string, version: string): ExtractedFile {
  let bytes: Buffer;
  let size: number;
  try {
    ({ bytes, size } = readArticleBytes(path, byteLimitOf(splitItemFileName(file).file)));
  } catch (error) {
    const d = diagnosticAt('', 0, 'error', `Unexpected failure while reading (${String(error)}), expected an article`, 'build-data:crash');
    return { file, key: null, meta: JSON.stringify({ diagnostics: [d], article: null } satisfies EntryMeta), lean: null, search: null, cached: false, headBytes: 0 };
  }
  // A file past the limit is keyed by the bytes read and its size: its entry (a rejection) depends on nothing else.
  const hash = createHash('sha256').update(version).update('\0').update(file).update('\0').update(bytes);
  if (size !== bytes.length) hash.update(`\0${size}`);
  const key = hash.digest('hex').slice(0, 40);
  const at = entryPath(cacheDir, key);
  let entry: string | null;
  try {
    entry = readFileSync(at, 'utf8');
  } catch {
    entry = null;
  }
  const cached = entry !== null && entry.endsWith('\n');
  if (entry === null || !cached) {
    entry = buildEntry(file, bytes, size);
    if (!madeDirs.has(dirname(at))) {
      mkdirSync(dirname(at), { recursive: true });
      madeDirs.add(dirname(at));
    }
    const tmp = `${at}.tmp-${process.pid}-${threadId}`;
    writeFileSync(tmp, entry);
    renameSync(tmp, at);
  }
  return fromHead(file, key, entry, cached);
}

/** An event of an article file: the index of one of the entry's own events, with its merged group's fields if merged. */
export type EventRef = number | { i: number; g: GroupFields };

const FIRST_EVENT_LINE = 5;

const COMMA = Buffer.from(',');

/**
 * The bytes of `articles/<id>.json`, in pieces for one vectored write: the entry's article with the final
 * eventCount, and the events. Taken from the entry's bytes as they are (no decoding, no re-encoding); only an
 * event with its merged group's fields is parsed and written again.
 */
export function composeArticleFile(entry: Buffer, schemaVersion: number, eventCount: number, events: readonly EventRef[]): Buffer[] {
  const starts = [0];
  for (let at = entry.indexOf(10); at !== -1; at = entry.indexOf(10, at + 1)) starts.push(at + 1);
  // Line k is complete when a line break ends it: lines 0 … starts.length - 2.
  const line = (k: number, what: string) => {
    if (k + 1 >= starts.length) throw new Error(`the cache entry has no ${what}`);
    return entry.subarray(starts[k], (starts[k + 1] as number) - 1);
  };
  const own = (i: number) => line(FIRST_EVENT_LINE + i, `event ${i}`);
  const parts = [Buffer.from(`{"schemaVersion":${JSON.stringify(schemaVersion)},"article":`), line(3, 'article'), Buffer.from(String(eventCount)), line(4, 'article'), Buffer.from(',"events":[')];
  events.forEach((e, n) => {
    if (n > 0) parts.push(COMMA);
    parts.push(typeof e === 'number' ? own(e) : Buffer.from(JSON.stringify(withGroup(JSON.parse(own(e.i).toString('utf8')) as EventDetail, e.g))));
  });
  parts.push(Buffer.from(']}\n'));
  return parts;
}
