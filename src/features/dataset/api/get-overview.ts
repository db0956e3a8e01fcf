import { queryOptions, useQuery } from '@tanstack/react-query';
import { overview, type Overview } from '../../../pipeline/schema.ts';
import { fetchJson, validated } from './data-url.ts';

/**
 * overview.json (docs/dataset-layout.md): what the app reads first, small whatever the archive. A dataset without
 * one (an older build, a hand-made folder) or one that cannot be read gives null: the app reads index.json whole,
 * and says what went wrong with that.
 */
export async function getOverview(signal?: AbortSignal): Promise<Overview | null> {
  try {
    return validated(overview, await fetchJson('overview.json', signal), 'overview.json');
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
}

export function overviewQueryOptions() {
  return queryOptions({
    queryKey: ['dataset-overview'],
    queryFn: ({ signal }) => getOverview(signal),
    staleTime: Infinity,
  });
}

export function useOverview() {
  return useQuery(overviewQueryOptions());
}
