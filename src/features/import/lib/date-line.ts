/**
 * A pasted text often lacks the first line the pipeline needs (` date YYYY-MM-DD URL`). The import asks for the
 * date and URL instead and writes the line itself.
 */
import { isHttpUrl, isRealDate } from '../../../pipeline/parse-article.ts';

/** Whether the first non-blank line is meant as a date line (then the pipeline judges it, with a diagnostic if bad). */
export function hasDateLine(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((l) => l.trim() !== '');
  return first !== undefined && /^\s*date(\s|$)/.test(first);
}

export type DateLineProblem = { field: 'date' | 'url'; message: string };

/** What is wrong with a date and URL typed into the form, field by field (empty when both are good). */
export function checkDateLine(date: string, url: string): DateLineProblem[] {
  const problems: DateLineProblem[] = [];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) problems.push({ field: 'date', message: 'Enter the publication date as YYYY-MM-DD.' });
  else if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) problems.push({ field: 'date', message: 'Enter a real calendar date.' });
  if (!isHttpUrl(url.trim()) || /\s/.test(url.trim())) problems.push({ field: 'url', message: "Enter the article's address, starting with http:// or https://." });
  return problems;
}

/** The text with a date line put before it (leading blank lines dropped so the title follows). */
export function withDateLine(text: string, date: string, url: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, '');
  return ` date ${date.trim()} ${url.trim()}\n\n${body}`;
}
