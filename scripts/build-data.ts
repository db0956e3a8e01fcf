/**
 * `npm run build:data [-- --in DIR --out DIR]`: read every article file (default articles/*.txt), run the
 * pipeline, print every diagnostic as file:line:column, and write the dataset (default public/data/)
 * atomically. The exit status is 1 when any file was rejected (the others still build) or the dataset could not
 * be written, 2 on bad usage.
 *
 * Fast at any size (see README, "Build: parallel and incremental"):
 *   - worker threads (one per core) run the per-file pipeline, `extractArticle`; the main thread only assembles
 *     (the cross-article merge is global) and decides what to write;
 *   - each file's extraction is cached under a key of (pipeline version, file name, bytes): an unchanged file is
 *     read back, not re-run; the pipeline version is a hash of the pipeline's sources, so editing them
 *     invalidates the cache by itself;
 *   - only changed output files are written: the new dataset is staged beside the old one with hard links to
 *     the unchanged files, then swapped in with two renames, so a failed or interrupted build still leaves the
 *     previous dataset whole. Output bytes are the same as a clean build's (tested).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, type Extraction } from '../src/pipeline/build-dataset.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../src/pipeline/diagnostic.ts';
import type { EventDetail } from '../src/pipeline/schema.ts';
import { handle, type FileStamp, type WorkerJob, type WorkerRequest, type WorkerResponse, type WriteTask } from './lib/build-worker.ts';
import { entryPath, type EntryMeta, type EventRef, type ExtractedFile } from './lib/extract-entry.ts';
import { pipelineVersion } from './lib/pipeline-version.ts';
import { WorkerPool } from './lib/worker-pool.ts';
import { discardStaging, prepareStaging, swapIn } from './lib/write-atomic.ts';

const DEFAULT_CACHE = fileURLToPath(new URL('../node_modules/.cache/dateline/build-data', import.meta.url));
/** Below this many files, worker start-up costs more than it saves. */
const IN_PROCESS_BELOW = 48;

type Options = { inDir: string; outDir: string; quiet: boolean; cacheDir: string; jobs: number | null; stats: boolean };

function parseArgs(argv: readonly string[]): Options | string {
  const opts: Options = { inDir: 'articles', outDir: 'public/data', quiet: false, cacheDir: DEFAULT_CACHE, jobs: null, stats: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--in' || a === '--out' || a === '--cache') {
      const v = argv[++i];
      if (!v) return `${a} needs a folder`;
      if (a === '--in') opts.inDir = v;
      else if (a === '--out') opts.outDir = v;
      else opts.cacheDir = v;
    } else if (a === '--jobs') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) return '--jobs needs a whole number (0: no worker threads)';
      opts.jobs = v;
    } else if (a === '--quiet') opts.quiet = true;
    else if (a === '--stats') opts.stats = true;
    else return `unknown argument "${a}"`;
  }
  return opts;
}

type Manifest = { version: string; files: Record<string, { fp: string; stamp: FileStamp }> };

function manifestPath(cacheRoot: string, outDir: string): string {
  return join(cacheRoot, `out-${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`);
}

function loadManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function saveManifest(path: string, m: Manifest): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(m));
  renameSync(tmp, path);
}

/** The output file is the one the manifest describes: same inode, size and modification time. */
function stampMatches(path: string, stamp: FileStamp): boolean {
  const s = statSync(path, { throwIfNoEntry: false });
  return s !== undefined && s.ino === stamp.ino && s.size === stamp.size && s.mtimeMs === stamp.mtimeMs;
}

function chunks<T>(list: readonly T[], parts: number, max: number): T[][] {
  const size = Math.max(1, Math.min(max, Math.ceil(list.length / parts)));
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Cache folders of other pipeline versions are dead weight. */
function staleVersions(cacheRoot: string, version: string): string[] {
  if (!existsSync(cacheRoot)) return [];
  return readdirSync(cacheRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{16}$/.test(d.name) && d.name !== version)
    .map((d) => join(cacheRoot, d.name));
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`build-data: ${opts}\nusage: npm run build:data -- [--in DIR] [--out DIR] [--quiet] [--cache DIR] [--jobs N] [--stats]\n`);
    return 2;
  }
  let names: string[];
  try {
    names = readdirSync(opts.inDir, { withFileTypes: true })
      .filter((d) => d.name.endsWith('.txt') && (d.isFile() || (d.isSymbolicLink() && statSync(join(opts.inDir, d.name)).isFile())))
      .map((d) => d.name)
      .sort();
  } catch {
    process.stderr.write(`build-data: cannot read the folder "${opts.inDir}": expected a folder of article .txt files\n`);
    return 2;
  }
  const version = pipelineVersion();
  const cacheRoot = resolve(opts.cacheDir);
  const cacheDir = join(cacheRoot, version);
  const inputs = names.map((name) => ({ path: resolve(opts.inDir, name), file: relative(process.cwd(), join(opts.inDir, name)) || name }));
  const jobs = opts.jobs ?? (inputs.length >= IN_PROCESS_BELOW ? Math.max(1, availableParallelism()) : 0);
  const pool = jobs > 0 ? new WorkerPool(jobs) : null;
  const run = async (req: WorkerJob): Promise<WorkerResponse> => {
    const res = pool ? await pool.run(req) : handle({ ...req, id: 0 } as WorkerRequest);
    if (res.type === 'failed') throw new Error(res.message);
    return res;
  };
  try {
    const stale = staleVersions(cacheRoot, version);
    const pruning = stale.length > 0 ? run({ type: 'remove', paths: stale }) : Promise.resolve(null);

    // 1. Extract (workers), parsing each batch's results on the main thread as they arrive.
    const parsed: { meta: EntryMeta; key: string | null; events: EventDetail[] | null }[] = new Array(inputs.length);
    let misses = 0;
    const batches = chunks(inputs.map((f, i) => ({ ...f, i })), Math.max(1, jobs) * 8, 64);
    await Promise.all(
      batches.map(async (batch) => {
        const res = await run({ type: 'extract', files: batch.map(({ path, file }) => ({ path, file })), cacheDir, version });
        if (res.type !== 'extracted') throw new Error(`unexpected worker answer ${res.type}`);
        res.results.forEach((r: ExtractedFile, k) => {
          if (!r.cached) misses++;
          parsed[(batch[k] as { i: number }).i] = { meta: JSON.parse(r.meta) as EntryMeta, key: r.key, events: r.events === null ? null : (JSON.parse(r.events) as EventDetail[]) };
        });
      }),
    );
    const tExtract = performance.now();

    // 2. Assemble (main thread): the merge across articles is global.
    const extractions: Extraction[] = [];
    const keyOf = new Map<Extraction, string>();
    const own = new WeakMap<EventDetail, { x: Extraction; i: number }>();
    const problems: { file: string; diagnostics: Diagnostic[] }[] = [];
    let rejectedCount = 0;
    parsed.forEach((p, i) => {
      const file = (inputs[i] as { file: string }).file;
      if (hasErrors(p.meta.diagnostics)) rejectedCount++;
      if (p.meta.diagnostics.length > 0) problems.push({ file, diagnostics: p.meta.diagnostics });
      if (!p.meta.article || !p.events || p.key === null) return;
      const x: Extraction = { file, article: p.meta.article, events: p.events };
      p.events.forEach((e, k) => own.set(e, { x, i: k }));
      extractions.push(x);
      keyOf.set(x, p.key);
    });
    const { dataset, rejected } = assembleDataset(extractions);
    problems.push(...rejected);
    rejectedCount += rejected.length;
    for (const p of problems) for (const d of p.diagnostics) process.stderr.write(`${formatDiagnostic(p.file, d)}\n`);
    const tAssemble = performance.now();

    // 3. Write what changed into a staging folder (links for the rest), then swap it in.
    const rejectedFiles = new Set(rejected.map((r) => r.file));
    const extractionOf = new Map<string, Extraction>();
    for (const x of extractions) if (!rejectedFiles.has(x.file)) extractionOf.set(x.article.id, x);
    const out = resolve(opts.outDir);
    const manifestAt = manifestPath(cacheRoot, out);
    const previous = loadManifest(manifestAt);
    const next: Manifest = { version, files: {} };
    const staging = prepareStaging(out);
    const failAfter = process.env['DATELINE_BUILD_FAIL_AFTER'] === undefined ? null : Number(process.env['DATELINE_BUILD_FAIL_AFTER']);
    let written = 0;
    let linked = 0;
    let events = 0;
    try {
      mkdirSync(join(staging, 'articles'));
      writeFileSync(join(staging, 'index.json'), `${JSON.stringify(dataset.index)}\n`);
      writeFileSync(join(staging, 'search.json'), `${JSON.stringify(dataset.search)}\n`);
      events = dataset.index.events.length;
      // A merged event is in the file of every article that tells it: stringify it once.
      const mergedJson = new Map<EventDetail, string>();
      const jsonOf = (e: EventDetail) => {
        let j = mergedJson.get(e);
        if (j === undefined) mergedJson.set(e, (j = JSON.stringify(e)));
        return j;
      };
      // Write tasks go out in chunks, a few in flight: memory stays bounded whatever the number of articles.
      type Pending = { t: WriteTask; fp: string; path: string };
      let chunk: Pending[] = [];
      const inflight = new Set<Promise<void>>();
      const flush = async () => {
        const part = chunk;
        chunk = [];
        const p = run({ type: 'write', tasks: part.map((x) => x.t), failAfter }).then((res) => {
          if (res.type !== 'written') throw new Error(`unexpected worker answer ${res.type}`);
          res.stamps.forEach((stamp, k) => {
            const { t, fp, path } = part[k] as Pending;
            if (t.kind === 'link') linked++;
            else written++;
            if (stamp) next.files[path] = { fp, stamp };
          });
        });
        p.catch(() => {});
        inflight.add(p);
        void p.finally(() => inflight.delete(p)).catch(() => {});
        if (inflight.size >= Math.max(1, jobs) * 2) await Promise.race(inflight);
      };
      for (const [id, detail] of dataset.articles) {
        const x = extractionOf.get(id);
        const key = x && keyOf.get(x);
        if (!x || !key) throw new Error(`no extraction for the article ${id}`);
        if (Object.keys(detail).join() !== 'schemaVersion,article,events') throw new Error('the article file layout changed: update composeArticleFile');
        const refs: EventRef[] = detail.events.map((e) => {
          const o = own.get(e);
          return o && o.x === x ? o.i : jsonOf(e);
        });
        const fp = createHash('sha256').update(`${version}\0${key}\0${detail.schemaVersion}\0${detail.article.eventCount}\0`).update(refs.join('\u0001')).digest('hex').slice(0, 32);
        const path = `articles/${id}.json`;
        const before = previous?.files[path];
        if (before && before.fp === fp && stampMatches(join(out, path), before.stamp)) {
          chunk.push({ t: { kind: 'link', from: join(out, path), to: join(staging, path) }, fp, path });
          next.files[path] = before;
        } else {
          chunk.push({ t: { kind: 'compose', to: join(staging, path), entry: entryPath(cacheDir, key), schemaVersion: detail.schemaVersion, eventCount: detail.article.eventCount, events: refs }, fp, path });
        }
        if (chunk.length >= 256) await flush();
      }
      if (chunk.length > 0) await flush();
      await Promise.all(inflight);
    } catch (error) {
      discardStaging(out, staging);
      throw error;
    }
    const old = swapIn(out, staging);
    mkdirSync(cacheRoot, { recursive: true });
    saveManifest(manifestAt, next);
    if (old) await run({ type: 'remove', paths: [old] });
    await pruning;
    const tWrite = performance.now();

    if (!opts.quiet) {
      process.stdout.write(`build-data: ${names.length - rejectedCount} of ${names.length} articles built, ${events} events -> ${opts.outDir}\n`);
    }
    if (opts.stats) {
      const usage = process.resourceUsage();
      const stats = {
        files: names.length,
        extracted: misses,
        written,
        linked,
        events,
        workers: jobs,
        ms: { extract: Math.round(tExtract - t0), assemble: Math.round(tAssemble - tExtract), write: Math.round(tWrite - tAssemble) },
        peakRssMb: Math.round(usage.maxRSS / 1024),
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      };
      process.stderr.write(`build-data stats ${JSON.stringify(stats)}\n`);
    }
    if (rejectedCount > 0) process.stderr.write(`build-data: ${rejectedCount} file(s) rejected\n`);
    return rejectedCount > 0 ? 1 : 0;
  } finally {
    await pool?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`build-data: the build failed and the previous dataset is left as it was: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
