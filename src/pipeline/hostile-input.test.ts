/**
 * Hostile input: no text may stall the build. Each shape below made some step super-linear (a regex retried at every
 * character of a run, a walk to a run's ends for every hit, every expression weighing every cue of a megabyte
 * "sentence"): at these sizes the old code took minutes, the linear one a fraction of a second. The tests assert
 * that each completes (within a time-out some ten times what it needs on a loaded machine, a tenth of what the old code
 * needed) and what it yields; the time per kilobyte is
 * printed by `npm run bench -- --only hostile`, not asserted here.
 */
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { extractArticle, extractUnit } from './build-dataset.ts';
import { byteLimitOf, itemFileName } from './article-units.ts';
import { decodeText } from './decode-text.ts';
import { formatDiagnostic } from './diagnostic.ts';
import { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, MAX_MULTI_FILE_BYTES } from './article-limit.ts';
import { parseInput } from './formats/parse-input.ts';
import { MAX_SENTENCE } from './split-sentences.ts';
import { tagTimexes } from './temporal/tag-timexes.ts';
import { hostileBody, HOSTILE_SHAPES } from './hostile-shapes.ts';

const HEAD = ' date 2021-11-20 https://example.org/2021/11/20/hostile\nA hostile article\n\n';
const SIZE = 128 * 1024;

function check(text: string) {
  const r = extractArticle('h.txt', text, tagTimexes);
  const x = r.extraction;
  expect(x, r.diagnostics.map((d) => formatDiagnostic('h.txt', d)).join('\n')).not.toBeNull();
  if (!x) return null;
  for (const s of x.article.sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
  for (const e of x.events) for (const ex of e.excerpts) expect(ex.text).toBe(text.slice(ex.start, ex.end));
  return x;
}

for (const shape of HOSTILE_SHAPES) {
  test(`${SIZE / 1024} KB of ${shape}: built in linear time, every sentence at most ${MAX_SENTENCE} characters`, () => {
    const x = check(HEAD + hostileBody(shape, SIZE));
    expect(x?.article.text.length).toBeGreaterThan(SIZE);
  }, 20_000);
}

test('a megabyte line of one sentence with a date, repeated: every sentence and its date become an event', () => {
  const sentence = 'On 12 March 2020 the minister said the strike would end. ';
  const n = Math.floor((MAX_ARTICLE_CHARS - HEAD.length) / sentence.length);
  const x = check(HEAD + sentence.repeat(n));
  expect(x?.events.filter((e) => e.kind === 'mention' && e.start === '2020-03-12')).toHaveLength(n);
}, 120_000);

test('a run-on line of dates is cut into sentences of at most MAX_SENTENCE at clause breaks, and each date is found', () => {
  const body = '12 March 2020, 3 April 2019; '.repeat(4000);
  const x = check(HEAD + body);
  const cuts = x?.article.sentences.map((s) => x.article.text.slice(s.start, s.end)) ?? [];
  expect(cuts.length).toBeGreaterThan(100);
  // Cut after a comma or semicolon, never inside a date.
  for (const s of cuts.slice(0, -1)) expect(s).toMatch(/[,;]$/);
  expect(x?.article.timexes.filter((t) => t.value === '2020-03-12')).toHaveLength(4000);
}, 120_000);

test('an article past the limit is rejected where it crosses it; one at the limit is read', () => {
  const line = 'a'.repeat(99) + '\n';
  const over = HEAD + line.repeat(Math.ceil(MAX_ARTICLE_CHARS / line.length) + 10);
  const at = (HEAD + line.repeat(20_000)).slice(0, MAX_ARTICLE_CHARS - 2) + '.\n';
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
  expect(extractArticle('big.txt', over, tagTimexes).diagnostics.map((d) => formatDiagnostic('big.txt', d))).toEqual([
    `big.txt:${lineOf(over, MAX_ARTICLE_CHARS)}:${MAX_ARTICLE_CHARS - over.lastIndexOf('\n', MAX_ARTICLE_CHARS - 1)}: error Unexpected ${over.length.toLocaleString('en-US')} characters, expected an article of at most 1,048,576 characters (1 MiB); the text goes on past this point [article:size]`,
  ]);
  expect(at.length).toBe(MAX_ARTICLE_CHARS);
  expect(extractArticle('at.txt', at, tagTimexes).extraction).not.toBeNull();
}, 120_000);

test('a file past the limit is rejected before it is decoded, also when only its start was read; the diagnostic stands at the character the limit cuts', () => {
  const bytes = new TextEncoder().encode(`${HEAD}${'é'.repeat(MAX_ARTICLE_BYTES)}`);
  const whole = decodeText(bytes);
  const start = decodeText(bytes.subarray(0, MAX_ARTICLE_BYTES + 1), bytes.length);
  expect(whole.text).toBeNull();
  expect(start).toEqual(whole);
  expect(whole.diagnostics.map((d) => formatDiagnostic('big.txt', d))).toEqual([
    `big.txt:4:${Math.floor((MAX_ARTICLE_BYTES - new TextEncoder().encode(HEAD).length) / 2) + 1}: error Unexpected ${bytes.length.toLocaleString('en-US')} bytes, expected an article of at most 1,048,576 bytes (1 MiB); the text goes on past this point [article:size]`,
  ]);
  expect(decodeText(new TextEncoder().encode(`${HEAD}Body.\n`)).text).toBe(`${HEAD}Body.\n`);
});

test('texts made of hostile pieces never throw, and their sentences and excerpts hold', () => {
  const piece = fc.constantFrom(
    '.', '?!', '…', '1', '2021', '-', '/', ':', ',', ';', ' ', '\n', '\n\n', '(', ')', '"', '“', '”', '[', ']', '\u2028',
    'March', 'May ', '12 March 2020', 'last week', 'https://x.example/2020/01/02/a-b-c', 'https://y.example/(a)).', 'U.S.', 'Dr. ', 'The ',
  );
  const body = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2000 })).map(([parts, times]) => parts.join('').repeat(times));
  fc.assert(
    fc.property(body, (b) => {
      const text = HEAD + b;
      const r = extractArticle('h.txt', text, tagTimexes);
      if (r.extraction === null) {
        expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        return;
      }
      for (const s of r.extraction.article.sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
      for (const e of r.extraction.events) for (const ex of e.excerpts) expect(ex.text).toBe(text.slice(ex.start, ex.end));
    }),
    { numRuns: 25 },
  );
}, 300_000);

/** An RSS feed of `n` items, each with `body` as its text; item k's <item> opens on line 3 + 4k, column 1. */
function feed(n: number, body: (k: number) => string): string {
  const items = Array.from({ length: n }, (_, k) => `<item><title>Item ${k + 1}</title><link>https://feed.example.org/${k + 1}</link>\n<pubDate>Tue, 12 Apr 2022 09:00:00 GMT</pubDate>\n<description>${body(k)}</description>\n</item>\n`);
  return `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title>\n${items.join('')}</channel></rss>\n`;
}

test('a feed past the article cap is read item by item: each item is held to the cap on its own, at its line', () => {
  const sentence = 'The port authority said on Monday that the strike had ended. ';
  const big = sentence.repeat(Math.ceil(MAX_ARTICLE_CHARS / sentence.length) + 1);
  // Three small items, one past the cap (item 3), in a file of some 2 MiB: the file is read, item 3 is not.
  const xml = feed(5, (k) => (k === 2 ? big : k === 4 ? sentence.repeat(9000) : sentence));
  expect(xml.length).toBeGreaterThan(MAX_ARTICLE_CHARS);
  const r = parseInput('gazette.xml', xml);
  expect(r.items.map((i) => i.article?.url ?? null)).toEqual(['https://feed.example.org/1', 'https://feed.example.org/2', null, 'https://feed.example.org/4', 'https://feed.example.org/5']);
  const size = (r.items[2]?.diagnostics[0]?.message.match(/^Unexpected an article of ([\d,]+) characters/) ?? [])[1];
  expect(r.items[2]?.diagnostics.map((d) => formatDiagnostic('gazette.xml', d))).toEqual([
    `gazette.xml:11:1: error Unexpected an article of ${size} characters, expected an article of at most 1,048,576 characters (1 MiB); the item is left out, the file's other items are read [article:size]`,
  ]);
  expect(Number(size?.replace(/,/g, ''))).toBeGreaterThan(MAX_ARTICLE_CHARS);
  // The build's unit of item 3 reports it, and the other items are extracted.
  expect(extractUnit(itemFileName('gazette.xml', 2), xml, tagTimexes).extraction).toBeNull();
  expect(extractUnit(itemFileName('gazette.xml', 3), xml, tagTimexes).extraction?.article.url).toBe('https://feed.example.org/4');
}, 120_000);

test('a feed or an export has its own cap, 64 MiB: past it, rejected where it crosses it; an article file keeps 1 MiB', () => {
  expect(byteLimitOf('articles/gazette.xml')).toBe(MAX_MULTI_FILE_BYTES);
  expect(byteLimitOf('articles/export.jsonl')).toBe(MAX_MULTI_FILE_BYTES);
  expect(byteLimitOf('articles/page.html')).toBe(MAX_ARTICLE_BYTES);
  expect(byteLimitOf('articles/a.txt')).toBe(MAX_ARTICLE_BYTES);
  // Only the start of a 70 MiB feed was read (as the build reads it).
  const text = feed(1, () => 'x'.repeat(MAX_MULTI_FILE_BYTES)).slice(0, MAX_MULTI_FILE_BYTES + 1);
  const start = new TextEncoder().encode(text);
  const r = decodeText(start, 70 * 2 ** 20, MAX_MULTI_FILE_BYTES);
  expect(r.text).toBeNull();
  expect(r.diagnostics.map((d) => formatDiagnostic('huge.xml', d))).toEqual([
    `huge.xml:5:${MAX_MULTI_FILE_BYTES - text.lastIndexOf('\n', MAX_MULTI_FILE_BYTES - 1)}: error Unexpected 73,400,320 bytes, expected a feed or a news export of at most 67,108,864 bytes (64 MiB); the text goes on past this point [article:size]`,
  ]);
  // The same file under the article cap: a text file of 2 MiB is still rejected.
  expect(decodeText(start.subarray(0, 2 * MAX_ARTICLE_BYTES)).diagnostics[0]?.message).toMatch(/^Unexpected 2,097,152 bytes, expected an article of at most 1,048,576 bytes \(1 MiB\)/);
});
