/**
 * The chronology for paper: every event of the view in time order with its date, excerpt and source URLs. Rendered
 * outside the app's root (a portal on <body>) and shown only by the print stylesheet, which hides the app.
 * URLs are printed in full (paper cannot be clicked); on screen readers' and PDF viewers' side only http(s) URLs
 * are links. Article text is only ever text.
 */
import { createPortal } from 'react-dom';
import type { ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import { articlesOf, sourceUrlsOf, type EventExtras } from '../lib/export-input.ts';
import './print.css';

type Props = {
  events: readonly EventSummary[];
  articles: ReadonlyMap<string, ArticleSummary>;
  extras: ReadonlyMap<string, EventExtras> | null;
  title?: string;
};

function UrlItem({ url }: { url: string }) {
  const href = safeHref(url);
  return <li>{href ? <a href={href} rel="noopener noreferrer">{url}</a> : url}</li>;
}

export function PrintChronology({ events, articles, extras, title = 'Dateline' }: Props) {
  const used = articlesOf(events, articles);
  return createPortal(
    <section className="print-chronology" aria-label="Chronology for printing">
      <h1>{title}: chronology</h1>
      <p className="print-meta">
        {events.length} {events.length === 1 ? 'event' : 'events'} from {used.length} {used.length === 1 ? 'article' : 'articles'}, in time order.
      </p>
      <ol className="print-events">
        {events.map((e) => {
          const x = extras?.get(e.id);
          const urls = sourceUrlsOf(e, articles, x);
          const own = articles.get(e.articleId);
          return (
            <li key={e.id} className="print-event">
              <p className="print-date">{formatInterval(e, { approximateMark: true })}</p>
              <h2 className="print-label">{e.label}</h2>
              {x?.excerpt ? <blockquote className="print-excerpt">{x.excerpt}</blockquote> : null}
              {own ? (
                <p className="print-article">
                  {own.title} — {own.source}, {own.publishedOn}
                </p>
              ) : null}
              {urls.length > 0 ? (
                <ul className="print-urls" aria-label="Sources">
                  {urls.map((u) => (
                    <UrlItem key={u} url={u} />
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>,
    document.body,
  );
}
