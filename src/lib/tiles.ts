/**
 * The app's side of the tiled layout (docs/dataset-layout.md): which tiles a window needs, and the loaded tiles
 * as one index. Tile names say their period: `2021` (a year), `2021-03` (a month), `2021-03-05` or `2021-03-05.2`
 * (a day, or part of one), `undated`.
 */
import type { ArticleSummary, DatasetIndex, EventSummary, Overview } from '../pipeline/schema.ts';
import { dayNumberOf } from './calendar-date.ts';

export type TilePeriod = { name: string; from: number; to: number; count: number };

const TILE_NAME = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?(?:\.\d+)?$/;

/** The days [from, to) of a tile's period, or null for an undated tile (or a name that is no period). */
export function periodOfTile(name: string): { from: number; to: number } | null {
  const m = TILE_NAME.exec(name);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: dayNumberOf({ year, month: 1, day: 1 }), to: dayNumberOf({ year: year + 1, month: 1, day: 1 }) };
  const month = Number(m[2]);
  if (m[3] === undefined) {
    const from = dayNumberOf({ year, month, day: 1 });
    return { from, to: month === 12 ? dayNumberOf({ year: year + 1, month: 1, day: 1 }) : dayNumberOf({ year, month: month + 1, day: 1 }) };
  }
  const from = dayNumberOf({ year, month, day: Number(m[3]) });
  return { from, to: from + 1 };
}

/** The overview's dated tiles with their periods, in time order. */
export function tilePeriods(view: Overview): TilePeriod[] {
  const out: TilePeriod[] = [];
  for (const [name, count] of view.tiles) {
    const p = periodOfTile(name);
    if (p) out.push({ name, ...p, count });
  }
  return out;
}

/** The first tile whose period ends after `day`. */
function firstEndingAfter(periods: readonly TilePeriod[], day: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((periods[mid] as TilePeriod).to <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tiles whose periods meet the days [from, to). */
export function tilesIn(periods: readonly TilePeriod[], from: number, to: number): TilePeriod[] {
  const out: TilePeriod[] = [];
  for (let i = firstEndingAfter(periods, from); i < periods.length && (periods[i] as TilePeriod).from < to; i++) out.push(periods[i] as TilePeriod);
  return out;
}

/**
 * The tiles to load for a window: those it meets and one on each side (ahead of the pan), or none when together
 * they hold more than `budget` events (zoomed out: the overview's counts are drawn instead).
 */
export function tilesToLoad(periods: readonly TilePeriod[], from: number, to: number, budget: number): string[] {
  const first = firstEndingAfter(periods, from);
  let last = first;
  let events = 0;
  while (last < periods.length && (periods[last] as TilePeriod).from < to) {
    events += (periods[last] as TilePeriod).count;
    if (events > budget) return [];
    last++;
  }
  const names: string[] = [];
  for (let i = Math.max(0, first - 1); i < Math.min(periods.length, last + 1); i++) names.push((periods[i] as TilePeriod).name);
  return names;
}

/** Whether every tile the days [from, to) meet is loaded. */
export function covered(periods: readonly TilePeriod[], loaded: ReadonlySet<string>, from: number, to: number): boolean {
  return tilesIn(periods, from, to).every((p) => loaded.has(p.name));
}

/** Loaded tiles as one index: each article once, the events of every tile (each event is in one tile only). */
export function mergeTiles(tiles: readonly DatasetIndex[]): DatasetIndex {
  const articles = new Map<string, ArticleSummary>();
  const events: EventSummary[] = [];
  for (const t of tiles) {
    for (const a of t.articles) if (!articles.has(a.id)) articles.set(a.id, a);
    for (const e of t.events) events.push(e);
  }
  return { schemaVersion: 1, articles: [...articles.values()], events };
}
