import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { assembleDataset, extractArticle, type Extraction } from '../src/pipeline/build-dataset.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';
import { encodeIndex } from '../src/pipeline/schema.ts';
import { excerptsOfSearch } from '../src/pipeline/search-shards.ts';
import { tileFiles } from '../src/pipeline/tiles.ts';
import { DATASET_README } from './lib/write-tiles.ts';
import { generateArticle } from '../bench/generate-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'build-data-test-'));
// Many builds of many small files (tiles, shards): removing them takes seconds on a busy disk.
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const SAMPLE = readFileSync(join(ROOT, 'articles', readdirSync(join(ROOT, 'articles')).find((n) => n.endsWith('.txt')) ?? ''), 'utf8');
const BAD = ' date 2021-02-30 https://example.com/a\n\nTitle\n\nBody text here.\n';

type Run = { status: number | null; stdout: string; stderr: string; stats: { extracted: number; written: number; linked: number; [k: string]: unknown } | null };

function build(inDir: string, outDir: string, cacheDir: string, extra: { env?: Record<string, string>; jobs?: number } = {}): Run {
  // tsx resolved from here: the CLI runs in the temporary folder, where file names in diagnostics are relative to.
  const args = ['--import', import.meta.resolve('tsx'), join(ROOT, 'scripts/build-data.ts'), '--in', inDir, '--out', outDir, '--cache', cacheDir, '--stats'];
  if (extra.jobs !== undefined) args.push('--jobs', String(extra.jobs));
  const r = spawnSync(process.execPath, args, { cwd: tmp, encoding: 'utf8', env: { ...process.env, ...extra.env } });
  const line = r.stderr.split('\n').find((l) => l.startsWith('build-data stats '));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, stats: line ? JSON.parse(line.slice('build-data stats '.length)) : null };
}

/** Every file under `dir` with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [n, text] of Object.entries(files)) writeFileSync(join(dir, n), text);
  return dir;
}

/** A new paragraph right after the title. */
function edit(path: string, sentence: string): void {
  const parts = readFileSync(path, 'utf8').split('\n\n');
  parts.splice(2, 0, sentence);
  writeFileSync(path, parts.join('\n\n'));
}

/** The same event told by two articles: the merged path of the build is exercised on every corpus. */
const TOLD_TWICE = {
  'zz-told-1.txt': ' date 2022-01-05 https://example.org/told-1\nA\nThe central bank raised interest rates sharply in March 2021 to fight inflation.\n',
  'zz-told-2.txt': ' date 2022-02-07 https://example.net/told-2\nB\nIn March 2021, the central bank raised interest rates sharply to fight inflation.\n',
};

function corpus(name: string, count: number, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { ...TOLD_TWICE, ...extra };
  for (let i = 0; i < count; i++) {
    const a = generateArticle(42, i);
    files[a.name] = a.text;
  }
  return folder(name, files);
}

/**
 * A corpus written an hour ago (stamps older than the saved state are trusted: a write in the same clock tick
 * as the read would not show in the stamp, so recent files are always read), built once.
 */
function builtCorpus(name: string, count: number, extra: Record<string, string> = {}): { dir: string; out: string; cache: string; first: Run } {
  const dir = corpus(name, count, extra);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const n of readdirSync(dir)) utimesSync(join(dir, n), hourAgo, hourAgo);
  const out = join(tmp, `${name}-out`);
  const cache = join(tmp, `${name}-cache`);
  return { dir, out, cache, first: build(dir, out, cache) };
}

test('a bad file is reported with its position and exit 1; the good one still builds, nothing of the bad one', { timeout: 120_000 }, () => {
  const dir = folder('mixed', { 'good.txt': SAMPLE, 'bad.txt': BAD });
  const out = join(tmp, 'mixed-out');
  const r = build(dir, out, join(tmp, 'mixed-cache'));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('mixed/bad.txt:1:7: error Unexpected date "2021-02-30", expected a real calendar date [parse-article:date]');
  expect(r.stderr).toContain('build-data: 1 of 2 articles rejected');
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { articles: { id: string; url: string }[] };
  expect(index.articles.map((a) => a.url)).toEqual(['https://sputniknews.com/20211120/us-warns-eu-allies-of-russias-possible-military-action-in-ukraine-american-media-claims-again-1090886572.html']);
  expect(readdirSync(join(out, 'articles'))).toEqual([`${index.articles[0]?.id}.json`]);
  expect(readFileSync(join(out, 'index.json'), 'utf8')).not.toContain('example.com');
});

test('saved pages (.html, .htm) build beside text articles; a page without a date is reported at its <head> and the rest still builds', { timeout: 120_000 }, () => {
  const fixtures = join(ROOT, 'src/pipeline/formats/fixtures');
  const dir = folder('pages', {
    'wire.html': readFileSync(join(fixtures, 'wire-service.html'), 'utf8'),
    'amp.htm': readFileSync(join(fixtures, 'amp-page.html'), 'utf8'),
    'undated.html': '<html>\n<head><title>T</title><link rel="canonical" href="https://x.example.com/a"></head>\n<body><article><p>A paragraph that is long enough to be the article, with a comma.</p><p>And another one after it, to be sure of it.</p></article></body></html>\n',
    'notes.md': 'not an article file',
  });
  const out = join(tmp, 'pages-out');
  const r = build(dir, out, join(tmp, 'pages-cache'));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('pages/undated.html:2:1: error Unexpected a page without a publication date, expected a publication date: JSON-LD datePublished, article:published_time or <time datetime> [html:date]');
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { articles: { url: string; publishedOn: string }[] };
  expect(index.articles.map((a) => [a.publishedOn, a.url])).toEqual([
    ['2022-04-12', 'https://northwire.example.com/world/2022/04/12/port-workers-end-strike-after-nine-days'],
    ['2024-03-05', 'https://diario.example.es/economia/2024/03/05/rail-strike-called-off-after-overnight-talks.html'],
  ]);
  expect(readFileSync(join(out, 'search.json'), 'utf8')).not.toMatch(/<p>|<script|Advertisement/);
});

test('a feed and a news export are one article per item: a bad item is reported at its line, the others build; an edit rebuilds as a clean build does', { timeout: 180_000 }, () => {
  const fixtures = join(ROOT, 'src/pipeline/formats/fixtures');
  const record = (n: number) => JSON.stringify({ published: `2020-0${n}-15`, link: `https://exp.example.com/${n}`, headline: `Record ${n}`, words: `The depot opened on Monday, ${n} weeks after the vote in January.` });
  const dir = folder('feeds', {
    'gazette.xml': readFileSync(join(fixtures, 'rss-feed.xml'), 'utf8'),
    'export.jsonl': [record(1), record(2)].join('\n'),
    'dateline.json': JSON.stringify({ export: { date: 'published', url: 'link', title: 'headline', body: 'words' } }),
  });
  const out = join(tmp, 'feeds-out');
  const cache = join(tmp, 'feeds-cache');
  const r = build(dir, out, cache);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("feeds/gazette.xml:20:1: error Unexpected an item without a link, expected the article's http(s) URL in it [feed:link]");
  expect(r.stdout).toContain('4 of 5 articles built');
  expect(r.stderr).toContain('build-data: 1 of 5 articles rejected');
  const urls = () => (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { articles: { url: string }[] }).articles.map((a) => a.url).sort();
  expect(urls()).toEqual(['https://exp.example.com/1', 'https://exp.example.com/2', 'https://gazette.example.com/2022/05/02/council-budget-vote', 'https://gazette.example.com/2022/05/03/ferry-service-resumes']);
  // A record added to the export: the incremental build gives the bytes of a clean one.
  writeFileSync(join(dir, 'export.jsonl'), [record(1), record(2), record(3)].join('\n'));
  expect(build(dir, out, cache).status).toBe(1);
  expect(urls()).toContain('https://exp.example.com/3');
  build(dir, join(tmp, 'feeds-clean'), join(tmp, 'feeds-clean-cache'));
  expect(snapshot(out)).toEqual(snapshot(join(tmp, 'feeds-clean')));
});

test('the same input builds byte-identical output, with and without worker threads, as the pipeline assembles it', { timeout: 120_000 }, () => {
  // Copies of an article (same URL) are rejected, the first by file name kept: here one before, one after the original.
  const dir = corpus('same', 60, { 'aaa-copy.txt': generateArticle(42, 5).text, 'zzz-copy.txt': generateArticle(42, 7).text });
  const a = build(dir, join(tmp, 'same-a'), join(tmp, 'same-cache-a'));
  const b = build(dir, join(tmp, 'same-b'), join(tmp, 'same-cache-b'), { jobs: 0 });
  expect(a.status).toBe(1);
  expect(b.status).toBe(1);
  expect(a.stderr).toContain('zzz-copy.txt');
  expect(a.stderr).toContain(generateArticle(42, 5).name);
  const snap = snapshot(join(tmp, 'same-a'));
  const paths = Object.keys(snap);
  // index.json, search.json, 62 article files, and the tiled layout (overview.json, tiles/, ids/)
  expect(paths.filter((p) => !/^(overview\.json|README\.md|tiles\/|ids\/|search\/)/.test(p))).toHaveLength(64);
  expect(readFileSync(join(tmp, 'same-a', 'README.md'), 'utf8')).toBe(DATASET_README);
  expect(snapshot(join(tmp, 'same-b'))).toEqual(snap);

  // The reference: the pipeline's own assembly of full extractions, written with JSON.stringify.
  const extractions: Extraction[] = readdirSync(dir)
    .sort()
    .map((n) => {
      const x = extractArticle(join('same', n), readFileSync(join(dir, n), 'utf8'), tagTimexes).extraction;
      if (!x) throw new Error(`${n} did not extract`);
      return x;
    });
  const { dataset } = assembleDataset(extractions);
  expect(readFileSync(join(tmp, 'same-a', 'index.json'), 'utf8')).toBe(`${JSON.stringify(encodeIndex(dataset.index))}\n`);
  expect(readFileSync(join(tmp, 'same-a', 'search.json'), 'utf8')).toBe(`${JSON.stringify(dataset.search)}\n`);
  for (const [id, detail] of dataset.articles) {
    expect(readFileSync(join(tmp, 'same-a', 'articles', `${id}.json`), 'utf8')).toBe(`${JSON.stringify(detail)}\n`);
  }
  expect(dataset.index.events.some((e) => e.articleIds.length > 1)).toBe(true);
  // The tiles are those of the index: every file of tileFiles, and no other.
  const encoded = encodeIndex(dataset.index);
  const tiles = [...tileFiles(encoded.articles, encoded.events, { excerpts: excerptsOfSearch(dataset.search, encoded.events) })];
  expect(paths.filter((p) => /^(overview\.json|tiles\/|ids\/|search\/)/.test(p)).sort()).toEqual(tiles.map((t) => t.path).sort());
  for (const t of tiles) expect(readFileSync(join(tmp, 'same-a', t.path), 'utf8')).toBe(t.content);
});

test('an incremental rebuild writes only what changed and gives the bytes of a clean build', { timeout: 120_000 }, () => {
  const { dir, out, cache, first } = builtCorpus('incr', 60);
  expect(first.status).toBe(0);

  const again = build(dir, out, cache);
  expect(again.stats).toMatchObject({ extracted: 0, written: 0, linked: 0, unchanged: true });

  // One article edited, one removed, one added.
  const names = readdirSync(dir).sort();
  const edited = names[10] ?? '';
  edit(join(dir, edited), 'On 3 March 2019, the council published a revised version of the plan.');
  unlinkSync(join(dir, names[20] ?? ''));
  const added = generateArticle(42, 500);
  writeFileSync(join(dir, added.name), added.text);
  const incremental = build(dir, out, cache);
  expect(incremental.status).toBe(0);
  // Spliced in place: the edited and added articles' files (and those whose merged events changed) written, one removed.
  expect(incremental.stats).toMatchObject({ extracted: 2, incremental: true, linked: 0, removed: 1 });
  expect(incremental.stats?.written).toBeLessThan(10);

  const clean = join(tmp, 'incr-clean');
  expect(build(dir, clean, join(tmp, 'incr-clean-cache')).status).toBe(0);
  expect(snapshot(out)).toEqual(snapshot(clean));

  // A tile changed behind the build's back (the manifest knows each tile's stamp and fingerprint): the next
  // build does not trust the output, and puts it right.
  const tile = readdirSync(join(out, 'tiles')).sort()[0] ?? '';
  writeFileSync(join(out, 'tiles', tile), '{}\n');
  const repaired = build(dir, out, cache);
  expect(repaired.status).toBe(0);
  expect(repaired.stats).toMatchObject({ declined: `tiles/${tile} was changed or removed behind the build's back` });
  expect(snapshot(out)).toEqual(snapshot(clean));
});

test('files unchanged since the last build (same stamp) are not read again; any change to a file is seen', { timeout: 120_000 }, () => {
  const dir = corpus('state', 60, { 'bad.txt': BAD });
  // Written an hour ago: stamps older than the saved state are trusted (a write in the same clock tick as the
  // read would not show in the stamp, so recent files are always read).
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const n of readdirSync(dir)) utimesSync(join(dir, n), hourAgo, hourAgo);
  const out = join(tmp, 'state-out');
  const cache = join(tmp, 'state-cache');
  const badLine = 'state/bad.txt:1:7: error Unexpected date "2021-02-30"';
  const firstBuild = build(dir, out, cache);
  expect(firstBuild).toMatchObject({ status: 1, stats: { read: 63, extracted: 63 } });
  expect(firstBuild.stderr).toContain(badLine);
  const first = snapshot(out);
  const again = build(dir, out, cache);
  expect(again.stats).toMatchObject({ read: 0, extracted: 0, workers: 0 });
  expect(snapshot(out)).toEqual(first);

  // Nothing changed since that build: nothing is done, and it says the same (the rejected file, exit 1).
  const idle = build(dir, out, cache);
  expect(idle).toMatchObject({ status: 1, stats: { read: 0, unchanged: true, written: 0, linked: 0 } });
  expect(idle.stderr).toContain(badLine);
  expect(idle.stdout).toBe(again.stdout);
  // An output file deleted behind the build's back: the build is not idle, and puts it back.
  const anArticle = readdirSync(join(out, 'articles'))[0] ?? '';
  unlinkSync(join(out, 'articles', anArticle));
  expect(build(dir, out, cache).stats).not.toHaveProperty('unchanged');
  expect(snapshot(out)).toEqual(first);

  // The cache emptied behind the state's back (and the output touched, so there is work): the files are read
  // after all, and the output is the same.
  for (const d of readdirSync(cache).filter((n) => /^[0-9a-f]{16}$/.test(n))) rmSync(join(cache, d), { recursive: true });
  unlinkSync(join(out, 'articles', anArticle));
  expect(build(dir, out, cache).stats).toMatchObject({ read: 0, extracted: 63 });
  expect(snapshot(out)).toEqual(first);

  // The same number of bytes, the modification time put back: the change time still tells.
  const names = readdirSync(dir).sort();
  const path = join(dir, names[3] ?? '');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/\b(\d)(\d)(\d{2})\b/, (_, a: string, b: string, c: string) => `${a}${b === '9' ? '8' : '9'}${c}`));
  utimesSync(path, hourAgo, hourAgo);
  unlinkSync(join(dir, names[7] ?? ''));
  const changed = build(dir, out, cache);
  expect(changed.stats).toMatchObject({ read: 1, extracted: 1 });
  const clean = join(tmp, 'state-clean');
  expect(build(dir, clean, join(tmp, 'state-clean-cache')).status).toBe(1);
  expect(snapshot(out)).toEqual(snapshot(clean));
});

test('a failed write leaves the previous dataset whole, and the next build recovers', { timeout: 120_000 }, () => {
  const dir = corpus('fail', 50);
  const out = join(tmp, 'fail-out');
  const cache = join(tmp, 'fail-cache');
  expect(build(dir, out, cache).status).toBe(0);
  const before = snapshot(out);

  const first = readdirSync(dir).sort()[0] ?? '';
  edit(join(dir, first), 'In May 2020, the plan was shelved.');
  const failed = build(dir, out, cache, { env: { DATELINE_BUILD_FAIL_AFTER: '0' } });
  expect(failed.status).toBe(1);
  expect(failed.stderr).toContain('the previous dataset is left as it was');
  expect(snapshot(out)).toEqual(before);
  expect(readdirSync(dirname(out)).filter((n) => n.startsWith('fail-out.'))).toEqual([]);

  // An interrupted swap (the old dataset moved aside, the new one not yet in place) is repaired.
  const renamed = `${out}.previous`;
  rmSync(renamed, { recursive: true, force: true });
  spawnSync('mv', [out, renamed]);
  expect(existsSync(out)).toBe(false);
  const next = build(dir, out, cache);
  expect(next.status).toBe(0);
  expect(statSync(join(out, 'index.json')).isFile()).toBe(true);
  expect(existsSync(renamed)).toBe(false);
  const clean = join(tmp, 'fail-clean');
  build(dir, clean, join(tmp, 'fail-clean-cache'));
  expect(snapshot(out)).toEqual(snapshot(clean));
});

test('edits re-merge only the buckets they touch and splice the files: each incremental build equals a clean one', { timeout: 360_000 }, () => {
  const { dir, out, cache, first } = builtCorpus('splice', 40, { 'bad.txt': BAD });
  expect(first.status).toBe(1);
  const names = readdirSync(dir).filter((n) => n !== 'bad.txt' && !n.startsWith('zz-')).sort();
  let step = 0;
  const same = (expectIncremental: boolean) => {
    const r = build(dir, out, cache);
    expect(r.stats).toMatchObject({ read: expect.any(Number) });
    // The tiles patched where the change falls (tile-patch.ts), not derived again from the whole index.
    if (expectIncremental) {
      expect(r.stats).toMatchObject({ incremental: true, linked: 0, tiles: { written: expect.any(Number) as unknown } });
      expect(r.stats?.['tiles']).not.toHaveProperty('declined');
    } else expect(r.stats).not.toHaveProperty('incremental');
    const clean = join(tmp, `splice-clean-${step}`);
    const c = build(dir, clean, join(tmp, `splice-clean-cache-${step++}`));
    expect(r.status).toBe(c.status);
    expect(r.stderr.split('\n').filter((l) => l.includes(': error ') || l.includes(': warning '))).toEqual(c.stderr.split('\n').filter((l) => l.includes(': error ') || l.includes(': warning ')));
    expect(snapshot(out)).toEqual(snapshot(clean));
    return r;
  };
  const index = () => JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { articles: { id: string; title: string }[]; events: [string, string, string | null, string | null, string, number, number[], string[]][] };
  const toldRow = () => index().events.find((e) => e[1].includes('central bank raised interest rates'));

  // A third article tells the event told twice: the group gains a member, and the two other files change.
  const third = join(dir, names[3] ?? '');
  edit(third, 'In March 2021, the central bank raised interest rates sharply to fight inflation, officials said.');
  expect(same(true).stats).toMatchObject({ extracted: 1, written: 3 });
  expect(toldRow()?.[6]).toHaveLength(3);

  // The second teller no longer tells it: the group loses a member.
  writeFileSync(join(dir, 'zz-told-2.txt'), ' date 2022-02-07 https://example.net/told-2\nB\nIn April 2020, the harbour was closed for repairs.\n');
  same(true);
  expect(toldRow()?.[6]).toHaveLength(2);

  // A new title and more events: the article's entry of index.json is replaced, its rows spliced in order.
  const fourth = join(dir, names[4] ?? '');
  writeFileSync(fourth, readFileSync(fourth, 'utf8').replace(/\n[^\n]+\n/, '\nA new title for this article\n'));
  edit(fourth, 'Since 2014, the port has grown. Last week, two ministers resigned. On 5 May 1999, the treaty was signed.');
  // Its old title's words leave its events, among them a word's latest: the shard's slack says which come next.
  same(true);
  expect(index().articles.map((a) => a.title)).toContain('A new title for this article');

  // A rejected file rejected for another reason: only the report changes.
  writeFileSync(join(dir, 'bad.txt'), ' date 2021-13-01 https://example.com/a\n\nTitle\n\nBody text here.\n');
  const r = same(true);
  expect(r.stderr).toContain('splice/bad.txt:1:7: error');
  expect(r.stats).toMatchObject({ written: 0 });

  // An article's URL changed (another article: its entry and rows go, the new ones come), a file added (dated
  // before most: the positions after it move, every row naming them renumbered), a file removed: spliced too.
  const fifth = join(dir, names[5] ?? '');
  writeFileSync(fifth, readFileSync(fifth, 'utf8').replace(/^( date \S+ )(\S+)/, '$1https://example.com/moved'));
  same(true);
  const added = generateArticle(42, 900);
  writeFileSync(join(dir, added.name), added.text.replace(/^ date \S+/, ' date 1990-06-01'));
  expect(same(true).stats).toMatchObject({ renumbered: true, removed: 0 });
  unlinkSync(join(dir, names[6] ?? ''));
  expect(same(true).stats).toMatchObject({ removed: 1 });
  // A copy of an article (the first file by name is kept, the other rejected) is left to the whole build.
  writeFileSync(join(dir, `0-copy-${names[7]}`), readFileSync(join(dir, names[7] ?? ''), 'utf8'));
  same(false);

  // Edits undone: the dataset of the start again.
  edit(third, 'Nothing dated here.');
  same(true);
});

test('an incremental build stopped between its renames is finished by the next one', { timeout: 120_000 }, () => {
  const { dir, out, cache, first } = builtCorpus('journal', 30);
  expect(first.status).toBe(0);
  const before = snapshot(out);
  edit(join(dir, 'zz-told-1.txt'), 'On 9 June 2021, the bank cut rates again.');
  // A write that fails half-way (index.json and search.json written under temporary names): they are removed, the dataset is as it was.
  const failed = build(dir, out, cache, { env: { DATELINE_BUILD_FAIL_AFTER: '2' } });
  expect(failed.status).toBe(1);
  expect(failed.stderr).toContain('the previous dataset is left as it was');
  expect(snapshot(out)).toEqual(before);
  // Killed right after the journal is written: every new file (index.json, search.json, the article, its tiles) is
  // whole in a folder beside the dataset, which is the old one, untouched.
  const crashed = build(dir, out, cache, { env: { DATELINE_BUILD_CRASH_AT: 'journal' } });
  expect(crashed.status).toBe(70);
  expect(snapshot(out)).toEqual(before);
  const stagedBeside = () => readdirSync(dirname(out)).filter((n) => n.startsWith(`${basename(out)}.next-`));
  expect(stagedBeside()).toHaveLength(1);
  const staged = Object.keys(snapshot(join(dirname(out), stagedBeside()[0] ?? '')));
  expect(staged).toEqual(expect.arrayContaining(['index.json', 'search.json']));
  expect(staged.some((p) => p.startsWith('tiles/'))).toBe(true);
  const next = build(dir, out, cache);
  expect(next.status).toBe(0);
  expect(stagedBeside()).toEqual([]);
  const clean = join(tmp, 'journal-clean');
  expect(build(dir, clean, join(tmp, 'journal-clean-cache')).status).toBe(0);
  expect(snapshot(out)).toEqual(snapshot(clean));
});

test('the launcher (npm run build:data) builds the same files as tsx does, in worker threads too', { timeout: 120_000 }, () => {
  const dir = corpus('launched', 60); // 62 files: enough to be read in worker threads
  const viaTsx = build(dir, join(tmp, 'launched-tsx'), join(tmp, 'launched-tsx-cache'), { jobs: 2 });
  const args = ['--in', dir, '--out', join(tmp, 'launched-run'), '--cache', join(tmp, 'launched-run-cache'), '--stats', '--jobs', '2'];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/run-ts.mjs'), join(ROOT, 'scripts/build-data.ts'), ...args], { cwd: tmp, encoding: 'utf8' });
  const report = (stderr: string) => stderr.split('\n').filter((l) => !l.startsWith('build-data stats '));
  expect(r.status).toBe(viaTsx.status);
  expect(r.stdout.replace('launched-run', 'launched-tsx')).toBe(viaTsx.stdout);
  expect(report(r.stderr)).toEqual(report(viaTsx.stderr));
  expect(viaTsx.stats).toMatchObject({ workers: 2 });
  expect(r.stderr).toContain('"workers":2');
  expect(snapshot(join(tmp, 'launched-run'))).toEqual(snapshot(join(tmp, 'launched-tsx')));
});

/** build() without waiting: the child, and its result when it ends. */
function buildAsync(inDir: string, outDir: string, cacheDir: string): { child: ChildProcess; done: Promise<number | null> } {
  const args = ['--import', import.meta.resolve('tsx'), join(ROOT, 'scripts/build-data.ts'), '--in', inDir, '--out', outDir, '--cache', cacheDir];
  const child = spawn(process.execPath, args, { cwd: tmp, stdio: 'ignore' });
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

test('two builds at once into the same folder leave a whole dataset: the bytes of a clean build', { timeout: 180_000 }, async () => {
  const dir = corpus('twice', 40);
  const out = join(tmp, 'twice-out');
  const cache = join(tmp, 'twice-cache');
  const clean = join(tmp, 'twice-clean');
  expect(build(dir, clean, join(tmp, 'twice-clean-cache')).status).toBe(0);
  // From nothing, then over an older dataset after an edit: both ways the two race to the same end.
  for (const round of [0, 1]) {
    if (round === 1) {
      edit(join(dir, readdirSync(dir).sort()[3] ?? ''), 'In June 2019, the talks resumed.');
      expect(build(dir, clean, join(tmp, 'twice-clean-cache')).status).toBe(0);
    }
    const a = buildAsync(dir, out, cache);
    const b = buildAsync(dir, out, cache);
    const codes = await Promise.all([a.done, b.done]);
    // One may find the other's work done or in the way and say so; the dataset is whole whatever they say.
    expect(codes.some((c) => c === 0)).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(clean));
    expect(build(dir, out, cache).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(clean));
  }
});

test('a build killed with SIGKILL at any moment leaves the previous dataset whole; the next build gives the clean bytes', { timeout: 240_000 }, async () => {
  const dir = corpus('killed', 40);
  const out = join(tmp, 'killed-out');
  const cache = join(tmp, 'killed-cache');
  expect(build(dir, out, cache).status).toBe(0);
  const names = readdirSync(dir).sort();
  // Kills spread over a build's life: the first while the workers start, the last near its renames.
  for (const [k, delayMs] of [100, 600, 1500].entries()) {
    const previous = snapshot(out);
    edit(join(dir, names[k * 7] ?? ''), `In March ${2000 + k}, a new line was added.`);
    const run = buildAsync(dir, out, cache);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    run.child.kill('SIGKILL');
    await run.done;
    const after = snapshot(out);
    // Killed before its swap: the previous dataset; after it: the new one, whole (checked below against a clean build).
    if (JSON.stringify(after) !== JSON.stringify(previous)) {
      const clean = join(tmp, `killed-clean-${k}`);
      expect(build(dir, clean, join(tmp, `killed-clean-cache-${k}`)).status).toBe(0);
      expect(after).toEqual(snapshot(clean));
    }
    expect(build(dir, out, cache).status).toBe(0);
    const clean = join(tmp, `killed-clean-next-${k}`);
    expect(build(dir, clean, join(tmp, `killed-clean-next-cache-${k}`)).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(clean));
  }
});
