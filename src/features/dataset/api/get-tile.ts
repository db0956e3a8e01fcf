import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { compactIndex, decodeIndex, idShard, IndexRowError, type DatasetIndex, type IdShard } from '../../../pipeline/schema.ts';
import { DataFetchError, fetchJson, validated } from './data-url.ts';

/** One period's events and the articles they name (tiles/<name>.json), decoded as index.json is. */
export async function getTile(name: string, signal?: AbortSignal): Promise<DatasetIndex> {
  const path = `tiles/${encodeURIComponent(name)}.json`;
  const file = validated(compactIndex, await fetchJson(path, signal), path);
  try {
    return decodeIndex(file);
  } catch (error) {
    if (error instanceof IndexRowError) throw new DataFetchError(`${path} does not match the schema (${error.message}).`, null);
    throw error;
  }
}

export function tileQueryOptions(name: string) {
  return queryOptions({
    queryKey: ['dataset-tile', name],
    queryFn: ({ signal }) => getTile(name, signal),
    structuralSharing: false,
    staleTime: Infinity,
  });
}

/** The tiles of these periods, each its own query: a period loaded once stays loaded. */
export function useTiles(names: readonly string[]) {
  return useQueries({ queries: names.map((name) => tileQueryOptions(name)) });
}

/** ids/<prefix>.json: which tile holds each event id and alias of the prefix; a shard that does not exist is empty. */
export async function getIdShard(prefix: string, signal?: AbortSignal): Promise<IdShard> {
  const path = `ids/${encodeURIComponent(prefix)}.json`;
  try {
    return validated(idShard, await fetchJson(path, signal), path);
  } catch (error) {
    if (error instanceof DataFetchError && error.status === 404) return {};
    throw error;
  }
}

export function idShardQueryOptions(prefix: string) {
  return queryOptions({
    queryKey: ['dataset-ids', prefix],
    queryFn: ({ signal }) => getIdShard(prefix, signal),
    staleTime: Infinity,
  });
}

export function useIdShard(prefix: string | null) {
  return useQuery({ ...idShardQueryOptions(prefix ?? ''), enabled: prefix !== null });
}
