/**
 * A tiled archive (docs/dataset-layout.md) as the screen's dataset: the tiles of the window the timeline shows
 * (and one on each side, ahead of the pan), plus the tile of the event the URL opens, found through its id shard
 * before anything else is loaded. Zoomed out over more than a few tiles, nothing more is fetched: the timeline
 * draws the overview's month counts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { tileQueryOptions, useIdShard, useTiles } from '../features/dataset/api/get-tile.ts';
import type { DayWindow } from '../features/timeline/components/timeline-view.tsx';
import { monthBuckets, type Bucket } from '../features/timeline/lib/visible-items.ts';
import { dayNumber, parseDayTime } from '../lib/calendar-date.ts';
import { buildDataset, type Dataset } from '../lib/dataset.ts';
import { covered, mergeTiles, tilePeriods, tilesToLoad } from '../lib/tiles.ts';
import type { DatasetIndex, Overview } from '../pipeline/schema.ts';
import { idShardOf } from '../pipeline/tiles.ts';
import type { UrlState } from './url-state.ts';

/**
 * At most this many events are loaded for a window: three of the archive's fullest tiles (three full tiles of the
 * build, 12,000 events), fewer when its tiles are smaller; wider windows draw the overview's counts.
 */
const WINDOW_BUDGET = 12_000;

function windowBudget(view: Overview): number {
  let fullest = 0;
  for (const [, n] of view.tiles) if (n > fullest) fullest = n;
  return Math.min(WINDOW_BUDGET, 3 * fullest);
}

export type Archive = {
  /** Every event of the archive, loaded or not. */
  events: number;
  /** Lanes in the whole archive, by kind. */
  laneTotal: { article: number; source: number };
  /** The first and last day of the archive (Fit without filters). */
  extent: DayWindow | null;
  /** The overview's counts for a drawn range not covered by loaded tiles. */
  counts: (from: number, to: number) => Bucket[] | null;
  /** The window the screen shows now: its tiles are loaded. */
  onWindow: (w: DayWindow) => void;
  /** The URL's event is being looked up or loaded. */
  eventPending: boolean;
};

export type TiledDataset = { dataset: Dataset | undefined; archive: Archive | null; pending: boolean; error: Error | null; retry: () => void };

function windowOf(win: UrlState['win']): DayWindow | null {
  if (!win) return null;
  const from = parseDayTime(win.start);
  const to = parseDayTime(win.end);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

export function useTiledDataset(view: Overview | null, url: UrlState): TiledDataset {
  const queryClient = useQueryClient();
  const periods = useMemo(() => (view ? tilePeriods(view) : []), [view]);
  const months = useMemo(() => (view ? view.months.map(([m, n]) => [dayNumber(`${m}-01`), n] as const) : []), [view]);
  const [shown, setShown] = useState<DayWindow | null>(() => windowOf(url.win));
  // The window plus half of it on each side, as the timeline draws it.
  const windowTiles = useMemo(() => {
    if (!shown) return [];
    const margin = (shown.to - shown.from) * 0.5;
    return view ? tilesToLoad(periods, shown.from - margin, shown.to + margin, windowBudget(view)) : [];
  }, [periods, shown, view]);
  const prefix = view && url.event ? idShardOf(url.event, view.idWidth) : null;
  const shard = useIdShard(prefix);
  const eventTile = url.event && shard.data ? (shard.data[url.event] ?? null) : null;
  const names = useMemo(() => [...new Set([...(eventTile ? [eventTile] : []), ...windowTiles])], [eventTile, windowTiles]);
  const tiles = useTiles(names);
  // The screen's dataset changes once the window's tiles have all come (each change rebuilds it and redraws the
  // timeline: tiles arriving one by one would redraw it once each, and the last one's drawing would wait behind the
  // others'), and stays as it is when the window needs none (zoomed out: the overview's counts are drawn).
  const settledKey = names.length > 0 && tiles.every((t) => !t.isPending) ? tiles.map((t, i) => (t.data ? names[i] : '')).join('\n') : null;
  const lastKey = useRef('');
  if (settledKey !== null) lastKey.current = settledKey;
  const loadedKey = lastKey.current;
  const loaded = useMemo(() => {
    const order = new Map(view?.tiles.map(([name], i) => [name, i]));
    const got: { name: string; index: DatasetIndex }[] = [];
    for (const name of loadedKey.split('\n')) {
      const index = name ? queryClient.getQueryData(tileQueryOptions(name).queryKey) : undefined;
      if (index) got.push({ name, index });
    }
    got.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    return got;
  }, [loadedKey, view, queryClient]);
  const dataset = useMemo(() => (view ? buildDataset(mergeTiles(loaded.map((t) => t.index))) : undefined), [loaded, view]);
  const loadedNames = useMemo(() => new Set(loaded.map((t) => t.name)), [loaded]);
  const counts = useCallback((from: number, to: number) => (covered(periods, loadedNames, from, to) ? null : monthBuckets(months, from, to)), [periods, loadedNames, months]);
  const eventPending = url.event !== null && (shard.isPending || (eventTile !== null && !loadedNames.has(eventTile) && !tiles.some((t, i) => names[i] === eventTile && t.isError)));
  // The first view waits for what it opens on (the URL's event and window); later loads happen under the screen.
  const first = useRef(true);
  const waiting = eventPending || tiles.some((t) => t.isPending);
  if (!waiting) first.current = false;
  const failed = shard.error ?? tiles.find((t) => t.isError)?.error ?? null;
  const onWindow = useCallback((w: DayWindow) => {
    setShown((s) => (s && s.from === w.from && s.to === w.to ? s : w));
  }, []);
  const retry = useCallback(() => {
    void shard.refetch();
    for (const t of tiles) if (t.isError) void t.refetch();
  }, [shard, tiles]);
  const archive = useMemo<Archive | null>(() => {
    if (!view) return null;
    const extent = view.extent ? { from: dayNumber(view.extent[0]), to: dayNumber(view.extent[1]) + 1 } : null;
    return { events: view.events, laneTotal: { article: view.articles, source: view.sources.length }, extent, counts, onWindow, eventPending };
  }, [view, counts, onWindow, eventPending]);
  return { dataset, archive, pending: first.current && waiting, error: failed, retry };
}
