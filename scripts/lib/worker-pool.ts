/**
 * A small pool of worker threads running scripts/lib/build-worker.ts. Requests go to the least busy worker;
 * each returns a promise of its response. Run from a bundle (scripts/run-ts.mjs), each worker runs the bundle the
 * launcher made of the worker module; under tsx (the .ts sources run as they are), each worker registers tsx's
 * loader before importing the worker module.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerRequest, WorkerResponse } from './build-worker.ts';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number; pending: Map<number, Pending> };

/** Set by scripts/run-ts.mjs: the bundle it made of each module started by URL, by the module's source file URL. */
const BUNDLES = Symbol.for('dateline.run-ts.bundles');

/** A worker running the module at `url` (a .ts source): its bundle when there is one, else the source under tsx. */
function startWorker(url: string): Worker {
  const bundled = (globalThis as { [key: symbol]: Record<string, string> | undefined })[BUNDLES]?.[url];
  if (bundled !== undefined) return new Worker(new URL(bundled));
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;

  constructor(size: number) {
    const url = new URL('./build-worker.ts', import.meta.url).href;
    for (let i = 0; i < size; i++) {
      const worker = startWorker(url);
      const slot: Slot = { worker, busy: 0, pending: new Map() };
      worker.on('message', (res: WorkerResponse) => {
        const p = slot.pending.get(res.id);
        if (!p) return;
        slot.pending.delete(res.id);
        slot.busy--;
        p.resolve(res);
      });
      worker.on('error', (error) => {
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run(req: WorkerJob): Promise<WorkerResponse> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
