/**
 * How tall the timeline pane may be. The pane is as tall as its lanes' items need, between a floor (so a sparse
 * window does not collapse it and move the list below on every pan) and a cap the reader can move with the
 * resizer below the pane (so every lane's items can be seen without scrolling inside the pane).
 */
export type PaneHeights = { min: number; max: number };

/** The smallest cap the resizer allows: the axis and one lane of items. */
export const PANE_FLOOR = 160;
/** How far one arrow key moves the resizer. */
export const PANE_STEP = 40;

/** The pane's floor and default cap for a viewport `viewportHeight` pixels tall. */
export function defaultPaneHeights(viewportHeight: number): PaneHeights {
  const vh = Math.max(viewportHeight, 0);
  const min = Math.round(Math.min(460, Math.max(230, vh * 0.4)));
  return { min, max: Math.max(min, Math.round(vh * 0.7)) };
}

/** The largest cap the resizer allows: most of the viewport, never less than the floor. */
export function paneCeiling(viewportHeight: number): number {
  return Math.max(PANE_FLOOR, Math.round(viewportHeight * 0.9));
}

/** The pane's heights for a cap the reader chose: the floor gives way when the cap is below it. */
export function paneHeightsFor(cap: number, viewportHeight: number): PaneHeights {
  const max = Math.round(Math.min(Math.max(cap, PANE_FLOOR), paneCeiling(viewportHeight)));
  return { min: Math.min(defaultPaneHeights(viewportHeight).min, max), max };
}
