/**
 * The reader's own articles for the app: `useImportedDataset()` yields them as a dataset to merge with the built one
 * (`mergeOwnDataset`), `useImportActions()` imports and removes. Both read one TanStack Query entry, loaded from
 * IndexedDB. Each own article's detail is put in the query cache under the app's article query key (given once by
 * `useImportedDataset({ articleQueryKey })`), so the event panel and the reader open own events like any other,
 * without a request.
 */
import { useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { diagnosticAt, formatDiagnostic, hasErrors } from '../../../pipeline/diagnostic.ts';
import { importInWorker } from '../lib/import-client.ts';
import { builtId } from '../lib/own-ids.ts';
import { assembleOwn, type OwnDataset } from '../lib/own-dataset.ts';
import type { ImportItem } from '../lib/run-import.ts';
import { DB_NAME, openImportStore, type ImportStore, type ImportedRecord } from '../store/imported-store.ts';

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

let storePromise: Promise<ImportStore> | null = null;
function getStore(): Promise<ImportStore> {
  // One database per published copy of the app: two Dateline sites under sub-paths of one host (one origin, as on
  // GitHub Pages) keep their readers' imports apart.
  const base = new URL(import.meta.env.BASE_URL, window.location.href).pathname;
  storePromise ??= openImportStore(base === '/' ? DB_NAME : `${DB_NAME}:${base}`);
  return storePromise;
}

let articleQueryKey: ((articleId: string) => QueryKey) | null = null;

function seedArticles(client: QueryClient, own: OwnDataset): void {
  if (!articleQueryKey) return;
  for (const [id, detail] of own.articles) {
    const key = articleQueryKey(id);
    // Never collected, never refetched: there is no file to fetch it from.
    client.setQueryDefaults(key, { gcTime: Infinity, staleTime: Infinity });
    client.setQueryData(key, detail);
  }
}

async function loadImported(client: QueryClient): Promise<ImportedData> {
  const store = await getStore();
  let listed = await store.list();
  if (listed.stale.length > 0) {
    // Stored by an older version of the pipeline: import the kept text again.
    const outcomes = await importInWorker(listed.stale.map((s) => ({ file: s.file, text: s.text })));
    const now = new Date().toISOString();
    const again = outcomes.flatMap((o) => (o.extraction && o.text !== null ? [{ id: o.extraction.article.id, file: o.file, text: o.text, importedAt: now, extraction: o.extraction }] : []));
    await Promise.all(listed.stale.map((s) => store.remove(s.id)));
    await store.put(again);
    listed = await store.list();
  }
  const own = assembleOwn(listed.records.map((r) => r.extraction));
  seedArticles(client, own);
  return { records: listed.records, own, persistent: store.persistent, unreadable: listed.invalid };
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

  const importItems = useCallback(
    async (items: readonly ImportItem[]): Promise<ImportFileReport[]> => {
      const store = await getStore();
      const existing = new Set((await store.list()).records.map((r) => r.id));
      const outcomes = await importInWorker(items);
      const now = new Date().toISOString();
      const reports: ImportFileReport[] = [];
      const records: ImportedRecord[] = [];
      const seen = new Set<string>();
      for (const o of outcomes) {
        const x = o.extraction;
        if (!x || o.text === null || hasErrors(o.diagnostics)) {
          reports.push({ file: o.file, ok: false, messages: o.messages, article: null });
          continue;
        }
        const at = Math.max(0, x.article.text.indexOf(x.article.url));
        const refuse = (message: string, rule: string) =>
          reports.push({ file: o.file, ok: false, messages: [...o.messages, formatDiagnostic(o.file, diagnosticAt(x.article.text, at, 'error', message, rule))], article: null });
        if (published?.has(builtId(x.article.id))) {
          refuse(`Unexpected article ${x.article.url}, expected one the timeline does not have already`, 'import:published');
          continue;
        }
        if (seen.has(x.article.id)) {
          refuse(`Unexpected duplicate of the article ${x.article.url}, expected each article once`, 'import:duplicate');
          continue;
        }
        seen.add(x.article.id);
        records.push({ id: x.article.id, file: o.file, text: o.text, importedAt: now, extraction: x });
        const first = x.events.find((e) => e.kind === 'publication') ?? x.events[0];
        reports.push({
          file: o.file,
          ok: true,
          messages: o.messages,
          article: { id: x.article.id, title: x.article.title, eventCount: x.events.length, firstEventId: first?.id ?? null, replaced: existing.has(x.article.id) },
        });
      }
      if (records.length > 0) {
        await store.put(records);
        await client.fetchQuery({ ...importedQueryOptions(client), staleTime: 0 });
      }
      return reports;
    },
    [client, published],
  );

  const remove = useCallback(
    async (articleId: string): Promise<void> => {
      const store = await getStore();
      await store.remove(articleId);
      await client.fetchQuery({ ...importedQueryOptions(client), staleTime: 0 });
      if (articleQueryKey) client.removeQueries({ queryKey: articleQueryKey(articleId), exact: true });
    },
    [client],
  );

  return { importItems, remove };
}
