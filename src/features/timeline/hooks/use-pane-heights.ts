import { useState, useSyncExternalStore } from 'react';
import { defaultPaneHeights, paneCeiling, paneHeightsFor, type PaneHeights } from '../lib/pane-height.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

const viewportHeight = () => window.innerHeight;

/** The timeline pane's heights for this viewport, and the cap the reader set with the resizer (none: the default). */
export function usePaneHeights(): { heights: PaneHeights; ceiling: number; setCap: (cap: number) => void } {
  const vh = useSyncExternalStore(subscribe, viewportHeight, () => 800);
  const [cap, setCap] = useState<number | null>(null);
  return { heights: cap === null ? defaultPaneHeights(vh) : paneHeightsFor(cap, vh), ceiling: paneCeiling(vh), setCap };
}
