/**
 * CSV (RFC 4180): CRLF line ends, a header row, fields quoted when they hold a comma, a quote, CR or LF, quotes
 * doubled. A cell starting with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet never runs it as a
 * formula (OWASP "CSV injection"). A UTF-8 byte-order mark leads so Excel reads the text as UTF-8.
 */
import { articleMap, sourceUrlsOf, type ExportInput } from './export-input.ts';

export const CSV_HEADER = ['id', 'start', 'end', 'precision', 'approximate', 'kind', 'label', 'excerpt', 'articles', 'published_on', 'source_urls'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, guarded against formulas and quoted when needed. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv({ events, articles, extras }: ExportInput): string {
  const byId = articleMap(articles);
  const rows = [csvRow(CSV_HEADER)];
  for (const e of events) {
    const own = e.articleIds.map((id) => byId.get(id)).filter((a) => a !== undefined);
    const x = extras?.get(e.id);
    rows.push(
      csvRow([
        e.id,
        e.start ?? '',
        e.end ?? '',
        e.precision,
        e.approximate ? 'true' : 'false',
        e.kind,
        e.label,
        x?.excerpt ?? '',
        own.map((a) => a.title).join(' | '),
        own.map((a) => a.publishedOn).join(' | '),
        sourceUrlsOf(e, byId, x).join(' '),
      ]),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
