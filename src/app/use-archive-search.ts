/** Search over a tiled archive's shards (docs/dataset-layout.md): only the shards of the query's words are fetched. */
import { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { searchShardQueryOptions, useSearchShards } from '../features/dataset/api/get-search-shard.ts';
import { archiveQuery, searchArchive, shardsOf, type ArchiveResults } from '../features/search/lib/search-archive.ts';
import type { SearchShard } from '../pipeline/schema.ts';

export type ArchiveSearch = { data: ArchiveResults | null; pending: boolean; error: Error | null };

export function useArchiveSearch(q: string, enabled: boolean): ArchiveSearch {
  const query = useMemo(() => archiveQuery(q), [q]);
  const prefixes = useMemo(() => (enabled ? shardsOf(query) : []), [enabled, query]);
  const shards = useSearchShards(prefixes);
  const key = shards.map((s) => (s.data ? 1 : 0)).join('');
  const data = useMemo(() => {
    if (!enabled || query.words.length === 0 || shards.some((s) => !s.data)) return null;
    return searchArchive(query, new Map(prefixes.map((p, i) => [p, shards[i]?.data as SearchShard])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, query, prefixes, key]);
  return { data, pending: enabled && query.words.length > 0 && shards.some((s) => s.isPending), error: shards.find((s) => s.error)?.error ?? null };
}

/**
 * Fetching ahead while the reader types: the shards of the words typed so far, before the search box sends the
 * query (it waits for a pause in the typing), so the results are there when it does.
 */
export function usePrefetchArchiveSearch(enabled: boolean): (text: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (text: string) => {
      if (!enabled) return;
      for (const p of shardsOf(archiveQuery(text))) void queryClient.prefetchQuery(searchShardQueryOptions(p));
    },
    [enabled, queryClient],
  );
}
