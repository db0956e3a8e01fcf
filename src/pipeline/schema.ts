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
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** A calendar day, `YYYY-MM-DD`. Dates are calendar days, never instants: no time zone applies. */
export const isoDay = z.string().regex(/^-?\d{4,}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const precision = z.enum(['day', 'week', 'month', 'quarter', 'season', 'half', 'year', 'decade', 'century']);
export type Precision = z.infer<typeof precision>;

export const timexType = z.enum(['DATE', 'TIME', 'DURATION', 'SET']);
export type TimexType = z.infer<typeof timexType>;

/** A half-open character range [start, end) in UTF-16 code units into an article's `text`. */
export const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof span>;

export const articleSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  publishedOn: isoDay,
  /** Host name of `url`, for lanes and filters. */
  source: z.string(),
  eventCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof articleSummary>;

/**
 * One event on the timeline. `start`/`end` are inclusive calendar days; null means open on that side
 * ("before 2015" has start null; "since 2014" runs to the publication date and says so with `openEnd`).
 */
export const eventSummary = z.object({
  id: z.string(),
  label: z.string(),
  start: isoDay.nullable(),
  end: isoDay.nullable(),
  precision,
  /** The article that told it first; `articleIds` lists every article that tells it. */
  articleId: z.string(),
  articleIds: z.array(z.string()).min(1),
  /** True when the date is approximate ("around", "early", "recently", bounded by "before"/"by"). */
  approximate: z.boolean(),
  /**
   * True when it goes on past `end` ("since 2014": `end` is the publication date, the last day the article
   * vouches for). An open start is `start: null`. The build always writes it; older files may lack it.
   */
  openEnd: z.boolean().optional(),
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
  start: isoDay.nullable(),
  end: isoDay.nullable(),
  precision,
  approximate: z.boolean(),
});
export type Interval = z.infer<typeof interval>;

/** A temporal expression found in the text (TimeML TIMEX3), with the interval it resolves to. */
export const timex = span.extend({
  id: z.string(),
  text: z.string(),
  type: timexType,
  value: z.string(),
  /** TimeML modifier: BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, START, MID, END, APPROX, SINCE … */
  mod: z.string().nullable(),
  /** The calendar interval for the timeline; null for durations, sets and references like PAST_REF. */
  interval: interval.nullable(),
  /** How it was resolved, in words: "‘in April 2021’: month named with a year". */
  derivation: z.string(),
});
export type Timex = z.infer<typeof timex>;

export const sentence = span.extend({
  /** Index of the paragraph holding it. */
  paragraph: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof sentence>;

export const section = span.extend({
  heading: z.string(),
  /** Range of the heading itself in the text. */
  headingStart: z.number().int().nonnegative(),
  headingEnd: z.number().int().nonnegative(),
});
export type Section = z.infer<typeof section>;

export const citation = z.object({
  id: z.string(),
  url: z.string(),
  /** Where the URL stands in the text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  host: z.string(),
  /** A date read off the URL's path (/20211112/, /2021/11/12/, /2021-11-12/), or null. */
  date: isoDay.nullable(),
  /** A headline read off the URL's slug, or null. */
  headline: z.string().nullable(),
  /** The sentence of the article the citation supports, with the match score in [0, 1]; null when none matches well. */
  supports: z
    .object({ sentenceIndex: z.number().int().nonnegative(), start: z.number().int(), end: z.number().int(), score: z.number() })
    .nullable(),
});
export type Citation = z.infer<typeof citation>;

export const excerpt = span.extend({
  articleId: z.string(),
  /** The verbatim text of the article at [start, end). */
  text: z.string(),
  /** The paragraph that holds it, as a range, for showing the excerpt in context. */
  paragraphStart: z.number().int().nonnegative(),
  paragraphEnd: z.number().int().nonnegative(),
});
export type Excerpt = z.infer<typeof excerpt>;

export const dating = z.object({
  /** The expression the event was dated by, as written, with its range; null for the publication itself. */
  expression: z.string().nullable(),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  value: z.string().nullable(),
  /** How: "‘in April 2021’, in an article of 20 Nov 2021: month named with a year". */
  explanation: z.string(),
  /** Where the date came from: the text, a cited URL's date, or the publication date. */
  method: z.enum(['expression', 'citation', 'publication']),
});
export type Dating = z.infer<typeof dating>;

export const eventDetail = eventSummary.extend({
  excerpts: z.array(excerpt).min(1),
  dating,
  /** Ids of citations (in the articles named by the excerpts) that support the event. */
  citationIds: z.array(z.string()),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const articleDetail = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: articleSummary.extend({
    /** The whole file's text after decoding (BOM removed, CRLF kept as is): offsets point here. */
    text: z.string(),
    titleStart: z.number().int().nonnegative(),
    titleEnd: z.number().int().nonnegative(),
    bodyStart: z.number().int().nonnegative(),
    bodyEnd: z.number().int().nonnegative(),
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
 * The words to search, loaded on the first search: for each event (in index order), its id and the text of its
 * excerpts, joined. Kept out of index.json so the first view stays light.
 */
export const searchIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  events: z.array(z.tuple([z.string(), z.string()])),
});
export type SearchIndex = z.infer<typeof searchIndex>;
