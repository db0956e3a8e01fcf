import { queryOptions, useQuery } from '@tanstack/react-query';
import { searchIndex } from '../../../pipeline/schema.ts';
import { DataFetchError, describeIssue, fetchJson } from './data-url.ts';

/** Every event's excerpt text by event id (search.json), validated; loaded when a reader first searches. */
export async function getSearchIndex(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const json = await fetchJson('search.json', signal);
  const parsed = searchIndex.safeParse(json);
  if (!parsed.success) {
    throw new DataFetchError(`search.json does not match the schema${describeIssue(parsed.error.issues)}.`, null);
  }
  return new Map(parsed.data.events);
}

export function searchIndexQueryOptions() {
  return queryOptions({
    queryKey: ['search-index'],
    queryFn: ({ signal }) => getSearchIndex(signal),
    structuralSharing: false,
    staleTime: Infinity,
  });
}

/** The excerpts to search, once `enabled` (the first keystroke, or a search in the URL). */
export function useSearchIndex(enabled: boolean) {
  return useQuery({ ...searchIndexQueryOptions(), enabled });
}
