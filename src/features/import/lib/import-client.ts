/**
 * The main thread's side of the import worker: `importInWorker(items)` resolves with one outcome per item,
 * `assembleInWorker(extractions)` with the reader's own articles assembled into a dataset. The pipeline runs in the
 * worker only: module workers start in every browser the app supports (Chromium, Firefox, Safari ≥ 15), so there is
 * no main-thread copy of it to load. Where the worker cannot start or stops, the request fails with a message.
 */
import type { Extraction } from '../../../pipeline/build-dataset.ts';
import type { ImportRequest, ImportResponse } from '../import.worker.ts';
import type { OwnDataset } from './own-dataset.ts';
import type { ImportItem, ImportOutcome } from './run-import.ts';

type Answer = Exclude<ImportResponse, { error: string }>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../import.worker.ts', import.meta.url), { type: 'module', name: 'dateline-import' });
  w.onmessage = (event: MessageEvent<ImportResponse>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    if ('error' in event.data) p.reject(new Error(event.data.error));
    else p.resolve(event.data);
  };
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    // The next request starts a new worker.
    if (worker === w) worker = null;
    failAll(new Error('The import worker stopped'));
  };
  worker = w;
  return w;
}

function ask(request: ImportRequest): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let w: Worker;
    try {
      w = getWorker();
    } catch (error) {
      reject(new Error(`The import worker could not start (${String(error)})`));
      return;
    }
    pending.set(request.id, { resolve, reject });
    w.postMessage(request);
  });
}

export async function importInWorker(items: readonly ImportItem[]): Promise<ImportOutcome[]> {
  const answer = await ask({ id: nextId++, items: [...items] });
  if (!('outcomes' in answer)) throw new Error('The import worker answered out of turn');
  return answer.outcomes;
}

export async function assembleInWorker(extractions: readonly Extraction[]): Promise<OwnDataset> {
  const answer = await ask({ id: nextId++, assemble: [...extractions] });
  if (!('own' in answer)) throw new Error('The import worker answered out of turn');
  return answer.own;
}
