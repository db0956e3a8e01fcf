import { queryOptions, useQuery } from '@tanstack/react-query';
import { searchIndex } from '../../../pipeline/schema.ts';
import { fetchJson, validated } from './data-url.ts';

/**
 * Every mention's excerpt text by the id its article gave it (search.json), validated; loaded when a reader
 * first searches. A merged event's text is under its id and its aliases: see `excerptTextOf`.
 */
export async function getSearchIndex(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const json = await fetchJson('search.json', signal);
  const texts = new Map<string, string>();
  for (const [id, text] of validated(searchIndex, json, 'search.json').events) {
    const before = texts.get(id);
    texts.set(id, before === undefined ? text : `${before}\n${text}`);
  }
  return texts;
}

/** The excerpt text of an event: of every mention merged into it, under its id or one of its aliases. */
export function excerptTextOf(texts: ReadonlyMap<string, string>, e: { id: string; aliases: readonly string[] }): string {
  const own = texts.get(e.id) ?? '';
  if (e.aliases.length === 0) return own;
  return [own, ...e.aliases.map((a) => texts.get(a) ?? '')].join('\n');
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
