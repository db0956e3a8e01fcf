/**
 * `npm run build:data [-- --in DIR --out DIR]`: read every article file (default articles/*.txt, *.html, *.htm), run the
 * pipeline, print every diagnostic as file:line:column, and write the dataset (default public/data/)
 * atomically. The exit status is 1 when any file was rejected (the others still build) or the dataset could not
 * be written, 2 on bad usage.
 *
 * Fast at any size (see bench/README.md, "Build design"):
 *   - worker threads (one per core) run the per-file pipeline, `extractArticle`; the main thread holds only lean
 *     events (summaries and hashed word stems), runs the merge across articles (global) and decides what to write;
 *   - each file's extraction is cached under a key of (pipeline version, file name, bytes): an unchanged file is
 *     read back, not re-run; the pipeline version is a hash of the pipeline's sources, so editing them
 *     invalidates the cache by itself; a file whose stamp is the one it had at the last build is not even read
 *     (input-state.ts), and when nothing changed at all nothing is done;
 *   - only changed output files are written: the new dataset is staged beside the old one with hard links to
 *     the unchanged files, then swapped in with two renames, so a failed or interrupted build still leaves the
 *     previous dataset whole. Output bytes are the same as a clean build's (tested).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { firstOfEachArticle } from '../src/pipeline/build-dataset.ts';
import { formatDiagnostic, hasErrors } from '../src/pipeline/diagnostic.ts';
import { isInputFile } from '../src/pipeline/formats/parse-input.ts';
import { displayName, expandInputs, mappingVersion } from './lib/input-units.ts';
import { fetchForBuild, takeFetchArgs } from './lib/fetch-pages.ts';
import { mergeBucketOf, planMerge, type GroupFields, type MergeInput } from '../src/pipeline/merge-events.ts';
import { INDEX_SCHEMA_VERSION, SCHEMA_VERSION, type ArticleSummary, type CompactIndex, type EventRow } from '../src/pipeline/schema.ts';
import { BucketWriter, storedMention } from './lib/bucket-store.ts';
import { handle, type FileStamp, type WorkerJob, type WorkerRequest, type WorkerResponse, type WriteTask } from './lib/build-worker.ts';
import { loadManifest, manifestPath, outputKey, saveManifest, stampMatches, stampOf, type ListLayout, type Manifest, type Report } from './lib/dataset-state.ts';
import { entryPath, extractFile, fromHead, summaryOfLean, type EntryMeta, type ExtractedFile, type LeanEvent } from './lib/extract-entry.ts';
import { buildIncrementally, removeStaleStaging, rollJournalForward, UnfinishedRenames, type IncrementalInput } from './lib/incremental.ts';
import { pipelineVersion } from './lib/pipeline-version.ts';
import { loadInputState, readHead, saveInputState, statInput, unchanged, type InputRecord } from './lib/input-state.ts';
import { articleFingerprint, articleSummaryOf, compareArticles, groupRow, refsOf } from './lib/lean-assembly.ts';
import { compareRows } from '../src/pipeline/tiles.ts';
import { WorkerPool } from './lib/worker-pool.ts';
import { discardStaging, prepareStaging, swapIn } from './lib/write-atomic.ts';
import { rowExcerpts } from './lib/row-excerpts.ts';
import { stageTiles, writeTiles } from './lib/write-tiles.ts';

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

function inputsFingerprint(version: string, entries: readonly { file: string; key: string | null }[]): string | null {
  const h = createHash('sha256').update(version);
  for (const e of entries) {
    if (e.key === null) return null;
    h.update(`\0${e.file}\0${e.key}`);
  }
  return h.digest('hex');
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

/** A file written in pieces as they come, a few MB at a time (whole strings of hundreds of MB are near V8's limit); `bytes`: how many so far. */
type Buffered = { write: (piece: string) => void; close: () => void; readonly bytes: number };

function openBuffered(path: string): Buffered {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let size = 0;
  let bytes = 0;
  const flush = () => {
    writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(piece) {
      pending.push(piece);
      size += piece.length;
      bytes += Buffer.byteLength(piece);
      if (size >= 1 << 22) flush();
    },
    close() {
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
    get bytes() {
      return bytes;
    },
  };
}

/** A JSON list's elements, as JSON.stringify writes them, and where each ends (dataset-state.ts). */
function writeList(file: Buffered, items: readonly unknown[]): ListLayout {
  const start = file.bytes;
  const ends = new Uint32Array(items.length);
  items.forEach((x, i) => {
    file.write(i > 0 ? `,${JSON.stringify(x)}` : JSON.stringify(x));
    ends[i] = file.bytes;
  });
  return { start, ends };
}

/** index.json as JSON.stringify would write it (schema 2: events as rows), and its layout. */
function writeIndexJson(path: string, articles: readonly ArticleSummary[], rows: readonly EventRow[]): { articles: ListLayout; rows: ListLayout } {
  const file = openBuffered(path);
  try {
    file.write(`{"schemaVersion":${INDEX_SCHEMA_VERSION},"articles":[`);
    const a = writeList(file, articles);
    file.write('],"events":[');
    const r = writeList(file, rows);
    file.write(']}\n');
    return { articles: a, rows: r };
  } finally {
    file.close();
  }
}

/**
 * A full collection between phases, where the phase before leaves most of its allocations as garbage: V8 would
 * otherwise grow the heap into the next phase before collecting (at 100k articles the main thread's heap peaked
 * at ≈ 1.7 GB, much of it garbage). Off with DATELINE_BUILD_NO_GC (to measure it).
 */
const collectGarbage: () => void = (() => {
  if (process.env['DATELINE_BUILD_NO_GC'] !== undefined) return () => {};
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** One copy of each repeated string (dates, precisions): a million events repeat a few thousand values. */
function internStrings(): <T extends string | null>(s: T) => T {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as T;
    seen.set(s, s);
    return s;
  };
}

async function main(): Promise<number> {
  const t0 = performance.now();
  // CPU of the whole process (every thread) at the end of each phase, for --stats.
  const cpuAt = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const cpu0 = cpuAt();
  // The main thread's heap at its largest (sampled): what of the peak RSS is the main thread's.
  let mainHeapPeak = 0;
  const sampler = setInterval(() => {
    mainHeapPeak = Math.max(mainHeapPeak, process.memoryUsage().heapUsed);
  }, 100);
  sampler.unref();
  const split = takeFetchArgs(process.argv.slice(2));
  const opts = typeof split === 'string' ? split : parseArgs(split.rest);
  if (typeof opts === 'string') {
    process.stderr.write(`build-data: ${opts}\nusage: npm run build:data -- [--in DIR] [--out DIR] [--quiet] [--cache DIR] [--jobs N] [--stats] [--fetch URLS.txt [--fetch-again] [--fetch-delay MS] [--fetch-timeout MS]]\n`);
    return 2;
  }
  // --fetch: the listed pages into the folder first (scripts/lib/fetch-pages.ts); a URL that failed makes the exit status 1.
  const fetched = typeof split === 'object' && split.fetch ? await fetchForBuild(split.fetch, opts.inDir, resolve(opts.cacheDir), opts.quiet) : 0;
  if (fetched === 2) return 2;
  let names: string[];
  try {
    names = readdirSync(opts.inDir, { withFileTypes: true })
      .filter((d) => isInputFile(d.name) && (d.isFile() || (d.isSymbolicLink() && statSync(join(opts.inDir, d.name)).isFile())))
      .map((d) => d.name)
      .sort();
  } catch {
    process.stderr.write(`build-data: cannot read the folder "${opts.inDir}": expected a folder of article files (.txt, .html)\n`);
    return 2;
  }
  // The export mapping (dateline.json in the folder) shapes the extractions: it is part of the version.
  const version = mappingVersion(pipelineVersion(), opts.inDir);
  const cacheRoot = resolve(opts.cacheDir);
  const cacheDir = join(cacheRoot, version);
  // A feed or an export is one input per article ("feed.xml#0003"): each article is cached, rebuilt and checked for
  // duplicates on its own, as a file of one article is.
  const inputs = expandInputs(names.map((name) => ({ path: resolve(opts.inDir, name), file: relative(process.cwd(), join(opts.inDir, name)) || name })), join(cacheRoot, 'units'));
  // What the last build read of these files: an unchanged file (same stamp) is neither read nor hashed again.
  const statePath = join(cacheRoot, `inputs-${createHash('sha256').update(resolve(opts.inDir)).digest('hex').slice(0, 16)}.txt`);
  const state = loadInputState(statePath, version);
  const stamps = inputs.map((f) => statInput(f.path));
  const known = inputs.map((f, i) => {
    const stamp = stamps[i];
    return stamp ? unchanged(state, f.file, stamp) : null;
  });
  const toRead = known.reduce((n, k) => (k === null ? n + 1 : n), 0);
  const jobs = opts.jobs ?? Math.max(1, availableParallelism());
  // Worker threads start only for work worth their start-up: many files to read, many files to compose.
  let pool = null as WorkerPool | null;
  const run = async (req: WorkerJob, many: boolean): Promise<WorkerResponse> => {
    if (many && jobs > 0) pool ??= new WorkerPool(jobs);
    const res = many && pool ? await pool.run(req) : handle({ ...req, id: 0 } as WorkerRequest);
    if (res.type === 'failed') throw new Error(res.message);
    return res;
  };
  const parallel = () => (pool ? pool.size : 1);
  // The new dataset is staged beside the current one from the start (search.json is written as files are read);
  // until it is swapped in, any failure removes it and leaves the current dataset as it was.
  const out = resolve(opts.outDir);
  const manifestAt = manifestPath(cacheRoot, out);
  // An incremental build stopped between its renames: finish them (every file they name is whole).
  const journal = join(cacheRoot, `journal-${outputKey(out)}.json`);
  // The search shards' slack (write-tiles.ts): beside the cache, valid while the manifest's fingerprints say so.
  const slackDir = join(cacheRoot, `slack-${outputKey(out)}`);
  rollJournalForward(journal);
  removeStaleStaging(out);
  const previous = loadManifest(manifestAt);
  const finish = (report: Report, stats: Record<string, unknown>, printProblems: boolean): number => {
    if (printProblems) for (const line of report.problems) process.stderr.write(`${line}\n`);
    if (!opts.quiet) process.stdout.write(`build-data: ${report.built} of ${inputs.length} articles built, ${report.events} events -> ${opts.outDir}\n`);
    if (opts.stats) {
      const usage = process.resourceUsage();
      const all = { files: inputs.length, ...stats, read: toRead, workers: pool?.size ?? 0, peakRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) };
      process.stderr.write(`build-data stats ${JSON.stringify(all)}\n`);
    }
    if (report.rejected > 0) process.stderr.write(`build-data: ${report.rejected} of ${inputs.length} articles rejected\n`);
    return report.rejected > 0 || fetched !== 0 ? 1 : 0;
  };
  // Nothing to do: every input unchanged since the last build (and no file added or removed), and the output as
  // that build left it. `npm start` runs the build every time.
  const allKnown = toRead === 0 && state !== null && state.records.size === inputs.length;
  const inputsNow = allKnown ? inputsFingerprint(version, inputs.map((f, i) => ({ file: f.file, key: known[i]?.key ?? null }))) : null;
  if (inputsNow !== null && previous?.version === version && previous.inputs === inputsNow && previous.report) {
    const files = Object.entries(previous.files);
    if (files.length > 0 && files.every(([path, f]) => stampMatches(join(out, path), f.stamp)) && ['overview.json', 'README.md'].every((f) => existsSync(join(out, f)))) {
      return finish(previous.report, { extracted: 0, written: 0, linked: 0, events: previous.report.events, unchanged: true, ms: { total: Math.round(performance.now() - t0) } }, true);
    }
  }
  const failAfter = process.env['DATELINE_BUILD_FAIL_AFTER'] === undefined ? null : Number(process.env['DATELINE_BUILD_FAIL_AFTER']);
  // A few articles edited in place: re-merge and splice only what they touch (incremental.ts), else the whole build.
  let declined: string | null = null;
  if (previous) {
    // The tiles from the index as spliced (staged with the build's other files): those whose bytes differ are
    // written, the others left as they are.
    const tiles: IncrementalInput['tiles'] = ({ index, search, staged, known }) => {
      const spliced = JSON.parse(readFileSync(index, 'utf8')) as CompactIndex;
      const read = rowExcerpts(search, spliced.events);
      try {
        return stageTiles(out, spliced.articles, spliced.events, staged, slackDir, known, { excerpts: read.excerpts });
      } finally {
        read.close();
      }
    };
    const r = buildIncrementally({ version, cacheRoot, cacheDir, out, inputs, stamps, known, manifest: previous, journal, slackDir, failAfter, tiles });
    if (r.done) {
      saveManifest(manifestAt, { ...r.manifest, inputs: inputsFingerprint(version, inputs.map((f, i) => ({ file: f.file, key: r.records[i]?.key ?? null }))) });
      saveInputState(statePath, version, r.records);
      return finish(r.report, { extracted: r.extracted, written: r.written, linked: 0, removed: r.removed, events: r.report.events, incremental: true, renumbered: r.renumbered, tiles: r.tiles, ms: { ...r.ms, total: Math.round(performance.now() - t0) } }, true);
    }
    declined = r.why;
  }
  let staging: string | null = null;
  let bucketFile: string | null = null;
  try {
    const stale = staleVersions(cacheRoot, version);
    const pruning = stale.length > 0 ? run({ type: 'remove', paths: stale }, true) : Promise.resolve(null);
    staging = prepareStaging(out);
    // 1. Extract (workers), parsing each batch's results on the main thread as they arrive: only the lean part
    //    (summaries and stems); the article texts and excerpts stay in the cache entries, and each article's part
    //    of search.json goes straight to the file, in file order (a batch waits for the ones before it).
    const parsed: { meta: EntryMeta; key: string | null; lean: LeanEvent[] | null }[] = new Array(inputs.length);
    const records: InputRecord[] = [];
    let misses = 0;
    const readInWorkers = toRead >= IN_PROCESS_BELOW;
    const batches = chunks(inputs.map((f, i) => ({ ...f, i })), Math.max(1, readInWorkers ? jobs : 1) * 8, 64);
    const search = openBuffered(join(staging, 'search.json'));
    search.write(`{"schemaVersion":${SCHEMA_VERSION},"events":[`);
    const searchStart = search.bytes;
    // Where each file's part is in search.json: [offset, length] by file index (the layout, dataset-state.ts).
    const searchLayout = new Uint32Array(2 * inputs.length);
    const searchParts = new Map<number, { i: number; id: string; part: string }[]>();
    const seenArticles = new Set<string>();
    let nextBatch = 0;
    const intern = internStrings();
    await Promise.all(
      batches.map(async (batch, b) => {
        const unread = batch.filter(({ i }) => known[i] === null);
        const res = unread.length === 0 ? null : await run({ type: 'extract', files: unread.map(({ path, file }) => ({ path, file })), cacheDir, version }, readInWorkers);
        if (res && res.type !== 'extracted') throw new Error(`unexpected worker answer ${res.type}`);
        const read = res?.results ?? [];
        let next = 0;
        const results = batch.map(({ i, file, path }): ExtractedFile => {
          const k = known[i];
          // An unchanged file: the head of its entry (if the entry is gone, the file is read after all).
          const head = k ? readHead(entryPath(cacheDir, k.key), k.headBytes) : null;
          if (k && head !== null) {
            records.push(k);
            return fromHead(file, k.key, head, true);
          }
          const r = k ? extractFile(path, file, cacheDir, version) : (read[next++] as ExtractedFile);
          const stamp = stamps[i];
          if (r.key !== null && stamp) records.push({ file, stamp, key: r.key, headBytes: r.headBytes });
          return r;
        });
        const parts: { i: number; id: string; part: string }[] = [];
        results.forEach((r: ExtractedFile, k) => {
          if (!r.cached) misses++;
          const meta = JSON.parse(r.meta) as EntryMeta;
          const lean = r.lean === null ? null : (JSON.parse(r.lean) as LeanEvent[]);
          if (lean) for (const l of lean) [l[2], l[3], l[4], l[7]] = [intern(l[2]), intern(l[3]), intern(l[4]), intern(l[7])];
          const i = (batch[k] as { i: number }).i;
          parsed[i] = { meta, key: r.key, lean };
          // Rejected files have no part; nor have later copies of an article (same URL: the first file by name is kept).
          const id = meta.article?.id;
          if (id !== undefined && lean !== null && r.key !== null && r.search !== null && !hasErrors(meta.diagnostics)) parts.push({ i, id, part: r.search });
        });
        searchParts.set(b, parts);
        while (searchParts.has(nextBatch)) {
          for (const { i, id, part } of searchParts.get(nextBatch) ?? []) {
            if (seenArticles.has(id)) continue;
            seenArticles.add(id);
            if (part.length <= 2) continue;
            if (search.bytes > searchStart) search.write(',');
            searchLayout[2 * i] = search.bytes;
            search.write(part.slice(1, -1));
            searchLayout[2 * i + 1] = search.bytes - (searchLayout[2 * i] as number);
          }
          searchParts.delete(nextBatch++);
        }
      }),
    );
    search.write(']}\n');
    search.close();
    const inputsRead = inputsFingerprint(version, parsed.map((p, i) => ({ file: (inputs[i] as { file: string }).file, key: p.key })));
    const tExtract = performance.now();
    const cpuExtract = cpuAt();
    collectGarbage();
    const heapAfterExtract = process.memoryUsage().heapUsed;

    // 2. Assemble (main thread): the merge across articles is global. Same steps as assembleDataset, on lean events.
    type Built = { file: string; i: number; article: NonNullable<EntryMeta['article']>; key: string; lean: LeanEvent[] };
    const built: Built[] = [];
    const ownProblems: Record<number, string[]> = {};
    let rejectedCount = 0;
    parsed.forEach((p, i) => {
      const file = (inputs[i] as { file: string }).file;
      if (hasErrors(p.meta.diagnostics)) rejectedCount++;
      if (p.meta.diagnostics.length > 0) ownProblems[i] = p.meta.diagnostics.map((d) => formatDiagnostic(displayName(file), d));
      if (!p.meta.article || !p.lean || p.key === null) return;
      built.push({ file, i, article: p.meta.article, key: p.key, lean: p.lean });
    });
    const keys = parsed.map((p) => p.key);
    parsed.length = 0;
    const { kept, rejected } = firstOfEachArticle(built);
    rejectedCount += rejected.length;
    const duplicateLines = rejected.flatMap((p) => p.diagnostics.map((d) => formatDiagnostic(displayName(p.file), d)));
    const problemLines = [...Object.keys(ownProblems).map(Number).sort((a, b) => a - b).flatMap((i) => ownProblems[i] ?? []), ...duplicateLines];
    for (const line of problemLines) process.stderr.write(`${line}\n`);
    const toldBy = new Map<string, number>();
    for (const x of built) toldBy.set(x.article.id, (toldBy.get(x.article.id) ?? 0) + 1);
    const copied = [...toldBy].filter(([, n]) => n > 1).map(([id]) => id);
    const published = new Map(kept.map((x) => [x.article.id, x.article.publishedOn]));
    const articleSummaries: ArticleSummary[] = kept.map(({ article }) => articleSummaryOf(article));
    articleSummaries.sort(compareArticles);
    const positions = new Map(articleSummaries.map((a, i) => [a.id, i]));
    const articleAt = (id: string) => positions.get(id) as number;
    const inputsOfMerge: MergeInput[] = [];
    // Whose each merge input is: the article (position in kept) and the event's index in it, as two number arrays.
    const ownerArticle: number[] = [];
    const ownerEvent: number[] = [];
    kept.forEach((x, a) => {
      x.lean.forEach((l, k) => {
        inputsOfMerge.push({ id: l[0], articleId: x.article.id, kind: l[7], start: l[2], end: l[3], precision: l[4], stems: l[8] });
        ownerArticle.push(a);
        ownerEvent.push(k);
      });
    });
    const groups = planMerge(inputsOfMerge, (id) => published.get(id) ?? '');
    // The bucket store, for the next incremental build: every mention, by the merge's bucket.
    mkdirSync(cacheRoot, { recursive: true });
    bucketFile = `buckets-${outputKey(out)}-${Date.now().toString(36)}-${process.pid}.jsonl`;
    const buckets = new BucketWriter(join(cacheRoot, bucketFile), 0);
    try {
      const byBucket = new Map<string, number[]>();
      inputsOfMerge.forEach((e, g) => {
        if (e.kind !== 'mention') return;
        const key = mergeBucketOf(e);
        const list = byBucket.get(key);
        if (list) list.push(g);
        else byBucket.set(key, [g]);
      });
      for (const [key, list] of byBucket) {
        buckets.add(
          key,
          list.map((g) => {
            const x = kept[ownerArticle[g] as number] as Built;
            const k = ownerEvent[g] as number;
            const l = x.lean[k] as LeanEvent;
            return storedMention(x.article.id, k, l[0], l[1], l[5], l[6], l[8]);
          }),
        );
      }
    } finally {
      buckets.close();
    }
    // The stems have done their work: let them go before the rows are built (≈ 100 MB at 100k articles).
    inputsOfMerge.length = 0;
    const noStems: number[] = [];
    for (const x of kept) for (const l of x.lean) l[8] = noStems;
    collectGarbage();
    const rows: EventRow[] = [];
    const groupOf = new Map<Built, Map<number, GroupFields>>();
    for (const g of groups) {
      const members = g.map((i) => ({ x: kept[ownerArticle[i] as number] as Built, k: ownerEvent[i] as number }));
      const { row, fields } = groupRow(
        members.map(({ x, k }) => summaryOfLean(x.lean[k] as LeanEvent, x.article.id)),
        articleAt,
      );
      rows.push(row);
      if (!fields) continue;
      for (const { x, k } of members) {
        let m = groupOf.get(x);
        if (!m) groupOf.set(x, (m = new Map()));
        m.set(k, fields);
      }
    }
    ownerArticle.length = 0;
    ownerEvent.length = 0;
    rows.sort(compareRows);
    const tAssemble = performance.now();
    const cpuAssemble = cpuAt();
    const heapAfterAssemble = process.memoryUsage().heapUsed;

    // 3. Write what changed into a staging folder (links for the rest), then swap it in.
    const next: Manifest = { version, files: {} };
    let written = 0;
    let linked = 0;
    const events = rows.length;
    {
      mkdirSync(join(staging, 'articles'));
      const indexLayout = writeIndexJson(join(staging, 'index.json'), articleSummaries, rows);
      // The tiles are made on this thread while the workers compose the article files.
      const read = rowExcerpts(join(staging, 'search.json'), rows);
      const tilesWritten = writeTiles(staging, articleSummaries, rows, slackDir, { excerpts: read.excerpts }).finally(() => read.close());
      tilesWritten.catch(() => {});
      for (const path of ['index.json', 'search.json']) next.files[path] = { fp: '', stamp: stampOf(join(staging, path)) as FileStamp };
      const indexStamp = (next.files['index.json'] as { stamp: FileStamp }).stamp;
      // Offsets are 32-bit: an index.json of 4 GiB or more has no layout (every build is then whole).
      if (indexStamp.size < 2 ** 32) {
        next.layout = {
          files: inputs.map((f) => f.file),
          keys,
          positions: inputs.map(() => -1),
          problems: ownProblems,
          duplicates: { ids: copied, lines: duplicateLines },
          rejected: rejectedCount,
          index: { stamp: indexStamp, ...indexLayout },
          search: { stamp: (next.files['search.json'] as { stamp: FileStamp }).stamp, start: searchStart, parts: searchLayout },
          buckets: { file: bucketFile, size: buckets.size, table: buckets.table },
        };
        for (const x of kept) next.layout.positions[x.i] = articleAt(x.article.id);
      }
      // Write tasks go out in chunks, a few in flight: memory stays bounded whatever the number of articles.
      type Pending = { t: WriteTask; fp: string; path: string };
      let chunk: Pending[] = [];
      const inflight = new Set<Promise<void>>();
      const flush = async () => {
        const part = chunk;
        chunk = [];
        const p = run({ type: 'write', tasks: part.map((x) => x.t), failAfter }, part.filter((x) => x.t.kind === 'compose').length >= 8).then((res) => {
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
        if (inflight.size >= parallel() * 2) await Promise.race(inflight);
      };
      for (const x of kept) {
        const id = x.article.id;
        const merged = groupOf.get(x);
        // The article's events in the order of its file (compareEvents on the final ids), each as extracted or
        // with its group's fields.
        const refs = refsOf(x.lean, merged);
        const fp = articleFingerprint(version, x.key, x.article.eventCount, refs);
        const path = `articles/${id}.json`;
        const before = previous?.files[path];
        if (before && before.fp === fp && stampMatches(join(out, path), before.stamp)) {
          chunk.push({ t: { kind: 'link', from: join(out, path), to: join(staging, path) }, fp, path });
          next.files[path] = before;
        } else {
          chunk.push({ t: { kind: 'compose', to: join(staging, path), entry: entryPath(cacheDir, x.key), schemaVersion: SCHEMA_VERSION, eventCount: x.article.eventCount, events: refs }, fp, path });
        }
        if (chunk.length >= 256) await flush();
      }
      if (chunk.length > 0) await flush();
      await Promise.all(inflight);
      const tiles = await tilesWritten;
      Object.assign(next.files, tiles.files);
      if (next.layout) next.layout.tiling = tiles.state;
    }
    const old = swapIn(out, staging);
    staging = null;
    const report: Report = { problems: problemLines, rejected: rejectedCount, built: inputs.length - rejectedCount, events };
    next.inputs = inputsRead;
    next.report = report;
    mkdirSync(cacheRoot, { recursive: true });
    saveManifest(manifestAt, next);
    const storeInUse = bucketFile;
    bucketFile = null;
    saveInputState(statePath, version, records);
    // Bucket stores no manifest points at (the previous build's, or a failed build's) are dead weight.
    for (const f of readdirSync(cacheRoot)) if (f.startsWith(`buckets-${outputKey(out)}-`) && f !== storeInUse) rmSync(join(cacheRoot, f), { force: true });
    if (old) await run({ type: 'remove', paths: [old] }, pool !== null);
    await pruning;
    const tWrite = performance.now();
    const cpuWrite = cpuAt();

    return finish(report, {
      extracted: misses,
      written,
      linked,
      events,
      ...(declined === null ? {} : { declined }),
      ms: { extract: Math.round(tExtract - t0), assemble: Math.round(tAssemble - tExtract), write: Math.round(tWrite - tAssemble) },
      cpuPhaseMs: { extract: Math.round(cpuExtract - cpu0), assemble: Math.round(cpuAssemble - cpuExtract), write: Math.round(cpuWrite - cpuAssemble) },
      mainHeapMb: { extracted: Math.round(heapAfterExtract / 2 ** 20), assembled: Math.round(heapAfterAssemble / 2 ** 20), peak: Math.round(mainHeapPeak / 2 ** 20) },
    }, false);
  } catch (error) {
    if (staging !== null) discardStaging(out, staging);
    if (bucketFile !== null) rmSync(join(cacheRoot, bucketFile), { force: true });
    throw error;
  } finally {
    await pool?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UnfinishedRenames) process.stderr.write(`build-data: the build failed half-way through replacing the files: ${error.message}\n`);
    else process.stderr.write(`build-data: the build failed and the previous dataset is left as it was: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
