/**
 * Everything about one event: its label; its date as written and as resolved; how it was dated; the excerpt in its
 * paragraph; the article with a link to the original; the cited sources. Only http(s) URLs become links.
 */
import { useEffect, useRef } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ArticleDetail, ArticleSummary, Citation, EventDetail, Excerpt } from '../../../pipeline/schema.ts';
import { formatDay, formatDayLong } from '../../../lib/calendar-date.ts';
import type { TimedEvent } from '../../../lib/dataset.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import { useShare } from '../hooks/use-share.ts';
import { asWritten } from '../lib/as-written.ts';
import { ExcerptInContext } from './excerpt-in-context.tsx';
import './event-panel.css';

type Props = {
  event: TimedEvent;
  /** The details of the event's articles, the first being its own. */
  articles: readonly UseQueryResult<ArticleDetail>[];
  articlesById: ReadonlyMap<string, ArticleSummary>;
  shareUrl: string;
  onClose: () => void;
  onRead: (articleId: string) => void;
  /** Bumped to move focus to the panel's heading (Enter on a selected event). */
  focusToken: number;
};

const METHOD: Record<EventDetail['dating']['method'], string> = {
  expression: 'From a date in the text',
  citation: 'From the date in a cited link',
  publication: 'From the publication date',
};

const PRECISION: Record<TimedEvent['precision'], string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  season: 'a season',
  half: 'half a year',
  year: 'a year',
  decade: 'a decade',
  century: 'a century',
};

function ExternalLink({ url, children, className }: { url: string; children: React.ReactNode; className?: string }) {
  const href = safeHref(url);
  if (!href) return <span className={className}>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** The resolved days in words: "1 January 2014 onwards, still so on …", "on or before …", "… – …". */
function ResolvedRange({ event }: { event: TimedEvent }) {
  const day = (iso: string) => <time dateTime={iso}>{formatDayLong(iso)}</time>;
  if (event.start && event.openEnd) {
    return (
      <>
        from {day(event.start)} onwards{event.end ? <>, still so on {day(event.end)}</> : null}
      </>
    );
  }
  if (!event.start && event.end) return <>on or before {day(event.end)}</>;
  if (event.start && event.end && event.start !== event.end) {
    return (
      <>
        {day(event.start)} – {day(event.end)}
      </>
    );
  }
  return event.start ? day(event.start) : <>no date</>;
}

function findDetail(detail: ArticleDetail | undefined, event: TimedEvent): EventDetail | undefined {
  return detail?.events.find((e) => e.id === event.id) ?? detail?.events.find((e) => e.aliases.includes(event.id));
}

/**
 * The excerpts and cited sources of an event from every loaded article that tells it (each article's file holds its
 * own excerpts and citations of a merged event), the event's own article first.
 */
function collectSources(articles: readonly UseQueryResult<ArticleDetail>[], event: TimedEvent): { excerpts: Excerpt[]; citations: Citation[] } {
  const excerpts: Excerpt[] = [];
  const citations: Citation[] = [];
  const seenExcerpts = new Set<string>();
  const seenCitations = new Set<string>();
  for (const a of articles) {
    const d = findDetail(a.data, event);
    if (!d || !a.data) continue;
    for (const x of d.excerpts) {
      const key = `${x.articleId}:${x.start}:${x.end}`;
      if (seenExcerpts.has(key)) continue;
      seenExcerpts.add(key);
      excerpts.push(x);
    }
    for (const id of d.citationIds) {
      const c = a.data.article.citations.find((x) => x.id === id);
      if (!c || seenCitations.has(`${a.data.article.id}:${id}`)) continue;
      seenCitations.add(`${a.data.article.id}:${id}`);
      citations.push(c);
    }
  }
  return { excerpts, citations };
}

function CitationItem({ citation }: { citation: Citation }) {
  // A page's link is named by its anchor text; else the build's headline from the URL's slug; else the address itself.
  const headline = citation.anchor ?? citation.headline ?? citation.url;
  return (
    <li className="citation">
      <ExternalLink url={citation.url} className="citation-headline">
        {headline}
      </ExternalLink>
      <span className="citation-meta">
        {citation.host}
        {citation.date ? (
          <>
            {' · '}
            <time dateTime={citation.date}>{formatDay(citation.date)}</time>
          </>
        ) : null}
      </span>
    </li>
  );
}

export function EventPanel({ event, articles, articlesById, shareUrl, onClose, onRead, focusToken }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { share, status } = useShare();
  useEffect(() => {
    if (focusToken > 0) headingRef.current?.focus();
  }, [focusToken]);

  const primary = articles[0];
  const detail = findDetail(primary?.data, event) ?? articles.map((a) => findDetail(a.data, event)).find(Boolean);
  const { excerpts, citations } = collectSources(articles, event);
  // The outlet the article names (og:site_name, a feed's title), before its host when it says more than the host.
  const outletOf = (articleId: string, source: string): string | null => {
    const outlet = articles.find((a) => a.data?.article.id === articleId)?.data?.article.outlet;
    return outlet && outlet.toLowerCase() !== source.toLowerCase() ? `${outlet} · ` : null;
  };
  const resolved = formatInterval(event, { approximateMark: true });
  const ownArticle = articlesById.get(event.articleId);

  return (
    <article className="event-panel" aria-labelledby="event-panel-title">
      <header className="event-panel-header">
        <p className="event-panel-date">
          <span className={event.approximate ? 'date-chip is-approximate' : 'date-chip'}>{resolved}</span>
          {event.kind === 'publication' ? <span className="kind-chip">Publication</span> : null}
        </p>
        <h2 id="event-panel-title" ref={headingRef} tabIndex={-1}>
          {event.label}
        </h2>
        <div className="event-panel-actions">
          <button type="button" className="button" onClick={() => void share(shareUrl, event.label)}>
            Share
          </button>
          <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close event details">
            Close
          </button>
        </div>
        <p className="share-status" role="status">
          {status === 'copied' ? 'Link copied to the clipboard.' : status === 'shared' ? 'Link shared.' : status === 'failed' ? 'Could not copy the link.' : ''}
        </p>
      </header>

      <section aria-labelledby="when-title" className="panel-section">
        <h3 id="when-title">When</h3>
        <dl className="facts">
          <div>
            <dt>As written</dt>
            <dd>{detail ? asWritten(detail.dating) : '…'}</dd>
          </div>
          <div>
            <dt>Resolved</dt>
            <dd>
              {resolved}
              <span className="facts-aside">
                {' ('}
                <ResolvedRange event={event} />; precise to {PRECISION[event.precision]}
                {event.approximate ? ', approximate' : ''})
              </span>
            </dd>
          </div>
          <div>
            <dt>How it was dated</dt>
            <dd>{detail ? `${METHOD[detail.dating.method]}: ${detail.dating.explanation}` : '…'}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="source-title" className="panel-section">
        <h3 id="source-title">In the article</h3>
        {primary?.isPending ? <p className="muted">Loading the excerpt…</p> : null}
        {articles.some((a) => a.isError) ? (
          <div role="alert" className="notice notice-error">
            <p>The article text could not be loaded.</p>
            <button type="button" className="button" onClick={() => articles.forEach((a) => void (a.isError && a.refetch()))}>
              Retry
            </button>
          </div>
        ) : null}
        {excerpts.map((x, i) => {
          const article = articles.find((a) => a.data?.article.id === x.articleId)?.data?.article;
          const summary = articlesById.get(x.articleId) ?? ownArticle;
          return (
            <div className="excerpt-block" key={`${x.articleId}:${x.start}:${i}`}>
              {article ? (
                <ExcerptInContext
                  text={article.text}
                  paragraphStart={x.paragraphStart}
                  paragraphEnd={x.paragraphEnd}
                  excerpt={x}
                  expression={
                    detail && x.articleId === event.articleId && detail.dating.start !== null && detail.dating.end !== null
                      ? { start: detail.dating.start, end: detail.dating.end }
                      : null
                  }
                />
              ) : (
                <blockquote className="excerpt">
                  <p>
                    <mark className="excerpt-mark">{x.text}</mark>
                  </p>
                </blockquote>
              )}
              {summary ? (
                <div className="article-ref">
                  <p className="article-ref-title">{summary.title}</p>
                  <p className="article-ref-meta">
                    {outletOf(x.articleId, summary.source)}
                    {summary.source} · <time dateTime={summary.publishedOn}>{formatDay(summary.publishedOn)}</time>
                    {articles.some((a) => a.data?.article.id === x.articleId && a.data.article.fromSummary) ? " · from the feed's summary" : null}
                  </p>
                  <p className="article-ref-links">
                    <ExternalLink url={summary.url}>Original article</ExternalLink>
                    <button type="button" className="link-button" onClick={() => onRead(summary.id)}>
                      Read the whole article
                    </button>
                  </p>
                </div>
              ) : null}
            </div>
          );
        })}
      </section>

      {citations.length > 0 ? (
        <section aria-labelledby="cites-title" className="panel-section">
          <h3 id="cites-title">Cited sources</h3>
          <ul className="citations">
            {citations.map((c, i) => (
              <CitationItem key={`${i}:${c.id}`} citation={c} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
