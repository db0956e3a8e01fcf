/**
 * The whole pipeline, pure: article texts in, dataset out. The CLI (scripts/build-data.ts) and the in-browser
 * import both call it; they only do the I/O around it.
 *
 *   extractArticle: one file -> its parsed article, citations, dated expressions and events (cacheable per file)
 *   assembleDataset: every extraction -> index.json + one detail file per article, events merged across articles
 */
import { diagnosticAt, hasErrors, type Diagnostic } from './diagnostic.ts';
import { articlePlace, byteLimitOf, splitItemFileName, unitLabel, type ArticlePlace } from './article-units.ts';
import { checkArticleText } from './article-limit.ts';
import { parseInput, type InputOptions } from './formats/parse-input.ts';
export type { InputOptions };
import type { FormatArticle, FormatItem } from './formats/compose.ts';
import { splitSentences } from './split-sentences.ts';
import { buildCitations, hostOf } from './citations.ts';
import { buildEvents } from './build-events.ts';
import { groupFieldsOf, mergeInputOf, planMerge, summaryOfGroup, withGroup, type GroupFields } from './merge-events.ts';
import { articleIdOf, hashId } from './ids.ts';
import {
  SCHEMA_VERSION,
  type ArticleDetail,
  type ArticleSummary,
  type DatasetIndex,
  type EventDetail,
  type EventSummary,
  type SearchIndex,
  type Section,
  type Timex,
} from './schema.ts';

/** The temporal tagger, injected so the pipeline can be tested with any tagger. */
export type Tagger = (text: string, dct: string) => Omit<Timex, 'id'>[];

export type Extraction = {
  file: string;
  article: ArticleDetail['article'];
  events: EventDetail[];
};

export type ExtractResult = { extraction: Extraction | null; diagnostics: Diagnostic[] };

/** Blank out what is not prose (the date line, URLs) so the tagger never reads a date in an address. */
function proseOnly(text: string, blanks: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const b of [...blanks].sort((x, y) => x.start - y.start)) {
    if (b.start < at) continue;
    out += text.slice(at, b.start) + ' '.repeat(b.end - b.start);
    at = b.end;
  }
  return out + text.slice(at);
}

function sectionsOf(headings: readonly { start: number; end: number }[], bodyEnd: number, text: string): Section[] {
  return headings.map((h, i) => {
    const next = headings[i + 1];
    return { heading: text.slice(h.start, h.end), headingStart: h.start, headingEnd: h.end, start: h.end, end: next ? next.start : bodyEnd };
  });
}

/** One file -> the extraction of its first article (a text file or a page has one), or null with the reasons. */
export function extractArticle(file: string, input: string, tag: Tagger, options: InputOptions = {}): ExtractResult {
  const r = extractArticles(file, input, tag, options);
  const first = r.items[0];
  const diagnostics = [...r.diagnostics, ...(first?.diagnostics ?? [])];
  return { extraction: hasErrors(diagnostics) ? null : (first?.extraction ?? null), diagnostics };
}

/** Each article of a file (a feed or an export has several): its extraction or null, and its own problems; and the file's. */
export type ExtractAllResult = { items: ExtractResult[]; diagnostics: Diagnostic[] };

/** One file -> the extraction of each of its articles; a bad one does not stop the others. */
export function extractArticles(file: string, input: string, tag: Tagger, options: InputOptions = {}): ExtractAllResult {
  const oversize = checkArticleText(input, byteLimitOf(file));
  if (oversize) return { items: [], diagnostics: [oversize] };
  const parsed = parseInput(file, input, options);
  const items = parsed.items.map((item): ExtractResult => {
    if (!item.article || hasErrors(item.diagnostics)) return { extraction: null, diagnostics: item.diagnostics };
    const r = extractParsed(file, item.article, tag);
    return { extraction: r.extraction, diagnostics: [...item.diagnostics, ...r.diagnostics] };
  });
  return { items, diagnostics: parsed.diagnostics };
}

/**
 * The unit the build and the import store: a file, or one article of a file of several ("feed.xml#0003"). Its
 * problems are the article's own; the file's own problems go with its first article (or the file, when it has none).
 */
export function extractUnit(name: string, input: string, tag: Tagger, options: InputOptions = {}, parse: typeof parseInput = parseInput): ExtractResult {
  const { file, k } = splitItemFileName(name);
  if (k === null) return extractArticle(file, input, tag, options);
  const oversize = checkArticleText(input, byteLimitOf(file));
  if (oversize) return { extraction: null, diagnostics: [oversize] };
  // Only this article goes through the pipeline: the file is parsed, its other articles are not tagged.
  const parsed = parse(file, input, options);
  const found = parsed.items[k];
  if (!found) return { extraction: null, diagnostics: [...parsed.diagnostics, { severity: 'error', line: 1, column: 1, message: `Unexpected a file of ${parsed.items.length} articles, expected an article number ${k + 1}`, rule: 'build-dataset:item' }] };
  return extractItem(name, found, k === 0 ? parsed.diagnostics : [], tag);
}

/**
 * One article of a file of several, as parsed (`found`, its k-th item), through the pipeline. `fileDiagnostics`:
 * the problems of the file as a whole, which its first article carries.
 */
export function extractItem(name: string, found: FormatItem, fileDiagnostics: readonly Diagnostic[], tag: Tagger): ExtractResult {
  const item: ExtractResult = !found.article || hasErrors(found.diagnostics) ? { extraction: null, diagnostics: found.diagnostics } : (() => {
    const x = extractParsed(name, found.article, tag);
    return { extraction: x.extraction, diagnostics: [...found.diagnostics, ...x.diagnostics] };
  })();
  const diagnostics = [...fileDiagnostics, ...item.diagnostics];
  return { extraction: hasErrors(diagnostics) ? null : item.extraction, diagnostics };
}

function extractParsed(file: string, a: FormatArticle, tag: Tagger): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  const articleId = articleIdOf(a.url);
  const { sentences, headings } = splitSentences(a.text, a.paragraphs);
  const citations = buildCitations(a.text, a.citedUrls, sentences, (url, n) => `c-${hashId(articleId, url, String(n))}`);
  const firstLineEnd = a.text.search(/\r\n|\n|\r|$/);
  // A link's anchor text is prose (only an address written out is blanked).
  const prose = proseOnly(a.text, [{ start: 0, end: firstLineEnd }, ...a.citedUrls.filter((u) => u.anchor === undefined)]);
  let tagged: Omit<Timex, 'id'>[];
  try {
    tagged = tag(prose, a.publishedOn);
  } catch (error) {
    diagnostics.push(diagnosticAt(a.text, a.bodyStart, 'error', `Unexpected failure of the date tagger (${String(error)}), expected dated expressions`, 'temporal:crash'));
    return { extraction: null, diagnostics };
  }
  const timexes: Timex[] = tagged.map((t, i) => ({ ...t, id: `t${i}` }));
  const events = buildEvents({
    articleId,
    text: a.text,
    publishedOn: a.publishedOn,
    title: { start: a.titleStart, end: a.titleEnd },
    paragraphs: a.paragraphs,
    sentences,
    citations,
    timexes,
  });
  const article: ArticleDetail['article'] = {
    id: articleId,
    title: a.title,
    url: a.url,
    publishedOn: a.publishedOn,
    source: hostOf(a.url),
    eventCount: events.length,
    text: a.text,
    titleStart: a.titleStart,
    titleEnd: a.titleEnd,
    bodyStart: a.bodyStart,
    bodyEnd: a.bodyEnd,
    paragraphs: a.paragraphs,
    sentences,
    sections: sectionsOf(headings, a.bodyEnd, a.text),
    citations,
    timexes,
    ...(a.origin.format === 'text' ? {} : { format: a.origin.format }),
    ...(a.origin.outlet === null ? {} : { outlet: a.origin.outlet }),
    ...(a.origin.fromSummary ? { fromSummary: true } : {}),
    ...(a.origin.at && a.origin.format !== 'text' ? { sourceAt: a.origin.at } : {}),
  };
  return { extraction: { file, article, events }, diagnostics };
}

/** An article's part of search.json: each of its events by its own id (an alias, once merged) with its excerpts' text. */
export function searchEntriesOf(events: readonly EventDetail[]): [string, string][] {
  return events.map((e) => [e.id, e.excerpts.map((x) => x.text).join('\n')]);
}

export type Dataset = { index: DatasetIndex; articles: Map<string, ArticleDetail>; search: SearchIndex };
export type AssembleResult = { dataset: Dataset; rejected: { file: string; diagnostics: Diagnostic[] }[] };

/** The order of index.json and of each article file's events: by start (or end, when open at the start), then id. */
export function compareEvents(a: Pick<EventSummary, 'id' | 'start' | 'end'>, b: Pick<EventSummary, 'id' | 'start' | 'end'>): number {
  const as = a.start ?? a.end ?? '';
  const bs = b.start ?? b.end ?? '';
  return as < bs ? -1 : as > bs ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The least an extraction must tell for the duplicate check: its file, and its article's id, URL and text (the date line suffices). */
type Identified = { file: string; article: ArticlePlace & { id: string } };

/**
 * Each article once: of files with the same URL (the same article id) the first by file name is kept, the
 * others are rejected with a diagnostic at the URL. Returns the kept ones in order of article id.
 */
export function firstOfEachArticle<X extends Identified>(extractions: readonly X[]): { kept: X[]; rejected: AssembleResult['rejected'] } {
  const rejected: AssembleResult['rejected'] = [];
  const byId = new Map<string, X>();
  for (const x of [...extractions].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const first = byId.get(x.article.id);
    if (first) {
      rejected.push({
        file: x.file,
        diagnostics: [{ severity: 'error', ...articlePlace(x.article), message: `Unexpected duplicate of the article ${x.article.url}, expected each article once (first read from ${unitLabel(first.file)})`, rule: 'build-dataset:duplicate' }],
      });
      continue;
    }
    byId.set(x.article.id, x);
  }
  return { kept: [...byId.values()].sort((a, b) => (a.article.id < b.article.id ? -1 : 1)), rejected };
}

/** Extractions in any order -> a deterministic dataset. Duplicates of an article (same URL) are rejected. */
export function assembleDataset(extractions: readonly Extraction[]): AssembleResult {
  const { kept, rejected } = firstOfEachArticle(extractions);
  const byId = new Map(kept.map((x) => [x.article.id, x]));
  const publishedOf = (id: string) => byId.get(id)?.article.publishedOn ?? '';
  const all = kept.flatMap((x) => x.events);
  const groups = planMerge(all.map(mergeInputOf), publishedOf);
  const summaries: EventSummary[] = [];
  const fieldsOf = new Map<EventDetail, GroupFields>();
  for (const g of groups) {
    const members = g.map((i) => all[i] as EventDetail);
    const summary = summaryOfGroup(members);
    summaries.push(summary);
    if (members.length > 1) for (const m of members) fieldsOf.set(m, groupFieldsOf(summary));
  }
  summaries.sort(compareEvents);
  const articles = new Map<string, ArticleDetail>();
  const summariesOfArticles: ArticleSummary[] = [];
  const search: SearchIndex = { schemaVersion: SCHEMA_VERSION, events: [] };
  for (const x of kept) {
    const id = x.article.id;
    // An event told by several articles is in each article's file with that article's excerpts, dating and
    // citations: the files stay linear in size; the app gathers the rest from the other articles' files.
    const events = x.events.map((e) => {
      const g = fieldsOf.get(e);
      return g ? withGroup(e, g) : e;
    });
    events.sort(compareEvents);
    articles.set(id, { schemaVersion: SCHEMA_VERSION, article: x.article, events });
    summariesOfArticles.push({ id, title: x.article.title, url: x.article.url, publishedOn: x.article.publishedOn, source: x.article.source, eventCount: x.article.eventCount });
  }
  // search.json in the order of the files (the build writes it as the files are read).
  for (const x of [...kept].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) search.events.push(...searchEntriesOf(x.events));
  summariesOfArticles.sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id < b.id ? -1 : 1));
  return { dataset: { index: { schemaVersion: SCHEMA_VERSION, articles: summariesOfArticles, events: summaries }, articles, search }, rejected };
}
