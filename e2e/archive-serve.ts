/** Serving a made archive's tiled files (src/pipeline/tiles.ts) in place of the built dataset, for the archive-* specs. */
import type { Page } from '@playwright/test';
import { encodeIndex, type DatasetIndex } from '../src/pipeline/schema.ts';
import { tileFiles, type TileOptions } from '../src/pipeline/tiles.ts';

/** The files the build writes for this index, by path under data/. */
export function archiveFiles(index: DatasetIndex, options: TileOptions): Map<string, string> {
  const encoded = encodeIndex(index);
  return new Map([...tileFiles(encoded.articles, encoded.events, options)].map((f) => [f.path, f.content]));
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
