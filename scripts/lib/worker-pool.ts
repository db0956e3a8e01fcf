/**
 * A small pool of worker threads running scripts/lib/build-worker.ts. Requests go to the least busy worker;
 * each returns a promise of its response. Under tsx (the .ts sources run as they are), each worker registers
 * tsx's loader before importing the worker module.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerRequest, WorkerResponse } from './build-worker.ts';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number; pending: Map<number, Pending> };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;

  constructor(size: number) {
    const url = new URL('./build-worker.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(boot, { eval: true });
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
