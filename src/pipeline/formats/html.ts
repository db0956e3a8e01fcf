/**
 * A saved article page (.html, .htm) -> its article: the main text without navigation, ads, captions, comments or
 * scripts, in paragraphs and sub-headings as the markup has them; the links inside it as citations with their
 * anchor text; the publication date, title, canonical URL and outlet from the page's metadata.
 *
 * The page is read by htmlparser2 (the tokenizer of cheerio and linkedom: streaming, forgiving like a browser, with
 * the offset of every tag). Mozilla's Readability on a DOM was measured first: ≈ 250 ms for a 100 KB page on linkedom
 * (4 pages a second); this reader keeps Readability's way of finding the text (the container whose paragraphs hold
 * the most prose, links discounted, class and id names that say "comment", "share", "promo"… set aside) in one pass
 * over a light tree.
 *
 * Metadata, in this order of trust: schema.org Article JSON-LD (datePublished, headline, url, publisher), Open Graph
 * (article:published_time, og:title, og:url, og:site_name), then the page itself (<time datetime>, <h1>, <title>,
 * <link rel=canonical>). A timestamp's day is the calendar day in its own offset: "2021-11-20T23:30:00-05:00" was
 * published on the 20th where it was written, whatever day it was in UTC.
 *
 * Markup never reaches the article: only text is kept, script, style, iframes, forms and the like are dropped whole,
 * and only http(s) links become citations (javascript:, data: and the rest are left out).
 */
import { Parser } from 'htmlparser2';
import { diagnosticAt, positionAt, type Diagnostic } from '../diagnostic.ts';
import { isHttpUrl, isRealDate } from '../parse-article.ts';
import { hostOf } from '../citations.ts';
import { collapseSpace, composeArticle, type Block, type FormatResult, type Link } from './compose.ts';

const RULE = 'html';

type Attrs = Record<string, string>;
type El = { tag: string; attrs: Attrs; at: number; parent: El | null; children: Node[]; skip: boolean };
type Node = El | string;

/** Dropped with everything inside them: never text of the article. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas',
  'video', 'audio', 'select', 'textarea', 'input', 'option',
]);
/** Kept in the tree (a title may sit in a page's header) but never part of the article's text. */
const SKIPPED = new Set(['nav', 'footer', 'aside', 'header', 'figcaption', 'figure', 'form', 'button', 'dialog', 'menu', 'label']);
/** AMP's elements carry ads, menus, analytics and embeds; of them only images (no text) are part of an article. */
const AMP_KEPT = new Set(['amp-img', 'amp-fit-text']);
/** Elements that end a paragraph: everything else is inline. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'body', 'address', 'details', 'summary',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Class or id words of what is not the article's text (Readability's "unlikely candidates", in part). */
const UNLIKELY = /(?:^|[\s_-])(?:comments?|share|sharing|social|related|recirc|promo|advert|ads?|sponsor(?:ed)?|newsletter|subscribe|signup|regwall|paywall-prompt|byline|caption|credit|breadcrumbs?|tags|sidebar|widget|most-popular|popular|dateline|meta|cookie|consent|modal|popup|outbrain|taboola|author-bio|disclaimer|skip|toolbar|masthead|timestamp)(?:$|[\s_-])/i;
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report)$/;

type Meta = {
  jsonLd: { value: unknown; at: number }[];
  props: Map<string, { content: string; at: number }>;
  canonical: { href: string; at: number } | null;
  base: string | null;
  title: string;
  times: { value: string; at: number }[];
  headAt: number;
  htmlAt: number;
};

const LANDMARKS = /^(?:navigation|complementary|banner|contentinfo|search)$/;

/** The page as a light tree (dropped elements kept as empty markers for their offsets), its elements in document order, and its metadata. */
function readPage(html: string, diagnostics: Diagnostic[]): { root: El; meta: Meta; elements: El[] } {
  const root: El = { tag: '#root', attrs: {}, at: 0, parent: null, children: [], skip: false };
  const elements: El[] = [];
  const meta: Meta = { jsonLd: [], props: new Map(), canonical: null, base: null, title: '', times: [], headAt: -1, htmlAt: -1 };
  let current = root;
  let dropDepth = 0;
  let dropTag = '';
  let script: { at: number; text: string } | null = null;
  let inTitle = false;
  // A page repeats its class names: each distinct one is tested once.
  const unlikely = new Map<string, boolean>();
  const isUnlikely = (names: string) => {
    let u = unlikely.get(names);
    if (u === undefined) unlikely.set(names, (u = UNLIKELY.test(names)));
    return u;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const at = parser.startIndex;
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth++;
          return;
        }
        if (name === 'html' && meta.htmlAt < 0) meta.htmlAt = at;
        if (name === 'head' && meta.headAt < 0) meta.headAt = at;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? '').toLowerCase();
          if (key !== '' && attrs['content'] !== undefined && !meta.props.has(key)) meta.props.set(key, { content: attrs['content'], at });
        }
        if (name === 'link' && /(?:^|\s)canonical(?:$|\s)/i.test(attrs['rel'] ?? '') && attrs['href'] && !meta.canonical) meta.canonical = { href: attrs['href'], at };
        if (name === 'base' && attrs['href'] && meta.base === null) meta.base = attrs['href'];
        if (name === 'time' && attrs['datetime']) meta.times.push({ value: attrs['datetime'], at });
        if (name === 'script' && /ld\+json/i.test(attrs['type'] ?? '')) script = { at, text: '' };
        if (DROPPED.has(name) || (name.startsWith('amp-') && !AMP_KEPT.has(name)) || attrs['hidden'] !== undefined || attrs['aria-hidden'] === 'true') {
          if (!VOID.has(name)) {
            dropDepth = 1;
            dropTag = name;
          }
          return;
        }
        if (VOID.has(name) && name !== 'br' && name !== 'hr') return;
        const cls = attrs['class'];
        const id = attrs['id'];
        const role = attrs['role'];
        const skip = SKIPPED.has(name) || ((cls !== undefined || id !== undefined) && isUnlikely(`${cls ?? ''} ${id ?? ''}`)) || (role !== undefined && LANDMARKS.test(role));
        const el: El = { tag: name, attrs, at, parent: current, children: [], skip };
        current.children.push(el);
        elements.push(el);
        if (!VOID.has(name)) current = el;
      },
      ontext(text) {
        if (script) script.text += text;
        else if (inTitle) meta.title += text;
        else if (dropDepth === 0) current.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (script && name === 'script') {
          const s = script as { at: number; text: string };
          script = null;
          try {
            meta.jsonLd.push({ value: JSON.parse(s.text) as unknown, at: s.at });
          } catch {
            diagnostics.push(diagnosticAt(html, s.at, 'warning', 'Unexpected text that is not JSON in <script type="application/ld+json">, expected schema.org JSON-LD; it is left out', `${RULE}:json-ld`));
          }
        }
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth--;
          return;
        }
        // Close up to the matching element (htmlparser2 reports implied closes too).
        for (let el: El | null = current; el && el !== root; el = el.parent) {
          if (el.tag === name) {
            current = el.parent ?? root;
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { root, meta, elements };
}

/** Every JSON-LD object that is an article (in arrays and @graph too). */
function articleObjects(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) articleObjects(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPE.test(t))) out.push(o);
    if (o['@graph']) articleObjects(o['@graph'], out);
  }
  return out;
}

function typesOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) typesOf(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    out.push(...([] as unknown[]).concat(o['@type'] ?? []).map(String));
    if (o['@graph']) typesOf(o['@graph'], out);
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const idOf = (v: unknown): string | null => str(v) ?? (v && typeof v === 'object' ? str((v as Record<string, unknown>)['@id']) ?? str((v as Record<string, unknown>)['url']) : null);

/**
 * The calendar day of a timestamp as written: its own date part, in its own offset ("2021-11-20T23:30-05:00" is the
 * 20th). Null when it is not an ISO 8601 date or not a real day.
 */
export function dayOfTimestamp(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

type Candidate = { value: string; at: number; where: string };

/** The publication date: the first source in the order of trust that gives a real day; a bad value is named. */
function publicationDate(html: string, meta: Meta, ld: Record<string, unknown>[], ldAt: number, diagnostics: Diagnostic[]): string | null {
  const candidates: Candidate[] = [];
  for (const o of ld) {
    const v = str(o['datePublished']);
    if (v) candidates.push({ value: v, at: ldAt, where: 'JSON-LD datePublished' });
  }
  for (const key of ['article:published_time', 'datepublished', 'og:published_time']) {
    const p = meta.props.get(key);
    if (p) candidates.push({ value: p.content, at: p.at, where: key });
  }
  for (const t of meta.times) candidates.push({ value: t.value, at: t.at, where: '<time datetime>' });
  for (const c of candidates) {
    const day = dayOfTimestamp(c.value);
    if (day) return day;
    diagnostics.push(diagnosticAt(html, c.at, 'warning', `Unexpected ${c.where} "${c.value.slice(0, 40)}", expected an ISO 8601 date (YYYY-MM-DD…); the next source is tried`, `${RULE}:date`));
  }
  return null;
}

/** Resolves an href against the page's URL; only http(s) URLs are kept. */
function resolveHref(href: string, base: string | null): string | null {
  const h = href.trim();
  if (/^(?:javascript|data|vbscript|mailto|tel|file):/i.test(h) || h.startsWith('#')) return null;
  try {
    const url = base ? new URL(h, base).href : new URL(h).href;
    return isHttpUrl(url) ? url : null;
  } catch {
    return null;
  }
}

/** The text of an element, whitespace collapsed (inside skipped parts too: for scoring). */
function textOf(el: El): string {
  let out = '';
  const walk = (n: Node) => {
    if (typeof n === 'string') out += n;
    else for (const c of n.children) walk(c);
  };
  walk(el);
  return collapseSpace(out);
}

function linkTextLength(el: El): number {
  let n = 0;
  const walk = (x: Node, inLink: boolean) => {
    if (typeof x === 'string') {
      if (inLink) n += x.length;
    } else for (const c of x.children) walk(c, inLink || x.tag === 'a');
  };
  walk(el, false);
  return n;
}

/**
 * The element that holds the article's text: an element marked as the article's body (itemprop=articleBody), else
 * Readability's choice, the container whose paragraphs score highest (length and commas, links discounted).
 */
function mainContent(root: El, els: readonly El[]): El {
  const body = els.filter((e) => e.attrs['itemprop'] === 'articleBody' && !e.skip);
  if (body.length > 0) return body.reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a));
  const scores = new Map<El, number>();
  const skipped = (e: El) => {
    for (let x: El | null = e; x; x = x.parent) if (x.skip) return true;
    return false;
  };
  for (const p of els) {
    if (p.tag !== 'p' && p.tag !== 'pre' && p.tag !== 'blockquote') continue;
    if (skipped(p)) continue;
    const text = textOf(p);
    if (text.length < 25) continue;
    const score = 1 + text.split(',').length + Math.min(Math.floor(text.length / 100), 3);
    const parent = p.parent;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parent;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: El | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const length = textOf(el).length;
    const score = s * (1 - (length > 0 ? linkTextLength(el) / length : 0)) * (el.tag === 'article' || el.tag === 'main' ? 1.25 : 1);
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  if (!best) return root;
  // The article's paragraphs may sit in several siblings (a live blog's posts, a paywalled second half): take their
  // parent when another of its children scores near the best.
  const parent = best.parent;
  const chosen = best;
  if (parent && parent !== root && [...scores].some(([el, s]) => el !== chosen && el.parent === parent && s >= bestScore * 0.3)) return parent;
  return best;
}

/** The blocks of the main content: paragraphs and sub-headings, with their links. */
function blocksOf(content: El, base: string | null): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let links: Link[] = [];
  let heading = false;
  const flush = () => {
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    // A block without a letter (a live post's "23:55", a separator) is not prose.
    if (/\p{L}/u.test(trimmed)) {
      blocks.push({ text: trimmed, heading, links: links.map((l) => ({ ...l, start: l.start - lead, end: l.end - lead })).filter((l) => l.start >= 0 && l.end <= trimmed.length && l.end > l.start) });
    }
    text = '';
    links = [];
    heading = false;
  };
  const add = (s: string) => {
    const t = s.replace(/[\s\u00a0]+/g, ' ');
    text += text.endsWith(' ') || text === '' ? t.replace(/^ /, '') : t;
  };
  const walk = (el: El) => {
    if (el.skip) return;
    const block = BLOCKS.has(el.tag);
    if (block) flush();
    if (/^h[1-6]$/.test(el.tag)) heading = true;
    const linkStart = text.length;
    for (const c of el.children) {
      if (typeof c === 'string') add(c);
      else walk(c);
    }
    if (el.tag === 'a' && el.attrs['href'] !== undefined) {
      const url = resolveHref(el.attrs['href'], base);
      // The anchor's own text, without the spaces around it.
      let start = linkStart;
      while (start < text.length && text[start] === ' ') start++;
      let end = text.length;
      while (end > start && text[end - 1] === ' ') end--;
      if (url && end > start) links.push({ start, end, url, anchor: text.slice(start, end) });
    }
    if (block) flush();
  };
  walk(content);
  flush();
  return blocks;
}

/** "Title | Outlet", "Title - Outlet", "Title – Outlet" -> "Title". */
function titleWithoutOutlet(title: string, outlet: string): string {
  const isOutlet = (s: string) => s.trim().toLowerCase() === outlet.toLowerCase();
  for (const sep of ['|', '-', '–', '—', '·']) {
    // "Story | Outlet" is "Story"; "| Outlet" alone (a page that left its title empty) is no title at all.
    if (title.startsWith(sep) && isOutlet(title.slice(sep.length))) return '';
    const at = title.lastIndexOf(` ${sep} `);
    if (at > 0 && isOutlet(title.slice(at + sep.length + 2))) return title.slice(0, at).trim();
  }
  return title;
}

const NOT_ARTICLE_TYPES = /^(?:WebSite|CollectionPage|SearchResultsPage|ItemList|WebPage|ProfilePage|Organization|NewsMediaOrganization)$/;

/** A fragment of HTML (a feed item's content) -> its blocks, links resolved against `base`; its own problems are dropped. */
export function blocksOfHtml(fragment: string, base: string): Block[] {
  return blocksOf(readPage(fragment, []).root, base);
}

/** One saved page -> its article, or the diagnostics that say why it is not one. */
export function parseHtml(html: string): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const { root, meta, elements } = readPage(html, diagnostics);
  const headAt = Math.max(meta.headAt, meta.htmlAt, 0);
  const ld = meta.jsonLd.flatMap((j) => articleObjects(j.value).map((o) => ({ o, at: j.at })));
  const ldObjects = ld.map((x) => x.o);
  const error = (at: number, message: string, rule: string): FormatResult => ({ articles: [], diagnostics: [...diagnostics, diagnosticAt(html, at, 'error', message, `${RULE}:${rule}`)] });

  // A page that says it is not an article (a front page, a search page, a section) is refused as such.
  const ogType = meta.props.get('og:type');
  const types = meta.jsonLd.flatMap((j) => typesOf(j.value));
  const saysArticle = ld.length > 0 || ogType?.content.toLowerCase() === 'article' || meta.props.has('article:published_time');
  if (!saysArticle && (ogType || types.length > 0)) {
    const kind = ogType ? `og:type "${ogType.content}"` : `a schema.org ${types.filter((t) => NOT_ARTICLE_TYPES.test(t))[0] ?? types[0]}`;
    if (ogType?.content.toLowerCase() !== 'article' && (ogType || types.every((t) => NOT_ARTICLE_TYPES.test(t)))) {
      return error(ogType?.at ?? meta.jsonLd[0]?.at ?? headAt, `Unexpected a page that is not an article (${kind}), expected an article page (og:type article or a schema.org NewsArticle)`, 'not-article');
    }
  }
  const publishedOn = publicationDate(html, meta, ldObjects, ld[0]?.at ?? headAt, diagnostics);
  if (!publishedOn) return error(headAt, 'Unexpected a page without a publication date, expected a publication date: JSON-LD datePublished, article:published_time or <time datetime>', 'date');

  const ld0 = ldObjects[0];
  const urlCandidates = [meta.canonical?.href, meta.props.get('og:url')?.content, idOf(ld0?.['url']), idOf(ld0?.['mainEntityOfPage'])];
  const urlPlaces = [meta.canonical?.at, meta.props.get('og:url')?.at, ld[0]?.at, ld[0]?.at];
  const urls = urlCandidates.map((u) => (u ? resolveHref(u, meta.base) : null));
  const chosen = urls.findIndex((u) => u !== null);
  const url = urls[chosen] ?? null;
  if (!url) return error(meta.canonical?.at ?? headAt, "Unexpected a page without its address, expected the article's http(s) URL: <link rel=canonical>, og:url or JSON-LD url", 'url');

  const content = mainContent(root, elements);
  const blocks = blocksOf(content, url);
  // Prose: the paragraphs' text that is not link text (a page of links has none).
  const prose = blocks.filter((b) => !b.heading).reduce((n, b) => n + b.text.length - b.links.reduce((k, l) => k + l.end - l.start, 0), 0);
  const h1 = elements.find((e) => e.tag === 'h1');
  const publisher = ld0?.['publisher'];
  const outlet = collapseSpace(meta.props.get('og:site_name')?.content ?? (publisher && typeof publisher === 'object' ? str((publisher as Record<string, unknown>)['name']) ?? '' : '')) || hostOf(url);
  const title = collapseSpace(str(ld0?.['headline']) ?? meta.props.get('og:title')?.content ?? (h1 ? textOf(h1) : '')) || titleWithoutOutlet(collapseSpace(meta.title), outlet);
  // The title repeated as the first block of the body is the title, not a paragraph.
  while (blocks[0] && collapseSpace(blocks[0].text) === title) blocks.shift();
  if (prose < 80 || blocks.length === 0) {
    return error(content.at, `Unexpected a page with ${prose} characters of article text, expected the text of an article (a front page, a search page or a page of links is not one)`, 'not-article');
  }
  if (title === '') return error(headAt, 'Unexpected a page without a title, expected JSON-LD headline, og:title, <h1> or <title>', 'title');
  const urlAt = positionAt(html, urlPlaces[chosen] ?? headAt);
  const composed = composeArticle({ publishedOn, url, title, blocks, origin: { format: 'html', fromSummary: false, outlet }, urlAt }, positionAt(html, content.at));
  return { articles: composed.article ? [composed.article] : [], diagnostics: [...diagnostics, ...composed.diagnostics] };
}
