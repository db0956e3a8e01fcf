/**
 * What the last build read of each input file, so that the next one need not read unchanged files again (an
 * incremental build of 10k articles otherwise reads 10k inputs and 10k whole cache entries to learn nothing).
 *
 * For each file: its stamp when it was read (inode, size, modification and change times), the key of its cache
 * entry, and the length of the entry's head (the lines the main thread uses, see extract-entry.ts), so a build
 * reads just those bytes of the entry. A file whose stamp is the same is taken as unchanged — as git and make
 * do — except when it was modified within TRUST_AFTER_MS of the state being saved (a write in the same clock
 * tick as the read would not show in the stamp). One small file (≈ 120 bytes an input), written whole under a
 * temporary name and renamed.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';

export type InputStamp = { ino: number; size: number; mtimeMs: number; ctimeMs: number };

export type InputRecord = { file: string; stamp: InputStamp; key: string; headBytes: number };

export type InputState = { version: string; savedAt: number; records: Map<string, InputRecord> };

const TRUST_AFTER_MS = 2000;

function stampOf(s: Stats): InputStamp {
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
}

/** The input file's stamp, taken before its bytes are read (a later write changes the stamp the next build sees). */
export function statInput(path: string): InputStamp | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? stampOf(s) : null;
}

/** The state a build of pipeline `version` saved at `path`, or null when there is none (or another version's). */
export function loadInputState(path: string, version: string): InputState | null {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return null;
  }
  try {
    const head = JSON.parse(lines[0] ?? '') as { version: string; savedAt: number };
    if (head.version !== version) return null;
    const records = new Map<string, InputRecord>();
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const [file, ino, size, mtimeMs, ctimeMs, key, headBytes] = JSON.parse(lines[i] as string) as [string, number, number, number, number, string, number];
      records.set(file, { file, stamp: { ino, size, mtimeMs, ctimeMs }, key, headBytes });
    }
    return { version, savedAt: head.savedAt, records };
  } catch {
    return null;
  }
}

/** The record of `file` if its stamp says it is unchanged since it was read, else null. */
export function unchanged(state: InputState | null, file: string, stamp: InputStamp): InputRecord | null {
  const r = state?.records.get(file);
  if (!r || !state) return null;
  const s = r.stamp;
  if (s.ino !== stamp.ino || s.size !== stamp.size || s.mtimeMs !== stamp.mtimeMs || s.ctimeMs !== stamp.ctimeMs) return null;
  return stamp.mtimeMs < state.savedAt - TRUST_AFTER_MS ? r : null;
}

export function saveInputState(path: string, version: string, records: readonly InputRecord[]): void {
  const lines = [JSON.stringify({ version, savedAt: Date.now() })];
  for (const r of records) lines.push(JSON.stringify([r.file, r.stamp.ino, r.stamp.size, r.stamp.mtimeMs, r.stamp.ctimeMs, r.key, r.headBytes]));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${lines.join('\n')}\n`);
  renameSync(tmp, path);
}

/** The first `bytes` bytes of a file as UTF-8 text, or null when the file is gone or shorter. */
export function readHead(path: string, bytes: number): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.allocUnsafe(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return n === bytes ? buf.toString('utf8') : null;
  } finally {
    closeSync(fd);
  }
}
