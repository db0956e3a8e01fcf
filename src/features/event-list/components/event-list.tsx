/**
 * The same events as the timeline, as an ordered list in time order: for keyboards, screen readers and anyone who
 * cannot use the timeline. It follows the timeline's selection (`aria-current`). Long lists show a slice around
 * the selection, with buttons for earlier and later events.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../pipeline/schema.ts';
import type { TimedEvent } from '../../../lib/dataset.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import './event-list.css';

type Props = {
  events: readonly TimedEvent[];
  articlesById: ReadonlyMap<string, ArticleSummary>;
  currentId: string | null;
  /** The event whose panel is open. */
  openId: string | null;
  onOpen: (e: TimedEvent) => void;
  /** Bumped to move focus to the current item (keyboard walking). */
  focusToken: number;
  showSource: boolean;
  /** What an empty list says: why it is empty and what to do (a filter that matches nothing, or an archive zoomed out). */
  emptyMessage?: string | undefined;
};

const PAGE = 200;

export const NO_MATCH = 'No event matches. Clear the search or filters to see every event.';

export function EventList({ events, articlesById, currentId, openId, onOpen, focusToken, showSource, emptyMessage = NO_MATCH }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const currentIndex = currentId ? events.findIndex((e) => e.id === currentId) : -1;
  const [start, setStart] = useState(0);
  const [end, setEnd] = useState(PAGE * 2);

  // Keep the current event inside the rendered slice.
  const sliceStart = currentIndex >= 0 && (currentIndex < start || currentIndex >= end) ? Math.max(0, currentIndex - PAGE) : start;
  const sliceEnd = sliceStart === start ? end : sliceStart + PAGE * 2;
  const shown = events.slice(sliceStart, Math.min(events.length, sliceEnd));

  useEffect(() => {
    if (!currentId) return;
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(currentId)}"]`);
    if (!list || !item) return;
    if (focusToken > 0 && list.contains(document.activeElement)) item.focus();
    // Scroll the list, not the page.
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top - list.clientHeight / 2 + item.offsetHeight / 2;
    }
  }, [currentId, focusToken]);

  if (events.length === 0) return <p className="muted event-list-empty">{emptyMessage}</p>;

  return (
    <>
      {sliceStart > 0 ? (
        <button
          type="button"
          className="button button-quiet list-more"
          onClick={() => {
            setStart(Math.max(0, sliceStart - PAGE));
            setEnd(sliceEnd);
          }}
        >
          Show {Math.min(PAGE, sliceStart)} earlier events
        </button>
      ) : null}
      <ol className="event-list" ref={listRef} aria-label="Events in time order" start={sliceStart + 1}>
        {shown.map((e) => {
          const article = articlesById.get(e.articleId);
          const current = e.id === currentId;
          return (
            <li key={e.id}>
              <button
                type="button"
                className={`event-list-item${e.id === openId ? ' is-open' : ''}`}
                aria-current={current ? 'true' : undefined}
                data-event-id={e.id}
                onClick={() => onOpen(e)}
              >
                <span className={e.approximate ? 'event-list-date is-approximate' : 'event-list-date'}>
                  {formatInterval(e, { approximateMark: true })}
                </span>
                <span className="event-list-label">{e.label}</span>
                {showSource && article ? <span className="event-list-source">{article.source}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      {sliceEnd < events.length ? (
        <button type="button" className="button button-quiet list-more" onClick={() => setEnd(sliceEnd + PAGE)}>
          Show {Math.min(PAGE, events.length - sliceEnd)} later events
        </button>
      ) : null}
    </>
  );
}
