/**
 * Words of a text found by char codes, not by a global regex: the same matches as a global unicode scan with `\p{L}[\p{L}'’]*` (or with
 * \p{N}, or without apostrophes), with no match object or substring made for a word the caller passes over. The
 * pipeline reads every word of every article several times (citations' vocabulary and stems, the merge's stems,
 * the search index); most of them are rejected at their first letter or their length.
 *
 * ASCII is classed by code; any other code point by a sticky unicode regex at its position (a surrogate pair is
 * one code point, as under the `u` flag).
 */

/** What a word is made of: letters, or letters and numbers (\p{N}); `apostrophes`: ' and ’ inside it, after its first character. */
export type WordKind = { numbers: boolean; apostrophes: boolean };

const LETTER = /\p{L}/uy;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/uy;

/**
 * The length (1 or 2 code units) of the code point at `i` if it is a letter (or, with `numbers`, a letter or a
 * number) that ends at or before `end`, else 0.
 */
export function letterLengthAt(text: string, i: number, end: number, numbers: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    const lower = c | 32;
    return (lower >= 97 && lower <= 122) || (numbers && c >= 48 && c <= 57) ? 1 : 0;
  }
  // A low surrogate here is alone, or the second half of a pair cut at `i` (V8 would step back to the pair's start).
  if ((c & 0xfc00) === 0xdc00) return 0;
  const re = numbers ? LETTER_OR_NUMBER : LETTER;
  re.lastIndex = i;
  if (!re.test(text)) return 0;
  return re.lastIndex <= end ? re.lastIndex - i : 0;
}

/**
 * The end of the word that starts at `i` (a letter, or number, whose length is `first`): letters (numbers) and,
 * with `apostrophes`, ' and ’, as far as they go (not past `end`).
 */
export function wordEndFrom(text: string, i: number, first: number, end: number, kind: WordKind): number {
  let at = i + first;
  while (at < end) {
    const c = text.charCodeAt(at);
    if (kind.apostrophes && (c === 39 || c === 0x2019)) {
      at++;
      continue;
    }
    const n = letterLengthAt(text, at, end, kind.numbers);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/**
 * Calls `each(start, end)` for every word of `text` between `from` and `to`, in order: the matches of the regex
 * that `kind` stands for, run on `text.slice(from, to)` (offsets into `text`).
 */
export function forEachWord(text: string, kind: WordKind, each: (start: number, end: number) => void, from = 0, to = text.length): void {
  let i = from;
  while (i < to) {
    const n = letterLengthAt(text, i, to, kind.numbers);
    if (n === 0) {
      // A code point that starts no word: a surrogate pair is passed over whole.
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const end = wordEndFrom(text, i, n, to, kind);
    each(i, end);
    i = end;
  }
}
