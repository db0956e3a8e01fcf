/**
 * The reader's imported articles, kept in IndexedDB (through `idb`, a 1 kB promise wrapper) so they survive reloads
 * and never leave the browser. One record per article: the source text and its extraction. Records are validated
 * with the pipeline's zod schema when read, like every JSON that enters the app; a record whose extraction no longer
 * matches (an older version of the pipeline) comes back as `stale` with its text, to be imported again.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import type { Extraction } from '../../../pipeline/build-dataset.ts';
import { articleDetail, eventDetail } from '../../../pipeline/schema.ts';
import { DB_NAME } from './db-name.ts';

export type ImportedRecord = {
  /** The article's own id (`own-a-…`). */
  id: string;
  file: string;
  text: string;
  /** When it was imported, ISO 8601 (for the list's order and wording only). */
  importedAt: string;
  extraction: Extraction;
};

export type StaleRecord = { id: string; file: string; text: string };

export type StoredList = { records: ImportedRecord[]; stale: StaleRecord[]; invalid: number };

export interface ImportStore {
  /** False when IndexedDB is unavailable and the store lives in memory for this page only. */
  readonly persistent: boolean;
  list(): Promise<StoredList>;
  put(records: readonly ImportedRecord[]): Promise<void>;
  remove(id: string): Promise<void>;
}

const extraction = z.object({ file: z.string(), article: articleDetail.shape.article, events: z.array(eventDetail) });
const importedRecord = z.object({ id: z.string(), file: z.string(), text: z.string(), importedAt: z.string(), extraction });
const staleRecord = z.object({ id: z.string(), file: z.string(), text: z.string() });

/** Sort and validate raw records: valid ones by import time then id, stale ones for re-import, the rest counted. */
export function readRecords(raw: readonly unknown[]): StoredList {
  const records: ImportedRecord[] = [];
  const stale: StaleRecord[] = [];
  let invalid = 0;
  for (const r of raw) {
    const ok = importedRecord.safeParse(r);
    if (ok.success && ok.data.extraction.article.id === ok.data.id) {
      records.push(ok.data);
      continue;
    }
    const s = staleRecord.safeParse(r);
    if (s.success) stale.push({ id: s.data.id, file: s.data.file, text: s.data.text });
    else invalid++;
  }
  records.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
  return { records, stale, invalid };
}

interface ImportDb extends DBSchema {
  articles: { key: string; value: ImportedRecord };
}

const STORE = 'articles';

export async function openIndexedDbStore(name = DB_NAME): Promise<ImportStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const db: IDBPDatabase<ImportDb> = await openDB<ImportDb>(name, 1, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return {
    persistent: true,
    async list() {
      return readRecords(await db.getAll(STORE));
    },
    async put(records) {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    },
    async remove(id) {
      await db.delete(STORE, id);
    },
  };
}

/** The fallback when IndexedDB cannot be opened (some private modes): imports last until the page closes. */
export function memoryStore(): ImportStore {
  const map = new Map<string, ImportedRecord>();
  return {
    persistent: false,
    async list() {
      return readRecords([...map.values()].map((r) => structuredClone(r)));
    },
    async put(records) {
      for (const r of records) map.set(r.id, structuredClone(r));
    },
    async remove(id) {
      map.delete(id);
    },
  };
}

/** IndexedDB when it opens, else memory. */
export async function openImportStore(name = DB_NAME): Promise<ImportStore> {
  try {
    return await openIndexedDbStore(name);
  } catch {
    return memoryStore();
  }
}
