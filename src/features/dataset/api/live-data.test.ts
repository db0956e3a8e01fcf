import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import type { Dataset } from '../../../lib/dataset.ts';
import { articleQueryOptions } from './get-article.ts';
import { indexQueryOptions } from './get-index.ts';
import { refetchBuiltData } from './live-data.ts';
import { searchIndexQueryOptions } from './get-search-index.ts';

test('a rebuilt dataset is fetched again: the index, the built articles, the search index; imported articles are left alone', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const fetched: string[] = [];
  const index = { articlesById: new Map([['a-built', {}]]) } as unknown as Dataset;
  // Each query on screen (an observer), as the app's are: invalidating one fetches it again.
  const shown = async (queryKey: readonly unknown[], data: unknown) => {
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: () => {
        fetched.push(JSON.stringify(queryKey));
        return data;
      },
      staleTime: Infinity,
    });
    observer.subscribe(() => {});
    await observer.refetch();
  };
  await shown(indexQueryOptions().queryKey, index);
  await shown(articleQueryOptions('a-built').queryKey, { built: true });
  await shown(articleQueryOptions('a-imported').queryKey, { own: true });
  await shown(searchIndexQueryOptions().queryKey, new Map());
  fetched.length = 0;
  await refetchBuiltData(client);
  expect(fetched.sort()).toEqual(['["article","a-built"]', '["dataset-index"]', '["search-index"]']);
  expect(client.getQueryData(articleQueryOptions('a-imported').queryKey)).toEqual({ own: true });
});
