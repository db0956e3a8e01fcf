/**
 * Writes the tiled layout (src/pipeline/tiles.ts, docs/dataset-layout.md) beside index.json: whole into a fresh
 * staging folder on a clean build; on an incremental one, only the files whose bytes differ are staged (and
 * renamed in by the build's journal, with its other files) and the tiles or shards no longer made are removed.
 * Each file's fingerprint (a hash of its text) and stamp go in the manifest: the next build knows an unchanged
 * file by its fingerprint, without reading it back.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleSummary, CompactIndex, EventRow, IdShard, Overview, SearchShard } from '../../src/pipeline/schema.ts';
import type { SearchSlack } from '../../src/pipeline/search-shards.ts';
import { patchTiles, type TilePatchInput } from '../../src/pipeline/tile-patch.ts';
import { tileFiles, type TileFile, type TileOptions, type TilingState } from '../../src/pipeline/tiles.ts';
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

/** A file's fingerprint and stamp; a search shard's also its slack's fingerprint (the slack is valid while they agree). */
export type FileRecord = { fp: string; stamp: FileStamp; slack?: string };
export type TilesWritten = { written: number; removed: number; files: Record<string, FileRecord>; state: TilingState };

/** A file's fingerprint: a hash of its text (the manifest keeps it, so an unchanged file is not read back to compare). */
function fingerprintOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 32);
}

/** The folder's README, then every file of tileFiles, one at a time (at 1M events they do not fit in memory at once). */
function* allFiles(articles: readonly ArticleSummary[], rows: readonly EventRow[], options: TileOptions): Generator<TileFile, TilingState> {
  yield { path: 'README.md', content: DATASET_README };
  return yield* tileFiles(articles, rows, options);
}

/** Each file of a generator, and what it returns at the end. */
function* each(files: Generator<TileFile, TilingState>, end: { state: TilingState | null }): Generator<TileFile> {
  for (;;) {
    const next = files.next();
    if (next.done) {
      end.state = next.value;
      return;
    }
    yield next.value;
  }
}

/**
 * The search shards' slack (SearchSlack: the events after those a shard lists) lives in `slackDir`, beside the
 * build's cache, one file per shard with slack; the manifest keeps its fingerprint with the shard's record, so a
 * slack file that does not match (written by a build that did not finish) is not used.
 */
function writeSlack(slackDir: string, path: string, slack: string, before: FileRecord | undefined, record: FileRecord): void {
  const fp = fingerprintOf(slack);
  record.slack = fp;
  if (before?.slack === fp) return;
  const at = join(slackDir, path.slice('search/'.length));
  if (slack === '{}') return rmSync(at, { force: true });
  mkdirSync(slackDir, { recursive: true });
  writeFileSync(`${at}.tmp-${process.pid}`, slack);
  renameSync(`${at}.tmp-${process.pid}`, at);
}

/** A search shard's slack as the last build left it, or null when its file does not match the record. */
export function readSlack(slackDir: string, path: string, record: FileRecord | undefined): SearchSlack | null {
  if (record?.slack === undefined) return null;
  let text = '{}';
  try {
    text = readFileSync(join(slackDir, path.slice('search/'.length)), 'utf8');
  } catch {
    // none: an empty slack
  }
  return fingerprintOf(text) === record.slack ? (JSON.parse(text) as SearchSlack) : null;
}

/** Every tile file into `dir`, which holds none yet; the main thread yields every few milliseconds (other work goes on meanwhile). */
export async function writeTiles(dir: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], slackDir: string, options: TileOptions = {}): Promise<TilesWritten> {
  for (const f of TILE_FOLDERS) mkdirSync(join(dir, f), { recursive: true });
  const files: Record<string, FileRecord> = {};
  let slice = performance.now();
  const end: { state: TilingState | null } = { state: null };
  for (const f of each(allFiles(articles, rows, options), end)) {
    const path = join(dir, f.path);
    writeFileSync(path, f.content);
    const record: FileRecord = { fp: fingerprintOf(f.content), stamp: stampOf(path) as FileStamp };
    if (f.slack !== undefined) writeSlack(slackDir, f.path, f.slack, undefined, record);
    files[f.path] = record;
    if (performance.now() - slice > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return { written: Object.keys(files).length, removed: 0, files, state: end.state as TilingState };
}

function sameBytes(path: string, content: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(content));
  } catch {
    return false;
  }
}

/** The tiles an incremental build changes: each new or changed file staged under a temporary path, and those to remove. */
export type StagedTiles = { renames: [staged: string, path: string][]; removals: string[]; files: Record<string, FileRecord>; state: TilingState };

/**
 * The tiles of the dataset in `out` brought up to date, without touching `out`: each file whose bytes differ is
 * written to `staged(path)` (the caller renames it in, with the rest of the build's files, after its journal), and
 * the tiles or shards that are no longer made are listed for removal. A file whose record (`known`, the last
 * build's) has the same fingerprint and matches its stamp is not read back.
 */
export function stageTiles(out: string, articles: readonly ArticleSummary[], rows: readonly EventRow[], staged: (path: string) => string, slackDir: string, known: Readonly<Record<string, FileRecord>> = {}, options: TileOptions = {}): StagedTiles {
  const files: Record<string, FileRecord> = {};
  const renames: [string, string][] = [];
  const end: { state: TilingState | null } = { state: null };
  for (const f of each(allFiles(articles, rows, options), end)) stageFile(out, f, staged, slackDir, known, files, renames);
  const removals: string[] = [];
  for (const folder of TILE_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(out, folder));
    } catch {
      continue;
    }
    for (const name of names) if (!files[`${folder}/${name}`]) removals.push(`${folder}/${name}`);
  }
  return { renames, removals, files, state: end.state as TilingState };
}

/** A file of the layout staged when its bytes differ from the one in `out` (known by its fingerprint), its record in `files`. */
function stageFile(out: string, f: TileFile, staged: (path: string) => string, slackDir: string, known: Readonly<Record<string, FileRecord>>, files: Record<string, FileRecord>, renames: [string, string][]): void {
  const path = join(out, f.path);
  const fp = fingerprintOf(f.content);
  const before = known[f.path];
  let record: FileRecord;
  if (before ? before.fp === fp && stampMatches(path, before.stamp) : sameBytes(path, f.content)) {
    record = { ...(before ?? { fp, stamp: stampOf(path) as FileStamp }) };
  } else {
    const at = staged(f.path);
    writeFileSync(at, f.content);
    // A rename keeps the inode, size and time: the staged file's stamp is the renamed one's.
    record = { fp, stamp: stampOf(at) as FileStamp };
    renames.push([at, f.path]);
  }
  if (f.slack !== undefined) writeSlack(slackDir, f.path, f.slack, before, record);
  files[f.path] = record;
}

/** What patchTiles needs that the dataset's files hold: read from `out` as the patch asks. */
export type PatchFromFiles = Omit<TilePatchInput, 'overview' | 'tileOf' | 'idShard' | 'searchShard'>;

/**
 * The tiles of the dataset in `out` patched for a change (src/pipeline/tile-patch.ts) without touching `out`:
 * only the touched years' tiles and the shards of what changed are read and made; those whose bytes differ are
 * staged as stageTiles does. A string: why the patch declined (then stageTiles derives the layout whole).
 */
export function stagePatchedTiles(out: string, input: PatchFromFiles, staged: (path: string) => string, slackDir: string, known: Readonly<Record<string, FileRecord>>): StagedTiles | string {
  const read = <T>(path: string): T | null => {
    try {
      return JSON.parse(readFileSync(join(out, path), 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const overview = read<Overview>('overview.json');
  if (!overview) return 'no overview.json';
  let missing: string | null = null;
  const tiles = new Map<string, CompactIndex>();
  const patch = patchTiles({
    ...input,
    overview,
    tileOf: (name) => {
      let tile = tiles.get(name);
      if (!tile) {
        tile = read<CompactIndex>(`tiles/${name}.json`) ?? { schemaVersion: 2, articles: [], events: [] };
        if (tile.events.length === 0) missing = `tiles/${name}.json`;
        tiles.set(name, tile);
      }
      return tile;
    },
    idShard: (prefix) => read<IdShard>(`ids/${prefix}.json`),
    searchShard: (prefix) => {
      const path = `search/${prefix}.json`;
      const shard = read<SearchShard>(path);
      return shard ? { shard, slack: readSlack(slackDir, path, known[path]) } : null;
    },
  });
  if (missing !== null) return `${missing} is missing`;
  if (!patch.done) return patch.why;
  const files: Record<string, FileRecord> = {};
  for (const [path, record] of Object.entries(known)) if (isTilePath(path)) files[path] = record;
  const renames: [string, string][] = [];
  for (const f of patch.files) stageFile(out, f, staged, slackDir, known, files, renames);
  for (const path of patch.removals) delete files[path];
  return { renames, removals: patch.removals, files, state: patch.state };
}
