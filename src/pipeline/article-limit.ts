/**
 * The largest article the pipeline reads: 1 MiB (1,048,576 bytes of a file; as many UTF-16 code units of a text).
 * Every step's work grows linearly with an article's size, but a file past this is no article (the longest news
 * features are a few hundred KB), and its time and memory are better spent on the other files: it is rejected
 * with a diagnostic at the place where it crosses the limit, and the rest builds.
 *
 * Every input passes here: decodeText checks a file's bytes before decoding them (the CLI reads no more than the
 * limit of a larger file), extractArticle checks the text (a pasted text, or one extracted from another format).
 */
import { diagnosticAt, type Diagnostic } from './diagnostic.ts';

export const MAX_ARTICLE_BYTES = 1024 * 1024;
/** A UTF-8 file of at most MAX_ARTICLE_BYTES decodes to at most as many UTF-16 code units. */
export const MAX_ARTICLE_CHARS = MAX_ARTICLE_BYTES;

const RULE = 'article:size';

function count(n: number): string {
  return String(n).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

/**
 * The diagnostic for an input of `size` bytes or characters past the limit. `before` is its text up to the limit
 * (or a prefix of that): the diagnostic stands at its end, where the article crosses the limit.
 */
export function tooLarge(before: string, size: number, unit: 'bytes' | 'characters'): Diagnostic {
  const limit = unit === 'bytes' ? MAX_ARTICLE_BYTES : MAX_ARTICLE_CHARS;
  return diagnosticAt(before, before.length, 'error', `Unexpected ${count(size)} ${unit}, expected an article of at most ${count(limit)} ${unit} (1 MiB); the text goes on past this point`, RULE);
}

/** Null when `text` is within the limit, else the diagnostic at the first character past it. */
export function checkArticleText(text: string): Diagnostic | null {
  return text.length > MAX_ARTICLE_CHARS ? tooLarge(text.slice(0, MAX_ARTICLE_CHARS), text.length, 'characters') : null;
}
