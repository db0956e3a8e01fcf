/**
 * The main thread's side of the import worker: `importInWorker(items)` resolves with one outcome per item. File
 * bytes are copied (not transferred) so they can still be read here if the worker fails. Where a module worker cannot start, the same pure step runs here instead.
 */
import type { ImportRequest, ImportResponse } from '../import.worker.ts';
import type { ImportItem, ImportOutcome } from './run-import.ts';

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 1;
const pending = new Map<number, { resolve: (o: ImportOutcome[]) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function getWorker(): Worker | null {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL('../import.worker.ts', import.meta.url), { type: 'module', name: 'dateline-import' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    if ('error' in event.data) p.reject(new Error(event.data.error));
    else p.resolve(event.data.outcomes);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    workerFailed = true;
    failAll(new Error('The import worker stopped'));
  };
  return worker;
}

async function importHere(items: readonly ImportItem[]): Promise<ImportOutcome[]> {
  const [{ runImport }, { tagTimexes }] = await Promise.all([import('./run-import.ts'), import('../../../pipeline/temporal/tag-timexes.ts')]);
  return runImport(items, tagTimexes);
}

export function importInWorker(items: readonly ImportItem[]): Promise<ImportOutcome[]> {
  const w = getWorker();
  if (!w) return importHere(items);
  const id = nextId++;
  const request: ImportRequest = { id, items: [...items] };
  return new Promise<ImportOutcome[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage(request);
  }).catch(() => importHere(items));
}
