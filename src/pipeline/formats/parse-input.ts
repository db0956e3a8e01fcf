/**
 * Any input file -> its articles, by the file's extension: `.html`/`.htm` a saved page, `.txt` (and anything else)
 * the text format. Every format gives the same ParsedArticle, so the rest of the pipeline is one.
 */
import { parseArticle } from '../parse-article.ts';
import { hasErrors } from '../diagnostic.ts';
import type { FormatResult } from './compose.ts';
import { parseHtml } from './html.ts';

export const HTML_FILE = /\.html?$/i;
/** The files the build reads: text articles and saved pages. */
export const INPUT_FILE = /\.(?:txt|html?)$/i;

export function parseInput(file: string, text: string): FormatResult {
  if (HTML_FILE.test(file)) return parseHtml(text);
  const r = parseArticle(text);
  const ok = r.article !== null && !hasErrors(r.diagnostics);
  return { articles: ok && r.article ? [{ ...r.article, origin: { format: 'text', fromSummary: false, outlet: null } }] : [], diagnostics: r.diagnostics };
}
