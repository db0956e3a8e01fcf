import { queryOptions, useQueries } from '@tanstack/react-query';
import { searchShard, type SearchShard } from '../../../pipeline/schema.ts';
import { DataFetchError, fetchJson, validated } from './data-url.ts';

/** search/<prefix>.json: the words of a prefix and their latest events; a prefix no word has has no file (empty). */
export async function getSearchShard(prefix: string, signal?: AbortSignal): Promise<SearchShard> {
  const path = `search/${encodeURIComponent(prefix)}.json`;
  try {
    return validated(searchShard, await fetchJson(path, signal), path);
  } catch (error) {
    if (error instanceof DataFetchError && error.status === 404) return {};
    throw error;
  }
}

export function searchShardQueryOptions(prefix: string) {
  return queryOptions({
    queryKey: ['dataset-search', prefix],
    queryFn: ({ signal }) => getSearchShard(prefix, signal),
    staleTime: Infinity,
  });
}

/** The shards of these prefixes, each its own query (kept for the next query that needs it). */
export function useSearchShards(prefixes: readonly string[]) {
  return useQueries({ queries: prefixes.map((p) => searchShardQueryOptions(p)) });
}
