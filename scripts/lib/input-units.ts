/**
 * The build's inputs are articles, not files: a text file or a page is one, a feed or a news export is one per
 * item ("articles/feed.xml#0003", its k-th article). Each such unit has its own cache entry (keyed by its name and
 * the file's bytes), its own stamp record and its own place in the duplicate check, so the rest of the build
 * (incremental.ts, the manifest) deals in units as it did in files. Diagnostics name the file, not the unit.
 *
 * The export mapping is `dateline.json` in the articles folder: `{ "export": { "date": "…", "url": "…", "title": "…",
 * "body": "…" } }` (each a key path or a list of them; see src/pipeline/formats/export.ts for the defaults). It lives
 * with the data, so `npm run build:data`, `npm start`'s watched folder and a folder imported in the browser read the
 * same thing, and it is part of the build's version (a changed mapping rebuilds every article).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { itemFileName, splitItemFileName } from '../../src/pipeline/build-dataset.ts';
import { decodeText } from '../../src/pipeline/decode-text.ts';
import type { ExportMapping } from '../../src/pipeline/formats/export.ts';
import { isMultiArticleFile, MAPPING_FILE, parseInput } from '../../src/pipeline/formats/parse-input.ts';

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
 * Files -> units: a feed or an export is read (parsed, not run through the pipeline) to count its articles; a file
 * that cannot be read or has none stays one unit, which reports why.
 */
export function expandInputs<F extends { path: string; file: string }>(files: readonly F[]): F[] {
  const out: F[] = [];
  const mappings = new Map<string, ExportMapping>();
  for (const f of files) {
    if (!isMultiArticleFile(f.file)) {
      out.push(f);
      continue;
    }
    let count = 0;
    try {
      const text = decodeText(readFileSync(f.path)).text;
      const dir = dirname(f.path);
      if (!mappings.has(dir)) mappings.set(dir, readMapping(dir));
      if (text !== null) count = parseInput(f.file, text, { mapping: mappings.get(dir) ?? {} }).items.length;
    } catch {
      count = 0;
    }
    if (count === 0) out.push(f);
    for (let k = 0; k < count; k++) out.push({ ...f, file: itemFileName(f.file, k) });
  }
  return out;
}
