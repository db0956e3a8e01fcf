/**
 * The excerpts of index.json's rows, read from search.json for the search shards (src/pipeline/search-shards.ts).
 * search.json is in article order and keyed by the ids the extractions gave (a merged event's id and aliases); the
 * shards index rows in time order. So search.json is scanned once, in chunks, for where each excerpt is (its id's
 * row, and its bytes' offsets): a few typed arrays, not the file's text, stay in memory; a row's excerpts are then
 * read back from the file when the shards come to it.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { EventRow } from '../../src/pipeline/schema.ts';
import type { RowExcerpts } from '../../src/pipeline/search-shards.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CHUNK = 8 * 1024 * 1024;

/** Grows by doubling: offsets of excerpts, as many as search.json has. */
class Numbers {
  data = new Float64Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = n;
  }
}

/**
 * Where every excerpt of search.json (`{"schemaVersion":…,"events":[["id","text"],…]}`) is: the row of its id
 * (or alias), and the offsets of its text's JSON string, quotes included. Ids no row has are left out.
 */
export function excerptSpans(path: string, rowOf: (id: string) => number | undefined, chunk = CHUNK): { rows: Numbers; starts: Numbers; ends: Numbers } {
  const rows = new Numbers();
  const starts = new Numbers();
  const ends = new Numbers();
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunk);
    let depth = 0;
    let inString = false;
    let escape = false;
    let field = 0;
    let start = 0;
    let id: number[] = [];
    let row: number | undefined;
    for (let base = 0; ; ) {
      const n = readSync(fd, buf, 0, chunk, base);
      if (n === 0) break;
      for (let k = 0; k < n; k++) {
        const b = buf[k] as number;
        if (inString) {
          if (depth === 2 && field === 0) id.push(b);
          if (escape) escape = false;
          else if (b === BACKSLASH) escape = true;
          else if (b === QUOTE) {
            inString = false;
            if (depth !== 2) continue;
            if (field === 0) {
              // The id with its quotes: JSON.parse undoes any escape in it.
              row = rowOf(JSON.parse(Buffer.from(id).toString('utf8')) as string);
              id = [];
            } else if (field === 1 && row !== undefined) {
              rows.push(row);
              starts.push(start);
              ends.push(base + k + 1);
            }
            field++;
          }
        } else if (b === QUOTE) {
          inString = true;
          start = base + k;
          if (depth === 2 && field === 0) id.push(b);
        } else if (b === OPEN) {
          depth++;
          if (depth === 2) field = 0;
        } else if (b === CLOSE) depth--;
      }
      base += n;
    }
  } finally {
    closeSync(fd);
  }
  return { rows, starts, ends };
}

/**
 * A search.json up to this size is read once, whole, for the excerpts; a larger one excerpt by excerpt. (One read
 * call per excerpt took 1.7 s of the 1.8 s an edit of one article spent reading, at 10k articles; a search.json of
 * 100k articles is ≈ 160 MB, of 1M past this.)
 */
const WHOLE_READ_MAX = 256 * 1024 * 1024;

/**
 * Each row's excerpts, from search.json at `path`, for `rows` (index.json's, in its order). The returned function
 * reads from the file until `close` is called. (`chunk`: the bytes read at a time while scanning; `wholeReadMax`:
 * the largest file read whole.)
 */
export function rowExcerpts(path: string, rows: readonly EventRow[], chunk = CHUNK, wholeReadMax = WHOLE_READ_MAX): { excerpts: RowExcerpts; close: () => void } {
  const at = new Map<string, number>();
  rows.forEach((r, i) => {
    at.set(r[0], i);
    for (const alias of r[7]) at.set(alias, i);
  });
  const spans = excerptSpans(path, (id) => at.get(id), chunk);
  at.clear();
  // The excerpts by row: counting sort of their positions (first[r] .. first[r + 1] in `order`).
  const first = new Uint32Array(rows.length + 1);
  for (let k = 0; k < spans.rows.length; k++) {
    const r = (spans.rows.data[k] as number) + 1;
    first[r] = (first[r] as number) + 1;
  }
  for (let r = 0; r < rows.length; r++) first[r + 1] = (first[r + 1] as number) + (first[r] as number);
  const fill = first.slice(0, rows.length);
  const order = new Uint32Array(spans.rows.length);
  for (let k = 0; k < spans.rows.length; k++) {
    const r = spans.rows.data[k] as number;
    const j = fill[r] as number;
    order[j] = k;
    fill[r] = j + 1;
  }
  const fd = openSync(path, 'r');
  const whole = fstatSync(fd).size <= wholeReadMax ? readFileSync(fd) : null;
  let buf = Buffer.allocUnsafe(64 * 1024);
  const excerpts: RowExcerpts = (row) => {
    const out: string[] = [];
    for (let j = first[row] as number; j < (first[row + 1] as number); j++) {
      const k = order[j] as number;
      const start = spans.starts.data[k] as number;
      const length = (spans.ends.data[k] as number) - start;
      if (whole) {
        out.push(JSON.parse(whole.toString('utf8', start, start + length)) as string);
        continue;
      }
      if (buf.length < length) buf = Buffer.allocUnsafe(length * 2);
      readSync(fd, buf, 0, length, start);
      out.push(JSON.parse(buf.toString('utf8', 0, length)) as string);
    }
    return out;
  };
  return { excerpts, close: () => closeSync(fd) };
}
