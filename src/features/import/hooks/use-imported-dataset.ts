/**
 * The reader's own articles for the app: `useImportedDataset()` yields them as a dataset to merge with the built one
 * (`mergeOwnDataset`), `useImportActions()` imports and removes. Both read one TanStack Query entry, loaded from
 * IndexedDB. Each own article's detail is put in the query cache under the app's article query key (given once by
 * `useImportedDataset({ articleQueryKey })`), so the event panel and the reader open own events like any other,
 * without a request.
 *
 * The working parts (IndexedDB, the worker, the pipeline) are in lib/imported-data.ts, loaded on first use: a browser
 * that has never imported (no database of ours) gets an empty result at once, without them.
 */
import { useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type * as WorkingParts from '../lib/imported-data.ts';
import type { OwnDataset } from '../lib/own-dataset.ts';
import type { ImportItem } from '../lib/run-import.ts';
import type { ImportedRecord } from '../store/imported-store.ts';
import { importDatabaseName } from '../store/db-name.ts';

export const IMPORTED_QUERY_KEY = ['imported-articles'] as const;

export type ImportedData = {
  records: readonly ImportedRecord[];
  own: OwnDataset;
  /** False when IndexedDB is unavailable: imports last until the page closes. */
  persistent: boolean;
  /** Stored records that could not be read back (and were left out). */
  unreadable: number;
};

/** How one file or text fared. `messages` are the CLI's `file:line:column: …` lines. */
export type ImportFileReport = {
  file: string;
  ok: boolean;
  messages: string[];
  article: { id: string; title: string; eventCount: number; firstEventId: string | null; replaced: boolean } | null;
};

let articleQueryKey: ((articleId: string) => QueryKey) | null = null;

let working: Promise<typeof WorkingParts> | null = null;
function loadWorkingParts() {
  working ??= import('../lib/imported-data.ts');
  return working;
}

const NOTHING_IMPORTED: ImportedData = {
  records: [],
  own: { index: { schemaVersion: 1, articles: [], events: [] }, articles: new Map(), messages: [] },
  persistent: true,
  unreadable: 0,
};

/** False only when IndexedDB says for sure that this site's database does not exist (nothing was ever imported). */
async function mayHaveImports(): Promise<boolean> {
  if (working) return true;
  try {
    if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
    const name = importDatabaseName();
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
}

/** The answer of `startImportCheck`, taken by the first load of the imported articles. */
let earlyCheck: Promise<boolean> | null = null;

/**
 * Asks IndexedDB now whether anything was ever imported (a round trip to the browser of 15–35 ms), so the answer is
 * there when the app's first render asks for the imported articles. Called once, as the app starts.
 */
export function startImportCheck(): void {
  earlyCheck ??= mayHaveImports();
}

async function loadImported(client: QueryClient): Promise<ImportedData> {
  // The early answer is good for the first load only: an import made since then creates the database.
  const check = earlyCheck ?? mayHaveImports();
  earlyCheck = null;
  if (!(await check)) return NOTHING_IMPORTED;
  return (await loadWorkingParts()).loadImported(client, articleQueryKey);
}

function importedQueryOptions(client: QueryClient) {
  return {
    queryKey: IMPORTED_QUERY_KEY,
    queryFn: () => loadImported(client),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    structuralSharing: false,
  };
}

/** The reader's own articles, events and details. `articleQueryKey` is the app's key for one article's detail. */
export function useImportedDataset(options: { articleQueryKey?: (articleId: string) => QueryKey } = {}) {
  if (options.articleQueryKey) articleQueryKey = options.articleQueryKey;
  const client = useQueryClient();
  return useQuery(importedQueryOptions(client));
}

export type ImportOptions = {
  /** Articles the timeline already has: an own copy of one of them is refused. */
  published?: { has(articleId: string): boolean };
};

export function useImportActions({ published }: ImportOptions = {}) {
  const client = useQueryClient();
  const refresh = useCallback(() => client.fetchQuery({ ...importedQueryOptions(client), staleTime: 0 }), [client]);

  const importItems = useCallback(
    async (items: readonly ImportItem[], signal?: AbortSignal): Promise<ImportFileReport[]> => (await loadWorkingParts()).importItems(items, published, refresh, signal),
    [published, refresh],
  );

  const remove = useCallback(
    async (articleId: string): Promise<void> => {
      await (await loadWorkingParts()).removeImported(articleId, refresh);
      if (articleQueryKey) client.removeQueries({ queryKey: articleQueryKey(articleId), exact: true });
    },
    [client, refresh],
  );

  return { importItems, remove };
}
