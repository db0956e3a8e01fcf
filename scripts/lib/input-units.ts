/**
 * The build's inputs are articles, not files: a text file or a page is one, a feed or a news export is one per
 * item ("articles/feed.xml#0003", its k-th article). Each such unit has its own file (the item as parsed, see
 * expandInputs), its own cache entry (keyed by its name and that file's bytes), its own stamp record and its own
 * place in the duplicate check, so the rest of the build
 * (incremental.ts, the manifest) deals in units as it did in files. Diagnostics name the file, not the unit.
 *
 * The export mapping is `dateline.json` in the articles folder: `{ "export": { "date": "…", "url": "…", "title": "…",
 * "body": "…" } }` (each a key path or a list of them; see src/pipeline/formats/export.ts for the defaults). It lives
 * with the data, so `npm run build:data`, `npm start`'s watched folder and a folder imported in the browser read the
 * same thing, and it is part of the build's version (a changed mapping rebuilds every article).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_MULTI_FILE_BYTES } from '../../src/pipeline/article-limit.ts';
import { isMultiArticleFile, itemFileName, splitItemFileName } from '../../src/pipeline/article-units.ts';
import { decodeText } from '../../src/pipeline/decode-text.ts';
import { diagnosticAt } from '../../src/pipeline/diagnostic.ts';
import type { StoredUnit } from '../../src/pipeline/formats/compose.ts';
import type { ExportMapping } from '../../src/pipeline/formats/export.ts';
import { MAPPING_FILE, parseInput } from '../../src/pipeline/formats/parse-input.ts';
import { readArticleBytes } from './extract-entry.ts';

/** The file a unit's diagnostics name: "articles/feed.xml#0003" -> "articles/feed.xml". */
export function displayName(unit: string): string {
  return splitItemFileName(unit).file;
}

/** The mapping of the folder's exports, or {} (no dateline.json, or one that is not a JSON object: the defaults hold). */
export function readMapping(dir: string): ExportMapping {
  let text: string;
  try {
    text = readFileSync(join(dir, MAPPING_FILE), 'utf8');
  } catch {
    return {};
  }
  try {
    const value = JSON.parse(text) as unknown;
    const m = value && typeof value === 'object' ? (value as Record<string, unknown>)['export'] : undefined;
    if (!m || typeof m !== 'object' || Array.isArray(m)) return {};
    const out: ExportMapping = {};
    for (const field of ['date', 'url', 'title', 'body'] as const) {
      const v = (m as Record<string, unknown>)[field];
      if (typeof v === 'string') out[field] = v;
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[field] = v as string[];
    }
    return out;
  } catch {
    return {};
  }
}

/** The pipeline version with the folder's mapping folded in (16 hex digits, as the cache's folders are named). */
export function mappingVersion(version: string, dir: string): string {
  const mapping = readMapping(dir);
  if (Object.keys(mapping).length === 0) return version;
  return createHash('sha256').update(version).update('\0').update(JSON.stringify(mapping)).digest('hex').slice(0, 16);
}

/**
 * Files -> units. A feed or an export is read and parsed once here (at most MAX_MULTI_FILE_BYTES of it), and each of
 * its articles stored as a unit file of its own under `unitsRoot` (a StoredUnit as JSON, formats/compose.ts): the build then reads,
 * hashes and caches each article by its own bytes, so the work stays linear in the file's size however many
 * articles it holds. A unit file is written only when its bytes change (its stamp says "unchanged" otherwise). A
 * file that cannot be read or has no article stays one unit (named as the file), which reports why.
 */
export function expandInputs<F extends { path: string; file: string }>(files: readonly F[], unitsRoot: string): F[] {
  const out: F[] = [];
  const mappings = new Map<string, ExportMapping>();
  const used = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = dirname(resolve(f.path));
    const folder = join(unitsRoot, hashOf(dir));
    const inFolder = used.get(folder) ?? new Set<string>();
    used.set(folder, inFolder);
    if (!isMultiArticleFile(f.file)) {
      out.push(f);
      continue;
    }
    const unitDir = join(folder, hashOf(f.file));
    inFolder.add(unitDir);
    let units: StoredUnit[];
    // A file without an article is one unit named as the file (its problems are the file's).
    let whole = false;
    try {
      const { bytes, size } = readArticleBytes(f.path, MAX_MULTI_FILE_BYTES);
      const decoded = decodeText(bytes, size, MAX_MULTI_FILE_BYTES);
      if (!mappings.has(dir)) mappings.set(dir, readMapping(dir));
      const parsed = decoded.text === null ? { items: [], diagnostics: decoded.diagnostics } : parseInput(f.file, decoded.text, { mapping: mappings.get(dir) ?? {} });
      units = parsed.items.map((item, k) => ({ item, fileDiagnostics: k === 0 ? parsed.diagnostics : [] }));
      if (units.length === 0) [units, whole] = [[{ item: { article: null, diagnostics: [] }, fileDiagnostics: parsed.diagnostics }], true];
    } catch (error) {
      const d = diagnosticAt('', 0, 'error', `Unexpected failure while reading (${String(error)}), expected a feed or a news export`, 'build-data:crash');
      [units, whole] = [[{ item: { article: null, diagnostics: [] }, fileDiagnostics: [d] }], true];
    }
    mkdirSync(unitDir, { recursive: true });
    const keep = new Set<string>();
    units.forEach((u, k) => {
      const path = join(unitDir, `${k + 1}.json`);
      keep.add(`${k + 1}.json`);
      writeIfChanged(path, `${JSON.stringify(u)}\n`);
      out.push({ ...f, path, file: whole ? f.file : itemFileName(f.file, k) });
    });
    for (const name of readdirSync(unitDir)) if (!keep.has(name)) rmSync(join(unitDir, name), { force: true });
  }
  // The units of files no longer in a folder read here are dead weight.
  for (const [folder, dirs] of used) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (!dirs.has(join(folder, name))) rmSync(join(folder, name), { recursive: true, force: true });
  }
  return out;
}

function hashOf(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

function writeIfChanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) return;
  } catch {
    // Not there yet.
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
