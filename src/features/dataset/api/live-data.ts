/**
 * Under `npm start` the dev server rebuilds the dataset when the articles folder changes and says so
 * (scripts/lib/live-data.ts): the built data — the overview, the index or the tiles, the built articles' files, the search index — is fetched
 * again, in place: the selected event, the window and the filters stay. Articles imported into this browser are
 * held in the same article queries but have no file to fetch: they are left alone. In a production build there is
 * no dev server, and this does nothing.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Dataset } from '../../../lib/dataset.ts';
import { DATA_CHANGED_EVENT } from '../../../lib/live-data-event.ts';
import { indexQueryOptions } from './get-index.ts';
import { overviewQueryOptions } from './get-overview.ts';
import { searchIndexQueryOptions } from './get-search-index.ts';

export async function refetchBuiltData(client: QueryClient): Promise<void> {
  const index = indexQueryOptions().queryKey;
  // A tiled archive: the overview, then the tiles and id shards on screen.
  await client.invalidateQueries({ queryKey: overviewQueryOptions().queryKey });
  await Promise.all([client.invalidateQueries({ queryKey: ['dataset-tile'] }), client.invalidateQueries({ queryKey: ['dataset-ids'] })]);
  await client.invalidateQueries({ queryKey: index });
  const built = client.getQueryData<Dataset>(index)?.articlesById;
  await Promise.all([
    client.invalidateQueries({ queryKey: ['article'], predicate: (q) => built?.has(String(q.queryKey[1])) === true }),
    client.invalidateQueries({ queryKey: searchIndexQueryOptions().queryKey }),
  ]);
}

export function followDataChanges(client: QueryClient): void {
  if (!import.meta.hot) return;
  import.meta.hot.on(DATA_CHANGED_EVENT, () => void refetchBuiltData(client));
}
