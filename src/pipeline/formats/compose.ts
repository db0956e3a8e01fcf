/**
 * What every input format shares: an article found in a page, a feed item or a record (date, URL, title, blocks of
 * text with their links) -> the same ParsedArticle the text format gives. The article's text is written in the text
 * format (` date YYYY-MM-DD URL`, the title, one paragraph per block) and read by parseArticle, so everything after
 * it (sentences, dates, events, citations) is the same code whatever the input was. The blocks' links become the
 * article's citations, at their anchor text, carrying it.
 */
import { parseArticle, type CitedUrl, type ParsedArticle } from '../parse-article.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { itemTooLarge, MAX_ARTICLE_CHARS } from '../article-limit.ts';

export type Link = { start: number; end: number; url: string; anchor: string };
/** A paragraph or a sub-heading: whitespace-collapsed text, with its links' spans in it. */
export type Block = { text: string; links: Link[]; heading: boolean };
/**
 * Where an article came from, shown in the panel; `at`: its place in its file (a page's URL tag, a feed's item, an
 * export's record), where a problem of the whole article (a duplicate) is reported. A text file's is its date line.
 */
export type Origin = { format: 'text' | 'html' | 'feed' | 'export'; fromSummary: boolean; outlet: string | null; at?: Position };

/** `urlAt`: the place of the tag the URL came from, when it is not the place given to composeArticle. */
export type FoundArticle = { publishedOn: string; url: string; title: string; blocks: Block[]; origin: Origin; urlAt?: Position };

export type FormatArticle = ParsedArticle & { origin: Origin };
/** One file of any format -> its articles (a page: one; a feed or an export: one per item) and the problems found. */
export type FormatResult = { articles: FormatArticle[]; diagnostics: Diagnostic[] };
/** An item of a feed or a record of an export: its article, or null, and its own problems. */
export type FormatItem = { article: FormatArticle | null; diagnostics: Diagnostic[] };
/** A file of several articles: each item with its problems, and the problems of the file as a whole. */
export type ItemsResult = { items: FormatItem[]; diagnostics: Diagnostic[] };
/**
 * One article of a feed or an export as it is kept apart from its file (the build's unit files, the import's stored
 * articles): the item as the file's parse gave it, and the problems of the file as a whole (its first article's).
 * The file is parsed once for all its articles; each is then read, cached and re-extracted on its own.
 */
export type StoredUnit = { item: FormatItem; fileDiagnostics: Diagnostic[] };

export type Position = { line: number; column: number };

export function diagnosticAtPosition(where: Position, severity: Diagnostic['severity'], message: string, rule: string): Diagnostic {
  return { severity, line: where.line, column: where.column, message, rule };
}

/** Plain text (a feed's text content, an export's body) as blocks: one per paragraph (blank lines or line breaks). */
export function blocksOfText(text: string): Block[] {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => collapseSpace(p))
    .filter((p) => p !== '')
    .map((p) => ({ text: p, links: [], heading: false }));
}

/** Whitespace of any kind (line breaks, tabs, no-break spaces) as one space, trimmed. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The article as the text format writes it, parsed. `where` is the place of the input the article comes from: a
 * problem found in the composed text is reported there.
 */
export function composeArticle(found: FoundArticle, where: Position): { article: FormatArticle | null; diagnostics: Diagnostic[] } {
  const head = ` date ${found.publishedOn} ${found.url}\n${collapseSpace(found.title)}\n\n`;
  let text = head;
  const cited: CitedUrl[] = [];
  const blocks = found.blocks.filter((b) => b.text !== '');
  blocks.forEach((b, i) => {
    if (i > 0) text += '\n\n';
    const offset = text.length;
    for (const l of b.links) cited.push({ start: offset + l.start, end: offset + l.end, url: l.url, trailing: false, anchor: l.anchor });
    text += b.text;
  });
  text += '\n';
  // A feed's or an export's article is held to the article cap on its own (the file has a larger one).
  if (text.length > MAX_ARTICLE_CHARS) return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', itemTooLarge(text.length), 'article:size')] };
  const parsed = parseArticle(text);
  if (!parsed.article) {
    // The composed text is always well-formed but for an empty body: say so at the item's place in the input.
    const what = parsed.diagnostics[0]?.message ?? 'Unexpected an empty article, expected a title and a body';
    return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', what, parsed.diagnostics[0]?.rule ?? 'format:body')] };
  }
  // The anchors' spans replace the URLs parseArticle saw in the text (a URL written out in the prose stays a citation).
  const written = parsed.article.citedUrls.filter((u) => !cited.some((c) => c.start < u.end && u.start < c.end));
  const citedUrls = [...written, ...cited].sort((a, b) => a.start - b.start);
  return { article: { ...parsed.article, citedUrls, origin: { ...found.origin, at: found.urlAt ?? where } }, diagnostics: [] };
}
