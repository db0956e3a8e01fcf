import { queryOptions, useQuery } from '@tanstack/react-query';
import { decodeIndex, IndexRowError, indexFile } from '../../../pipeline/schema.ts';
import { buildDataset, type Dataset } from '../../../lib/dataset.ts';
import { DataFetchError, fetchJson, validated } from './data-url.ts';

/** The dataset index (every article and event, lean), validated once and sorted for the timeline. */
export async function getIndex(signal?: AbortSignal): Promise<Dataset> {
  const json = await fetchJson('index.json', signal);
  const file = validated(indexFile, json, 'index.json');
  try {
    return buildDataset(decodeIndex(file));
  } catch (error) {
    if (error instanceof IndexRowError) throw new DataFetchError(`index.json does not match the schema (${error.message}).`, null);
    throw error;
  }
}

export function indexQueryOptions() {
  return queryOptions({
    queryKey: ['dataset-index'],
    queryFn: ({ signal }) => getIndex(signal),
    // Maps and sorted arrays: nothing to share structurally, and the data is static.
    structuralSharing: false,
    staleTime: Infinity,
  });
}

/** The whole index, once `enabled` (overview.json says the archive is small enough, or there is none). */
export function useIndex(enabled = true) {
  return useQuery({ ...indexQueryOptions(), enabled });
}
