/**
 * The names and places of articles inside files: a feed or an export holds several, each named "feed.xml#0003" in
 * the build and the import (its k-th article), and read by people as "feed.xml, item 3". Small and free of the
 * pipeline's weight: the app's main thread uses it too.
 */
import { MAX_ARTICLE_BYTES, MAX_MULTI_FILE_BYTES } from './article-limit.ts';
import { positionAt } from './diagnostic.ts';

/** The files of several articles: feeds (.xml, .rss, .atom, a JSON Feed's .json) and news exports (.json, .jsonl). */
const MULTI_ARTICLE_FILE = /\.(?:xml|rss|atom|json|jsonl|ndjson)$/i;

/** True for the formats of several articles a file (feeds, exports; formats/parse-input.ts reads them). */
export function isMultiArticleFile(name: string): boolean {
  return MULTI_ARTICLE_FILE.test(name);
}

/** The most bytes a file may have: a feed or an export holds many articles (each held to the article cap on its own). */
export function byteLimitOf(name: string): number {
  return isMultiArticleFile(name) ? MAX_MULTI_FILE_BYTES : MAX_ARTICLE_BYTES;
}

/** The name of a file's k-th article (0-based) when the file holds several: "feed.xml#0003" (sorted as they come). */
export function itemFileName(file: string, k: number): string {
  return `${file}#${String(k + 1).padStart(4, '0')}`;
}

/** "feed.xml#0003" -> { file: "feed.xml", k: 2 }; a plain name -> k null. */
export function splitItemFileName(name: string): { file: string; k: number | null } {
  const m = /^(.*)#(\d+)$/.exec(name);
  return m ? { file: m[1] as string, k: Number(m[2]) - 1 } : { file: name, k: null };
}

export type ArticlePlace = { url: string; text: string; sourceAt?: { line: number; column: number } | undefined };

/** Where a problem of a whole article is reported: its place in its file (sourceAt), or its URL in its date line. */
export function articlePlace(article: ArticlePlace): { line: number; column: number } {
  return article.sourceAt ?? positionAt(article.text, Math.max(article.text.indexOf(article.url), 0));
}

/** A unit as a person reads it: "feed.xml#0003" -> "feed.xml, item 3"; a plain name as it is. */
export function unitLabel(name: string): string {
  const { file, k } = splitItemFileName(name);
  return k === null ? file : `${file}, item ${k + 1}`;
}
