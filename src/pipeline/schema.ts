/**
 * The JSON contract between the build (`npm run build:data`) and the app.
 * Both sides import this file; the app validates every JSON it fetches with it.
 *
 * Layout under public/data/:
 *   index.json                 DatasetIndex: every article and every event, lean (what the timeline needs)
 *   articles/<articleId>.json  ArticleDetail: the text, sentences, sections, citations, dated expressions
 *                              and the full events (excerpts, derivations) of one article, loaded on demand
 *   search.json                SearchIndex: every event's excerpt text, loaded when a reader first searches
 */
import * as z from 'zod/mini';

// Written with zod's functional API (`zod/mini`): the app bundles only the checks it uses. The schemas, and the
// types inferred from them, are those of the method-chaining API. zod marks its functions pure; a `.check(…)` call
// is marked here, so a bundle that uses none of these schemas (the import worker) drops them, and zod with them.

/** A count or an offset: a non-negative integer. */
const nonNegativeInt = /* @__PURE__ */ z.int().check(z.nonnegative());

export const SCHEMA_VERSION = 1 as const;

/** A calendar day, `YYYY-MM-DD`. Dates are calendar days, never instants: no time zone applies. */
export const isoDay = /* @__PURE__ */ z.string().check(z.regex(/^-?\d{4,}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));

export const precision = z.enum(['day', 'week', 'month', 'quarter', 'season', 'half', 'year', 'decade', 'century']);
export type Precision = z.infer<typeof precision>;

export const timexType = z.enum(['DATE', 'TIME', 'DURATION', 'SET']);
export type TimexType = z.infer<typeof timexType>;

/** A half-open character range [start, end) in UTF-16 code units into an article's `text`. */
export const span = z.object({ start: nonNegativeInt, end: nonNegativeInt });
export type Span = z.infer<typeof span>;

export const articleSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  publishedOn: isoDay,
  /** Host name of `url`, for lanes and filters. */
  source: z.string(),
  eventCount: nonNegativeInt,
});
export type ArticleSummary = z.infer<typeof articleSummary>;

/**
 * One event on the timeline. `start`/`end` are inclusive calendar days; null means open on that side
 * ("before 2015" has start null; "since 2014" runs to the publication date and says so with `openEnd`).
 */
export const eventSummary = z.object({
  id: z.string(),
  label: z.string(),
  start: z.nullable(isoDay),
  end: z.nullable(isoDay),
  precision,
  /** The article that told it first; `articleIds` lists every article that tells it. */
  articleId: z.string(),
  articleIds: /* @__PURE__ */ z.array(z.string()).check(z.minLength(1)),
  /** True when the date is approximate ("around", "early", "recently", bounded by "before"/"by"). */
  approximate: z.boolean(),
  /**
   * True when it goes on past `end` ("since 2014": `end` is the publication date, the last day the article
   * vouches for). An open start is `start: null`. The build always writes it; older files may lack it.
   */
  openEnd: z.optional(z.boolean()),
  /** What kind of event: the article's own publication, or a statement dated inside a text. */
  kind: z.enum(['publication', 'mention']),
  /** Other ids this event was known by (merged mentions): deep links made of them still resolve. */
  aliases: z.array(z.string()),
});
export type EventSummary = z.infer<typeof eventSummary>;

/** The summary fields of any event-like object (a detail, an app-side event with extra fields), and nothing else. */
export function summarizeEvent(e: EventSummary): EventSummary {
  return {
    id: e.id,
    label: e.label,
    start: e.start,
    end: e.end,
    precision: e.precision,
    articleId: e.articleId,
    articleIds: [...e.articleIds],
    approximate: e.approximate,
    openEnd: e.openEnd ?? false,
    kind: e.kind,
    aliases: [...e.aliases],
  };
}

export const datasetIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(articleSummary),
  events: z.array(eventSummary),
});
export type DatasetIndex = z.infer<typeof datasetIndex>;

export const interval = z.object({
  start: z.nullable(isoDay),
  end: z.nullable(isoDay),
  precision,
  approximate: z.boolean(),
});
export type Interval = z.infer<typeof interval>;

/** A temporal expression found in the text (TimeML TIMEX3), with the interval it resolves to. */
export const timex = z.extend(span, {
  id: z.string(),
  text: z.string(),
  type: timexType,
  value: z.string(),
  /** TimeML modifier: BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, START, MID, END, APPROX, SINCE … */
  mod: z.nullable(z.string()),
  /** The calendar interval for the timeline; null for durations, sets and references like PAST_REF. */
  interval: z.nullable(interval),
  /** How it was resolved, in words: "‘in April 2021’: month named with a year". */
  derivation: z.string(),
});
export type Timex = z.infer<typeof timex>;

export const sentence = z.extend(span, {
  /** Index of the paragraph holding it. */
  paragraph: nonNegativeInt,
});
export type Sentence = z.infer<typeof sentence>;

export const section = z.extend(span, {
  heading: z.string(),
  /** Range of the heading itself in the text. */
  headingStart: nonNegativeInt,
  headingEnd: nonNegativeInt,
});
export type Section = z.infer<typeof section>;

export const citation = z.object({
  id: z.string(),
  url: z.string(),
  /** Where the URL stands in the text. */
  start: nonNegativeInt,
  end: nonNegativeInt,
  host: z.string(),
  /** A date read off the URL's path (/20211112/, /2021/11/12/, /2021-11-12/), or null. */
  date: z.nullable(isoDay),
  /** A headline read off the URL's slug, or null. */
  headline: z.nullable(z.string()),
  /** The sentence of the article the citation supports, with the match score in [0, 1]; null when none matches well. */
  supports: z.nullable(z.object({ sentenceIndex: nonNegativeInt, start: z.int(), end: z.int(), score: z.number() })),
});
export type Citation = z.infer<typeof citation>;

export const excerpt = z.extend(span, {
  articleId: z.string(),
  /** The verbatim text of the article at [start, end). */
  text: z.string(),
  /** The paragraph that holds it, as a range, for showing the excerpt in context. */
  paragraphStart: nonNegativeInt,
  paragraphEnd: nonNegativeInt,
});
export type Excerpt = z.infer<typeof excerpt>;

export const dating = z.object({
  /** The expression the event was dated by, as written, with its range; null for the publication itself. */
  expression: z.nullable(z.string()),
  start: z.nullable(nonNegativeInt),
  end: z.nullable(nonNegativeInt),
  value: z.nullable(z.string()),
  /** How: "‘in April 2021’, in an article of 20 Nov 2021: month named with a year". */
  explanation: z.string(),
  /** Where the date came from: the text, a cited URL's date, or the publication date. */
  method: z.enum(['expression', 'citation', 'publication']),
});
export type Dating = z.infer<typeof dating>;

export const eventDetail = z.extend(eventSummary, {
  excerpts: /* @__PURE__ */ z.array(excerpt).check(z.minLength(1)),
  dating,
  /** Ids of citations (in the articles named by the excerpts) that support the event. */
  citationIds: z.array(z.string()),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const articleDetail = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: z.extend(articleSummary, {
    /** The whole file's text after decoding (BOM removed, CRLF kept as is): offsets point here. */
    text: z.string(),
    titleStart: nonNegativeInt,
    titleEnd: nonNegativeInt,
    bodyStart: nonNegativeInt,
    bodyEnd: nonNegativeInt,
    paragraphs: z.array(span),
    sentences: z.array(sentence),
    sections: z.array(section),
    citations: z.array(citation),
    timexes: z.array(timex),
  }),
  /**
   * Every event any excerpt of which comes from this article, with the excerpts (and citations) of this article
   * only: an event told by several articles (`articleIds`) has its other excerpts in their files.
   */
  events: z.array(eventDetail),
});
export type ArticleDetail = z.infer<typeof articleDetail>;

/**
 * The words to search, loaded on the first search: each article's events (articles in id order) by the id the
 * article's extraction gave them, with the text of their excerpts in that article. A merged event is found under
 * its id and its aliases. Kept out of index.json so the first view stays light; per article, so the build can
 * cache each article's part.
 */
export const searchIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  events: z.array(z.tuple([z.string(), z.string()])),
});
export type SearchIndex = z.infer<typeof searchIndex>;
