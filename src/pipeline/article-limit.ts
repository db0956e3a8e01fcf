/**
 * The largest article the pipeline reads: 1 MiB (1,048,576 bytes of a file; as many UTF-16 code units of a text).
 * Every step's work grows linearly with an article's size, but a file past this is no article (the longest news
 * features are a few hundred KB), and its time and memory are better spent on the other files: it is rejected
 * with a diagnostic at the place where it crosses the limit, and the rest builds.
 *
 * A file of several articles (a feed, a news export) has its own, larger cap: 64 MiB (a day of a busy wire, a
 * year of an outlet's feed). Each of its articles is held to the article cap on its own: an item past it is
 * rejected at the item's line:column, and the file's other items build.
 *
 * Every input passes here: decodeText checks a file's bytes before decoding them (the CLI reads no more than the
 * limit of a larger file), extractArticle checks the text (a pasted text, or one extracted from another format),
 * composeArticle checks each article of a feed or an export.
 */
import { diagnosticAt, type Diagnostic } from './diagnostic.ts';

export const MAX_ARTICLE_BYTES = 1024 * 1024;
/** A UTF-8 file of at most MAX_ARTICLE_BYTES decodes to at most as many UTF-16 code units. */
export const MAX_ARTICLE_CHARS = MAX_ARTICLE_BYTES;
/** The largest feed or news export (a file of several articles). */
export const MAX_MULTI_FILE_BYTES = 64 * 1024 * 1024;

const RULE = 'article:size';

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

/** "an article of at most 1,048,576 bytes (1 MiB)", "a feed or a news export of at most 67,108,864 bytes (64 MiB)". */
function expected(limit: number, unit: 'bytes' | 'characters'): string {
  const what = limit > MAX_ARTICLE_BYTES ? 'a feed or a news export' : 'an article';
  return `${what} of at most ${formatCount(limit)} ${unit} (${limit / 2 ** 20} MiB)`;
}

/**
 * The diagnostic for an input of `size` bytes or characters past `limit` (the article cap unless told). `before` is
 * its text up to the limit (or a prefix of that): the diagnostic stands at its end, where the input crosses it.
 */
export function tooLarge(before: string, size: number, unit: 'bytes' | 'characters', limit: number = MAX_ARTICLE_BYTES): Diagnostic {
  return diagnosticAt(before, before.length, 'error', `Unexpected ${formatCount(size)} ${unit}, expected ${expected(limit, unit)}; the text goes on past this point`, RULE);
}

/** Null when `text` is within `limit` characters (the article cap unless told), else the diagnostic at the first character past it. */
export function checkArticleText(text: string, limit: number = MAX_ARTICLE_CHARS): Diagnostic | null {
  return text.length > limit ? tooLarge(text.slice(0, limit), text.length, 'characters', limit) : null;
}

/** The message of an article of a feed or an export past the article cap (reported at the item's place). */
export function itemTooLarge(size: number): string {
  return `Unexpected an article of ${formatCount(size)} characters, expected ${expected(MAX_ARTICLE_CHARS, 'characters')}; the item is left out, the file's other items are read`;
}
