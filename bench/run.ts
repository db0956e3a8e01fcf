/**
 * `npm run bench [-- --sizes 1000,10000] [--only build|html|app|bundle|archive|hostile] [--seed 42] [--runs 5]`: prints one line per figure.
 * No assertions: the figures are for reading (README, "Performance"). Generated corpora, datasets and builds go
 * under .bench/ (gitignored).
 *
 *   build   `build:data` on N synthetic articles (default 1k, 10k, 100k), both cores, from a cold cache:
 *           articles/s, MB/s, peak RSS; then, at 10k, an incremental rebuild after one article changed.
 *   app     the production app in headless Chromium on datasets of ≈N events (default 1k, 10k, 50k) and on the
 *           sample article: first events visible, Fit and back until the frames settle, JS heap, bytes before
 *           the first events; beside it a bare vis-timeline page on the same events. Each page is loaded cold
 *           `--runs` times (a new browser context each: empty cache) and each figure is the median, with its range;
 *           the static server has compressed the files before the first run, as a static host serves them.
 *   bundle  JS and CSS bytes of the production bundle, raw and gzip.
 *   archive archives of N articles (default 1k, 100k) built and read by tiles (docs/dataset-layout.md): the build,
 *           the layout's sizes, the app's first view (first events, bytes before them, heap; the ratio to the
 *           smallest size), Fit and back, and a jump to a period not loaded (tiles fetched, events drawn after).
 *   hostile the per-article pipeline (extractArticle with the tagger, in this process) on each hostile shape of
 *           src/pipeline/hostile-shapes.ts at 256 KB and at the 1 MiB cap, and on normal articles: CPU ms per KB
 *           (the best of `--runs`, at most 3); the ratio of the two sizes' times shows the growth (4 is linear).
 *           Then the rejection of a 5 MB file, and the parse of a feed and of an export at 4 and 16 MiB (each read
 *           once, item by item). Not part of the default run (`--only hostile`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SEED, generateArticle, writeCorpus } from './generate-corpus.ts';
import { generatePage } from './generate-pages.ts';
import { parseHtml } from '../src/pipeline/formats/html.ts';
import { parseInput } from '../src/pipeline/formats/parse-input.ts';
import { measureJump, measureSearch, measurePage, withBrowser, type PageFigures } from './measure-page.ts';
import { serveStatic } from './static-server.ts';
import { MAX_ARTICLE_CHARS } from '../src/pipeline/article-limit.ts';
import { extractArticle } from '../src/pipeline/build-dataset.ts';
import { decodeText } from '../src/pipeline/decode-text.ts';
import { HOSTILE_SHAPES, hostileBody } from '../src/pipeline/hostile-shapes.ts';
import { wordsOf } from '../src/pipeline/search-shards.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BENCH = join(ROOT, '.bench');
/** Earlier runs' outputs, removed when the bench ends (see benchBuild). */
const TRASH = join(BENCH, 'trash');

type Section = 'build' | 'html' | 'app' | 'bundle' | 'archive' | 'hostile';
type Args = { sizes: number[] | null; only: Section | null; seed: number; runs: number };

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { sizes: null, only: null, seed: DEFAULT_SEED, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--sizes' && v) {
      const sizes = v.split(',').map((s) => Number(s.replace(/k$/i, '000')));
      if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) return `--sizes expects whole numbers, e.g. 1000,10000`;
      args.sizes = sizes;
    } else if (a === '--only' && (v === 'build' || v === 'html' || v === 'app' || v === 'bundle' || v === 'archive' || v === 'hostile')) args.only = v;
    else if (a === '--seed' && v && Number.isInteger(Number(v))) args.seed = Number(v);
    else if (a === '--runs' && v && Number.isInteger(Number(v)) && Number(v) > 0) args.runs = Number(v);
    else return `unexpected "${a ?? ''}"`;
    i++;
  }
  return args;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1e6, 1)} MB`;
const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;

/** The corpus of the first `count` articles of `seed`, generated once (a marker file says it is complete). */
function ensureCorpus(count: number, seed: number): { dir: string; bytes: number } {
  const dir = join(BENCH, `corpus-${seed}-${count}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return { dir, bytes: Number(readFileSync(marker, 'utf8')) };
  const bytes = writeCorpus(dir, count, seed);
  writeFileSync(marker, String(bytes));
  return { dir, bytes };
}

type BuildStats = {
  files: number;
  extracted: number;
  written: number;
  linked: number;
  events: number;
  workers: number;
  ms: { extract: number; assemble: number; write: number };
  peakRssMb: number;
  cpuMs: number;
  /** An edit spliced in place (scripts/lib/incremental.ts), or why the build ran whole. */
  incremental?: boolean;
  declined?: string;
};

/** How the build ran, and its CPU time (the figure that holds on shared cores, where wall time is the machine's load). */
function howBuilt(s: BuildStats): string {
  return `${s.incremental ? 'spliced' : s.declined ? `whole build: ${s.declined}` : 'whole build'}, CPU ${fmt(s.cpuMs / 1000, 2)} s`;
}

/**
 * The build as it is now, copied under .bench/snapshot/: other engineers edit the pipeline in this working tree
 * while the bench runs, and any edit changes the pipeline version (so the cache, rightly, misses). The bench
 * measures one consistent version.
 */
let buildScript = join(ROOT, 'scripts/build-data.ts');
function snapshotBuild(): void {
  const dir = join(BENCH, 'snapshot');
  rmSync(dir, { recursive: true, force: true });
  const code = (src: string) => !/\.test\.tsx?$/.test(src);
  cpSync(join(ROOT, 'src/pipeline'), join(dir, 'src/pipeline'), { recursive: true, filter: code });
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true, filter: code });
  buildScript = join(dir, 'scripts/build-data.ts');
}

/** Above this resident size the bench stops the build (by its pid) rather than let it starve the machine. */
const RSS_CAP_MB = 12_000;

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function runBuild(inDir: string, outDir: string, cacheDir: string): Promise<{ wallMs: number; stats: BuildStats; status: number }> {
  // As `npm run build:data` runs it: from its bundle, by the launcher of the build's own checkout (tsx where it has none).
  const launcher = join(buildScript, '../run-ts.mjs');
  const run = existsSync(launcher) ? [launcher, buildScript] : ['--import', 'tsx', buildScript];
  const t = performance.now();
  const child = spawn(process.execPath, [...run, '--in', inDir, '--out', outDir, '--cache', cacheDir, '--quiet', '--stats'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-100_000);
  });
  let capped = false;
  const watch = setInterval(() => {
    if (child.pid !== undefined && rssMb(child.pid) > RSS_CAP_MB) {
      capped = true;
      child.kill('SIGKILL');
    }
  }, 250);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearInterval(watch);
  const wallMs = performance.now() - t;
  if (capped) throw new Error(`build-data passed ${fmt(RSS_CAP_MB)} MB of resident memory on ${inDir} and was stopped`);
  const line = stderr.split('\n').find((l) => l.startsWith('build-data stats '));
  if (!line) throw new Error(`build-data printed no stats (status ${status}):\n${stderr.slice(-2000)}`);
  return { wallMs, stats: JSON.parse(line.slice('build-data stats '.length)) as BuildStats, status: status ?? -1 };
}

async function benchBuild(sizes: readonly number[], seed: number): Promise<void> {
  for (const n of sizes) {
    const corpus = ensureCorpus(n, seed);
    const out = join(BENCH, `out-${n}`);
    const cache = join(BENCH, `cache-${n}`);
    // The previous run's files are moved aside, not removed, until the end of the bench: ext4 does not reuse an
    // inode for 1-5 minutes after its file is removed, and scans past every such inode when creating a file, so
    // a build started right after removing 20k files spent as much CPU in the kernel as in its own code (perf:
    // recently_deleted in __ext4_new_inode; 15 s of system time against 2 s). Then the disk settles: the corpus
    // just written is flushed before the clock starts.
    for (const dir of [cache, out]) if (existsSync(dir)) renameSync(dir, join(TRASH, `${Date.now()}-${basename(dir)}`));
    spawnSync('sync');
    const { wallMs, stats, status } = await runBuild(corpus.dir, out, cache);
    const s = wallMs / 1000;
    print(
      `build ${fmt(n)} articles: ${fmt(n / s)} articles/s, ${fmt(corpus.bytes / 1e6 / s, 1)} MB/s, peak RSS ${fmt(stats.peakRssMb)} MB, ${fmt(s, 2)} s ` +
        `(${stats.workers} workers, CPU ${fmt(stats.cpuMs / 1000, 1)} s; extract ${fmt(stats.ms.extract / 1000, 2)} s, assemble ${fmt(stats.ms.assemble / 1000, 2)} s, write ${fmt(stats.ms.write / 1000, 2)} s; ${fmt(stats.events)} events, exit ${status})`,
    );
    if (n !== 10_000) continue;
    // Incremental: nothing changed, then one article edited (a sentence added), then the edit undone.
    const noop = await runBuild(corpus.dir, out, cache);
    const i = Math.floor(n / 2);
    const { name, text } = generateArticle(seed, i);
    const path = join(corpus.dir, name);
    const parts = text.split('\n\n');
    parts.splice(2, 0, 'On 3 March 2019, the council published a revised version of the Kestrel plan.');
    const edited = parts.join('\n\n');
    writeFileSync(path, edited);
    let one: Awaited<ReturnType<typeof runBuild>>;
    try {
      one = await runBuild(corpus.dir, out, cache);
    } finally {
      writeFileSync(path, text);
    }
    const back = await runBuild(corpus.dir, out, cache);
    print(
      `build incremental, 1 of ${fmt(n)} articles changed: ${fmt(one.wallMs / 1000, 2)} s (${howBuilt(one.stats)}; ${one.stats.extracted} extracted, ${one.stats.written} written, ${fmt(one.stats.linked)} linked, peak RSS ${fmt(one.stats.peakRssMb)} MB); ` +
        `edit undone ${fmt(back.wallMs / 1000, 2)} s (${howBuilt(back.stats)}); nothing changed ${fmt(noop.wallMs / 1000, 2)} s (CPU ${fmt(noop.stats.cpuMs / 1000, 2)} s)`,
    );
    // An article added (the corpus's next one, dated in the middle of the corpus's years: the positions after it
    // move), then removed again.
    const next = generateArticle(seed, n);
    const addedPath = join(corpus.dir, next.name);
    writeFileSync(addedPath, next.text);
    let add: Awaited<ReturnType<typeof runBuild>>;
    try {
      add = await runBuild(corpus.dir, out, cache);
    } finally {
      rmSync(addedPath, { force: true });
    }
    const drop = await runBuild(corpus.dir, out, cache);
    print(`build incremental, 1 article added to ${fmt(n)}: ${fmt(add.wallMs / 1000, 2)} s (${howBuilt(add.stats)}); removed again ${fmt(drop.wallMs / 1000, 2)} s (${howBuilt(drop.stats)})`);
  }
}

/**
 * Saved pages of ≈ 100 KB (generate-pages.ts) through the whole build: pages a second and MB a second, and the page
 * reader alone (parseHtml, in this process) to tell its share.
 */
async function benchHtml(count: number, seed: number): Promise<void> {
  const dir = join(BENCH, `html-${count}-${seed}`);
  const marker = join(dir, '.complete');
  // The pages are made again when their generator changed since (the marker holds its sources' text length and
  // a hash of them).
  const maker = ['generate-pages.ts', 'generate-corpus.ts'].map((f) => readFileSync(join(ROOT, 'bench', f), 'utf8')).join('\0');
  const made = `${maker.length}:${createHash('sha256').update(maker).digest('hex').slice(0, 16)}`;
  let bytes = 0;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== made) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      const { name, html } = generatePage(seed, i);
      writeFileSync(join(dir, name), html);
    }
    writeFileSync(marker, made);
  }
  for (const f of readdirSync(dir)) if (f.endsWith('.html')) bytes += statSync(join(dir, f)).size;
  const out = join(BENCH, `out-html-${count}`);
  const cache = join(BENCH, `cache-html-${count}`);
  mkdirSync(TRASH, { recursive: true });
  for (const d of [cache, out]) if (existsSync(d)) renameSync(d, join(TRASH, `${Date.now()}-${basename(d)}`));
  spawnSync('sync');
  const { wallMs, stats, status } = await runBuild(dir, out, cache);
  const s = wallMs / 1000;
  const sample = Array.from({ length: Math.min(count, 200) }, (_, i) => generatePage(seed, i).html);
  const t = performance.now();
  for (const html of sample) parseHtml(html);
  const readerMs = (performance.now() - t) / sample.length;
  print(
    `build ${fmt(count)} HTML pages (${fmt(bytes / count / 1024)} KiB each): ${fmt(count / s)} pages/s, ${fmt(bytes / 1e6 / s, 1)} MB/s, ${fmt(s, 2)} s ` +
      `(${stats.workers} workers, CPU ${fmt(stats.cpuMs / 1000, 1)} s, peak RSS ${fmt(stats.peakRssMb)} MB, exit ${status}); the page reader alone ${fmt(readerMs, 2)} ms a page on one core`,
  );
}

function viteBuild(outDir: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stderr}`);
}

function benchBundle(dist: string): void {
  const files = readdirSync(join(dist, 'assets'));
  const sum = (ext: string) => {
    let raw = 0;
    let gz = 0;
    let count = 0;
    for (const f of files.filter((f) => f.endsWith(ext))) {
      const b = readFileSync(join(dist, 'assets', f));
      raw += b.length;
      gz += gzipSync(b, { level: 9 }).length;
      count++;
    }
    return { raw, gz, count };
  };
  const js = sum('.js');
  const css = sum('.css');
  print(`bundle: JS ${kib(js.raw)} (${kib(js.gz)} gzip) in ${js.count} files, CSS ${kib(css.raw)} (${kib(css.gz)} gzip) in ${css.count} files`);
}

function eventsIn(dataDir: string): number {
  return (JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as { events: unknown[] }).events.length;
}

/** A dist folder serving `dataDir` as its data/: the app build's files, the data linked in. */
function distWith(appDist: string, dataDir: string, name: string): string {
  const dist = join(BENCH, name);
  rmSync(dist, { recursive: true, force: true });
  cpSync(appDist, dist, { recursive: true, filter: (src) => !src.startsWith(join(appDist, 'data')) });
  symlinkSync(resolve(dataDir), join(dist, 'data'), 'dir');
  return dist;
}

/** The median of the numbers, and their range; null when there are none. */
function median(values: readonly (number | null)[]): { median: number; min: number; max: number; count: number } | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const m = v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return { median: m, min: v[0] as number, max: v[v.length - 1] as number, count: v.length };
}

/** `290 ms (median of 5, 270–340)`; one run: `290 ms`. */
function ms(values: readonly (number | null)[]): string {
  const m = median(values);
  if (!m) return 'n/a';
  return m.count === 1 ? `${fmt(m.median)} ms` : `${fmt(m.median)} ms (median of ${m.count}, ${fmt(m.min)}–${fmt(m.max)})`;
}

function describe(runs: readonly PageFigures[]): string {
  const first = runs[0] as PageFigures;
  const shown = runs.filter((f) => f.firstEventsMs !== null);
  if (shown.length === 0) return `no events within ${fmt(first.timeoutMs / 1000)} s`;
  const missed = runs.length - shown.length;
  const settled = shown.filter((f) => f.fitBackMs !== null);
  const fit =
    settled.length === 0
      ? `fit+back did not settle within ${fmt(first.timeoutMs / 1000)} s`
      : `fit+back ${ms(settled.map((f) => f.fitBackMs))} (fit ${fmt(median(settled.map((f) => f.fitMs))?.median ?? 0)} + back ${fmt(median(settled.map((f) => f.backMs))?.median ?? 0)})`;
  const last = shown[shown.length - 1] as PageFigures;
  return (
    `first events ${ms(shown.map((f) => f.firstEventsMs))}${missed ? ` (${missed} of ${runs.length} runs showed none within ${fmt(first.timeoutMs / 1000)} s)` : ''}, ${fit}, ` +
    `heap ${fmt(median(shown.map((f) => f.heapMb))?.median ?? 0)} MB, ${mb(last.bytesBeforeFirst)} before first events (${kib(last.scriptBytesBeforeFirst)} JS), ${fmt(last.itemsShown)} items drawn`
  );
}

/** Cold loads of one page, one after the other; the bare page stops at a run that shows nothing (it would not later). */
async function measureRuns(browser: Parameters<Parameters<typeof withBrowser>[0]>[0], url: string, kind: 'app' | 'bare', runs: number): Promise<PageFigures[]> {
  const out: PageFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const f = await measurePage(browser, url, kind);
    out.push(f);
    if (f.firstEventsMs === null) break;
  }
  return out;
}

async function benchApp(sizes: readonly number[], seed: number, appDist: string, runs: number): Promise<void> {
  // Events per article of this corpus, from a small build, to size the corpora.
  const probe = ensureCorpus(1000, seed);
  const probeOut = join(BENCH, 'app-data-probe');
  await runBuild(probe.dir, probeOut, join(BENCH, 'cache-app'));
  const perArticle = eventsIn(probeOut) / 1000;
  const targets: { label: string; dist: string; events: number }[] = [{ label: 'sample article', dist: appDist, events: eventsIn(join(appDist, 'data')) }];
  for (const n of sizes) {
    let articles = Math.max(1, Math.round(n / perArticle));
    const data = join(BENCH, `app-data-${n}`);
    // Fewer articles merge less: correct the count once from what the first build yields.
    await runBuild(ensureCorpus(articles, seed).dir, data, join(BENCH, 'cache-app'));
    const got = eventsIn(data);
    if (Math.abs(got - n) > n * 0.05) {
      articles = Math.max(1, Math.round((articles * n) / got));
      await runBuild(ensureCorpus(articles, seed).dir, data, join(BENCH, 'cache-app'));
    }
    targets.push({ label: `${fmt(n)}`, dist: distWith(appDist, data, `dist-${n}`), events: eventsIn(data) });
  }
  await withBrowser(async (browser) => {
    for (const t of targets) {
      const server = await serveStatic(t.dist);
      try {
        const assets = readdirSync(join(t.dist, 'assets')).map((f) => `/assets/${f}`);
        server.warm(['/', ...assets, '/data/index.json', '/data/search.json', '/bare/', '/bare/vis-timeline.js', '/bare/vis-timeline.css']);
        const app = await measureRuns(browser, server.url, 'app', runs);
        const bare = t.label === 'sample article' ? null : await measureRuns(browser, `${server.url}bare/`, 'bare', runs);
        const bareShown = bare?.filter((f) => f.firstEventsMs !== null) ?? [];
        const bareText = bare
          ? ` (bare vis-timeline: ${
              bareShown.length === 0
                ? `no events within ${fmt((bare[0] as PageFigures).timeoutMs / 1000)} s`
                : `first events ${ms(bareShown.map((f) => f.firstEventsMs))}, fit+back ${ms(bareShown.map((f) => f.fitBackMs))}, heap ${fmt(median(bareShown.map((f) => f.heapMb))?.median ?? 0)} MB`
            })`
          : '';
        print(`app ${t.label === 'sample article' ? `sample article (${t.events} events)` : `${fmt(t.events)} events`}: ${describe(app)}${bareText}`);
      } finally {
        await server.close();
      }
    }
  });
}

/** Every file under `dir`, as paths relative to it with their sizes. */
function filesUnder(dir: string, prefix = ''): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, path));
    else out.push({ path, size: statSync(join(dir, path)).size });
  }
  return out;
}

async function benchArchive(sizes: readonly number[], seed: number, appDist: string, runs: number): Promise<void> {
  const firsts: { n: number; ms: number }[] = [];
  for (const n of sizes) {
    const corpus = ensureCorpus(n, seed);
    const data = join(BENCH, `archive-data-${n}`);
    const cache = join(BENCH, `archive-cache-${n}`);
    // DATELINE_BENCH_REUSE=1: the archive built by an earlier run, as it is (the build line then says 0 s).
    const reuse = process.env['DATELINE_BENCH_REUSE'] === '1' && existsSync(join(data, 'overview.json'));
    if (!reuse) for (const dir of [cache, data]) if (existsSync(dir)) renameSync(dir, join(TRASH, `${Date.now()}-${basename(dir)}`));
    spawnSync('sync');
    const built = reuse ? { wallMs: 0, stats: { peakRssMb: 0 } as BuildStats, status: 0 } : await runBuild(corpus.dir, data, cache);
    const files = filesUnder(data);
    const size = (re: RegExp) => files.filter((f) => re.test(f.path)).reduce((s, f) => s + f.size, 0);
    const tiles = files.filter((f) => f.path.startsWith('tiles/'));
    const shards = files.filter((f) => f.path.startsWith('ids/'));
    const view = JSON.parse(readFileSync(join(data, 'overview.json'), 'utf8')) as { index: string | null; events: number; tiles: [string, number][] };
    print(
      `archive ${fmt(n)} articles: build ${fmt(built.wallMs / 1000, 1)} s, peak RSS ${fmt(built.stats.peakRssMb)} MB, ${fmt(view.events)} events; overview.json ${kib(size(/^overview\.json$/))} ` +
        `(${kib(gzipSync(readFileSync(join(data, 'overview.json'))).length)} gzip), ${fmt(tiles.length)} tiles (largest ${kib(Math.max(0, ...tiles.map((t) => t.size)))}), ` +
        `${fmt(shards.length)} id shards (largest ${kib(Math.max(0, ...shards.map((t) => t.size)))}), index.json ${mb(size(/^index\.json$/))}, search.json ${mb(size(/^search\.json$/))}; the app reads ${view.index === null ? 'tiles' : 'index.json whole'}`,
    );
    const dist = distWith(appDist, data, `dist-archive-${n}`);
    const server = await serveStatic(dist);
    try {
      const assets = readdirSync(join(dist, 'assets')).map((f) => `/assets/${f}`);
      server.warm(['/', ...assets, '/data/overview.json', '/data/index.json', ...tiles.map((t) => `/data/${t.path}`), ...shards.map((t) => `/data/${t.path}`)]);
      // A period to jump to: a day of the news (a day's tile, or a month's, of fewer than 1,000 events: the fullest
      // days are 1 January of years and decades, dates the generator rounds to), the latest such. A day of 100k
      // articles holds hundreds of events: the timeline draws its most-told (README, "Archives").
      const dated = view.tiles.filter(([name, n]) => /^\d{4}-\d{2}/.test(name) && n < 1000);
      const pick = dated[dated.length - 1] ?? view.tiles.find(([name]) => /^\d{4}/.test(name)) ?? ['2020', 0];
      const target = `${pick[0].slice(0, 10)}${pick[0].length === 4 ? '-06-15' : pick[0].length === 7 ? '-15' : ''}`;
      await withBrowser(async (browser) => {
        const app = await measureRuns(browser, server.url, 'app', runs);
        const shown = app.filter((f) => f.firstEventsMs !== null);
        const first = median(shown.map((f) => f.firstEventsMs))?.median ?? null;
        if (first !== null) firsts.push({ n, ms: first });
        const base = firsts[0];
        const ratio = base && first !== null && base.n !== n ? `; ${fmt(first / base.ms, 2)}× the first events of ${fmt(base.n)} articles` : '';
        print(`archive ${fmt(n)} articles, app: ${describe(app)}${ratio}`);
        const jumps = [];
        for (let i = 0; i < Math.min(runs, 3); i++) jumps.push(await measureJump(browser, server.url, target.slice(0, 10)));
        const last = jumps[jumps.length - 1];
        print(
          `archive ${fmt(n)} articles, jump to ${target.slice(0, 10)} (not loaded): tiles fetched ${ms(jumps.map((j) => j.fetchedMs))}, events drawn ${ms(jumps.map((j) => j.drawnAfterFetchMs))} after the fetch ` +
            `(${last?.tiles ?? 0} tiles, ${mb(last?.tileBytes ?? 0)}; ${fmt(last?.drawn.events ?? 0)} events and ${fmt(last?.drawn.counts ?? 0)} counts drawn); then Fit ${ms(jumps.map((j) => j.fitMs))}`,
        );
        if (view.index === null) {
          for (const query of searchQueries(data, files)) {
            const runsOf = [];
            for (let i = 0; i < Math.min(runs, 3); i++) runsOf.push(await measureSearch(browser, server.url, query));
            const last = runsOf[runsOf.length - 1];
            print(
              `archive ${fmt(n)} articles, search "${query}" (cold): first results ${ms(runsOf.map((r) => r.firstResultsMs))} after typing, ` +
                `${last?.shards ?? 0} shards, ${kib(Math.max(0, ...runsOf.map((r) => r.bytes)))} fetched, ${last?.results ?? 0} results`,
            );
          }
        }
      });
    } finally {
      await server.close();
    }
  }
}

/**
 * Queries for the archive's search, from its own shards: the most frequent word of the largest shard (the most a
 * one-word query fetches), two words of the label of that word's latest event (a query that finds it), and a word
 * of an excerpt only (in no label of its events: found by the excerpts' words).
 */
function searchQueries(data: string, files: readonly { path: string; size: number }[]): string[] {
  const shards = files.filter((f) => f.path.startsWith('search/')).sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  const largest = shards[0];
  if (!largest) return [];
  type Shard = Record<string, { n: number; e: [string, string, string, string][] }>;
  const read = (path: string) => JSON.parse(readFileSync(join(data, path), 'utf8')) as Shard;
  const big = Object.entries(read(largest.path)).sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  const [common, entry] = big[0] ?? [];
  if (!common || !entry) return [];
  const two = wordsOf(entry.e[0]?.[1] ?? '').filter((w) => w !== common && w.length > 2).slice(0, 2);
  const queries = [common, two.length === 2 ? two.join(' ') : null];
  // An excerpt's word: in a middle-sized shard, a word of a few hundred events none of whose labels has it.
  const middle = shards[Math.floor(shards.length / 2)];
  const excerptOnly = middle
    ? Object.entries(read(middle.path)).find(([w, x]) => x.n >= 50 && x.e.every((p) => !wordsOf(p[1]).includes(w)))?.[0]
    : undefined;
  queries.push(excerptOnly ?? null);
  return queries.filter((q): q is string => q !== null);
}

/** CPU milliseconds of `f` (user + system of this process: other work on the cores does not count), the best of `runs`. */
function cpuMs(f: () => void, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function benchHostile(seed: number, runs: number): void {
  const head = ' date 2021-11-20 https://example.org/2021/11/20/hostile\nA hostile article\n\n';
  const extract = (text: string) => () => {
    const r = extractArticle('hostile.txt', text, tagTimexes);
    if (r.extraction === null) throw new Error(`hostile input rejected: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  };
  const sizes = [256 * 1024, MAX_ARTICLE_CHARS - head.length - 4];
  const perKb = (text: string) => cpuMs(extract(text), runs) / (text.length / 1024);
  // Normal articles: generated ones joined under one date line into texts of the same sizes.
  const normal = (size: number) => {
    let body = '';
    for (let i = 0; body.length < size; i++) body += `${generateArticle(seed, i).text.split('\n').slice(2).join('\n')}\n`;
    return head + body.slice(0, size);
  };
  const line = (name: string, texts: string[]) => {
    const [small, large] = texts.map(perKb) as [number, number];
    const growth = (large * (texts[1] as string).length) / (small * (texts[0] as string).length);
    print(`hostile: ${name.padEnd(32)} ${fmt(small, 3)} ms/KB at 256 KB, ${fmt(large, 3)} ms/KB at 1 MiB (${fmt(large * (texts[1] as string).length / 1024)} ms); ×${fmt(growth, 1)} for ×${fmt((texts[1] as string).length / (texts[0] as string).length, 1)} the size`);
  };
  extract(normal(64 * 1024))(); // warm up the regexes and the JIT
  line('normal articles', sizes.map(normal));
  for (const shape of HOSTILE_SHAPES) line(shape, sizes.map((n) => head + hostileBody(shape, n)));
  const big = new TextEncoder().encode(head + hostileBody('one-line sentences with a date', 5 * 1024 * 1024));
  const rejected = cpuMs(() => {
    if (decodeText(big).text !== null) throw new Error('a 5 MB file was not rejected');
  }, runs);
  print(`hostile: a 5 MB file rejected for its size in ${fmt(rejected, 1)} ms (CPU)`);
  // A feed and a news export past the article cap are read whole, parsed once (each item held to the cap on its
  // own): the time per KB of the parse at 4 and at 16 MiB.
  const items = (size: number, item: (k: number, body: string) => string) => {
    const parts: string[] = [];
    let total = 0;
    for (let k = 0; total < size; k++) {
      const part = item(k, generateArticle(seed, k).text.split('\n').slice(2).join(' ').replace(/[<&]/g, ' '));
      parts.push(part);
      total += part.length;
    }
    return parts.join('');
  };
  const rss = (size: number) => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Bench Gazette</title>\n${items(size, (k, body) => `<item><title>Item ${k}</title><link>https://gazette.example.org/${k}</link><pubDate>Tue, 12 Apr 2022 09:00:00 GMT</pubDate>\n<description>${body}</description></item>\n`)}</channel></rss>\n`;
  const jsonl = (size: number) => items(size, (k, body) => `${JSON.stringify({ publishedAt: '2022-04-12T09:00:00Z', url: `https://wire.example.org/${k}`, title: `Item ${k}`, content: body })}\n`);
  for (const [name, file, make] of [['an RSS feed', 'bench.xml', rss], ['a news export (.jsonl)', 'bench.jsonl', jsonl]] as const) {
    const texts = [4, 16].map((mb) => make(mb * 2 ** 20));
    const [small, large] = texts.map((text) => cpuMs(() => void parseInput(file, text), runs) / (text.length / 1024)) as [number, number];
    const n = parseInput(file, texts[1] as string).items.length;
    print(`hostile: ${name.padEnd(32)} ${fmt(small, 3)} ms/KB parsed at 4 MiB, ${fmt(large, 3)} ms/KB at 16 MiB (${n} articles, ${fmt((large * (texts[1] as string).length) / 1024)} ms); ×${fmt(large / small, 1)} per KB for ×4 the size`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`bench: ${args}\nusage: npm run bench -- [--sizes 1000,10000] [--only build|html|app|bundle|archive|hostile] [--seed 42] [--runs 5]\n`);
    return 2;
  }
  mkdirSync(TRASH, { recursive: true });
  snapshotBuild();
  const started = performance.now();
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  print(`bench: ${new Date().toISOString()}, node ${process.version}, ${process.platform}, load average ${load()} (other work on these cores slows every figure); seed ${args.seed}`);
  if (!args.only || args.only === 'html') await benchHtml(args.sizes?.[0] ?? 1000, args.seed);
  if (!args.only || args.only === 'build') await benchBuild(args.sizes ?? [1000, 10_000, 100_000], args.seed);
  if (!args.only || args.only === 'app' || args.only === 'bundle' || args.only === 'archive') {
    const appDist = join(BENCH, 'dist-app');
    viteBuild(appDist);
    if (!args.only || args.only === 'bundle') benchBundle(appDist);
    if (!args.only || args.only === 'app') await benchApp(args.sizes ?? [1000, 10_000, 50_000], args.seed, appDist, args.runs);
    if (args.only === 'archive') await benchArchive(args.sizes ?? [1000, 100_000], args.seed, appDist, args.runs);
  }
  if (args.only === 'hostile') benchHostile(args.seed, Math.min(args.runs, 3));
  print(`bench: done in ${fmt((performance.now() - started) / 1000, 1)} s, load average ${load()}`);
  rmSync(TRASH, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
