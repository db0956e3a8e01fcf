/**
 * The vis-timeline, driven imperatively: it is given only what the window (plus a margin) shows, or per-period
 * aggregates when that is too much, recomputed on every `rangechanged`. Items are DOM nodes built with textContent.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { fractionalDayOfLocal, localDateOfNumber } from '../../../lib/calendar-date.ts';
import type { TimedEvent } from '../../../lib/dataset.ts';
import type { ArticleSummary } from '../../../pipeline/schema.ts';
import { bucketContent, bucketItem, countText, eventContent, eventItem, laneOf, stackOrder, type Lanes, type TimelineItem } from '../lib/timeline-items.ts';
import type { PaneHeights } from '../lib/pane-height.ts';
import { ALL_LANES, bucketOf, prepareEvents, visibleItems, type Bucket, type BucketUnit, type PreparedEvents, type VisibleItems } from '../lib/visible-items.ts';
import './timeline.css';

/** A window in fractional day numbers (see lib/calendar-date). */
export type DayWindow = { from: number; to: number };

export type TimelineHandle = {
  /** Centre on an event; `zoom` also sets the scale to fit it. */
  focusEvent(e: TimedEvent, zoom: boolean): void;
  setWindow(w: DayWindow, animate?: boolean): void;
  /** Centre on a day, keeping the scale. */
  moveToDay(day: number): void;
  zoom(factor: number): void;
  getWindow(): DayWindow | null;
  /** The width in pixels of the drawing area (without the lane labels). */
  getWidth(): number;
};

type Props = {
  events: readonly TimedEvent[];
  lanes: Lanes;
  articlesById: ReadonlyMap<string, ArticleSummary>;
  selectedId: string | null;
  initialWindow: DayWindow;
  onSelect: (eventId: string) => void;
  onWindowChange: (w: DayWindow) => void;
  /** The pane grows with its lanes' items between these heights (pixels); past the cap its lanes scroll. */
  heights: PaneHeights;
  /** More events than this in the drawn range are shown as aggregates. */
  aggregateAbove?: number;
  /** Aggregates over more lanes than this are counted in one lane. */
  maxAggregateLanes?: number;
  /**
   * Most-told first (an archive): above `aggregateAbove`, this many events told by the most articles are drawn and
   * only the rest counted; 0: counts only.
   */
  mostTold?: number;
  /**
   * Counts for a drawn range whose events are not all loaded (a tiled archive, zoomed out): drawn instead of the
   * events; null when the loaded events cover the range.
   */
  counts?: ((from: number, to: number) => Bucket[] | null) | undefined;
  /** How many lanes the whole archive has (articles or sources), for the lane that sums them; default: those loaded. */
  laneTotal?: number | undefined;
  ref?: Ref<TimelineHandle>;
};

const MIN_SPAN_DAYS = 2;

/** The window that shows an event whole, with room around it. */
export function focusWindow(e: TimedEvent): DayWindow {
  const from = e.startDay ?? (e.endDay ?? 0) - 365;
  const to = (e.endDay ?? Math.max(from + 365, e.startDay ?? 0)) + 1;
  const pad = Math.max(7, (to - from) * 0.3);
  return { from: from - pad, to: to + pad };
}

function time(d: DataItem['start'] | undefined): number | undefined {
  return d instanceof Date ? d.getTime() : d === undefined ? undefined : new Date(d).getTime();
}

/** Whether vis-timeline already has this item as it is (content nodes are cached per event, so compared by identity). */
function sameItem(a: TimelineItem | null, b: TimelineItem): boolean {
  return (
    a !== null &&
    a.content === b.content &&
    a.group === b.group &&
    a.type === b.type &&
    a.className === b.className &&
    a.style === b.style &&
    a.rank === b.rank &&
    time(a.start) === time(b.start) &&
    time(a.end) === time(b.end)
  );
}

function toDates(w: DayWindow): { start: Date; end: Date } {
  return { start: localDateOfNumber(w.from), end: localDateOfNumber(w.to) };
}

export function TimelineView({
  events,
  lanes,
  articlesById,
  selectedId,
  initialWindow,
  onSelect,
  onWindowChange,
  heights,
  aggregateAbove = 300,
  maxAggregateLanes = 20,
  mostTold = 0,
  counts,
  laneTotal,
  ref,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef(new DataSet<TimelineItem, 'id'>());
  const groupsRef = useRef(new DataSet<DataGroup, 'id'>());
  const preparedRef = useRef<PreparedEvents | null>(null);
  const groupOfRef = useRef<(e: TimedEvent) => string>(() => '');
  const contentCache = useRef(new Map<string, HTMLElement>());
  /** Lane labels by lane id, built when a lane is first drawn (cleared when the events or the lane kind change). */
  const groupCache = useRef(new Map<string, DataGroup>());
  const latest = useRef({ lanes, articlesById, selectedId, onSelect, onWindowChange, aggregateAbove, maxAggregateLanes, mostTold, heights, counts, laneTotal });
  latest.current = { lanes, articlesById, selectedId, onSelect, onWindowChange, aggregateAbove, maxAggregateLanes, mostTold, heights, counts, laneTotal };
  const initialWindowRef = useRef(initialWindow);
  const initialHeightsRef = useRef(heights);

  /**
   * The pane as tall as its lanes' items, between the floor and the cap (vis-timeline's own minHeight/maxHeight
   * with an automatic height never settles when the items need less than the floor: its root stays hidden).
   */
  const fitHeightRef = useRef<() => void>(() => {});
  fitHeightRef.current = () => {
    const timeline = timelineRef.current;
    const root = containerRef.current?.querySelector<HTMLElement>('.vis-timeline');
    const centre = containerRef.current?.querySelector<HTMLElement>('.vis-panel.vis-center');
    if (!timeline || !root || !centre) return;
    let lanes = 0;
    for (const g of containerRef.current?.querySelectorAll<HTMLElement>('.vis-foreground .vis-group') ?? []) lanes += g.offsetHeight;
    const { min, max } = latest.current.heights;
    const wanted = Math.round(Math.min(max, Math.max(min, root.offsetHeight - centre.clientHeight + lanes)));
    if (Math.abs(wanted - root.offsetHeight) > 1) timeline.setOptions({ height: wanted });
  };

  /** Redraw what the current window needs. */
  const refreshRef = useRef<() => void>(() => {});
  refreshRef.current = () => {
    const timeline = timelineRef.current;
    const prepared = preparedRef.current;
    if (!timeline || !prepared) return;
    const { start, end } = timeline.getWindow();
    const from = fractionalDayOfLocal(start);
    const to = fractionalDayOfLocal(end);
    const margin = (to - from) * 0.5;
    const drawn = { from: from - margin, to: to + margin };
    // The scale of the items' pixel sizes (a bar's gap, a point's width), from the whole timeline's width: the
    // centre panel's width moves with the lane labels and the scroll bar, and a scale that moved with it would
    // redraw every item once more after each change of lanes (Fit at 1k events: 200 ms more before the frames settle).
    const pxPerDay = (containerRef.current?.clientWidth || 800) / Math.max(to - from, 1e-6);
    const { aggregateAbove: limit, maxAggregateLanes: maxLanes, mostTold } = latest.current;
    const groupOf = groupOfRef.current;
    // Content nodes are kept per event (and per count) so unchanged items compare equal; bounded, as a cache.
    if (contentCache.current.size > 5000) contentCache.current.clear();
    const overall = latest.current.counts?.(drawn.from, drawn.to) ?? null;
    const visible: VisibleItems = overall
      ? { mode: 'aggregate', buckets: overall, unit: overall[0]?.unit ?? 'month', total: overall.reduce((n, b) => n + b.count, 0) }
      : visibleItems(prepared, drawn.from, drawn.to, { limit, maxLanes, mostTold });
    const next: TimelineItem[] = [
      ...(visible.mode === 'aggregate' ? [] : visible.events).map((e, rank) => {
        let content = contentCache.current.get(e.id);
        if (!content) {
          content = eventContent(e);
          contentCache.current.set(e.id, content);
        }
        const item = eventItem(e, groupOf(e), drawn, content, pxPerDay);
        // The most-told stack by their rank, the first on top (the counts above them).
        return visible.mode === 'most-told' ? { ...item, rank } : item;
      }),
      ...(visible.mode === 'events' ? [] : visible.buckets).map((b) => {
        const key = `${b.id}:${b.count}${b.more ? '+' : ''}`;
        let content = contentCache.current.get(key);
        if (!content) {
          content = bucketContent(b);
          contentCache.current.set(key, content);
        }
        return bucketItem(b, pxPerDay, content);
      }),
    ];
    // Only the lanes that hold something drawn: vis-timeline lays out every lane it is given, on every redraw.
    const laneIds = new Set(next.map((i) => String(i.group)));
    const groups = groupsRef.current;
    const newGroups = [...laneIds].filter((id) => !groups.get(id)).map((id) => laneGroup(id, latest.current.laneTotal ?? prepared.lanes.size));
    if (newGroups.length) groups.add(newGroups);
    const items = itemsRef.current;
    const keep = new Set(next.map((i) => i.id));
    const stale = items.getIds().filter((id: string | number) => !keep.has(String(id)));
    if (stale.length) items.remove(stale);
    // Only what changed: an unchanged item given again costs vis-timeline a redraw of it.
    const changed = next.filter((i) => !sameItem(items.get(i.id), i));
    if (changed.length) items.update(changed);
    const staleGroups = groups.getIds().filter((id: string | number) => !laneIds.has(String(id)));
    if (staleGroups.length) groups.remove(staleGroups);
    // Nothing is written when nothing changed: a window change that draws the same items leaves the DOM alone.
    const sel = latest.current.selectedId;
    const selection = sel && keep.has(sel) ? [sel] : [];
    const current = timeline.getSelection().map(String);
    if (current.length !== selection.length || current[0] !== selection[0]) timeline.setSelection(selection);
    if (containerRef.current && containerRef.current.getAttribute('data-mode') !== visible.mode) containerRef.current.setAttribute('data-mode', visible.mode);
  };

  /** A lane's group for vis-timeline: an article's title or a source's name; `ALL_LANES` says how many it sums. */
  const laneGroup = (id: string, laneCount: number): DataGroup => {
    const cached = groupCache.current.get(id);
    if (cached) return cached;
    const { lanes: kind, articlesById: articles } = latest.current;
    const title =
      id === ALL_LANES
        ? `All ${countText(laneCount)} ${kind === 'article' ? 'articles' : 'sources'}`
        : kind === 'article'
          ? (articles.get(id)?.title ?? id)
          : id;
    const label = document.createElement('span');
    label.className = id === ALL_LANES ? 'tl-lane tl-lane-all' : 'tl-lane';
    label.textContent = title;
    label.title = title;
    const group: DataGroup = { id, content: label };
    groupCache.current.set(id, group);
    return group;
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const options: TimelineOptions = {
      ...toDates(initialWindowRef.current),
      height: initialHeightsRef.current.min,
      stack: true,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      zoomMin: MIN_SPAN_DAYS * 86_400_000,
      zoomMax: 1000 * 365.25 * 86_400_000,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 6 },
      verticalScroll: true,
      groupOrder: (a: DataGroup, b: DataGroup) => String(a.content instanceof HTMLElement ? a.content.textContent : a.content).localeCompare(String(b.content instanceof HTMLElement ? b.content.textContent : b.content)),
      tooltip: { followMouse: false, overflowMethod: 'cap' },
      xss: { disabled: false },
      ...(ordered.current ? { order: stackOrder } : {}),
    };
    const timeline = new Timeline(
      container,
      itemsRef.current as unknown as DataSet<DataItem>,
      groupsRef.current,
      options,
    );
    timelineRef.current = timeline;
    refreshRef.current();
    // vis-timeline says `rangechanged` 200 ms after the last change: the items follow every change, in the next
    // frame (one refresh per frame however many changes), and the URL follows `rangechanged`.
    let frame = 0;
    timeline.on('rangechange', () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        refreshRef.current();
      });
    });
    timeline.on('rangechanged', () => {
      refreshRef.current();
      const w = timeline.getWindow();
      latest.current.onWindowChange({ from: fractionalDayOfLocal(w.start), to: fractionalDayOfLocal(w.end) });
    });
    // When the lanes are taller than the pane, their labels' panel scrolls: it joins the tab order then (the arrow
    // keys scroll it, and vis-timeline scrolls the items with it), and leaves it when everything fits.
    const lanesPanel = container.querySelector<HTMLElement>('.vis-panel.vis-left');
    if (lanesPanel) {
      lanesPanel.setAttribute('role', 'region');
      lanesPanel.setAttribute('aria-label', 'Lanes (scroll with the arrow keys)');
    }
    timeline.on('changed', () => {
      fitHeightRef.current();
      if (!lanesPanel) return;
      const scrolls = lanesPanel.scrollHeight > lanesPanel.clientHeight + 1;
      if (scrolls !== (lanesPanel.tabIndex === 0)) {
        if (scrolls) lanesPanel.tabIndex = 0;
        else lanesPanel.removeAttribute('tabindex');
      }
    });
    timeline.on('select', (props: { items: (string | number)[] }) => {
      const id = props.items[0];
      if (id === undefined) {
        // A click on empty space does not clear the selection: Esc and the panel's Close do.
        const sel = latest.current.selectedId;
        if (sel && itemsRef.current.get(sel)) timeline.setSelection([sel]);
        return;
      }
      const item = itemsRef.current.get(String(id));
      if (!item) return;
      if (String(id).startsWith('agg:')) {
        // agg:<lane>:<unit>:<first day>: zoom to the period.
        const unit = String(id).split(':').at(-2) as BucketUnit;
        const s = Number(String(id).split(':').at(-1));
        const e = bucketOf(s, unit).toDay;
        const pad = (e - s) * 0.1;
        const target = toDates({ from: s - pad, to: e + pad });
        timeline.setWindow(target.start, target.end);
        return;
      }
      latest.current.onSelect(String(id));
    });
    return () => {
      cancelAnimationFrame(frame);
      timeline.destroy();
      timelineRef.current = null;
    };
  }, []);

  useEffect(() => {
    const sourceOf = (id: string) => articlesById.get(id)?.source ?? 'unknown source';
    groupOfRef.current = (e: TimedEvent) => laneOf(e, lanes, sourceOf);
    preparedRef.current = prepareEvents(events, groupOfRef.current);
    // Lane labels depend on the lane kind and the count of lanes: start over.
    groupCache.current.clear();
    groupsRef.current.clear();
    refreshRef.current();
  }, [events, lanes, articlesById]);

  useEffect(() => {
    fitHeightRef.current();
  }, [heights.min, heights.max]);

  // Most-told first stacks by rank (a custom order restacks the window's items on every redraw: only when needed;
  // without most-told, the ranks are equal and the order is by start, as vis-timeline's own). Given when the
  // timeline is made (setOptions just after would leave its first drawing hidden); later, when it is turned on.
  const ordered = useRef(mostTold > 0);
  useEffect(() => {
    if (mostTold <= 0 || ordered.current) return;
    ordered.current = true;
    timelineRef.current?.setOptions({ order: stackOrder });
  }, [mostTold]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setSelection(selectedId && itemsRef.current.get(selectedId) ? [selectedId] : []);
  }, [selectedId]);

  useImperativeHandle(
    ref,
    () => {
      const setWindow = (w: DayWindow, animate = true) => {
        const { start, end } = toDates(w);
        timelineRef.current?.setWindow(start, end, { animation: animate ? { duration: 300, easingFunction: 'easeInOutQuad' } : false });
      };
      const getWindow = (): DayWindow | null => {
        const t = timelineRef.current;
        if (!t) return null;
        const w = t.getWindow();
        return { from: fractionalDayOfLocal(w.start), to: fractionalDayOfLocal(w.end) };
      };
      return {
        setWindow,
        getWindow,
        getWidth() {
          const centre = containerRef.current?.querySelector<HTMLElement>('.vis-panel.vis-center');
          return centre?.clientWidth || containerRef.current?.clientWidth || 800;
        },
        focusEvent(e, zoom) {
          const current = getWindow();
          if (zoom || !current) {
            setWindow(focusWindow(e));
            return;
          }
          const f = focusWindow(e);
          const centre = (f.from + f.to) / 2;
          const half = (current.to - current.from) / 2;
          setWindow({ from: centre - half, to: centre + half });
        },
        moveToDay(day) {
          const current = getWindow();
          if (!current) return;
          const half = (current.to - current.from) / 2;
          setWindow({ from: day + 0.5 - half, to: day + 0.5 + half });
        },
        zoom(factor) {
          const current = getWindow();
          if (!current) return;
          const centre = (current.from + current.to) / 2;
          const half = Math.max(MIN_SPAN_DAYS / 2, ((current.to - current.from) / 2) * factor);
          setWindow({ from: centre - half, to: centre + half });
        },
      };
    },
    [],
  );

  return <div ref={containerRef} className="timeline-canvas" data-testid="timeline" />;
}
