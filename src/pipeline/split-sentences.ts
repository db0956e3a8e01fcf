/**
 * Step 2: paragraphs -> sentences and section headings, with offsets into the article text.
 *
 * Real files are messy; the rules are general, never for one file:
 * - a sentence ends at . ! ? (and closing quotes) before white space and a capital, quote or digit;
 * - sentences glued without a space ("neighbour.Earlier,") split when a lowercase word ends at the stop;
 * - a sub-heading glued to the next sentence ("Joint Action With EuropeThe NYT's") is a section heading:
 *   a run of Title-Case words whose last word runs straight into the capital that starts the sentence;
 * - a short line without end punctuation standing alone is a heading too;
 * - titles and initials end no sentence ("Avril D. Haines", "Dr. Smith", "Nov. 12", "U.S. officials"),
 *   nor do decimals ("2.5");
 * - a run-on longer than MAX_SENTENCE is cut at a clause break or a space.
 */
import type { Span } from './schema.ts';

export type SentenceSpan = Span & { paragraph: number };
export type Heading = Span & { paragraph: number };
export type SplitResult = { sentences: SentenceSpan[]; headings: Heading[] };

/** Abbreviations after which a full stop never ends a sentence (lowercased, without the stop). */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det rev fr sr jr st mt ' +
    'no nos vol pp fig art sec dept est approx ca cf vs v al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

/** Words that start a sentence: after an initialism ("the U.S. The…") they mean the stop ended one. */
const SENTENCE_STARTERS = new Set(
  (
    'the a an this that these those it its he she they we i you there here but however and so yet in on at after ' +
    'before while when as according meanwhile earlier later still also moreover since if although though his her their our'
  ).split(' '),
);

/** Lowercase words allowed inside a Title-Case heading. */
const HEADING_SMALL_WORDS = new Set('a an and as at by for from in into of on or over the to vs with without after against amid'.split(' '));

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const CLOSERS = '"”’\')]';
const OPENERS = '"“‘\'(';

// These run for nearly every character of the text: an ASCII character (the usual case) is classified by its
// code, anything else by the Unicode property regexes (\p{Lu}, \p{Ll}, \p{L} hold no other ASCII characters).
function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return c.length === 1 && code < 128 ? code >= 65 && code <= 90 : UPPER.test(c);
}
function isLower(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return c.length === 1 && code < 128 ? code >= 97 && code <= 122 : LOWER.test(c);
}
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code < 128 ? (code | 32) >= 97 && (code | 32) <= 122 : LETTER.test(c);
}
/** [\p{L}\p{N}'’-]: a character of a word. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code < 128 ? ((code | 32) >= 97 && (code | 32) <= 122) || (code >= 48 && code <= 57) || code === 39 || code === 45 : WORD_CHAR.test(c);
}

/** The run of letters (and inner dots, for initialisms like U.S) that ends just before `stop`. */
function wordBefore(text: string, stop: number, floor: number): string {
  let i = stop;
  while (i > floor && (isLetter(text[i - 1] ?? '') || (text[i - 1] === '.' && isLetter(text[i - 2] ?? '')))) i--;
  return text.slice(i, stop);
}

function wordAfter(text: string, from: number, limit: number): string {
  let i = from;
  while (i < limit && OPENERS.includes(text[i] ?? '')) i++;
  const start = i;
  while (i < limit && isLetter(text[i] ?? '')) i++;
  return text.slice(start, i);
}

/**
 * Is the full stop at `dot` the end of a sentence, given that `next` (the first non-space character after the
 * stop and its closing quotes) is where the next sentence would begin?
 */
function stopEndsSentence(text: string, dot: number, nextWordStart: number, floor: number, limit: number): boolean {
  const before = wordBefore(text, dot, floor);
  const lower = before.toLowerCase();
  const nextWord = wordAfter(text, nextWordStart, limit);
  if (before.length === 0) return true; // "… 2021. The", "…)." etc.
  if (NEVER_FINAL.has(lower)) return false;
  // A single capital ("D." in "Avril D. Haines") is an initial.
  if (before.length === 1 && isUpper(before)) return false;
  // Initialisms like U.S or a.m: only when a typical sentence opener follows.
  if (before.includes('.')) return SENTENCE_STARTERS.has(nextWord.toLowerCase());
  return true;
}

/**
 * A stop glued to the next word ends a sentence when a capitalised word follows and the stop closes a lowercase
 * word of two letters or more ("neighbour.Earlier") or a number ("2015.Soon"); not "U.S.Army", "3.5", "e.g.", "Dr.Who".
 */
function gluedStopEndsSentence(text: string, stop: number, next: number, floor: number): boolean {
  const c = text[stop];
  const n = text[next];
  if (!isUpper(n) && !OPENERS.includes(n ?? '')) return false;
  if (c !== '.') return true; // "?" and "!" glued to a capital
  const before = wordBefore(text, stop, floor);
  if (NEVER_FINAL.has(before.toLowerCase())) return false;
  if (before.length === 0) return /\p{N}/u.test(text[stop - 1] ?? '') && isLower(text[next + 1]);
  return before.length >= 2 && !before.includes('.') && isLower(before[before.length - 1]);
}

/** Finds glued sub-headings at the start of a sentence: returns the heading's end, or -1. */
function gluedHeadingEnd(text: string, start: number, limit: number): number {
  let i = start;
  let words = 0;
  let lastWordStart = start;
  while (i < limit) {
    // one word: optional opening quote, then letters/digits/'’-
    const wordStart = i;
    while (i < limit && OPENERS.includes(text[i] ?? '')) i++;
    const lettersStart = i;
    while (i < limit && isWordChar(text[i] ?? '')) {
      // glue point: lowercase followed by uppercase then lowercase/space ("EuropeThe", "ScaresA ")
      if (i > lettersStart && isLower(text[i - 1]) && isUpper(text[i]) && words >= 0) {
        const head = text.slice(lettersStart, i);
        const firstIsCap = isUpper(head[0]);
        const nextWord = wordAfter(text, i, limit);
        const headingWords = words + 1;
        const plausible =
          firstIsCap &&
          head.length >= 2 &&
          (headingWords >= 2 || SENTENCE_STARTERS.has(nextWord.toLowerCase())) &&
          (isLower(text[i + 1]) || text[i + 1] === ' ' || text[i + 1] === "'" || text[i + 1] === '’' || isUpper(text[i + 1]));
        return plausible ? i : -1;
      }
      i++;
    }
    while (i < limit && CLOSERS.includes(text[i] ?? '')) i++;
    const word = text.slice(lettersStart, i).replace(/['’"”)\]]+$/, '');
    if (word.length === 0) return -1;
    const titleCase = isUpper(word[0]) || /^\p{N}/u.test(word) || (words > 0 && HEADING_SMALL_WORDS.has(word.toLowerCase()));
    if (!titleCase) return -1;
    words++;
    lastWordStart = wordStart;
    if (words > 12) return -1;
    if (text[i] !== ' ') return -1;
    i++;
  }
  void lastWordStart;
  return -1;
}

/**
 * The longest sentence, in UTF-16 code units. Real sentences are far shorter (a long one in the news runs to a few
 * hundred characters); a paragraph with no sentence end for longer (a list, a table flattened to text, hostile
 * input) is cut into sentences of at most this length, so that the work on each is bounded and the whole stays
 * linear in the text's length.
 */
export const MAX_SENTENCE = 1000;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/**
 * Where to cut a run-on sentence that starts at `s`: after its last ";" or "," followed by a space in its second
 * half, else at its last space there, else at MAX_SENTENCE (not inside a surrogate pair).
 */
function runOnCut(text: string, s: number): number {
  const limit = s + MAX_SENTENCE;
  const floor = s + MAX_SENTENCE / 2;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    if (!isSpace(text.charCodeAt(i))) continue;
    const c = text[i - 1];
    if (c === ';' || c === ',') return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

function isStandaloneHeading(text: string, p: Span): boolean {
  const s = text.slice(p.start, p.end);
  if (s.length > 80 || /[.!?:;,]["”’')]*$/.test(s)) return false;
  const words = s.split(/\s+/);
  return words.length <= 10 && isUpper(s.replace(/^[^\p{L}\p{N}]+/u, '')[0]);
}

export function splitSentences(text: string, paragraphs: readonly Span[]): SplitResult {
  const sentences: SentenceSpan[] = [];
  const headings: Heading[] = [];
  paragraphs.forEach((p, paragraph) => {
    if (paragraphs.length > 1 && isStandaloneHeading(text, p)) {
      headings.push({ start: p.start, end: p.end, paragraph });
      return;
    }
    let sentenceStart = p.start;
    const push = (end: number) => {
      let s = sentenceStart;
      let e = end;
      while (s < e && /\s/.test(text[s] ?? '')) s++;
      while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
      if (e <= s) return;
      // A heading glued to the start of this sentence becomes a heading of its own.
      const h = gluedHeadingEnd(text, s, e);
      if (h > s && h < e) {
        headings.push({ start: s, end: h, paragraph });
        s = h;
      }
      // A run-on past MAX_SENTENCE is cut into pieces: no step downstream spends more than its work on one sentence.
      while (e - s > MAX_SENTENCE) {
        const cut = runOnCut(text, s);
        let k = cut;
        while (k > s && isSpace(text.charCodeAt(k - 1))) k--;
        sentences.push({ start: s, end: k, paragraph });
        s = cut;
        while (s < e && isSpace(text.charCodeAt(s))) s++;
      }
      if (e > s) sentences.push({ start: s, end: e, paragraph });
    };
    for (let i = p.start; i < p.end; i++) {
      const c = text[i];
      if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
      // Runs like "?!" or "..." end together.
      let j = i + 1;
      while (j < p.end && '.!?…'.includes(text[j] ?? '')) j++;
      while (j < p.end && CLOSERS.includes(text[j] ?? '')) j++;
      if (j >= p.end) break;
      const glued = !/\s/.test(text[j] ?? '');
      let k = j;
      while (k < p.end && /\s/.test(text[k] ?? '')) k++;
      const next = text[k];
      if (next === undefined) break;
      const opensSentence = isUpper(next) || OPENERS.includes(next) || /\p{N}/u.test(next);
      if (!opensSentence) continue;
      if (glued) {
        // "neighbour.Earlier": a lowercase word of two letters or more ends at the stop; not "U.S.Army", "3.5", "e.g."
        if (!gluedStopEndsSentence(text, i, j, p.start)) continue;
      } else if (c === '.' && !stopEndsSentence(text, i, k, p.start, p.end)) {
        continue;
      }
      push(j);
      sentenceStart = k;
      i = k - 1;
    }
    push(p.end);
  });
  return { sentences, headings };
}
