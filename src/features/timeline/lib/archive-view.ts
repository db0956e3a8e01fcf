/**
 * How the timeline reads an archive (hundreds of articles, or a tiled dataset) rather than a story of a few
 * articles: its most-told events first, and lanes by source (README, "Archives").
 */
import type { Lanes } from './timeline-items.ts';

/** More articles than this make a dataset an archive (a tiled dataset is one whatever its size). */
export const ARCHIVE_ARTICLES = 100;

/**
 * Events drawn in a window of an archive that holds more than the timeline draws one by one: those told by the most
 * articles; the rest are counted.
 */
export const MOST_TOLD = 100;

export function isArchive(articles: number, tiled: boolean): boolean {
  return tiled || articles > ARCHIVE_ARTICLES;
}

/** The lanes a reader gets when the URL does not say: by article for a story, by source for an archive. */
export function defaultLanes(archive: boolean): Lanes {
  return archive ? 'source' : 'article';
}
