/** Serving a made archive's tiled files (src/pipeline/tiles.ts) in place of the built dataset, for the archive-* specs. */
import type { Page } from '@playwright/test';
import { encodeIndex, type DatasetIndex, type SearchIndex } from '../src/pipeline/schema.ts';
import { excerptsOfSearch } from '../src/pipeline/search-shards.ts';
import { tileFiles, type TileOptions } from '../src/pipeline/tiles.ts';

/** The files the build writes for this index, by path under data/; `excerpts`: the excerpt of an event, by id. */
export function archiveFiles(index: DatasetIndex, options: TileOptions, excerpts: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const encoded = encodeIndex(index);
  const search: SearchIndex = { schemaVersion: 1, events: [...excerpts] };
  const files = tileFiles(encoded.articles, encoded.events, { ...options, excerpts: excerptsOfSearch(search, encoded.events) });
  return new Map([...files].map((f) => [f.path, f.content]));
}

/** Serves these files under data/ (anything else is a 404); records every data file asked for. */
export async function serveFiles(page: Page, files: ReadonlyMap<string, string>): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/data/**', (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/data\//, ''));
    asked.push(path);
    const body = files.get(path);
    if (body !== undefined) return route.fulfill({ body, contentType: 'application/json' });
    return route.fulfill({ status: 404, body: 'not here' });
  });
  return asked;
}
