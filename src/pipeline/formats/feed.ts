/**
 * A feed -> one article per item: RSS 2.0 (.xml, .rss) and Atom (.xml, .atom) read with saxes, a strict XML parser
 * that gives the line and column of every tag; JSON Feed (.json with a jsonfeed.org version) by JSON.parse.
 *
 * Each item is dated by its pubDate / published / dc:date / date_published (the calendar day of the timestamp's own
 * offset), addressed by its link, titled by its title; its text is the full content when the item has it
 * (content:encoded, Atom content, content_html / content_text), its summary otherwise (description, Atom summary,
 * summary) — and then the article says it is from the feed's summary. Content in HTML is read as a page's text is
 * (html.ts): paragraphs, sub-headings, links as citations; markup never reaches the article.
 *
 * Problems name the item's place (the line and column of its opening tag; in a JSON Feed, of its object): an item
 * without a link, without a date, without text; a file that is not XML is one error at the first bad character.
 */
import { SaxesParser } from 'saxes';
import type { Diagnostic } from '../diagnostic.ts';
import { isHttpUrl, isRealDate } from '../parse-article.ts';
import { blocksOfText, collapseSpace, composeArticle, diagnosticAtPosition, type Block, type FormatItem, type ItemsResult, type Position } from './compose.ts';
import { blocksOfHtml, dayOfTimestamp } from './html.ts';
import { elementOffsets, positionOfOffset } from './json-positions.ts';

const RULE = 'feed';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A feed's date as written: ISO 8601 (Atom, JSON Feed, dc:date) or RFC 822 (RSS: "Tue, 12 Apr 2022 23:05:00 -0400"),
 * the calendar day in the timestamp's own offset. Null when it is neither, or not a real day.
 */
export function dayOfFeedDate(value: string): string | null {
  const iso = dayOfTimestamp(value);
  if (iso) return iso;
  const m = /^\s*(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/i.exec(value);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  let y = Number(m[3]);
  if ((m[3] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
  if (mo === 0 || !isRealDate(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What a feed item gives, whatever the feed's dialect. */
type RawItem = {
  where: Position;
  title: string | null;
  link: string | null;
  date: string | null;
  content: { text: string; html: boolean } | null;
  summary: { text: string; html: boolean } | null;
};

/** An item -> its article, or why not. */
function itemArticle(item: RawItem, outlet: string | null, what: string): FormatItem {
  const error = (message: string, rule: string): FormatItem => ({ article: null, diagnostics: [diagnosticAtPosition(item.where, 'error', message, `${RULE}:${rule}`)] });
  const link = item.link?.trim() ?? '';
  if (link === '') return error(`Unexpected ${what} without a link, expected the article's http(s) URL in it`, 'link');
  if (!isHttpUrl(link)) return error(`Unexpected link "${link.slice(0, 60)}", expected an http(s) URL for the article`, 'link');
  if (item.date === null) return error(`Unexpected ${what} without a date, expected a publication date: pubDate, published, dc:date or date_published`, 'date');
  const day = dayOfFeedDate(item.date);
  if (!day) return error(`Unexpected date "${item.date.slice(0, 40)}", expected an RFC 822 or ISO 8601 date`, 'date');
  const body = item.content && collapseSpace(item.content.text) !== '' ? item.content : item.summary;
  if (!body || collapseSpace(body.text) === '') return error(`Unexpected ${what} without text, expected its content or its summary`, 'body');
  const blocks: Block[] = body.html ? blocksOfHtml(body.text, link) : blocksOfText(body.text);
  let title = collapseSpace(item.title ?? '');
  if (title === '') {
    const first = blocks[0]?.text ?? '';
    title = first.length > 80 ? `${first.slice(0, 77)}…` : first;
  }
  const fromSummary = body === item.summary;
  const composed = composeArticle({ publishedOn: day, url: link, title, blocks, origin: { format: 'feed', fromSummary, outlet } }, item.where);
  return { article: composed.article, diagnostics: composed.diagnostics };
}

/** The local name of an XML name: `content:encoded` stays whole (its prefix is part of what it means), `atom:link` is `link`. */
function nameOf(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith('atom:') ? lower.slice(5) : lower;
}

const HTML_TYPES = new Set(['html', 'text/html', 'xhtml', 'application/xhtml+xml']);

/** RSS 2.0 or Atom -> its items. */
export function parseXmlFeed(xml: string): ItemsResult {
  const parser = new SaxesParser({ position: true });
  const items: RawItem[] = [];
  let fatal: Diagnostic | null = null;
  let feedTitle: string | null = null;
  const stack: string[] = [];
  let item: RawItem | null = null;
  let itemDepth = -1;
  let text = '';
  // Atom content of type xhtml is markup inside the feed: it is written back as HTML to be read as a fragment.
  let xhtml: { depth: number; into: 'content' | 'summary'; markup: string } | null = null;
  let textType: { into: 'content' | 'summary'; html: boolean } | null = null;
  let root: string | null = null;
  parser.on('error', (e) => {
    fatal ??= diagnosticAtPosition({ line: parser.line, column: parser.column + 1 }, 'error', `Unexpected ${e.message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '')}, expected XML (an RSS 2.0 or Atom feed)`, `${RULE}:xml`);
  });
  parser.on('opentagstart', (tag) => {
    if (fatal) return;
    const name = nameOf(tag.name);
    if ((name === 'item' || name === 'entry') && !item) {
      item = { where: { line: parser.line, column: parser.column - tag.name.length - 1 }, title: null, link: null, date: null, content: null, summary: null };
      itemDepth = stack.length;
    }
  });
  parser.on('opentag', (tag) => {
    if (fatal) return;
    const name = nameOf(tag.name);
    root ??= name;
    if (xhtml) {
      const attrs = Object.entries(tag.attributes as Record<string, string>).filter(([k]) => k === 'href').map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
      xhtml.markup += `<${name.replace(/^.*:/, '')}${attrs}>`;
      stack.push(name);
      return;
    }
    stack.push(name);
    text = '';
    const attrs = tag.attributes as Record<string, string>;
    if (item && name === 'link' && attrs['href'] !== undefined && (attrs['rel'] === undefined || attrs['rel'] === 'alternate')) item.link ??= attrs['href'];
    if (item && (name === 'content' || name === 'summary')) {
      const type = (attrs['type'] ?? 'text').toLowerCase();
      if (type === 'xhtml') xhtml = { depth: stack.length, into: name, markup: '' };
      else textType = { into: name, html: HTML_TYPES.has(type) };
    }
  });
  const addText = (t: string) => {
    if (xhtml) xhtml.markup += t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    else text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    if (fatal) return;
    const name = nameOf(tag.name);
    if (xhtml) {
      if (stack.length === xhtml.depth) {
        const x = xhtml;
        xhtml = null;
        if (item) item[x.into] ??= { text: x.markup, html: true };
      } else {
        xhtml.markup += `</${name.replace(/^.*:/, '')}>`;
        stack.pop();
        return;
      }
    }
    stack.pop();
    const value = text;
    text = '';
    if (item && stack.length === itemDepth) {
      items.push(item);
      item = null;
      itemDepth = -1;
      return;
    }
    if (item) {
      const it: RawItem = item;
      if (stack.length !== itemDepth + 1) return;
      if (name === 'title') it.title ??= value;
      else if (name === 'link' && value.trim() !== '') it.link ??= value.trim();
      else if (name === 'guid' && /^https?:/i.test(value.trim()) && it.link === null) it.link = value.trim();
      else if (name === 'pubdate' || name === 'published' || name === 'dc:date') it.date ??= value.trim();
      else if (name === 'updated' && it.date === null) it.date = value.trim();
      else if (name === 'content:encoded') it.content ??= { text: value, html: true };
      else if (name === 'description') it.summary ??= { text: value, html: true };
      else if ((name === 'content' || name === 'summary') && textType) {
        it[name] ??= { text: value, html: textType.html };
        textType = null;
      }
      return;
    }
    if (name === 'title' && feedTitle === null && (stack[stack.length - 1] === 'channel' || stack[stack.length - 1] === 'feed')) feedTitle = collapseSpace(value);
  });
  try {
    parser.write(xml).close();
  } catch {
    // The error handler has recorded it.
  }
  if (fatal) return { items: [], diagnostics: [fatal] };
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf:rdf') {
    return { items: [], diagnostics: [diagnosticAtPosition({ line: 1, column: 1 }, 'error', `Unexpected an XML document of <${root ?? ''}>, expected a feed (<rss> or Atom <feed>)`, `${RULE}:xml`)] };
  }
  const what = root === 'feed' ? 'an entry' : 'an item';
  return { items: items.map((i) => itemArticle(i, feedTitle, what)), diagnostics: [] };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** True for a JSON Feed (its version names jsonfeed.org). */
export function isJsonFeed(value: unknown): boolean {
  return !!value && typeof value === 'object' && /jsonfeed\.org/.test(str((value as Record<string, unknown>)['version']) ?? '');
}

/** A JSON Feed (already parsed; `json` its text, for the items' places) -> its items. */
export function parseJsonFeed(json: string, feed: Record<string, unknown>): ItemsResult {
  const list = Array.isArray(feed['items']) ? (feed['items'] as unknown[]) : [];
  const offsets = elementOffsets(json, ['items']);
  const outlet = str(feed['title']);
  const items = list.map((raw, k) => {
    const where = positionOfOffset(json, offsets[k] ?? 0);
    const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const html = str(o['content_html']);
    const plain = str(o['content_text']);
    const summary = str(o['summary']);
    return itemArticle(
      {
        where,
        title: str(o['title']),
        link: str(o['url']) ?? str(o['external_url']),
        date: str(o['date_published']) ?? str(o['date_modified']),
        content: html !== null ? { text: html, html: true } : plain !== null ? { text: plain, html: false } : null,
        summary: summary !== null ? { text: summary, html: false } : null,
      },
      outlet,
      'an item',
    );
  });
  return { items, diagnostics: [] };
}
