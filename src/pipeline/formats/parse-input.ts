/**
 * Any input file -> its articles, by the file's extension:
 *   .txt (and anything else)   the text format, one article
 *   .html, .htm                a saved page, one article
 *   .xml, .rss, .atom          an RSS 2.0 or Atom feed, one article per item
 *   .json                      a JSON Feed (its version names jsonfeed.org), else a news export
 *   .jsonl                     a news export, one record a line
 * Every format gives the same ParsedArticle, so the rest of the pipeline is one.
 */
import { parseArticle } from '../parse-article.ts';
import { diagnosticAt, hasErrors } from '../diagnostic.ts';
import type { ItemsResult } from './compose.ts';
import { parseHtml } from './html.ts';
import { isJsonFeed, parseJsonFeed, parseXmlFeed } from './feed.ts';
import { parseJsonExport, parseJsonLines, type ExportMapping } from './export.ts';

export const HTML_FILE = /\.html?$/i;
const FEED_FILE = /\.(?:xml|rss|atom)$/i;
const JSON_FILE = /\.json$/i;
const JSONL_FILE = /\.(?:jsonl|ndjson)$/i;
/** The files the build reads. */
export const INPUT_FILE = /\.(?:txt|html?|xml|rss|atom|json|jsonl|ndjson)$/i;
/** The mapping of a folder's news exports (export.ts), never an article file itself. */
export const MAPPING_FILE = 'dateline.json';

/** True for a file the build reads as articles: an input file that is not the folder's mapping. */
export function isInputFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return INPUT_FILE.test(base) && base !== MAPPING_FILE;
}

export type InputOptions = { mapping?: ExportMapping };

export function parseInput(file: string, text: string, options: InputOptions = {}): ItemsResult {
  if (HTML_FILE.test(file)) {
    const r = parseHtml(text);
    const article = r.articles[0] ?? null;
    // A page's problems are its only item's (a page with no article still has one item: the page).
    return { items: [{ article: hasErrors(r.diagnostics) ? null : article, diagnostics: r.diagnostics }], diagnostics: [] };
  }
  if (FEED_FILE.test(file)) return parseXmlFeed(text);
  if (JSONL_FILE.test(file)) return parseJsonLines(text, options.mapping);
  if (JSON_FILE.test(file)) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let value: unknown;
    try {
      value = JSON.parse(body) as unknown;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
      return { items: [], diagnostics: [diagnosticAt(body, at, 'error', `Unexpected ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected /, '')}, expected JSON (a JSON Feed or a news export)`, 'export:json')] };
    }
    return isJsonFeed(value) ? parseJsonFeed(body, value as Record<string, unknown>) : parseJsonExport(body, value, options.mapping);
  }
  const r = parseArticle(text);
  const ok = r.article !== null && !hasErrors(r.diagnostics);
  return { items: [{ article: ok && r.article ? { ...r.article, origin: { format: 'text', fromSummary: false, outlet: null } } : null, diagnostics: r.diagnostics }], diagnostics: [] };
}
