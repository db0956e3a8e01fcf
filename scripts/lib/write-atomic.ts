/**
 * Atomic dataset writes: the new dataset is written whole into a sibling folder, then swapped in with renames.
 * An interrupted or failed build leaves the previous dataset whole; a swap interrupted between its two renames
 * is repaired by the next build (the previous folder is put back).
 *
 * The incremental build stages the same way, but the staging folder gets hard links to the unchanged files of
 * the current dataset instead of copies (a link is a directory entry: no bytes written). Files are never
 * modified in place, so the previous dataset stays whole until the swap: `prepareStaging`, fill it, `swapIn`.
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

/** A fresh, empty staging folder beside `outDir` (after repairing an interrupted swap). */
export function prepareStaging(outDir: string): string {
  const out = resolve(outDir);
  recoverInterruptedSwap(out);
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

export function discardStaging(outDir: string, staging: string): void {
  rmSync(staging, { recursive: true, force: true });
  recoverInterruptedSwap(resolve(outDir));
}

/**
 * Replaces `outDir` with the filled staging folder: two renames. Returns the folder holding the previous
 * dataset (to remove; the caller may do it in parallel) or null when there was none.
 */
export function swapIn(outDir: string, staging: string): string | null {
  const out = resolve(outDir);
  mkdirSync(dirname(out), { recursive: true });
  const previous = `${out}.previous`;
  const had = existsSync(out);
  if (had) renameSync(out, previous);
  renameSync(staging, out);
  return had ? previous : null;
}
