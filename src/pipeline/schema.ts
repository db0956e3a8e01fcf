/**
 * The JSON contract between the build (`npm run build:data`) and the app.
 * Both sides import this file; the app validates every JSON it fetches with it.
 *
 * Layout under public/data/:
 *   index.json                 IndexFile: every article and every event, lean (what the timeline needs), each
 *                              event a row (schema 2, see `eventRow`); the app also reads schema 1 (objects)
 *   articles/<articleId>.json  ArticleDetail: the text, sentences, sections, citations, dated expressions
 *                              and the full events (excerpts, derivations) of one article, loaded on demand
 *   search.json                SearchIndex: every event's excerpt text, loaded when a reader first searches
 *   overview.json              Overview: what the app reads first, small at any size (docs/dataset-layout.md)
 *   tiles/<period>.json        CompactIndex: the events of one period and the articles they name (tiles.ts)
 *   ids/<prefix>.json          IdShard: event id (and alias) -> period, for deep links into periods not loaded
 *   search/<prefix>.json       SearchShard: word -> its latest events (search-shards.ts)
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

/** Every article and every event: the dataset as the app holds it (and as schema-1 index.json files wrote it). */
export const datasetIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(articleSummary),
  events: z.array(eventSummary),
});
export type DatasetIndex = z.infer<typeof datasetIndex>;

export const INDEX_SCHEMA_VERSION = 2 as const;

/**
 * One event of index.json (schema 2), a row instead of an object: the index is the first thing the app loads and
 * the largest thing the build writes, and the keys were most of it (≈ 330 bytes an event with keys, ≈ 130 as a
 * row). `articles` are positions in the file's `articles` (the first tells it first: `articleId`); `flags` is
 * 1 approximate + 2 openEnd + 4 publication.
 */
export const eventRow = z.tuple([
  /* id */ z.string(),
  /* label */ z.string(),
  /* start */ z.nullable(isoDay),
  /* end */ z.nullable(isoDay),
  precision,
  /* flags */ /* @__PURE__ */ z.int().check(z.nonnegative(), z.lte(7)),
  /* articles */ /* @__PURE__ */ z.array(nonNegativeInt).check(z.minLength(1)),
  /* aliases */ z.array(z.string()),
]);
export type EventRow = z.infer<typeof eventRow>;

export const compactIndex = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  articles: z.array(articleSummary),
  events: z.array(eventRow),
});
export type CompactIndex = z.infer<typeof compactIndex>;

/** index.json as the app accepts it: schema 2 (rows), or schema 1 (objects; hand-made files, older builds). */
export const indexFile = z.discriminatedUnion('schemaVersion', [compactIndex, datasetIndex]);
export type IndexFile = z.infer<typeof indexFile>;

const APPROXIMATE = 1;
const OPEN_END = 2;
const PUBLICATION = 4;

/** An event as a row of index.json; `articleAt` gives an article's position in the file's `articles`. */
export function eventRowOf(e: EventSummary, articleAt: (articleId: string) => number): EventRow {
  const flags = (e.approximate ? APPROXIMATE : 0) | (e.openEnd ? OPEN_END : 0) | (e.kind === 'publication' ? PUBLICATION : 0);
  return [e.id, e.label, e.start, e.end, e.precision, flags, e.articleIds.map(articleAt), e.aliases];
}

export function encodeIndex(index: DatasetIndex): CompactIndex {
  const at = new Map(index.articles.map((a, i) => [a.id, i]));
  const articleAt = (id: string) => {
    const i = at.get(id);
    if (i === undefined) throw new Error(`an event names the article ${id}, which the index does not list`);
    return i;
  };
  return { schemaVersion: INDEX_SCHEMA_VERSION, articles: index.articles, events: index.events.map((e) => eventRowOf(e, articleAt)) };
}

/** A row naming an article the file does not list: where, and what was expected. */
export class IndexRowError extends Error {}

/** index.json as the app holds it. A schema-2 row that names a position past `articles` is an IndexRowError. */
export function decodeIndex(file: IndexFile): DatasetIndex {
  if (file.schemaVersion === SCHEMA_VERSION) return file;
  const { articles } = file;
  const events = file.events.map(([id, label, start, end, precision, flags, positions, aliases], i): EventSummary => {
    const articleIds = positions.map((p, k) => {
      const a = articles[p];
      if (!a) throw new IndexRowError(`at events.${i}.6.${k}: expected the position of an article (fewer than ${articles.length}), got ${p}`);
      return a.id;
    });
    return {
      id,
      label,
      start,
      end,
      precision,
      articleId: articleIds[0] as string,
      articleIds,
      approximate: (flags & APPROXIMATE) !== 0,
      openEnd: (flags & OPEN_END) !== 0,
      kind: flags & PUBLICATION ? 'publication' : 'mention',
      aliases,
    };
  });
  return { schemaVersion: SCHEMA_VERSION, articles, events };
}

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
  /** The link's own text, when the citation is a link of a page or a feed item (absent for an address in a text). */
  anchor: z.optional(z.string()),
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
    /** What the article was read from, when it was not a text file: a saved page, a feed item, a news export's record. */
    format: z.optional(z.enum(['html', 'feed', 'export'])),
    /** The outlet the page names (og:site_name, the JSON-LD publisher, the feed's title). */
    outlet: z.optional(z.string()),
    /** True when a feed item had no full content: the article is the feed's summary of it. */
    fromSummary: z.optional(z.boolean()),
    /** Where the article is in its file, when that is not its text (a page's URL tag, a feed's item, an export's record): 1-based. */
    sourceAt: z.optional(z.object({ line: z.int().check(z.positive()), column: z.int().check(z.positive()) })),
  }),
  /**
   * Every event any excerpt of which comes from this article, with the excerpts (and citations) of this article
   * only: an event told by several articles (`articleIds`) has its other excerpts in their files.
   */
  events: z.array(eventDetail),
});
export type ArticleDetail = z.infer<typeof articleDetail>;

/**
 * The words to search, loaded on the first search: each article's events (articles in file name order) by the id the
 * article's extraction gave them, with the text of their excerpts in that article. A merged event is found under
 * its id and its aliases. Kept out of index.json so the first view stays light; per article, so the build can
 * cache each article's part.
 */
export const searchIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  events: z.array(z.tuple([z.string(), z.string()])),
});
export type SearchIndex = z.infer<typeof searchIndex>;

export const TILES_SCHEMA_VERSION = 1 as const;

/** overview.json: counts and the list of tiles, small whatever the archive (docs/dataset-layout.md). */
export const overview = z.object({
  schemaVersion: z.literal(TILES_SCHEMA_VERSION),
  /** The whole index, when it is small enough to load at once; null: read the tiles. */
  index: z.nullable(z.string()),
  events: nonNegativeInt,
  articles: nonNegativeInt,
  sources: z.array(z.string()),
  /** The first and last day any dated event touches. */
  extent: z.nullable(z.tuple([isoDay, isoDay])),
  /** Events by the month they sort in (`YYYY-MM`), in time order. */
  months: z.array(z.tuple([z.string(), nonNegativeInt])),
  /** Every tile (its period's name) with its number of events, in time order. */
  tiles: z.array(z.tuple([z.string(), nonNegativeInt])),
  /** ids/ shards are named by this many characters of an id's hash. */
  idWidth: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(3)),
});
export type Overview = z.infer<typeof overview>;

/** ids/<prefix>.json: the tile of every event id and alias of the prefix. */
export const idShard = z.record(z.string(), z.string());
export type IdShard = z.infer<typeof idShard>;

/** search/<prefix>.json: for each word of the prefix, how many events have it and the latest as [id, label, day, tile]. */
export const searchShard = z.record(
  z.string(),
  z.object({ n: nonNegativeInt, e: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])) }),
);
export type SearchShard = z.infer<typeof searchShard>;
/** A word's event in a search shard: [id, label, day it sorts by, tile]. */
export type SearchPosting = [id: string, label: string, day: string, tile: string];
