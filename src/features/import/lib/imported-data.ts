/**
 * The import feature's working parts, loaded on first use (an import, or a browser that has imported before): the
 * IndexedDB store and the worker client (the pipeline, extraction and the assembly of own articles, runs in the
 * worker). The hooks in hooks/use-imported-dataset.ts call them.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { articlePlace, splitItemFileName } from '../../../pipeline/article-units.ts';
import { formatDiagnostic, hasErrors } from '../../../pipeline/diagnostic.ts';
import type { ImportedData, ImportFileReport } from '../hooks/use-imported-dataset.ts';
import { assembleInWorker, importInWorker } from './import-client.ts';
import { builtId } from './own-ids.ts';
import type { OwnDataset } from './own-dataset.ts';
import type { ImportItem } from './run-import.ts';
import { openImportStore, type ImportStore, type ImportedRecord } from '../store/imported-store.ts';
import { importDatabaseName } from '../store/db-name.ts';

const NO_OWN_ARTICLES: OwnDataset = { index: { schemaVersion: 1, articles: [], events: [] }, articles: new Map(), messages: [] };

let storePromise: Promise<ImportStore> | null = null;
function getStore(): Promise<ImportStore> {
  storePromise ??= openImportStore(importDatabaseName());
  return storePromise;
}

function seedArticles(client: QueryClient, own: OwnDataset, articleQueryKey: ((articleId: string) => QueryKey) | null): void {
  if (!articleQueryKey) return;
  for (const [id, detail] of own.articles) {
    const key = articleQueryKey(id);
    // Never collected, never refetched: there is no file to fetch it from.
    client.setQueryDefaults(key, { gcTime: Infinity, staleTime: Infinity });
    client.setQueryData(key, detail);
  }
}

export async function loadImported(client: QueryClient, articleQueryKey: ((articleId: string) => QueryKey) | null): Promise<ImportedData> {
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
  const own = listed.records.length > 0 ? await assembleInWorker(listed.records.map((r) => r.extraction)) : NO_OWN_ARTICLES;
  seedArticles(client, own, articleQueryKey);
  return { records: listed.records, own, persistent: store.persistent, unreadable: listed.invalid };
}

/** Import files and texts; `refresh` reloads the imported data into the query cache; `signal` cancels (ImportCancelled). */
export async function importItems(
  items: readonly ImportItem[],
  published: { has(articleId: string): boolean } | undefined,
  refresh: () => Promise<unknown>,
  signal?: AbortSignal,
): Promise<ImportFileReport[]> {
  const store = await getStore();
  const existing = new Set((await store.list()).records.map((r) => r.id));
  const outcomes = await importInWorker(items, signal);
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
    // At the article's place in its file (a feed's item, a page's URL tag), named as the file.
    const refuse = (message: string, rule: string) =>
      reports.push({ file: o.file, ok: false, messages: [...o.messages, formatDiagnostic(splitItemFileName(o.file).file, { severity: 'error', ...articlePlace(x.article), message, rule })], article: null });
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
    await refresh();
  }
  return reports;
}

export async function removeImported(articleId: string, refresh: () => Promise<unknown>): Promise<void> {
  const store = await getStore();
  await store.remove(articleId);
  await refresh();
}
