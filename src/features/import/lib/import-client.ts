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

/** The error of a request cancelled by its AbortSignal. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled');
    this.name = 'ImportCancelled';
  }
}

/** Stops the worker mid-work (whatever it was doing); the requests it held fail with `error`, the next one starts a new worker. */
function stopWorker(error: Error): void {
  worker?.terminate();
  worker = null;
  failAll(error);
}

function ask(request: ImportRequest, signal?: AbortSignal): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ImportCancelled());
      return;
    }
    let w: Worker;
    try {
      w = getWorker();
    } catch (error) {
      reject(new Error(`The import worker could not start (${String(error)})`));
      return;
    }
    const onAbort = () => stopWorker(new ImportCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    pending.set(request.id, {
      resolve: (a) => {
        done();
        resolve(a);
      },
      reject: (e) => {
        done();
        reject(e);
      },
    });
    w.postMessage(request);
  });
}

/**
 * Imports in the worker. `signal` cancels: the worker is terminated at once, however long the article (the
 * pipeline runs to its end between messages, so a cancel cannot wait for a message), and the promise rejects with
 * ImportCancelled.
 */
export async function importInWorker(items: readonly ImportItem[], signal?: AbortSignal): Promise<ImportOutcome[]> {
  const answer = await ask({ id: nextId++, items: [...items] }, signal);
  if (!('outcomes' in answer)) throw new Error('The import worker answered out of turn');
  return answer.outcomes;
}

export async function assembleInWorker(extractions: readonly Extraction[]): Promise<OwnDataset> {
  const answer = await ask({ id: nextId++, assemble: [...extractions] });
  if (!('own' in answer)) throw new Error('The import worker answered out of turn');
  return answer.own;
}
