/**
 * Writes the tiled layout (src/pipeline/tiles.ts, docs/dataset-layout.md) beside index.json: whole into a fresh
 * staging folder on a clean build; over the current dataset on an incremental one, where only the files whose
 * bytes differ are written (each to a temporary name, then renamed over the old one) and tiles or shards that
 * no longer exist are removed. Each file's fingerprint (a hash of its bytes) and stamp go in the manifest: the
 * next build knows an unchanged file by its fingerprint, without reading it back.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleSummary, EventRow } from '../../src/pipeline/schema.ts';
import { tileFiles, type TileFile, type TileOptions } from '../../src/pipeline/tiles.ts';
import type { FileStamp } from './build-worker.ts';
import { stampMatches, stampOf } from './dataset-state.ts';

/** What the dataset folder is, in the folder itself: a clean clone has it (the rest is written by the build). */
export const DATASET_README = `# public/data: the dataset

Written by \`npm run build:data\` (and \`npm start\`, \`npm run build\`) from the articles in \`articles/\`; every other file
here is generated and not kept in git. The layout, its schema versions and how the app reads it:
docs/dataset-layout.md and src/pipeline/schema.ts.
`;

/** The folders the tiled layout owns, beside overview.json. */
const TILE_FOLDERS = ['tiles', 'ids', 'search'];

/** A file of the tiled layout (overview.json, README.md, tiles/, ids/, search/), as the manifest lists files. */
export function isTilePath(path: string): boolean {
  return path === 'overview.json' || path === 'README.md' || TILE_FOLDERS.some((f) => path.startsWith(`${f}/`));
}

export type FileRecord = { fp: string; stamp: FileStamp };
export type TilesWritten = { written: number; removed: number; files: Record<string, FileRecord> };

/** A file's fingerprint: a hash of its text (the manifest keeps it, so an unchanged file is not read back to compare). */
function fingerprintOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 32);
}

/** The folder's README, then every file of tileFiles, one at a time (at 1M events they do not fit in memory at once). */
function* allFiles(articles: readonly ArticleSummary[], rows: readonly EventRow[], options: TileOptions): Generator<TileFile> {
  yield { path: 'README.md', content: DATASET_README };
  yield* tileFiles(articles, rows, options);
}

/** Every tile file into `dir`, which holds none yet; the main thread yields every few milliseconds (other work goes on meanwhile). */
export async function writeTiles(dir: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], options: TileOptions = {}): Promise<TilesWritten> {
  for (const f of TILE_FOLDERS) mkdirSync(join(dir, f), { recursive: true });
  const files: Record<string, FileRecord> = {};
  let slice = performance.now();
  for (const f of allFiles(articles, rows, options)) {
    const path = join(dir, f.path);
    writeFileSync(path, f.content);
    files[f.path] = { fp: fingerprintOf(f.content), stamp: stampOf(path) as FileStamp };
    if (performance.now() - slice > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return { written: Object.keys(files).length, removed: 0, files };
}

function sameBytes(path: string, content: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(content));
  } catch {
    return false;
  }
}

/**
 * The tiles of the dataset in `out` brought up to date: only what differs is written, what is gone removed. A file
 * whose record (`known`, the last build's) has the same fingerprint and matches its stamp is left unread.
 */
export function syncTiles(out: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], known: Readonly<Record<string, FileRecord>> = {}, options: TileOptions = {}): TilesWritten {
  const files: Record<string, FileRecord> = {};
  let written = 0;
  for (const f of allFiles(articles, rows, options)) {
    const path = join(out, f.path);
    const fp = fingerprintOf(f.content);
    const before = known[f.path];
    if (before ? before.fp === fp && stampMatches(path, before.stamp) : sameBytes(path, f.content)) {
      files[f.path] = before ?? { fp, stamp: stampOf(path) as FileStamp };
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, f.content);
    renameSync(temporary, path);
    files[f.path] = { fp, stamp: stampOf(path) as FileStamp };
    written++;
  }
  let removed = 0;
  for (const folder of TILE_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(out, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      if (files[`${folder}/${name}`]) continue;
      rmSync(join(out, folder, name), { force: true });
      removed++;
    }
  }
  return { written, removed, files };
}
