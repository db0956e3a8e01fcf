/**
 * vis-timeline items for events and aggregates. Content is always a DOM element filled with textContent: article
 * text never becomes HTML.
 */
import type { DataItem } from 'vis-timeline/peer';

/** A vis-timeline item whose content is a DOM node we built (vis types it as an HTML string). */
export type TimelineItem = Omit<DataItem, 'content'> & {
  id: string;
  content: HTMLElement;
  /** Where it stacks among items that overlap, with most-told first (`stackOrder`): lower is higher in its lane. */
  rank?: number;
};

/**
 * The stacking order with most-told first: counts on top (rank -1), then the events by rank (their place among the
 * most-told), then by start.
 */
export function stackOrder(a: TimelineItem, b: TimelineItem): number {
  return (a.rank ?? 0) - (b.rank ?? 0) || new Date(a.start).getTime() - new Date(b.start).getTime();
}
import { localDateOfNumber } from '../../../lib/calendar-date.ts';
import type { TimedEvent } from '../../../lib/dataset.ts';
import { formatInterval } from '../../../lib/format-interval.ts';
import type { Bucket, BucketUnit } from './visible-items.ts';

export type Lanes = 'article' | 'source';

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Whether an event is drawn as a point (a single day) rather than a range. */
export function isPoint(e: TimedEvent): boolean {
  return e.startDay !== null && e.startDay === e.endDay;
}

/** The date shown on the item: "≈ April 2021", "since 2014 →", "← by 20 Nov 2021". */
export function itemDateText(e: TimedEvent): string {
  const text = formatInterval(e, { approximateMark: true });
  if (e.openEnd && e.startDay !== null) return `${text} →`;
  if (e.startDay === null && e.endDay !== null) return `← ${text}`;
  return text;
}

export function eventContent(e: TimedEvent): HTMLElement {
  const root = el('span', 'tl-item');
  root.append(el('span', 'tl-item-date', itemDateText(e)), el('span', 'tl-item-label', e.label));
  root.title = `${itemDateText(e)} — ${e.label}`;
  return root;
}

export function eventClassName(e: TimedEvent): string {
  const classes = ['tl-event'];
  if (e.kind === 'publication') classes.push('is-publication');
  // The reader's own events (imported in this browser) have ids in the `own-` namespace (features/import/lib/own-ids.ts).
  if (e.articleId.startsWith('own-')) classes.push('is-own');
  if (e.approximate) classes.push('is-approximate');
  if (e.startDay === null) classes.push('is-open-start');
  if (e.openEnd) classes.push('is-open-end');
  if (!isPoint(e)) classes.push(`is-${e.precision}`);
  return classes.join(' ');
}

/**
 * The item for an event. Days are points at local noon (the middle of the day on the axis, whatever the zone);
 * ranges run from the local midnight of their first day to that after their last; an open side runs to the edge
 * of the drawn range (`edge`), where CSS fades it out.
 */
export function eventItem(
  e: TimedEvent,
  group: string,
  edge: { from: number; to: number },
  content: HTMLElement,
  pxPerDay: number,
): TimelineItem {
  const base = { id: e.id, group, content, className: eventClassName(e) };
  if (isPoint(e) && e.startDay !== null) return { ...base, type: 'point', start: localDateOfNumber(e.startDay, 12) };
  const from = e.startDay ?? Math.min(edge.from, (e.endDay ?? edge.from) - 30);
  const open = e.openEnd || e.endDay === null;
  const to = open ? Math.max(edge.to, (e.endDay ?? from + 30) + 1) : (e.endDay ?? from) + 1;
  const truePx = (to - from) * pxPerDay;
  if (!open && e.startDay !== null && truePx < COMPACT_PX) {
    // Too narrow for its label: the item is drawn wide enough to read (and to stack), the true extent as a bar.
    return {
      ...base,
      className: `${base.className} is-compact`,
      style: `--range-px: ${Math.max(3, Math.round(truePx))}px`,
      type: 'range',
      start: localDateOfNumber(from),
      end: localDateOfNumber(from + COMPACT_PX / pxPerDay),
    };
  }
  return { ...base, type: 'range', start: localDateOfNumber(from), end: localDateOfNumber(to) };
}

/** Ranges narrower than this many pixels get a readable label beside a bar of their true width. */
const COMPACT_PX = 150;

const UNIT_NAMES: Record<BucketUnit, string> = { day: 'day', week: 'week', month: 'month', year: 'year', decade: 'decade', century: 'century' };

/**
 * A count with thousands separators, "12,345" — as `toLocaleString('en')` writes it, without the cost of setting up
 * the locale's number format on the first load.
 */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What an aggregate shows: its count ("1,204 events"), or beside the most-told events, the rest ("+ 312 more"). */
export function bucketContent(b: Bucket): HTMLElement {
  const root = el('span', b.more ? 'tl-agg is-more' : 'tl-agg');
  const events = b.count === 1 ? 'event' : 'events';
  root.append(el('span', 'tl-agg-count', b.more ? `+ ${countText(b.count)} more` : `${countText(b.count)} ${events}`));
  root.title = b.more
    ? `${countText(b.count)} more ${events} in this ${UNIT_NAMES[b.unit]} (those told by the most articles are drawn): click to zoom in`
    : `${countText(b.count)} ${events} in this ${UNIT_NAMES[b.unit]}: click to zoom in`;
  return root;
}

/** A count for a period; drawn a few pixels short of the next period so neighbours sit on one row. */
export function bucketItem(b: Bucket, pxPerDay: number, root: HTMLElement = bucketContent(b)): TimelineItem {
  return {
    id: b.id,
    group: b.group,
    type: 'range',
    start: localDateOfNumber(b.fromDay),
    end: localDateOfNumber(b.toDay - Math.min((b.toDay - b.fromDay) * 0.3, 10 / Math.max(pxPerDay, 1e-9))),
    content: root,
    className: 'tl-aggregate',
    rank: -1,
  };
}

export function laneOf(e: TimedEvent, lanes: Lanes, sourceOf: (articleId: string) => string): string {
  return lanes === 'article' ? e.articleId : sourceOf(e.articleId);
}
