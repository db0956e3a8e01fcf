/**
 * What a build leaves beside its cache for the next one (one JSON file per output folder, the "manifest"):
 *   - each output file's fingerprint and stamp (write only what changed; a build where nothing changed does
 *     nothing: `inputs` and `report`);
 *   - the dataset's layout (`layout`): each input's entry key and article position, each file's diagnostics, the
 *     byte ranges of the articles and rows of index.json and of each article's part of search.json, and the
 *     table of the merge's bucket store (every mention, grouped by the merge's bucket: see merge-events.ts).
 *     With it an edit of a few articles is built by re-merging only the buckets their events fall in and
 *     splicing the output files (incremental.ts), instead of reading every entry again.
 * Written whole under a temporary name and renamed; a layout that does not match the output's stamps is not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileStamp } from './build-worker.ts';
import type { TilingState } from '../../src/pipeline/tiles.ts';

/** What a build printed: a build with nothing to do prints it again (and exits the same way). */
export type Report = { problems: string[]; rejected: number; built: number; events: number };

/** A JSON list in a file: where its first element starts, and where each element ends (exclusive). */
export type ListLayout = { start: number; ends: Uint32Array };

export type DatasetLayout = {
  /** Input files in build order, each one's entry key (null: unreadable) and its article's position in index.json (-1: not listed). */
  files: string[];
  keys: (string | null)[];
  positions: number[];
  /** Each file's own diagnostics as printed, by file index (files with none are left out). */
  problems: Record<number, string[]>;
  /** Article ids told by more than one file, and the diagnostics that rejected the copies, as printed. */
  duplicates: { ids: string[]; lines: string[] };
  rejected: number;
  index: { stamp: FileStamp; articles: ListLayout; rows: ListLayout };
  /** search.json: each file's part, as [offset, length] pairs by file index (length 0: none). */
  search: { stamp: FileStamp; start: number; parts: Uint32Array };
  /** The bucket store: its file (in the cache folder), its length, and each bucket's [offset, length] in it (the rest is stale lines). */
  buckets: { file: string; size: number; table: Record<string, [number, number]> };
  /** The tiling's stats by year (src/pipeline/tiles.ts): an incremental build patches the tiles with them (tile-patch.ts). */
  tiling?: TilingState;
};

/**
 * The output as the last build left it: each file's fingerprint and stamp; `inputs`, a fingerprint of every
 * input file's entry key (null when a file could not be read); the report; the layout.
 */
export type Manifest = { version: string; inputs?: string | null; report?: Report; files: Record<string, { fp: string; stamp: FileStamp; slack?: string }>; layout?: DatasetLayout };

/** Typed arrays travel as base64 in the JSON file. */
type Stored<T> = T extends Uint32Array ? { u32: string } : T extends object ? { [K in keyof T]: Stored<T[K]> } : T;

function encodeU32(a: Uint32Array): { u32: string } {
  return { u32: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
}

function decodeU32(s: { u32: string }): Uint32Array {
  const b = Buffer.from(s.u32, 'base64');
  const out = new Uint32Array(b.length >> 2);
  Buffer.from(out.buffer).set(b.subarray(0, out.length << 2));
  return out;
}

function storeLayout(l: DatasetLayout): Stored<DatasetLayout> {
  return {
    ...l,
    index: { stamp: l.index.stamp, articles: { start: l.index.articles.start, ends: encodeU32(l.index.articles.ends) }, rows: { start: l.index.rows.start, ends: encodeU32(l.index.rows.ends) } },
    search: { stamp: l.search.stamp, start: l.search.start, parts: encodeU32(l.search.parts) },
  };
}

function loadLayout(s: Stored<DatasetLayout>): DatasetLayout {
  return {
    ...s,
    index: { stamp: s.index.stamp, articles: { start: s.index.articles.start, ends: decodeU32(s.index.articles.ends) }, rows: { start: s.index.rows.start, ends: decodeU32(s.index.rows.ends) } },
    search: { stamp: s.search.stamp, start: s.search.start, parts: decodeU32(s.search.parts) },
  };
}

/** The name of everything kept for one output folder: its manifest, bucket stores and journal. */
export function outputKey(outDir: string): string {
  return createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16);
}

export function manifestPath(cacheRoot: string, outDir: string): string {
  return join(cacheRoot, `out-${outputKey(outDir)}.json`);
}

export function loadManifest(path: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Stored<Manifest>;
    return { ...m, layout: m.layout ? loadLayout(m.layout) : undefined } as Manifest;
  } catch {
    return null;
  }
}

export function saveManifest(path: string, m: Manifest): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ ...m, layout: m.layout ? storeLayout(m.layout) : undefined }));
  renameSync(tmp, path);
}

export function stampOf(path: string): FileStamp | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : null;
}

/** The output file is the one the manifest describes: same inode, size and modification time. */
export function stampMatches(path: string, stamp: FileStamp): boolean {
  const s = stampOf(path);
  return s !== null && s.ino === stamp.ino && s.size === stamp.size && s.mtimeMs === stamp.mtimeMs;
}
