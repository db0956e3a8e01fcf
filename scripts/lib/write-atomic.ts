/**
 * Atomic dataset writes: the new dataset is written whole into a sibling folder, then swapped in with renames.
 * An interrupted or failed build leaves the previous dataset whole; a swap interrupted between its two renames
 * is repaired by the next build (the previous folder is put back).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type OutputFile = { path: string; content: string };

export function recoverInterruptedSwap(outDir: string): void {
  const out = resolve(outDir);
  const previous = `${out}.previous`;
  if (!existsSync(out) && existsSync(previous)) renameSync(previous, out);
  else if (existsSync(previous)) rmSync(previous, { recursive: true, force: true });
}

/** Writes every file under a fresh staging folder, then replaces `outDir` with it. */
export function writeDatasetAtomically(outDir: string, files: Iterable<OutputFile>): void {
  const out = resolve(outDir);
  recoverInterruptedSwap(out);
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(staging, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    mkdirSync(staging, { recursive: true });
    mkdirSync(dirname(out), { recursive: true });
    if (existsSync(out)) renameSync(out, `${out}.previous`);
    renameSync(staging, out);
    rmSync(`${out}.previous`, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    recoverInterruptedSwap(out);
    throw error;
  }
}
