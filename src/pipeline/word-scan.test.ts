import { expect, test } from 'vitest';
import fc from 'fast-check';
import { forEachWord, type WordKind } from './word-scan.ts';

const KINDS: [WordKind, RegExp][] = [
  [{ numbers: false, apostrophes: true }, /\p{L}[\p{L}'’]*/gu],
  [{ numbers: true, apostrophes: true }, /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu],
  [{ numbers: true, apostrophes: false }, /[\p{L}\p{N}]+/gu],
  [{ numbers: false, apostrophes: false }, /\p{L}+/gu],
];

function scanned(text: string, kind: WordKind, from = 0, to = text.length): string[] {
  const out: string[] = [];
  forEachWord(text, kind, (start, end) => out.push(`${start}:${text.slice(start, end)}`), from, to);
  return out;
}

function matched(text: string, re: RegExp, from = 0, to = text.length): string[] {
  return [...text.slice(from, to).matchAll(re)].map((m) => `${from + m.index}:${m[0]}`);
}

/** Text with the characters that matter: ASCII, apostrophes, accented and other-script letters, digits of other scripts, astral letters and digits, lone surrogates. */
const pieces = fc.constantFrom('a', 'Z', 'q', '0', '9', ' ', '-', "'", '’', '‘', '.', 'é', 'É', 'ß', 'İ', 'ж', '中', '٣', '²', 'Ⅻ', '𝐀', '𝟙', '😀', '\ud835', '\udc00', '\u0301', '_', '\n');
const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((a) => a.join(''));

test('forEachWord finds exactly the words the global regex of its kind matches, on any text', () => {
  fc.assert(
    fc.property(texts, (text) => {
      for (const [kind, re] of KINDS) expect(scanned(text, kind)).toEqual(matched(text, re));
    }),
    { numRuns: 2000 },
  );
});

test('forEachWord between two offsets finds the words of that slice of the text', () => {
  fc.assert(
    fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
      const from = Math.min(a, b) % (text.length + 1);
      const to = Math.max(from, Math.max(a, b) % (text.length + 1));
      for (const [kind, re] of KINDS) expect(scanned(text, kind, from, to)).toEqual(matched(text, re, from, to));
    }),
    { numRuns: 1000 },
  );
});

test('forEachWord keeps apostrophes inside a word and numbers only when asked', () => {
  const text = "Russia’s 2021 plan's O'Brien x2";
  expect(scanned(text, { numbers: false, apostrophes: true })).toEqual(['0:Russia’s', '14:plan\'s', '21:O\'Brien', '29:x']);
  expect(scanned(text, { numbers: true, apostrophes: false })).toEqual(['0:Russia', '7:s', '9:2021', '14:plan', '19:s', '21:O', '23:Brien', '29:x2']);
});
