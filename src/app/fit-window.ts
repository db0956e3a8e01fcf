/**
 * The window Fit frames: the events' days with a margin on the left and, on the right, room for the labels that
 * run past the last items (vis-timeline draws a label from where its item starts).
 */
import type { DayWindow } from '../features/timeline/components/timeline-view.tsx';
import { isDated, type TimedEvent } from '../lib/dataset.ts';

/** The window that shows all these events, with a margin, and room on the right for the last labels. */
export function fitWindow(events: readonly TimedEvent[], widthPx = 1000): DayWindow | null {
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    if (!isDated(e)) continue;
    const s = e.startDay ?? e.endDay ?? 0;
    const end = e.endDay ?? e.startDay ?? 0;
    from = Math.min(from, s);
    to = Math.max(to, end + 1);
  }
  return from > to ? null : framed({ from, to }, widthPx);
}

/**
 * Labels run to the right of where items start: the widest label (16rem, 11rem on a phone: timeline.css) and its
 * marker, in px.
 */
function labelRoomPx(widthPx: number): number {
  return widthPx <= 460 ? 190 : 272;
}

/**
 * A window around the days [from, to), as Fit frames them: 4 % of the span on the left; on the right, room for the
 * last items' labels (so many days that they take labelRoomPx of the window's widthPx), at most 60 % of the span.
 */
export function framed({ from, to }: DayWindow, widthPx: number): DayWindow {
  const span = Math.max(to - from, 10);
  const room = labelRoomPx(widthPx);
  const right = Math.min(0.6, (1.04 * room) / Math.max(widthPx - room, 100));
  return { from: from - span * 0.04, to: to + span * Math.max(0.04, right) };
}
