/**
 * Writes the tiled layout (src/pipeline/tiles.ts, docs/dataset-layout.md) beside index.json: whole into a fresh
 * staging folder on a clean build; over the current dataset on an incremental one, where only the files whose
 * bytes differ are written (each to a temporary name, then renamed over the old one) and tiles or shards that
 * no longer exist are removed.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleSummary, EventRow } from '../../src/pipeline/schema.ts';
import { tileFiles, type TileOptions } from '../../src/pipeline/tiles.ts';

/** What the dataset folder is, in the folder itself: a clean clone has it (the rest is written by the build). */
export const DATASET_README = `# public/data: the dataset

Written by \`npm run build:data\` (and \`npm start\`, \`npm run build\`) from the articles in \`articles/\`; every other file
here is generated and not kept in git. The layout, its schema versions and how the app reads it:
docs/dataset-layout.md and src/pipeline/schema.ts.
`;

/** The folders the tiled layout owns, beside overview.json. */
const TILE_FOLDERS = ['tiles', 'ids', 'search'];

export type TilesWritten = { written: number; removed: number; files: number };

/** Every tile file into `dir`, which holds none yet. */
export function writeTiles(dir: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], options: TileOptions = {}): TilesWritten {
  for (const f of TILE_FOLDERS) mkdirSync(join(dir, f), { recursive: true });
  writeFileSync(join(dir, 'README.md'), DATASET_README);
  let files = 0;
  for (const f of tileFiles(articles, rows, options)) {
    writeFileSync(join(dir, f.path), f.content);
    files++;
  }
  return { written: files, removed: 0, files };
}

function sameBytes(path: string, content: Buffer): boolean {
  try {
    return readFileSync(path).equals(content);
  } catch {
    return false;
  }
}

/** The tiles of the dataset in `out` brought up to date: only what differs is written, what is gone removed. */
export function syncTiles(out: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], options: TileOptions = {}): TilesWritten {
  const made = new Set<string>();
  let written = 0;
  for (const f of [{ path: 'README.md', content: DATASET_README }, ...tileFiles(articles, rows, options)]) {
    made.add(f.path);
    const path = join(out, f.path);
    const content = Buffer.from(f.content);
    if (sameBytes(path, content)) continue;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
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
      if (made.has(`${folder}/${name}`)) continue;
      rmSync(join(out, folder, name), { force: true });
      removed++;
    }
  }
  return { written, removed, files: made.size };
}
