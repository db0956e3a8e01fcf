/**
 * The whole pipeline, pure: article texts in, dataset out. The CLI (scripts/build-data.ts) and the in-browser
 * import both call it; they only do the I/O around it.
 *
 *   extractArticle: one file -> its parsed article, citations, dated expressions and events (cacheable per file)
 *   assembleDataset: every extraction -> index.json + one detail file per article, events merged across articles
 */
import { diagnosticAt, hasErrors, type Diagnostic } from './diagnostic.ts';
import { parseArticle } from './parse-article.ts';
import { splitSentences } from './split-sentences.ts';
import { buildCitations, hostOf } from './citations.ts';
import { buildEvents, mergeEvents } from './build-events.ts';
import { articleIdOf, hashId } from './ids.ts';
import {
  SCHEMA_VERSION,
  summarizeEvent,
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

export function extractArticle(file: string, input: string, tag: Tagger): ExtractResult {
  const parsed = parseArticle(input);
  const diagnostics = [...parsed.diagnostics];
  const a = parsed.article;
  if (!a || hasErrors(diagnostics)) return { extraction: null, diagnostics };
  const articleId = articleIdOf(a.url);
  const { sentences, headings } = splitSentences(a.text, a.paragraphs);
  const citations = buildCitations(a.text, a.citedUrls, sentences, (url, n) => `c-${hashId(articleId, url, String(n))}`);
  const firstLineEnd = a.text.search(/\r\n|\n|\r|$/);
  const prose = proseOnly(a.text, [{ start: 0, end: firstLineEnd }, ...a.citedUrls]);
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
  };
  return { extraction: { file, article, events }, diagnostics };
}

export type Dataset = { index: DatasetIndex; articles: Map<string, ArticleDetail>; search: SearchIndex };
export type AssembleResult = { dataset: Dataset; rejected: { file: string; diagnostics: Diagnostic[] }[] };

function compareEvents(a: EventSummary, b: EventSummary): number {
  const as = a.start ?? a.end ?? '';
  const bs = b.start ?? b.end ?? '';
  return as < bs ? -1 : as > bs ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Extractions in any order -> a deterministic dataset. Duplicates of an article (same URL) are rejected. */
export function assembleDataset(extractions: readonly Extraction[]): AssembleResult {
  const rejected: AssembleResult['rejected'] = [];
  const byId = new Map<string, Extraction>();
  for (const x of [...extractions].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const first = byId.get(x.article.id);
    if (first) {
      const at = x.article.text.indexOf(x.article.url);
      rejected.push({
        file: x.file,
        diagnostics: [diagnosticAt(x.article.text, Math.max(at, 0), 'error', `Unexpected duplicate of the article ${x.article.url}, expected each article once (first read from ${first.file})`, 'build-dataset:duplicate')],
      });
      continue;
    }
    byId.set(x.article.id, x);
  }
  const kept = [...byId.values()].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
  const publishedOf = (id: string) => byId.get(id)?.article.publishedOn ?? '';
  const merged = mergeEvents(kept.flatMap((x) => x.events), publishedOf);
  const summaries = merged.map(summarizeEvent).sort(compareEvents);
  const eventsByArticle = new Map<string, EventDetail[]>();
  for (const e of merged) {
    for (const id of e.articleIds) {
      const list = eventsByArticle.get(id) ?? [];
      list.push(e);
      eventsByArticle.set(id, list);
    }
  }
  const articles = new Map<string, ArticleDetail>();
  const summariesOfArticles: ArticleSummary[] = [];
  for (const x of kept) {
    const id = x.article.id;
    const citationIds = new Set(x.article.citations.map((c) => c.id));
    // An event told by several articles carries, in each article's file, that article's excerpts and citations:
    // the files stay linear in size; the app gathers the rest from the other articles' files.
    const events = (eventsByArticle.get(id) ?? [])
      .map((e) => (e.articleIds.length === 1 ? e : { ...e, excerpts: e.excerpts.filter((ex) => ex.articleId === id), citationIds: e.citationIds.filter((c) => citationIds.has(c)) }))
      .sort(compareEvents);
    const article = { ...x.article, eventCount: events.length };
    articles.set(id, { schemaVersion: SCHEMA_VERSION, article, events });
    summariesOfArticles.push({ id, title: article.title, url: article.url, publishedOn: article.publishedOn, source: article.source, eventCount: article.eventCount });
  }
  summariesOfArticles.sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id < b.id ? -1 : 1));
  const excerptText = new Map(merged.map((e) => [e.id, e.excerpts.map((x) => x.text).join('\n')]));
  const search: SearchIndex = { schemaVersion: SCHEMA_VERSION, events: summaries.map((e) => [e.id, excerptText.get(e.id) ?? '']) };
  return { dataset: { index: { schemaVersion: SCHEMA_VERSION, articles: summariesOfArticles, events: summaries }, articles, search }, rejected };
}
