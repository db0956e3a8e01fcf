/**
 * Step 1: an article file's text -> header (publication date, URL), title, body paragraphs and cited URLs,
 * each with its position in the text. Pure: no I/O; problems come back as diagnostics.
 *
 * Format:  line 1 ` date YYYY-MM-DD URL` (leading space optional), then the title (first non-blank line),
 * then the body; trailing lines that are bare URLs are the sources the article cites; URLs inside the body
 * are citations too.
 */
import { diagnosticAt, type Diagnostic } from './diagnostic.ts';
import type { Span } from './schema.ts';

export type CitedUrl = Span & { url: string; trailing: boolean; anchor?: string };

export type ParsedArticle = {
  /** The text every offset points into: the decoded file without a byte-order mark. */
  text: string;
  publishedOn: string;
  url: string;
  title: string;
  titleStart: number;
  titleEnd: number;
  bodyStart: number;
  bodyEnd: number;
  paragraphs: Span[];
  citedUrls: CitedUrl[];
};

export type ParseArticleResult = { article: ParsedArticle | null; diagnostics: Diagnostic[] };

type Line = { start: number; end: number; text: string };

const RULE = 'parse-article';
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'“”‘’]+/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SENTENCE_END_AT_LINE_END = /[.!?…]["”’')\]]*$/;

/** Split into lines with their offsets; `\r\n`, `\n` and a lone `\r` end a line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** True when `y-m-d` is a real day of the proleptic Gregorian calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

/** Only absolute http(s) URLs with a host are accepted. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Trailing punctuation that ends a sentence is not part of a URL written inside it. */
function trimUrl(url: string): string {
  // Scanned from the end, not with /[.,;:!?]+$/: that regex retries at every stop of a long run of them (quadratic).
  let end = url.length;
  while (end > 0 && '.,;:!?'.includes(url[end - 1] as string)) end--;
  // A closing parenthesis belongs to the URL only when it opened one inside it.
  let open = 0;
  let close = 0;
  for (let i = 0; i < end; i++) {
    if (url[i] === '(') open++;
    else if (url[i] === ')') close++;
  }
  while (end > 0 && url[end - 1] === ')' && open < close) {
    end--;
    close--;
  }
  return url.slice(0, end);
}

function parseHeader(text: string, line: Line, diagnostics: Diagnostic[]): { publishedOn: string; url: string } | null {
  const error = (offset: number, message: string, rule: string) =>
    diagnostics.push(diagnosticAt(text, offset, 'error', message, `${RULE}:${rule}`));
  // The line's first four words with their offsets (a scan, not one regex of optional groups: on a long line
  // that the regex could not match, such as one with a U+2028 in it, it backtracked through every split).
  const words: { at: number; word: string }[] = [];
  const word = /\S+/g;
  for (let w = word.exec(line.text); w !== null && words.length < 4; w = word.exec(line.text)) words.push({ at: line.start + w.index, word: w[0] });
  // Where a missing word would be: after the word before it and the spaces after that (the line's end).
  const lineEnd = line.start + line.text.length;
  const keyword = words[0]?.word;
  if (keyword !== 'date') {
    const found = keyword === undefined ? 'an empty line' : `"${keyword.slice(0, 40)}"`;
    error(words[0]?.at ?? lineEnd, `Unexpected ${found}, expected a date line " date YYYY-MM-DD URL"`, 'header');
    return null;
  }
  const dateOffset = words[1]?.at ?? lineEnd;
  const date = words[1]?.word;
  if (date === undefined) {
    error(dateOffset, 'Unexpected end of line, expected the publication date YYYY-MM-DD after "date"', 'date');
    return null;
  }
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dm) {
    error(dateOffset, `Unexpected "${date.slice(0, 40)}", expected the publication date as YYYY-MM-DD`, 'date');
    return null;
  }
  if (!isRealDate(Number(dm[1]), Number(dm[2]), Number(dm[3]))) {
    error(dateOffset, `Unexpected date "${date}", expected a real calendar date`, 'date');
    return null;
  }
  const urlOffset = words[2]?.at ?? lineEnd;
  const url = words[2]?.word;
  if (url === undefined) {
    error(urlOffset, "Unexpected end of line, expected the article's URL after the date", 'url');
    return null;
  }
  if (!isHttpUrl(url)) {
    const scheme = SCHEME.exec(url)?.[0];
    const why = scheme && !/^https?:$/i.test(scheme) ? `a URL with the scheme "${scheme}"` : `"${url.slice(0, 60)}"`;
    error(urlOffset, `Unexpected ${why}, expected an http(s) URL for the article`, 'url');
    return null;
  }
  const rest = words[3];
  if (rest !== undefined) {
    error(rest.at, `Unexpected "${text.slice(rest.at, lineEnd).trim().slice(0, 40)}" after the URL, expected the end of the date line`, 'header');
    return null;
  }
  return { publishedOn: date, url };
}

/** Paragraphs: blocks between blank lines; inside a block, a line that ends a sentence ends a paragraph too. */
function findParagraphs(lines: readonly Line[]): Span[] {
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed === '') {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    const end = line.start + line.text.trimEnd().length;
    current = current ? { start: current.start, end } : { start, end };
    if (SENTENCE_END_AT_LINE_END.test(trimmed)) {
      paragraphs.push(current);
      current = null;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

const BARE_URL_LINE = /^\s*([a-z][a-z0-9+.-]*:\S+)\s*$/i;

export function parseArticle(input: string): ParseArticleResult {
  const diagnostics: Diagnostic[] = [];
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    diagnostics.push(diagnosticAt(text, 0, 'error', 'Unexpected empty file, expected a date line " date YYYY-MM-DD URL"', `${RULE}:empty`));
    return { article: null, diagnostics };
  }
  const lines = splitLines(text);
  const header = parseHeader(text, lines[0] as Line, diagnostics);
  if (!header) return { article: null, diagnostics };

  let i = 1;
  while (i < lines.length && (lines[i] as Line).text.trim() === '') i++;
  const titleLine = lines[i];
  if (!titleLine) {
    diagnostics.push(diagnosticAt(text, text.length, 'error', 'Unexpected end of file, expected the title on the line after the date line', `${RULE}:title`));
    return { article: null, diagnostics };
  }
  const titleLead = titleLine.text.length - titleLine.text.trimStart().length;
  const titleStart = titleLine.start + titleLead;
  const titleEnd = titleLine.start + titleLine.text.trimEnd().length;

  // Trailing bare-URL lines (and blank lines between them) are the cited sources.
  let last = lines.length - 1;
  const trailing: CitedUrl[] = [];
  for (; last > i; last--) {
    const line = lines[last] as Line;
    if (line.text.trim() === '') continue;
    const m = BARE_URL_LINE.exec(line.text);
    if (!m || !m[1]) break;
    const start = line.start + line.text.indexOf(m[1]);
    const url = m[1];
    if (!isHttpUrl(url)) {
      const scheme = SCHEME.exec(url)?.[0] ?? '';
      diagnostics.push(
        diagnosticAt(text, start, 'warning', `Unexpected a URL with the scheme "${scheme}", expected an http(s) URL; this source is left out`, `${RULE}:url`),
      );
      continue;
    }
    trailing.unshift({ start, end: start + url.length, url, trailing: true });
  }
  const bodyLines = lines.slice(i + 1, last + 1);
  const paragraphs = findParagraphs(bodyLines);
  const firstParagraph = paragraphs[0];
  const lastParagraph = paragraphs[paragraphs.length - 1];
  if (!firstParagraph || !lastParagraph) {
    diagnostics.push(
      diagnosticAt(text, titleLine.end, 'error', 'Unexpected end of article, expected a body after the title', `${RULE}:body`),
    );
    return { article: null, diagnostics };
  }

  const inline: CitedUrl[] = [];
  for (const p of paragraphs) {
    const slice = text.slice(p.start, p.end);
    for (const m of slice.matchAll(URL_IN_TEXT)) {
      const url = trimUrl(m[0]);
      if (!isHttpUrl(url)) continue;
      const start = p.start + (m.index ?? 0);
      inline.push({ start, end: start + url.length, url, trailing: false });
    }
  }

  return {
    article: {
      text,
      publishedOn: header.publishedOn,
      url: header.url,
      title: text.slice(titleStart, titleEnd),
      titleStart,
      titleEnd,
      bodyStart: firstParagraph.start,
      bodyEnd: lastParagraph.end,
      paragraphs,
      citedUrls: [...inline, ...trailing],
    },
    diagnostics,
  };
}
