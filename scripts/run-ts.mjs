#!/usr/bin/env node
/**
 * `node scripts/run-ts.mjs ENTRY.ts [args…]`: run a TypeScript CLI from an esbuild bundle of it, made when needed
 * and kept under node_modules/.cache/dateline/bin/ of the entry's project. Node starts on one bundled file in a
 * few tens of ms; tsx's loader hooks take ~0.2 s to transform and resolve each module on every start.
 *
 * - Staleness is exact: a bundle is reused only while every file esbuild read for it (its metafile's inputs, plus
 *   the tsconfig.json and package.json files, present or not, of their folders and above), the launcher itself,
 *   esbuild's version and Node's are the same. Files are compared by a hash of their contents, never by time.
 *   Any edit makes a new bundle on the next start (~0.1 s more). Not seen: a file added that changes how an import
 *   resolves without changing any file read (a nearer node_modules, say).
 * - A bundle is written to a folder of its own (named by a hash of its contents) under a temporary name, then
 *   renamed; a small record naming the current folder is replaced by a rename too. A concurrent start runs the
 *   old complete bundle or the new one, never half of one. Folders not started from for a day are removed when
 *   a new bundle of the same entry is made.
 * - `import.meta.url` (and `.filename`, `.dirname`, `.resolve` of a relative path; `__dirname` in CommonJS) in
 *   each module is that module's own source file, as under tsx, not the bundle's.
 * - A module that the bundled code starts as `new URL('./x.ts', import.meta.url)` (a worker thread's module) is
 *   bundled as a further entry, and `globalThis[Symbol.for('dateline.run-ts.bundles')]` maps its source file URL
 *   to its bundle's, for the code that starts the worker (scripts/lib/worker-pool.ts).
 * - The script sees `process.argv` as under `node --import tsx ENTRY.ts [args…]`.
 * - Packages are bundled too: zod/mini's ~90 modules take ~40 ms to load one by one. CommonJS in the bundle may
 *   `require` Node's modules; a package esbuild cannot bundle (a native addon) fails as below.
 * - Each bundle has its source map beside it: `node --enable-source-maps scripts/run-ts.mjs …` gives stack
 *   traces in the sources (not on by default: it costs ~5 ms a start).
 * - If esbuild cannot bundle (a syntax error, an import that does not resolve), its messages are printed with
 *   file:line:column and the exit status is 1. No fallback to tsx: it would fail on the same source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LAUNCHER = fileURLToPath(import.meta.url);
const BUNDLES = Symbol.for('dateline.run-ts.bundles');
/** A bundle folder not started from for this long is removed when a new bundle of the same entry is made. */
const KEEP_UNUSED_MS = 24 * 3600_000;
/** A module started on its own, by URL: `new URL('./x.ts', import.meta.url)`. */
const MODULE_BY_URL = /new\s+URL\(\s*(['"`])(\.\.?\/[^'"`\n]+\.[cm]?tsx?)\1\s*,\s*import\.meta\.url\s*\)/g;
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' };
/** Per module, its own file's values (see ownMeta): each name here becomes a variable the module declares. */
const META = {
  'import.meta.url': '__run_ts_url',
  'import.meta.filename': '__run_ts_filename',
  'import.meta.dirname': '__run_ts_dirname',
  'import.meta.resolve': '__run_ts_resolve',
  __filename: '__run_ts_filename',
  __dirname: '__run_ts_dirname',
};
const IMPORT_META = /\bimport\s*\.\s*meta\b/;
const FILE_NAMES = /\b__(?:file|dir)name\b/;

/**
 * What a bundle was made from, and where it is.
 * @typedef {{ stamp: string, dir: string, main: string, workers: Record<string, string>, inputs: [string, string | null][] }} BundleRecord
 */

/** @param {string | Uint8Array} bytes */
function hash(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** @param {string} path @returns {string | null} the hash of the file's contents, null when there is no such file */
function hashOf(path) {
  try {
    return hash(readFileSync(path));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' || /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The launcher, esbuild and Node: a change to any of them makes every bundle stale. */
function stampNow() {
  const esbuildPackage = createRequire(LAUNCHER).resolve('esbuild/package.json');
  const esbuildVersion = /** @type {{ version: string }} */ (JSON.parse(readFileSync(esbuildPackage, 'utf8'))).version;
  return `${hashOf(LAUNCHER)} esbuild ${esbuildVersion} node ${process.version}`;
}

/** @param {string} entry @returns {string} the nearest folder above the entry with a package.json, else the entry's */
function projectOf(entry) {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(entry);
  }
}

/**
 * The source with its own `import.meta` values (and CommonJS `__filename`, `__dirname`): variables on its first
 * line (so line numbers stay), which the `define` of META puts in place of `import.meta.X` (of `__dirname` where
 * the module does not declare its own); esbuild drops the ones not used.
 * @param {string} source @param {string} path
 */
function ownMeta(source, path) {
  const url = pathToFileURL(path).href;
  const vars =
    `var ${META['import.meta.url']} = ${JSON.stringify(url)}, ${META['import.meta.filename']} = ${JSON.stringify(path)}, ` +
    `${META['import.meta.dirname']} = ${JSON.stringify(dirname(path))};`;
  // import.meta.resolve: a relative path from the source, anything else as from the bundle (the same node_modules above).
  const resolver = IMPORT_META.test(source)
    ? `\nfunction ${META['import.meta.resolve']}(s) { const m = import.meta; return /^\\.{0,2}\\//.test(s) ? new URL(s, ${META['import.meta.url']}).href : m.resolve(s); }\n`
    : '';
  const at = source.startsWith('#!') ? source.indexOf('\n') + 1 : 0;
  return `${source.slice(0, at)}${vars}${source.slice(at)}${resolver}`;
}

/** @param {readonly string[]} files @returns {string[]} tsconfig.json and package.json in the files' folders and above */
function configsOf(files) {
  const dirs = new Set();
  for (const f of files) for (let d = dirname(f); !dirs.has(d); d = dirname(d)) dirs.add(d);
  return [...dirs].flatMap((d) => [join(d, 'tsconfig.json'), join(d, 'package.json')]);
}

/** @param {string} path @returns {BundleRecord | null} */
function readRecord(path) {
  try {
    return /** @type {BundleRecord} */ (JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

/** @param {BundleRecord} record @param {string} stamp */
function isFresh(record, stamp) {
  return record.stamp === stamp && record.inputs.every(([path, h]) => hashOf(path) === h);
}

/** @param {string} dir @returns {boolean} false when the folder is gone (removed by hand) */
function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now); // see KEEP_UNUSED_MS
    return true;
  } catch {
    return false;
  }
}

/** @param {string} path @param {string | Uint8Array} data */
function writeAtomic(path, data) {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Bundles the entry, and each module its bundle starts by URL as a further entry (and theirs), into a new folder
 * of `cache`. `seed`: the further entries of the last bundle, so that most rebundles take one esbuild pass.
 * @param {string} entry @param {string} root @param {string} cache @param {string} name @param {string} stamp @param {readonly string[]} seed
 * @returns {Promise<BundleRecord | null>} null when esbuild failed (its messages are printed)
 */
async function bundle(entry, root, cache, name, stamp, seed) {
  const esbuild = await import('esbuild');
  /** @type {Map<string, { hash: string, starts: string[] }>} each source file read: the hash of what was read, the modules it starts by URL */
  const read = new Map();
  /** @type {import('esbuild').Plugin} */
  const plugin = {
    name: 'own-import-meta',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const bytes = readFileSync(args.path);
        const source = bytes.toString('utf8');
        const url = pathToFileURL(args.path).href;
        const starts = [...source.matchAll(MODULE_BY_URL)].map((m) => fileURLToPath(new URL(/** @type {string} */ (m[2]), url))).filter((p) => existsSync(p));
        read.set(args.path, { hash: hash(bytes), starts });
        const loader = /** @type {import('esbuild').Loader} */ (LOADERS[/** @type {keyof typeof LOADERS} */ (extname(args.path))]);
        return { contents: IMPORT_META.test(source) || FILE_NAMES.test(source) ? ownMeta(source, args.path) : source, loader };
      });
    },
  };
  const outdir = join(cache, `${name}-new`);
  let entries = [entry, ...seed.filter((p) => existsSync(p))];
  /** @type {Map<string, string>} the output (relative to root) of each entry needed */
  const outputs = new Map();
  let result;
  for (;;) {
    try {
      result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: entries,
        outdir,
        outbase: root,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        // CommonJS in the bundle may require Node's modules.
        banner: { js: "import { createRequire as __run_ts_createRequire } from 'node:module'; var require = __run_ts_createRequire(import.meta.url);" },
        target: `node${process.versions.node}`,
        define: META,
        plugins: [plugin],
        sourcemap: 'linked',
        sourcesContent: false,
        metafile: true,
        write: false,
        logLevel: 'warning',
      });
    } catch {
      return null;
    }
    // The entries needed: the main one, the modules its bundle starts, the ones theirs start...
    const built = new Map(Object.entries(result.metafile.outputs).flatMap(([out, m]) => (m.entryPoint ? [[resolve(root, m.entryPoint), out]] : [])));
    const needed = [entry];
    outputs.clear();
    for (let i = 0; i < needed.length; i++) {
      const out = built.get(/** @type {string} */ (needed[i]));
      if (out === undefined) continue;
      outputs.set(/** @type {string} */ (needed[i]), out);
      for (const input of Object.keys(result.metafile.outputs[out]?.inputs ?? {})) {
        for (const p of read.get(resolve(root, input))?.starts ?? []) if (!needed.includes(p)) needed.push(p);
      }
    }
    if (needed.length === outputs.size) break;
    entries = needed;
  }
  // Only the bundles needed (a module the last bundle started may be started no more), each with its source map.
  const keep = new Set([...outputs.values()].flatMap((out) => [resolve(root, out), `${resolve(root, out)}.map`]));
  const files = result.outputFiles.filter((f) => keep.has(f.path)).map((f) => ({ rel: relative(outdir, f.path), contents: f.contents }));
  const dir = `${name}-${hash(files.map((f) => `${f.rel}\0${hash(f.contents)}`).join('\0')).slice(0, 16)}`;
  /** @type {BundleRecord} */
  const record = { stamp, dir, main: '', workers: {}, inputs: [] };
  for (const [source, out] of outputs) {
    const rel = relative(outdir, resolve(root, out));
    if (source === entry) record.main = rel;
    else record.workers[pathToFileURL(source).href] = rel;
  }
  // Every file read, the ones tree-shaken away too (an edit may give them side effects).
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(root, p));
  for (const p of inputs) record.inputs.push([p, read.get(p)?.hash ?? hashOf(p)]);
  for (const p of configsOf(inputs)) record.inputs.push([p, hashOf(p)]);

  // The folder under a name of its own, then renamed: a concurrent start that made the same bundle got there first.
  const final = join(cache, dir);
  if (!existsSync(final)) {
    const tmp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    for (const f of files) {
      mkdirSync(dirname(join(tmp, f.rel)), { recursive: true });
      writeFileSync(join(tmp, f.rel), f.contents);
    }
    try {
      renameSync(tmp, final);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(final)) throw error;
    }
  }
  writeAtomic(join(cache, `${name}.json`), JSON.stringify(record));
  const old = Date.now() - KEEP_UNUSED_MS;
  for (const d of readdirSync(cache)) {
    if (!d.startsWith(`${name}-`) || d === dir) continue;
    const s = statSync(join(cache, d), { throwIfNoEntry: false });
    if (s && s.mtimeMs < old) rmSync(join(cache, d), { recursive: true, force: true });
  }
  return record;
}

const entryArg = process.argv[2];
if (!entryArg) {
  process.stderr.write('usage: node scripts/run-ts.mjs ENTRY.ts [args…]\n');
  process.exit(2);
}
const entry = resolve(entryArg);
if (!existsSync(entry)) {
  process.stderr.write(`run-ts: no file ${entryArg}\n`);
  process.exit(2);
}
const root = projectOf(entry);
const cache = join(root, 'node_modules', '.cache', 'dateline', 'bin');
const name = `${relative(root, entry).split(sep).join('_').replace(/\.[^.]*$/, '')}-${hash(entry).slice(0, 12)}`;
const stamp = stampNow();
const previous = readRecord(join(cache, `${name}.json`));
let record = previous && isFresh(previous, stamp) && markUsed(join(cache, previous.dir)) ? previous : null;
if (!record) {
  mkdirSync(cache, { recursive: true });
  record = await bundle(entry, root, cache, name, stamp, Object.keys(previous?.workers ?? {}).map((url) => fileURLToPath(url)));
  if (!record) {
    process.stderr.write(`run-ts: esbuild could not bundle ${entryArg} (messages above)\n`);
    process.exit(1);
  }
}
const dir = join(cache, record.dir);
/** @type {Record<symbol, unknown>} */ (globalThis)[BUNDLES] = Object.fromEntries(Object.entries(record.workers).map(([source, rel]) => [source, pathToFileURL(join(dir, rel)).href]));
process.argv.splice(1, 2, entry);
await import(pathToFileURL(join(dir, record.main)).href);
