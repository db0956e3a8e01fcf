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
import { extractArticle } from './build-dataset.ts';
import { decodeText } from './decode-text.ts';
import { formatDiagnostic } from './diagnostic.ts';
import { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS } from './article-limit.ts';
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
