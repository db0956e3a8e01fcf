/**
 * The whole article, paragraph by paragraph, with every dated expression highlighted. A date that resolves to a
 * calendar interval is a button: it moves the timeline there and opens its event. Text only, never HTML.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ArticleDetail, Timex } from '../../../pipeline/schema.ts';
import { formatDay } from '../../../lib/calendar-date.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import { safeHref } from '../../../lib/safe-href.ts';
import { segmentText, type TextMark } from '../../../lib/text-segments.ts';
import { eventForTimex } from '../lib/timex-events.ts';
import { readerBlocks } from '../lib/reader-blocks.ts';
import './reader.css';

type Props = {
  detail: ArticleDetail;
  /** The selected event, whose excerpt is marked and scrolled to. */
  selectedEventId: string | null;
  onClose: () => void;
  onPickDate: (timex: Timex, eventId: string | null) => void;
};

export default function ReaderView({ detail, selectedEventId, onClose, onPickDate }: Props) {
  const { article } = detail;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const timexById = useMemo(() => new Map(article.timexes.map((t) => [t.id, t])), [article.timexes]);
  const selected = detail.events.find((e) => e.id === selectedEventId || e.aliases.includes(selectedEventId ?? ''));
  const excerpt = selected?.excerpts.find((x) => x.articleId === article.id) ?? null;

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [article.id]);

  useEffect(() => {
    const mark = bodyRef.current?.querySelector<HTMLElement>('.reader-excerpt');
    const body = bodyRef.current;
    if (mark && body) body.scrollTop = mark.offsetTop - body.offsetTop - 48;
  }, [excerpt?.start, article.id]);

  const marks: TextMark<'timex' | 'excerpt'>[] = article.timexes.map((t) => ({ start: t.start, end: t.end, kind: 'timex', id: t.id }));
  if (excerpt) marks.push({ start: excerpt.start, end: excerpt.end, kind: 'excerpt', id: 'excerpt' });
  const href = safeHref(article.url);
  const blocks = useMemo(() => readerBlocks(article), [article]);

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <div>
          <p className="reader-meta">
            {article.source} · <time dateTime={article.publishedOn}>{formatDay(article.publishedOn)}</time>
          </p>
          <h2 id="reader-title" ref={headingRef} tabIndex={-1}>
            {article.title}
          </h2>
          <p className="reader-help">
            Dates are highlighted. Choose one to show it on the timeline.
            {href ? (
              <>
                {' '}
                <a href={href} target="_blank" rel="noopener noreferrer">
                  Original article<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </p>
        </div>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close reader
        </button>
      </header>
      <div className="reader-body" ref={bodyRef}>
        {blocks.map((block) => {
          // Split at glued sentence starts so each can be shown apart (a space that is not in the text).
          const cuts = [block.start, ...block.gluedStarts, block.end];
          const children = cuts.slice(0, -1).flatMap((from, k) => {
            const to = cuts[k + 1] ?? block.end;
            const parts = segmentText(article.text, from, to, marks).map((seg) => {
              const t = seg.marks.find((m) => m.kind === 'timex');
              const inExcerpt = seg.marks.some((m) => m.kind === 'excerpt');
              let node: React.ReactNode = seg.text;
              const timex = t ? timexById.get(t.id) : undefined;
              if (timex) node = <TimexButton timex={timex} text={seg.text} detail={detail} onPick={onPickDate} />;
              return inExcerpt ? (
                <mark key={seg.start} className="reader-excerpt">
                  {node}
                </mark>
              ) : (
                <span key={seg.start}>{node}</span>
              );
            });
            return k === 0 ? parts : [<span key={`gap-${from}`} className="reader-glue" aria-hidden="true">{' '}</span>, ...parts];
          });
          return block.kind === 'heading' ? (
            <h3 key={block.start} className="reader-section">
              {children}
            </h3>
          ) : (
            <p key={block.start}>{children}</p>
          );
        })}
      </div>
    </article>
  );
}

function TimexButton({
  timex,
  text,
  detail,
  onPick,
}: {
  timex: Timex;
  text: string;
  detail: ArticleDetail;
  onPick: (timex: Timex, eventId: string | null) => void;
}) {
  if (!timex.interval) {
    return (
      <span className="timex is-vague" title={timex.derivation}>
        {text}
      </span>
    );
  }
  const resolved = formatInterval(timex.interval, { approximateMark: true });
  return (
    <button
      type="button"
      className="timex"
      title={`${resolved}: ${timex.derivation}`}
      aria-label={`${text}, ${resolved}: show on the timeline`}
      onClick={() => onPick(timex, eventForTimex(detail, timex)?.id ?? null)}
    >
      {text}
    </button>
  );
}
