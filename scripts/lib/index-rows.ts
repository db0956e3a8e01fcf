/**
 * index.json's rows (schema 2: `[id, label, start, end, precision, flags, [article positions], [aliases]]`),
 * renumbered without parsing them: an article added or removed moves the positions of the articles after it,
 * and every row that names one must say its new position. The bytes of each row are scanned to its positions
 * (two strings, two strings or nulls, a string, a number: in UTF-8 no byte of a multi-byte character is a quote
 * or a backslash), and only rows whose positions change are written again.
 */
import type { ListLayout } from './dataset-state.ts';
import { elementStart } from './splice-list.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** Where the list of positions of the row starting at `at` is: the offsets of its `[` and its `]`. */
export function positionsSpan(file: Buffer, at = 0, end = file.length): [number, number] {
  let i = at + 1;
  for (let e = 0; e < 6; e++) {
    if (file[i] === QUOTE) {
      i++;
      while (i < end && file[i] !== QUOTE) i += file[i] === BACKSLASH ? 2 : 1;
      i++;
    } else while (i < end && file[i] !== COMMA) i++;
    if (i >= end || file[i] !== COMMA) throw new Error(`not an index row: ${file.toString('utf8', at, Math.min(end, at + 80))}`);
    i++;
  }
  const close = file.indexOf(CLOSE, i);
  if (file[i] !== OPEN || close < 0 || close >= end) throw new Error(`not an index row: ${file.toString('utf8', at, Math.min(end, at + 80))}`);
  return [i, close];
}

/**
 * The rows with every position p replaced by renumber[p], and their layout (from offset 0): one buffer, rows
 * copied as they are in runs, the positions of those that change written digit by digit.
 */
export function renumberRows(file: Buffer, rows: ListLayout, renumber: ArrayLike<number>): { file: Buffer; rows: ListLayout } {
  const n = rows.ends.length;
  const ends = new Uint32Array(n);
  const from = elementStart(rows, 0);
  // Each position grows by a digit at most: room for every byte of the rows, and as many again as there are digits.
  let out: Buffer = Buffer.allocUnsafe(n === 0 ? 0 : (rows.ends[n - 1] as number) - from + (n + 16) * 8);
  let w = 0;
  const positions: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = elementStart(rows, i);
    const e = rows.ends[i] as number;
    const [open, close] = positionsSpan(file, s, e);
    positions.length = 0;
    let changed = false;
    let v = -1;
    for (let k = open + 1; k <= close; k++) {
      const c = file[k] as number;
      if (c >= 0x30 && c <= 0x39) v = (v < 0 ? 0 : v * 10) + (c - 0x30);
      else if (v >= 0) {
        if (renumber[v] !== v) changed = true;
        positions.push(v);
        v = -1;
      }
    }
    if (out.length - w < 1 + e - s + positions.length * 12) out = grow(out, w + 1 + (e - s) + positions.length * 12);
    if (i > 0) out[w++] = COMMA;
    if (!changed) w += file.copy(out, w, s, e);
    else {
      w += file.copy(out, w, s, open + 1);
      w += out.write(positions.map((p) => renumber[p]).join(','), w, 'latin1');
      w += file.copy(out, w, close, e);
    }
    ends[i] = w;
  }
  return { file: out.subarray(0, w), rows: { start: 0, ends } };
}

function grow(b: Buffer, need: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(need, b.length * 2));
  b.copy(bigger);
  return bigger;
}
