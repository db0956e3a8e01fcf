/**
 * index.json's rows (schema 2: `[id, label, start, end, precision, flags, [article positions], [aliases]]`), in the
 * file's bytes, sorted by compareRows (start, or end, then id):
 *   - spliceRows: rows out (found by their sort key, by binary search) and rows in, in order;
 *   - renumberRows: every position renumbered without parsing the rows — an article added or removed moves the
 *     positions of the articles after it. Each row's bytes are scanned to its positions (two strings, two strings
 *     or nulls, a string, a number: in UTF-8 no byte of a multi-byte character is a quote or a backslash), and only
 *     rows whose positions change are written again.
 */
import type { EventRow } from '../../src/pipeline/schema.ts';
import type { ListLayout } from './dataset-state.ts';
import { compareRowKeys, compareRows } from '../../src/pipeline/tiles.ts';
import { elementBytes, elementStart, spliceList, type Insert } from './splice-list.ts';

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

/** A row's place in the order: its sort key (start, or end when open at the start) and its id. */
export type RowKey = { key: string; id: string };

function rowKeyOf(r: EventRow): RowKey {
  return { key: r[2] ?? r[3] ?? '', id: r[0] };
}

/**
 * The rows after removing those of `remove` (each must be there) and putting `add` in their places, as pieces to
 * write from offset `at`, and their layout; or a message when a row to remove is not where the order says.
 */
export function spliceRows(file: Buffer, rows: ListLayout, remove: readonly RowKey[], add: readonly EventRow[], at: number): ReturnType<typeof spliceList> | string {
  const keyAt = (i: number) => rowKeyOf(JSON.parse(elementBytes(file, rows, i).toString('utf8')) as EventRow);
  const lowerBound = ({ key, id }: RowKey) => {
    let lo = 0;
    let hi = rows.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = keyAt(mid);
      if (compareRowKeys(r.key, r.id, key, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const gone: number[] = [];
  for (const k of remove) {
    const i = lowerBound(k);
    const found = i < rows.ends.length ? keyAt(i) : null;
    if (!found || found.key !== k.key || found.id !== k.id) return `the row ${k.id} is not where the order puts it`;
    gone.push(i);
  }
  gone.sort((a, b) => a - b);
  if (gone.some((r, k) => k > 0 && r === gone[k - 1])) return 'a row to remove is named twice';
  const inserts: Insert[] = [...add].sort(compareRows).map((r) => ({ before: lowerBound(rowKeyOf(r)), bytes: Buffer.from(JSON.stringify(r)) }));
  return spliceList(file, rows, gone, inserts, at);
}
