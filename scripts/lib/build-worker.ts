/**
 * A build worker thread: runs the per-file pipeline (extractFile) and writes output files, on batches the main
 * thread posts. Messages in, messages out; a failure is posted back, never thrown across threads.
 */
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync, writevSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { composeArticleFile, extractFile, type EventRef, type ExtractedFile } from './extract-entry.ts';

export type WriteTask =
  | { kind: 'link'; from: string; to: string }
  | { kind: 'compose'; to: string; entry: string; schemaVersion: number; eventCount: number; events: EventRef[] };

export type FileStamp = { ino: number; size: number; mtimeMs: number };

export type WorkerRequest =
  | { id: number; type: 'extract'; files: { path: string; file: string }[]; cacheDir: string; version: string }
  | { id: number; type: 'write'; tasks: WriteTask[]; failAfter: number | null }
  | { id: number; type: 'remove'; paths: string[] };

/** A request before the pool numbers it (distributive: each variant keeps its own fields). */
export type WorkerJob = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export type WorkerResponse =
  | { id: number; type: 'extracted'; results: ExtractedFile[] }
  | { id: number; type: 'written'; stamps: (FileStamp | null)[] }
  | { id: number; type: 'removed' }
  | { id: number; type: 'failed'; message: string };

/** A hard link shares the unchanged file's bytes; across file systems (or where links are refused) it is copied. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Writes the pieces in one vectored write (and the ones writev left, if it wrote less); creates the folder if missing. */
function writeParts(path: string, parts: readonly Buffer[]): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
  }
  try {
    const total = parts.reduce((n, p) => n + p.length, 0);
    const wrote = writevSync(fd, parts as Buffer[]);
    if (wrote < total) writeSync(fd, Buffer.concat(parts as Buffer[]).subarray(wrote));
  } finally {
    closeSync(fd);
  }
}

export function runWriteTasks(tasks: readonly WriteTask[], failAfter: number | null): (FileStamp | null)[] {
  const stamps: (FileStamp | null)[] = [];
  let written = 0;
  for (const t of tasks) {
    if (t.kind === 'link') {
      linkOrCopy(t.from, t.to);
      stamps.push(null);
      continue;
    }
    if (failAfter !== null && written >= failAfter) throw new Error(`simulated failure after ${written} files written by this batch (DATELINE_BUILD_FAIL_AFTER, for tests)`);
    const parts = composeArticleFile(readFileSync(t.entry), t.schemaVersion, t.eventCount, t.events);
    writeParts(t.to, parts);
    written++;
    const s = statSync(t.to);
    stamps.push({ ino: s.ino, size: s.size, mtimeMs: s.mtimeMs });
  }
  return stamps;
}

export function handle(req: WorkerRequest): WorkerResponse {
  try {
    switch (req.type) {
      case 'extract':
        return { id: req.id, type: 'extracted', results: req.files.map((f) => extractFile(f.path, f.file, req.cacheDir, req.version)) };
      case 'write':
        return { id: req.id, type: 'written', stamps: runWriteTasks(req.tasks, req.failAfter) };
      case 'remove':
        for (const p of req.paths) rmSync(p, { recursive: true, force: true });
        return { id: req.id, type: 'removed' };
    }
  } catch (error) {
    return { id: req.id, type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (req: WorkerRequest) => parentPort?.postMessage(handle(req)));
