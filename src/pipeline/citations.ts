/**
 * Step 3: cited URLs -> citations: what each address tells (a date in its path, a headline from its slug)
 * and the passage of the article it supports (the sentence that best matches the slug's words, with a score).
 */
import type { Citation, Span } from './schema.ts';
import type { CitedUrl } from './parse-article.ts';
import { isRealDate } from './parse-article.ts';
import { forEachWord, type WordKind } from './word-scan.ts';

const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been it its this that these those ' +
    'has have had will would can could should may might not no into over after before about amid than then so says ' +
    'said say html htm php aspx www com news article story'
  ).split(' '),
);

const CONTRACTIONS: Record<string, string> = {
  doesnt: "doesn't", dont: "don't", didnt: "didn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't",
  werent: "weren't", cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't",
  wont: "won't", hasnt: "hasn't", havent: "haven't", hadnt: "hadn't", aint: "ain't", youre: "you're",
  theyre: "they're", weve: "we've", ive: "I've", im: "I'm", lets: "let's",
};

/** The path of an absolute URL, or null when it does not parse. */
function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

const PATH_DATES = [
  /(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$)/,
  /(?:^|\/)((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/\-_.]|$)/,
  /(?:^|\/)((?:19|20)\d{2})(\d{2})(\d{2})(?=[/\-_.]|$)/,
];

/** A date in a URL's path: /20211112/, /2021/11/12/, /2021-11-12/ (also at a segment's start: /2021-11-12-title). */
export function dateFromUrl(url: string): string | null {
  const path = pathOf(url);
  return path === null ? null : dateFromPath(path);
}

function dateFromPath(path: string): string | null {
  for (const re of PATH_DATES) {
    const m = re.exec(path);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** The slug: the path segment with the most hyphen- or underscore-separated words. */
function slugWords(url: string): string[] {
  const path = pathOf(url);
  return path === null ? [] : slugWordsOfPath(path);
}

function slugWordsOfPath(encodedPath: string): string[] {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return [];
  }
  let best: string[] = [];
  for (const segment of path.split('/')) {
    const words = segment
      .replace(/\.[a-z0-9]{2,5}$/i, '')
      .split(/[-_+]+/)
      .filter((w) => /\p{L}/u.test(w) && !/^\d+$/.test(w));
    if (words.length > best.length) best = words;
  }
  return best.length >= 3 ? best.map((w) => w.toLowerCase()) : [];
}

/** How the article itself writes a word: "Russia's", "Pentagon", "NATO"; null when it does not use it. */
function articleSpelling(vocabulary: ReadonlyMap<string, string>, word: string): string | null {
  return vocabulary.get(word) ?? null;
}

/**
 * The ASCII characters that begin one of `words` (lowercase), as a table by char code: a cheap test that most
 * words of a text are none of them, before lowercasing them and looking them up (see mayBeOneOf).
 */
function firstCharsOf(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(128);
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c < 128) table[c] = 1;
  }
  return table;
}

/**
 * False when a word that begins with the char code `c`, lowercased (or any form of it that keeps its first
 * character, such as its stem), cannot be one of the words `firstChars` was made of: `c` is ASCII and, lowercased,
 * begins none of them. Non-ASCII first characters always pass (their lowercase may be ASCII, or several characters).
 */
function mayBeOneOf(firstChars: Uint8Array, c: number): boolean {
  if (c >= 65 && c <= 90) return firstChars[c + 32] === 1;
  return c >= 128 || firstChars[c] === 1;
}

/** A word of the vocabulary: a letter, then letters and apostrophes. */
const VOCABULARY_WORD: WordKind = { numbers: false, apostrophes: true };

/**
 * Words of the text keyed by a lowercase, apostrophe-free form, valued by their most frequent capitalised
 * spelling. Only the words in `wanted` are counted (the slugs' words and their stems): the text is read once.
 */
function buildVocabulary(text: string, wanted?: ReadonlySet<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const firstChars = wanted ? firstCharsOf(wanted) : null;
  forEachWord(text, VOCABULARY_WORD, (start, end) => {
    if (firstChars && !mayBeOneOf(firstChars, text.charCodeAt(start))) return;
    const raw = text.slice(start, end);
    // Most words have no apostrophe: skip the replace for them.
    const hasApostrophe = raw.includes("'") || raw.includes('’');
    const lower = raw.toLowerCase();
    const key = hasApostrophe ? lower.replace(/['’]/g, '') : lower;
    if (wanted && !wanted.has(key)) return;
    const word = hasApostrophe ? raw.replace(/’/g, "'").replace(/'$/, '') : raw;
    const spellings = counts.get(key) ?? new Map<string, number>();
    spellings.set(word, (spellings.get(word) ?? 0) + 1);
    counts.set(key, spellings);
  });
  const vocabulary = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const ranked = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const lower = spellings.get(key) ?? 0;
    const top = ranked[0];
    // Use the article's capitalisation only where it is not merely sentence-initial (it beats the lowercase form).
    if (top && top[0] !== key && top[1] > lower) vocabulary.set(key, top[0]);
    else if (top && top[0].includes("'")) vocabulary.set(key, top[0]);
  }
  return vocabulary;
}

/** "pentagon-says-it-doesnt-assess-russias-troop…" -> "Pentagon says it doesn't assess Russia's troop…". */
export function headlineFromUrl(url: string, articleText = '', vocabulary: ReadonlyMap<string, string> = buildVocabulary(articleText)): string | null {
  return headlineFromWords(slugWords(url), vocabulary);
}

function headlineFromWords(words: readonly string[], vocabulary: ReadonlyMap<string, string>): string | null {
  if (words.length === 0) return null;
  const out = words.map((w) => {
    const spelled = articleSpelling(vocabulary, w);
    if (spelled) return spelled;
    const contraction = CONTRACTIONS[w];
    if (contraction) return contraction;
    // A possessive the article writes with an apostrophe: "russias" -> "Russia's".
    if (w.endsWith('s')) {
      const stem = articleSpelling(vocabulary, w.slice(0, -1));
      if (stem && /\p{Lu}/u.test(stem[0] ?? '')) return `${stem}'s`;
    }
    return w;
  });
  const first = out[0] ?? '';
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return out.join(' ');
}

/** b-d, f-h, j-n, p-t, v-z: a doubled one at the end is undoubled ("planned" -> "plann" -> "plan"). */
export function isDoublable(code: number): boolean {
  return code >= 98 && code <= 122 && code !== 101 && code !== 105 && code !== 111 && code !== 117;
}

/** A crude stem so "planning" meets "plan" and "movements" meets "movement". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  // Called for every word of an article: the regexes only run on the few words with an apostrophe.
  if (w.includes("'") || w.includes('’')) w = w.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && !w.endsWith('ses')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  const last = w.charCodeAt(w.length - 1);
  if (w.length > 3 && isDoublable(last) && w.charCodeAt(w.length - 2) === last) w = w.slice(0, -1);
  return w;
}

/** A content word: a letter or digit, then letters, digits and apostrophes. */
const CONTENT_WORD: WordKind = { numbers: true, apostrophes: true };

/**
 * Each sentence's set of the stems of its content words (stopwords and one-letter words left out). With `only`,
 * each set keeps just the stems in `only`, which is all findSupport looks up (the slugs' stems); then most words
 * are passed over at their first letter (a stem keeps its word's first letter). An article repeats its words,
 * so each word as written is lowercased and stemmed once (`memo`; null: left out).
 */
function sentenceStemsOf(text: string, sentences: readonly Span[], only?: ReadonlySet<string>): Set<string>[] {
  const memo = new Map<string, string | null>();
  const firstChars = only ? firstCharsOf(only) : null;
  return sentences.map((s) => {
    const stems = new Set<string>();
    forEachWord(
      text,
      CONTENT_WORD,
      (start, end) => {
        if (firstChars && !mayBeOneOf(firstChars, text.charCodeAt(start))) return;
        const raw = text.slice(start, end);
        let stemmed = memo.get(raw);
        if (stemmed === undefined) {
          const lower = raw.toLowerCase();
          stemmed = STOPWORDS.has(lower) || lower.length < 2 ? null : stem(lower);
          if (only && stemmed !== null && !only.has(stemmed)) stemmed = null;
          memo.set(raw, stemmed);
        }
        if (stemmed !== null) stems.add(stemmed);
      },
      s.start,
      s.end,
    );
    return stems;
  });
}

export const SUPPORT_THRESHOLD = 0.3;

/**
 * The sentence whose words best cover the slug's words, each word weighted by how rare it is among the
 * article's sentences; score in [0, 1]; null when the best is below SUPPORT_THRESHOLD.
 */
export function findSupport(
  url: string,
  text: string,
  sentences: readonly Span[],
  sentenceStems: readonly ReadonlySet<string>[] = sentenceStemsOf(text, sentences),
): { sentenceIndex: number; score: number } | null {
  return supportOf(slugWords(url), sentenceStems, sentences.length);
}

/** The distinct stems of a slug's words that are not stopwords, in order. */
function slugStems(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)).map(stem))];
}

/** How many of the sentences hold each stem (the stems of `sentenceStems`, which are only the ones looked up). */
function documentFrequencies(sentenceStems: readonly ReadonlySet<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of sentenceStems) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** Slugs of at most this many stems are scored word by word; longer ones by the sentences' own stems. */
const SHORT_SLUG = 16;

/**
 * findSupport of a slug's words among `n` sentences. Linear in the sentences' stems whatever the slug's length: a
 * long slug is scored by each sentence's stems (which hold only looked-up stems), not by its words.
 */
function supportOf(
  words: readonly string[],
  sentenceStems: readonly ReadonlySet<string>[],
  n: number,
  df: ReadonlyMap<string, number> = documentFrequencies(sentenceStems),
): { sentenceIndex: number; score: number } | null {
  const slug = slugStems(words);
  if (slug.length === 0 || n === 0) return null;
  const weightOf = new Map(slug.map((w) => [w, Math.log(1 + n / Math.max(df.get(w) ?? 0, 1))]));
  const weights = slug.map((w) => weightOf.get(w) ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  let best: { sentenceIndex: number; score: number } | null = null;
  sentenceStems.forEach((set, sentenceIndex) => {
    let got = 0;
    if (slug.length <= SHORT_SLUG) got = slug.reduce((sum, w, k) => sum + (set.has(w) ? (weights[k] ?? 0) : 0), 0);
    else for (const w of set) got += weightOf.get(w) ?? 0;
    const score = Math.round((got / total) * 1000) / 1000;
    if (!best || score > best.score) best = { sentenceIndex, score };
  });
  const found = best as { sentenceIndex: number; score: number } | null;
  return found && found.score >= SUPPORT_THRESHOLD ? found : null;
}

/**
 * The trailing sources matched to a passage: each match reads every sentence, so past this many (no article cites
 * so many) a source is kept without a passage, and the work stays linear in the article's length.
 */
export const MAX_MATCHED_SOURCES = 200;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** What a citation reads off its address: parsed once per distinct URL of the article. */
type Address = { host: string; date: string | null; words: string[] };

function addressOf(url: string): Address {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { host: '', date: null, words: [] };
  }
  return { host: parsed.hostname.replace(/^www\./, ''), date: dateFromPath(parsed.pathname), words: slugWordsOfPath(parsed.pathname) };
}

/**
 * The index of the sentence that holds `span` whole, or -1; `sentences` are in order and do not overlap (a binary
 * search: an article with thousands of URLs in its body must not scan its sentences for each).
 */
export function sentenceHolding(sentences: readonly Span[], span: Span): number {
  let lo = 0;
  let hi = sentences.length - 1;
  // The last sentence starting at or before the span.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Span).start <= span.start) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo];
  return s && s.start <= span.start && span.end <= s.end ? lo : -1;
}

/** Builds every citation of an article. `idOf` derives a stable id from the URL. */
export function buildCitations(
  text: string,
  urls: readonly CitedUrl[],
  sentences: readonly Span[],
  idOf: (url: string, occurrence: number) => string,
): Citation[] {
  const seen = new Map<string, number>();
  const addresses = new Map<string, Address>();
  for (const u of urls) if (!addresses.has(u.url)) addresses.set(u.url, addressOf(u.url));
  // The article's spellings of the slugs' words, and each sentence's stems: computed once for every URL.
  const wanted = new Set<string>();
  for (const a of addresses.values()) for (const w of a.words) wanted.add(w).add(w.replace(/s$/, ''));
  const vocabulary = wanted.size > 0 ? buildVocabulary(text, wanted) : new Map<string, string>();
  let sentenceStems: Set<string>[] | null = null;
  let df: Map<string, number> | null = null;
  let matched = 0;
  return urls.map((u) => {
    const address = addresses.get(u.url) as Address;
    const occurrence = seen.get(u.url) ?? 0;
    seen.set(u.url, occurrence + 1);
    let supports: Citation['supports'] = null;
    if (!u.trailing) {
      // A URL inside the body supports the sentence it stands in.
      const sentenceIndex = sentenceHolding(sentences, u);
      const s = sentences[sentenceIndex];
      if (s) supports = { sentenceIndex, start: s.start, end: s.end, score: 1 };
    } else if (address.words.length > 0 && matched++ < MAX_MATCHED_SOURCES) {
      // Only the stems of the trailing URLs' slugs are looked up.
      sentenceStems ??= sentenceStemsOf(text, sentences, new Set(urls.flatMap((v) => (v.trailing ? slugStems((addresses.get(v.url) as Address).words) : []))));
      df ??= documentFrequencies(sentenceStems);
      const found = supportOf(address.words, sentenceStems, sentences.length, df);
      const s = found ? sentences[found.sentenceIndex] : undefined;
      if (found && s) supports = { sentenceIndex: found.sentenceIndex, start: s.start, end: s.end, score: found.score };
    }
    return {
      id: idOf(u.url, occurrence),
      url: u.url,
      start: u.start,
      end: u.end,
      host: address.host,
      date: address.date,
      headline: headlineFromWords(address.words, vocabulary),
      ...(u.anchor === undefined ? {} : { anchor: u.anchor }),
      supports,
    };
  });
}
