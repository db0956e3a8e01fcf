import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../src/pipeline/article-limit.ts';
import { formatDiagnostic } from '../../src/pipeline/diagnostic.ts';
import { extractFile, type EntryMeta } from './extract-entry.ts';
import type { StoredUnit } from '../../src/pipeline/formats/compose.ts';
import { expandInputs } from './input-units.ts';

const tmp = mkdtempSync(join(tmpdir(), 'input-units-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SENTENCE = 'The harbour board said on 11 April 2022 that the cranes would run again by the end of the week. ';

/** An RSS feed of `n` items of some 4 KB each (item k's <item> on line 3 + 4k). */
function feed(n: number): string {
  const items = Array.from({ length: n }, (_, k) => `<item><title>Port update ${k + 1}</title><link>https://gazette.example.org/port/${k + 1}</link>\n<pubDate>Tue, 12 Apr 2022 09:00:00 GMT</pubDate>\n<description>${SENTENCE.repeat(40)}</description>\n</item>\n`);
  return `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title>\n${items.join('')}</channel></rss>\n`;
}

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [n, text] of Object.entries(files)) writeFileSync(join(dir, n), text);
  return dir;
}

const inputsOf = (dir: string) => readdirSync(dir).sort().map((name) => ({ path: join(dir, name), file: `articles/${name}` }));

test('a feed past 1 MiB is one unit per item, each stored once as the file parsed, and built on its own', () => {
  const dir = folder('big-feed', { 'gazette.xml': feed(300), 'a.txt': ' date 2022-04-12 https://example.org/a\nA\n\nBody.\n' });
  expect(statSync(join(dir, 'gazette.xml')).size).toBeGreaterThan(MAX_ARTICLE_BYTES);
  const units = join(tmp, 'units');
  const inputs = expandInputs(inputsOf(dir), units);
  expect(inputs).toHaveLength(301);
  expect(inputs[0]).toEqual({ path: join(dir, 'a.txt'), file: 'articles/a.txt' });
  expect(inputs.slice(1, 4).map((u) => u.file)).toEqual(['articles/gazette.xml#0001', 'articles/gazette.xml#0002', 'articles/gazette.xml#0003']);
  const third = JSON.parse(readFileSync((inputs[3] as { path: string }).path, 'utf8')) as StoredUnit;
  expect(third.item.article?.url).toBe('https://gazette.example.org/port/3');
  // An article of the feed goes through the pipeline from its unit (the file is not read again).
  const cache = join(tmp, 'cache');
  const r = extractFile((inputs[3] as { path: string }).path, 'articles/gazette.xml#0003', cache, 'v1');
  const meta = JSON.parse(r.meta) as EntryMeta;
  expect(meta.diagnostics).toEqual([]);
  expect(meta.article?.url).toBe('https://gazette.example.org/port/3');
  expect(meta.article?.eventCount).toBeGreaterThan(0);

  // Expanded again, unchanged: no unit file is written again (their stamps tell the build nothing changed).
  const before = inputs.map((u) => statSync(u.path).mtimeMs);
  const again = expandInputs(inputsOf(dir), units);
  expect(again.map((u) => statSync(u.path).mtimeMs)).toEqual(before);
  // Fewer items: the units of the items gone are removed; the feed gone: its units are.
  writeFileSync(join(dir, 'gazette.xml'), feed(2));
  const two = expandInputs(inputsOf(dir), units);
  expect(two.map((u) => u.file)).toEqual(['articles/a.txt', 'articles/gazette.xml#0001', 'articles/gazette.xml#0002']);
  expect(readdirSync(join(two[1]?.path ?? '', '..'))).toHaveLength(2);
  rmSync(join(dir, 'gazette.xml'));
  expandInputs(inputsOf(dir), units);
  expect(readdirSync(join(two[1]?.path ?? '', '..', '..'))).toEqual([]);
}, 120_000);

test('a feed past its own cap (64 MiB), or one that is not XML, is one unit named as the file, which says why', () => {
  const dir = folder('bad-feeds', { 'broken.xml': 'not xml at all', 'huge.xml': feed(1) });
  // A sparse file: 70 MiB, of which only the start (the cap and a byte) is read.
  truncateSync(join(dir, 'huge.xml'), 70 * 2 ** 20);
  const units = join(tmp, 'bad-units');
  const inputs = expandInputs(inputsOf(dir), units);
  expect(inputs.map((u) => u.file)).toEqual(['articles/broken.xml', 'articles/huge.xml']);
  const lines = inputs.map((u) => (JSON.parse(readFileSync(u.path, 'utf8')) as StoredUnit).fileDiagnostics.map((d) => formatDiagnostic(u.file, d))).flat();
  expect(lines[0]).toMatch(/^articles\/broken\.xml:1:\d+: error Unexpected .*, expected XML \(an RSS 2\.0 or Atom feed\) \[feed:xml\]$/);
  expect(lines[1]).toMatch(/^articles\/huge\.xml:\d+:\d+: error Unexpected 73,400,320 bytes, expected a feed or a news export of at most 67,108,864 bytes \(64 MiB\); the text goes on past this point \[article:size\]$/);
  // The build's entry of such a unit is a rejection with the same diagnostic.
  const meta = JSON.parse(extractFile((inputs[1] as { path: string }).path, 'articles/huge.xml', join(tmp, 'bad-cache'), 'v1').meta) as EntryMeta;
  expect(meta.article).toBeNull();
  expect(meta.diagnostics.map((d) => formatDiagnostic('articles/huge.xml', d))).toEqual([lines[1]]);
});
