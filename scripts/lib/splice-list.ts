/**
 * Edits of a JSON list in a file, without parsing it: the old file's bytes are copied in runs, removed elements
 * left out, new ones put in. A list is known by its layout (where its first element starts, where each ends);
 * elements are separated by one comma, as JSON.stringify writes them.
 */
import type { ListLayout } from './dataset-state.ts';

const COMMA = Buffer.from(',');

export type Insert = { before: number; bytes: Buffer };

/** Where element `i` of the list starts. */
export function elementStart(l: ListLayout, i: number): number {
  return i === 0 ? l.start : (l.ends[i - 1] as number) + 1;
}

/** Where the list's closing bracket is. */
export function listEnd(l: ListLayout): number {
  return l.ends.length === 0 ? l.start : (l.ends[l.ends.length - 1] as number);
}

/** The bytes of element `i`. */
export function elementBytes(file: Buffer, l: ListLayout, i: number): Buffer {
  return file.subarray(elementStart(l, i), l.ends[i]);
}

/**
 * The list's elements after an edit, as pieces to write from offset `at` of the new file, and the new layout.
 * `remove`: old indexes, ascending, each once. `insert`: new elements, each placed before the old element of
 * index `before` (the list's length: at the end), ascending by `before`; those of one `before` keep their order.
 */
export function spliceList(file: Buffer, l: ListLayout, remove: readonly number[], insert: readonly Insert[], at: number): { pieces: Buffer[]; layout: ListLayout; end: number } {
  const n = l.ends.length;
  const ends = new Uint32Array(n - remove.length + insert.length);
  const pieces: Buffer[] = [];
  let pos = at;
  let count = 0;
  const comma = () => {
    if (count > 0) {
      pieces.push(COMMA);
      pos++;
    }
  };
  let r = 0;
  let s = 0;
  for (let i = 0; i <= n; ) {
    while (s < insert.length && (insert[s] as Insert).before <= i) {
      const b = (insert[s++] as Insert).bytes;
      comma();
      pieces.push(b);
      pos += b.length;
      ends[count++] = pos;
    }
    if (i === n) break;
    if (r < remove.length && remove[r] === i) {
      r++;
      i++;
      continue;
    }
    // A run of kept elements, up to the next removal or insertion: one piece, commas and all.
    const j = Math.min(r < remove.length ? (remove[r] as number) : n, s < insert.length ? (insert[s] as Insert).before : n, n);
    const from = elementStart(l, i);
    comma();
    const shift = pos - from;
    for (let k = i; k < j; k++) ends[count++] = (l.ends[k] as number) + shift;
    pieces.push(file.subarray(from, l.ends[j - 1]));
    pos = (l.ends[j - 1] as number) + shift;
    i = j;
  }
  if (r !== remove.length || count !== ends.length) throw new Error('a list edit names elements the list does not have');
  return { pieces, layout: { start: at, ends }, end: pos };
}

/** A list's elements as JSON.stringify writes them, as pieces to write from offset `at`, and its layout. */
export function encodeList(items: readonly unknown[], at: number): { pieces: Buffer[]; layout: ListLayout; end: number } {
  const ends = new Uint32Array(items.length);
  const pieces: Buffer[] = [];
  let end = at;
  items.forEach((x, i) => {
    const b = Buffer.from(`${i > 0 ? ',' : ''}${JSON.stringify(x)}`);
    pieces.push(b);
    end += b.length;
    ends[i] = end;
  });
  return { pieces, layout: { start: at, ends }, end };
}

/**
 * Parts joined by commas into a list, each part the elements of one input (or none), as pieces to write from
 * offset `at`: where each part went, as [offset, length] pairs by input, and where the list ends.
 */
export function joinParts(count: number, partOf: (i: number) => Buffer | null, at: number): { pieces: Buffer[]; parts: Uint32Array; end: number } {
  const parts = new Uint32Array(2 * count);
  const pieces: Buffer[] = [];
  let end = at;
  for (let i = 0; i < count; i++) {
    const part = partOf(i);
    if (!part || part.length === 0) continue;
    if (pieces.length > 0) {
      pieces.push(COMMA);
      end++;
    }
    parts[2 * i] = end;
    parts[2 * i + 1] = part.length;
    pieces.push(part);
    end += part.length;
  }
  return { pieces, parts, end };
}
