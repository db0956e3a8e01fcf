/**
 * A news export -> one article per record: JSON Lines (.jsonl, one record a line) or JSON (.json: an array of
 * records, or an object holding one — NewsAPI's {articles: [...]}, the Guardian's {response: {results: [...]}}, GDELT's
 * {articles: [...]}, or any {items|data|results|docs|records: [...]}).
 *
 * A mapping says which key of a record holds what; dotted paths reach into objects ("fields.bodyText"). Without one,
 * each field takes the first key present of its defaults, which cover the shapes news APIs return:
 *
 *   date   publishedAt, webPublicationDate, datePublished, date_published, published_at, published, pubDate, seendate, date
 *   url    url, webUrl, link, uri, canonical_url
 *   title  title, webTitle, headline, name
 *   body   fields.bodyText, content, body, text, article, fields.body, description, summary
 *
 * A mapping names one key (or several, tried in order) per field: `{ "date": "meta.when", "body": ["text", "summary"] }`;
 * the build reads it from `dateline.json` in the articles folder (see README). A record without a mapped field is
 * reported at its line (its line and column in a .json) with the keys tried.
 *
 * NewsAPI truncates `content` ("… [+1234 chars]"): such a body is the source's summary, and the article says so.
 */
import { isHttpUrl } from '../parse-article.ts';
import { blocksOfText, collapseSpace, composeArticle, diagnosticAtPosition, type FormatItem, type ItemsResult, type Position } from './compose.ts';
import { blocksOfHtml } from './html.ts';
import { dayOfFeedDate } from './feed.ts';
import { elementOffsets, positionOfOffset } from './json-positions.ts';

const RULE = 'export';

export type ExportField = 'date' | 'url' | 'title' | 'body';
export type ExportMapping = Partial<Record<ExportField, string | string[]>>;

export const DEFAULT_MAPPING: Record<ExportField, string[]> = {
  date: ['publishedAt', 'webPublicationDate', 'datePublished', 'date_published', 'published_at', 'published', 'pubDate', 'seendate', 'date'],
  url: ['url', 'webUrl', 'link', 'uri', 'canonical_url'],
  title: ['title', 'webTitle', 'headline', 'name'],
  body: ['fields.bodyText', 'content', 'body', 'text', 'article', 'fields.body', 'description', 'summary'],
};

const LIST_KEYS = ['articles', 'results', 'items', 'data', 'docs', 'records'];
const TRUNCATED = /\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$/;

function at(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const k of path.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function keysOf(mapping: ExportMapping, field: ExportField): string[] {
  const m = mapping[field];
  return m === undefined ? DEFAULT_MAPPING[field] : ([] as string[]).concat(m);
}

function pick(record: unknown, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = at(record, k);
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

/** GDELT writes its dates compact: 20220412T140500Z. */
function dayOfExportDate(value: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?$/.exec(value.trim());
  return dayOfFeedDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value);
}

function recordArticle(record: unknown, where: Position, mapping: ExportMapping): FormatItem {
  const missing = (field: ExportField) => {
    const keys = keysOf(mapping, field);
    return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', `Unexpected a record without its ${field}, expected ${keys.length > 1 ? 'one of the keys' : 'the key'} ${keys.map((k) => `"${k}"`).join(', ')}`, `${RULE}:${field}`)] };
  };
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', `Unexpected ${Array.isArray(record) ? 'an array' : JSON.stringify(record)?.slice(0, 20) ?? 'nothing'}, expected a record (a JSON object)`, `${RULE}:record`)] };
  }
  const date = pick(record, keysOf(mapping, 'date'));
  if (date === null) return missing('date');
  const day = dayOfExportDate(date);
  if (!day) return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', `Unexpected date "${date.slice(0, 40)}", expected an ISO 8601 or RFC 822 date`, `${RULE}:date`)] };
  const url = pick(record, keysOf(mapping, 'url'));
  if (url === null) return missing('url');
  if (!isHttpUrl(url.trim())) return { article: null, diagnostics: [diagnosticAtPosition(where, 'error', `Unexpected URL "${url.slice(0, 60)}", expected an http(s) URL for the article`, `${RULE}:url`)] };
  const title = pick(record, keysOf(mapping, 'title'));
  if (title === null) return missing('title');
  let body = pick(record, keysOf(mapping, 'body'));
  if (body === null) return missing('body');
  const truncated = TRUNCATED.test(body);
  if (truncated) body = body.replace(TRUNCATED, '…');
  const blocks = /<(?:p|div|br|a|h[1-6])\b/i.test(body) ? blocksOfHtml(body, url.trim()) : blocksOfText(body);
  const composed = composeArticle({ publishedOn: day, url: url.trim(), title: collapseSpace(title), blocks, origin: { format: 'export', fromSummary: truncated, outlet: null } }, where);
  return { article: composed.article, diagnostics: composed.diagnostics };
}

/** JSON Lines: one record a line (blank lines skipped); a line that is not JSON is that record's error. */
export function parseJsonLines(text: string, mapping: ExportMapping = {}): ItemsResult {
  const items: FormatItem[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, k) => {
    if (line.trim() === '') return;
    const where = { line: k + 1, column: line.length - line.trimStart().length + 1 };
    let record: unknown;
    try {
      record = JSON.parse(line) as unknown;
    } catch (error) {
      items.push({ article: null, diagnostics: [diagnosticAtPosition(where, 'error', `Unexpected a line that is not JSON (${error instanceof Error ? error.message : String(error)}), expected one record a line`, `${RULE}:json`)] });
      return;
    }
    items.push(recordArticle(record, where, mapping));
  });
  return { items, diagnostics: [] };
}

/** JSON: an array of records, or an object that holds one (parsed already; `json` its text, for the records' places). */
export function parseJsonExport(json: string, value: unknown, mapping: ExportMapping = {}): ItemsResult {
  let path: string[] | null = null;
  if (Array.isArray(value)) path = [];
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const inner = o['response'] && typeof o['response'] === 'object' ? (o['response'] as Record<string, unknown>) : null;
    const key = LIST_KEYS.find((k) => Array.isArray(o[k]));
    const innerKey = inner ? LIST_KEYS.find((k) => Array.isArray(inner[k])) : undefined;
    if (key) path = [key];
    else if (innerKey) path = ['response', innerKey];
    else if (pick(o, keysOf(mapping, 'url')) !== null) return { items: [recordArticle(o, { line: 1, column: 1 }, mapping)], diagnostics: [] };
  }
  if (path === null) {
    return { items: [], diagnostics: [diagnosticAtPosition({ line: 1, column: 1 }, 'error', `Unexpected JSON without a list of records, expected an array of records or an object with ${LIST_KEYS.map((k) => `"${k}"`).join(', ')} (or a JSON Feed)`, `${RULE}:shape`)] };
  }
  const list = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value) as unknown[];
  const offsets = elementOffsets(json, path);
  return { items: list.map((r, k) => recordArticle(r, positionOfOffset(json, offsets[k] ?? 0), mapping)), diagnostics: [] };
}
