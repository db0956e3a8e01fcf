/**
 * The reading screen: header controls, the timeline, the event list, the event panel and the reader, all driven
 * by the URL (see url-state.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { articleQueryOptions, useArticle, useArticles } from '../features/dataset/api/get-article.ts';
import { excerptTextOf, useSearchIndex } from '../features/dataset/api/get-search-index.ts';
import { ExportMenu } from '../features/export/components/export-menu.tsx';
import { ImportButton } from '../features/import/components/import-button.tsx';
import { isOwnId } from '../features/import/lib/own-ids.ts';
import { EventList } from '../features/event-list/components/event-list.tsx';
import { EventPanel } from '../features/event-panel/components/event-panel.tsx';
import { FilterControls, type FilterValues } from '../features/search/components/filter-controls.tsx';
import { ArchiveResults } from '../features/search/components/archive-results.tsx';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { filterEvents, isFilterActive, searchTextOf } from '../features/search/lib/filter-events.ts';
import { PaneResizer } from '../features/timeline/components/pane-resizer.tsx';
import { focusWindow, TimelineView, type DayWindow, type TimelineHandle } from '../features/timeline/components/timeline-view.tsx';
import { usePaneHeights } from '../features/timeline/hooks/use-pane-heights.ts';
import { defaultLanes, isArchive, MOST_TOLD } from '../features/timeline/lib/archive-view.ts';
import { dayNumber, formatDayTime, parseDay, parseDayTime } from '../lib/calendar-date.ts';
import { isDated, neighbourEvent, type Dataset, type TimedEvent } from '../lib/dataset.ts';
import type { Timex } from '../pipeline/schema.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { fitWindow, framed } from './fit-window.ts';
import { useAfterFirstPaint } from './use-after-first-paint.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { useArchiveSearch, usePrefetchArchiveSearch } from './use-archive-search.ts';
import type { Archive } from './use-tiled-dataset.ts';
import { lastNavigationCause, navigate } from './use-url-state.ts';
import { eventLink, type UrlState } from './url-state.ts';

const ReaderView = lazy(() => import('../features/reader/components/reader-view.tsx'));

type Props = {
  dataset: Dataset;
  /** A tiled archive: `dataset` holds the tiles loaded; the archive's totals, extent and counts come from here. */
  archive?: Archive | null;
  url: UrlState;
  masthead: ComponentType<{ children?: ReactNode }>;
};

function windowFromUrl(win: UrlState['win']): DayWindow | null {
  if (!win) return null;
  const from = parseDayTime(win.start);
  const to = parseDayTime(win.end);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

/** The window for the URL: tidy days when wide, minutes when narrow. */
function windowToUrl(w: DayWindow): { start: string; end: string } {
  const wide = w.to - w.from > 20;
  const r = (n: number) => (wide ? Math.round(n) : n);
  return { start: formatDayTime(r(w.from)), end: formatDayTime(r(w.to)) };
}

function inside(e: TimedEvent, w: DayWindow): boolean {
  return (e.startDay ?? e.endDay ?? 0) >= w.from && (e.endDay ?? e.startDay ?? 0) + 1 <= w.to;
}


export function TimelineScreen({ dataset, archive = null, url, masthead: Masthead }: Props) {
  const timeline = useRef<TimelineHandle>(null);
  const queryClient = useQueryClient();
  const selected = url.event ? (dataset.byId.get(url.event) ?? null) : null;
  const notFound = url.event !== null && selected === null && !archive?.eventPending;
  const [cursorId, setCursorId] = useState<string | null>(null);
  const pane = usePaneHeights();
  const [listFocus, setListFocus] = useState(0);
  const [panelFocus, setPanelFocus] = useState(0);
  const [jumpText, setJumpText] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  // The event list (hundreds of rows) comes after the timeline's first drawing; the filters' lists of articles and
  // sources (thousands of options with a large dataset) when the Filters disclosure is first opened.
  const listShown = useAfterFirstPaint();
  const [filtersOpened, setFiltersOpened] = useState(false);

  // Labels are searched at once; the excerpts (search.json) load on the first keystroke, or for a search in the URL.
  const [wantExcerpts, setWantExcerpts] = useState(url.q.trim() !== '');
  // A tiled archive's search.json is the size of the archive: its search shards are read instead (the words of
  // the query only), and their results listed in place of the events.
  const excerpts = useSearchIndex(wantExcerpts && !archive);
  const archiveSearch = useArchiveSearch(url.q, archive !== null && url.q.trim() !== '');
  const prefetchSearch = usePrefetchArchiveSearch(archive !== null);
  const searchText = useMemo(() => {
    const map = excerpts.data;
    return searchTextOf(map ? (e) => excerptTextOf(map, e) : undefined);
  }, [excerpts.data]);

  const filter = { q: url.q, article: url.article, source: url.source, from: url.from, to: url.to };
  const filterKey = JSON.stringify(filter);
  // The events the archive's search found (by the words of their excerpts too) are drawn as matching.
  const found = useMemo(() => new Set(archiveSearch.data?.results.map((p) => p[0])), [archiveSearch.data]);
  const events = useMemo(
    () => filterEvents(dataset.events, filter, dataset.articlesById, searchText, found),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, filterKey, searchText, found],
  );

  const [initialWindow] = useState<DayWindow>(() => {
    const fromUrl = windowFromUrl(url.win);
    if (selected && isDated(selected)) return fromUrl && inside(selected, fromUrl) ? fromUrl : focusWindow(selected);
    const width = Math.max(200, window.innerWidth - (window.innerWidth > 640 ? 180 : 90));
    const whole = archive?.extent ? framed(archive.extent, width) : null;
    return fromUrl ?? whole ?? fitWindow(events, width) ?? fitWindow(dataset.events, width) ?? { from: dayNumber('2000-01-01'), to: dayNumber('2030-01-01') };
  });
  // A tiled archive loads the tiles of the window shown, from the first one on.
  useEffect(() => {
    archive?.onWindow(timeline.current?.getWindow() ?? initialWindow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A selection that came from the browser (Back, Forward) is centred and zoomed on.
  const lastEvent = useRef(url.event);
  useEffect(() => {
    if (url.event === lastEvent.current) return;
    lastEvent.current = url.event;
    if (selected && isDated(selected) && lastNavigationCause() === 'history') timeline.current?.focusEvent(selected, true);
  }, [url.event, selected]);

  useEffect(() => {
    document.title = selected ? `${selected.label} — Dateline` : 'Dateline';
  }, [selected]);

  const current = selected ?? (cursorId ? (dataset.byId.get(cursorId) ?? null) : null);

  const reveal = useCallback((e: TimedEvent, zoom: boolean) => {
    if (!isDated(e)) return;
    const w = timeline.current?.getWindow();
    if (zoom || !w) timeline.current?.focusEvent(e, true);
    else if (!inside(e, w)) timeline.current?.focusEvent(e, false);
  }, []);

  const open = useCallback((e: TimedEvent) => {
    setCursorId(e.id);
    navigate({ event: e.id }, 'push');
  }, []);

  // A search result of a tiled archive opens an event that may not be loaded: it is shown once its tile is in.
  const [revealId, setRevealId] = useState<string | null>(null);
  useEffect(() => {
    if (!selected || selected.id !== revealId) return;
    setRevealId(null);
    if (isDated(selected)) timeline.current?.focusEvent(selected, true);
  }, [selected, revealId]);

  const close = useCallback(() => {
    if (selected) setCursorId(selected.id);
    navigate({ event: null }, 'push');
    setListFocus((n) => n + 1);
  }, [selected]);

  const onArchiveWindow = archive?.onWindow;
  const onWindowChange = useCallback(
    (w: DayWindow) => {
      onArchiveWindow?.(w);
      navigate({ win: windowToUrl(w) }, 'replace');
    },
    [onArchiveWindow],
  );
  const onTimelineSelect = useCallback(
    (id: string) => {
      const e = dataset.byId.get(id);
      if (e) open(e);
    },
    [dataset, open],
  );

  const step = (dir: -1 | 1) => {
    const w = timeline.current?.getWindow();
    const centre = w ? (w.from + w.to) / 2 : 0;
    const from = current && !events.includes(current) ? null : current;
    const next = neighbourEvent(events, from, dir, from ? 0 : current ? current.sortDay + (dir === 1 ? 0.5 : 0) : centre);
    if (!next) return;
    if (selected) navigate({ event: next.id }, 'push');
    setCursorId(next.id);
    setListFocus((n) => n + 1);
    reveal(next, false);
  };

  useKeyboardShortcuts({
    onStep: step,
    onEnter: () => {
      if (selected) setPanelFocus((n) => n + 1);
      else if (current) open(current);
    },
    onEscape: () => {
      if (url.read) navigate({ read: null }, 'push');
      else if (selected) close();
    },
    onSlash: () => document.getElementById('search-input')?.focus(),
  });

  const panelArticleIds = selected ? [selected.articleId, ...selected.articleIds.filter((id) => id !== selected.articleId)] : [];
  const panelArticles = useArticles(panelArticleIds);
  const reader = useArticle(url.read);

  const pickDate = useCallback(
    (timex: Timex, eventId: string | null) => {
      const e = eventId ? dataset.byId.get(eventId) : undefined;
      // On a phone the reader covers the screen: it steps aside to show the timeline and the event.
      const phone = window.matchMedia('(max-width: 640px)').matches;
      if (e) {
        setCursorId(e.id);
        navigate(phone ? { event: e.id, read: null } : { event: e.id }, 'push');
        timeline.current?.focusEvent(e, true);
        return;
      }
      if (phone) navigate({ read: null }, 'push');
      const i = timex.interval;
      if (!i) return;
      const s = i.start ? dayNumber(i.start) : null;
      const end = i.end ? dayNumber(i.end) : null;
      const from = s ?? (end ?? 0) - 365;
      const to = (end ?? from + 365) + 1;
      const pad = Math.max(7, (to - from) * 0.3);
      timeline.current?.setWindow({ from: from - pad, to: to + pad });
    },
    [dataset],
  );

  const jump = (ev: React.FormEvent) => {
    ev.preventDefault();
    const d = parseDay(jumpText);
    if (!d) {
      setJumpError('Enter a date as YYYY-MM-DD.');
      return;
    }
    setJumpError(null);
    const day = dayNumber(jumpText);
    const w = timeline.current?.getWindow();
    // Keep the scale when it shows days; from further out, zoom to the weeks around the date.
    if (w && w.to - w.from <= 120) timeline.current?.moveToDay(day);
    else timeline.current?.setWindow({ from: day - 30, to: day + 31 });
  };

  const fit = () => {
    const width = timeline.current?.getWidth() ?? 1000;
    const w = (archive?.extent && !filtered ? framed(archive.extent, width) : null) ?? fitWindow(events, width) ?? fitWindow(dataset.events, width);
    // A jump, not an animation: every animated frame redraws the timeline.
    if (w) timeline.current?.setWindow(w, false);
  };

  const setFilters = useCallback((patch: Partial<FilterValues>) => navigate(patch, 'replace'), []);
  const setQuery = useCallback((q: string) => navigate({ q }, 'replace'), []);
  const onFirstInput = useCallback(() => setWantExcerpts(true), []);
  const labelsOnly = url.q.trim() !== '' && excerpts.isError;
  const filtered = isFilterActive(filter);
  const activeFilters = [url.article, url.source, url.from, url.to].filter((v) => v !== null).length;
  const total = archive ? archive.events : dataset.events.length;
  const asArchive = isArchive(archive ? archive.laneTotal.article : dataset.articles.length, archive !== null);
  const lanes = url.lanes ?? defaultLanes(asArchive);

  return (
    <>
      <Masthead>
        <div className="toolbar">
          <SearchBox value={url.q} onChange={setQuery} onFirstInput={onFirstInput} onTyping={prefetchSearch} resultCount={filtered ? events.length : null} />
          <details
            className="filter-toggle"
            open={activeFilters > 0 ? true : undefined}
            onToggle={(e) => {
              if (e.currentTarget.open) setFiltersOpened(true);
            }}
          >
            <summary className="button">Filters{activeFilters ? ` (${activeFilters})` : ''}</summary>
            {filtersOpened || activeFilters > 0 ? (
              <FilterControls values={filter} articles={dataset.articles} sources={dataset.sources} onChange={setFilters} />
            ) : null}
          </details>
          <ImportButton
            published={dataset.articlesById}
            onShowEvent={(id) => {
              const e = dataset.byId.get(id);
              if (e) {
                open(e);
                reveal(e, true);
              }
            }}
          />
          <ExportMenu
            events={events}
            articles={dataset.articlesById}
            loadDetails={(ids) => Promise.all(ids.map((id) => queryClient.fetchQuery(articleQueryOptions(id))))}
          />
          <div className="lanes" role="radiogroup" aria-label="Lanes">
            {(['article', 'source'] as const).map((l) => (
              <label key={l} className={lanes === l ? 'segment is-on' : 'segment'}>
                <input type="radio" name="lanes" value={l} checked={lanes === l} onChange={() => navigate({ lanes: l }, 'replace')} />
                By {l}
              </label>
            ))}
          </div>
        </div>
      </Masthead>
      <main className="screen">
        <section className="timeline-region" aria-label="Timeline">
          <div className="timeline-tools">
            <button type="button" className="button" onClick={fit}>
              Fit
            </button>
            <button type="button" className="button icon-button" onClick={() => timeline.current?.zoom(0.5)} aria-label="Zoom in">
              +
            </button>
            <button type="button" className="button icon-button" onClick={() => timeline.current?.zoom(2)} aria-label="Zoom out">
              −
            </button>
            <form className="jump" onSubmit={jump}>
              <label htmlFor="jump-date">Jump to date</label>
              <input
                id="jump-date"
                type="date"
                value={jumpText}
                onChange={(e) => setJumpText(e.target.value)}
                aria-invalid={jumpError ? true : undefined}
                aria-describedby={jumpError ? 'jump-error' : undefined}
              />
              <button type="submit" className="button">
                Go
              </button>
              {jumpError ? (
                <span id="jump-error" role="alert" className="field-error">
                  {jumpError}
                </span>
              ) : null}
            </form>
            <p className="timeline-count" aria-live="polite">
              {filtered ? `${events.length} of ${total} events` : `${total} events`}
              {labelsOnly ? <span className="muted"> (labels only: the excerpts could not be loaded)</span> : null}
            </p>
          </div>
          <div className="timeline-frame" id="timeline-frame">
            <ErrorBoundary region="timeline">
              <TimelineView
                ref={timeline}
                events={events}
                lanes={lanes}
                articlesById={dataset.articlesById}
                selectedId={current?.id ?? null}
                initialWindow={initialWindow}
                onSelect={onTimelineSelect}
                onWindowChange={onWindowChange}
                heights={pane.heights}
                mostTold={asArchive ? MOST_TOLD : 0}
                counts={archive?.counts}
                laneTotal={archive?.laneTotal[lanes]}
              />
            </ErrorBoundary>
            {notFound ? (
              <div role="alert" className="notice notice-warn not-found">
                {isOwnId(url.event) ? (
                  <p>
                    <strong>This event is from an article imported on another device.</strong> Imported articles stay in the
                    browser that imported them. Import the same article here (Import, above) to see the event.
                  </p>
                ) : (
                  <p>
                    <strong>Event not found.</strong> No event has the id “{url.event}”. The link may be mistyped or the event
                    may have been removed.
                  </p>
                )}
                <button type="button" className="button" onClick={() => navigate({ event: null }, 'replace')}>
                  Show all events
                </button>
              </div>
            ) : null}
          </div>
          <PaneResizer value={pane.heights.max} max={pane.ceiling} onChange={pane.setCap} controls="timeline-frame" />
        </section>
        <div className={`lower${selected ? ' has-panel' : ''}`}>
          <section className={`list-region${url.read ? ' is-reading' : ''}`} aria-labelledby={url.read ? 'reader-title' : 'events-heading'} id="events">
            {url.read ? (
              <ErrorBoundary region="reader">
                {reader.isError ? (
                  <div role="alert" className="notice notice-error">
                    <p>The article could not be loaded. {reader.error.message}</p>
                    <button type="button" className="button" onClick={() => void reader.refetch()}>
                      Retry
                    </button>
                  </div>
                ) : reader.data ? (
                  <Suspense fallback={<p className="muted pad">Opening the article…</p>}>
                    <ReaderView
                      detail={reader.data}
                      selectedEventId={selected?.id ?? null}
                      onClose={() => navigate({ read: null }, 'push')}
                      onPickDate={pickDate}
                    />
                  </Suspense>
                ) : (
                  <p className="muted pad" role="status">
                    Opening the article…
                  </p>
                )}
              </ErrorBoundary>
            ) : (
              <>
                {archive && url.q.trim() !== '' ? (
                  <ArchiveResults
                    data={archiveSearch.data}
                    pending={archiveSearch.pending}
                    error={archiveSearch.error}
                    currentId={selected?.id ?? null}
                    onOpen={(p) => {
                      setCursorId(p[0]);
                      setRevealId(p[0]);
                      navigate({ event: p[0] }, 'push');
                    }}
                  />
                ) : (
                  <>
                    <h2 id="events-heading" className="region-heading">
                      Events <span className="muted">in time order</span>
                    </h2>
                    <p className="visually-hidden">Use the left and right arrow keys to move between events, Enter to open one and Escape to close it.</p>
                  </>
                )}
                {archive && url.q.trim() !== '' ? null : listShown ? (
                  <EventList
                    events={events}
                    articlesById={dataset.articlesById}
                    currentId={current?.id ?? null}
                    openId={selected?.id ?? null}
                    onOpen={(e) => {
                      open(e);
                      reveal(e, false);
                    }}
                    focusToken={listFocus}
                    showSource={dataset.sources.length > 1}
                    emptyMessage={archive && !filtered ? 'The list shows the events of the period the timeline draws: zoom in, or jump to a date, to list them.' : undefined}
                  />
                ) : null}
              </>
            )}
          </section>
          {selected ? (
            <aside className="panel-region" aria-label="Event details">
              <ErrorBoundary region="event panel">
                <EventPanel
                  key={selected.id}
                  event={selected}
                  articles={panelArticles}
                  articlesById={dataset.articlesById}
                  shareUrl={eventLink(window.location.href, selected.id)}
                  onClose={close}
                  onRead={(articleId) => navigate({ read: articleId }, 'push')}
                  focusToken={panelFocus}
                />
              </ErrorBoundary>
            </aside>
          ) : null}
        </div>
      </main>
    </>
  );
}
