/**
 * The merge's bucket store: every mention of the dataset, grouped by the merge's bucket (mergeBucketOf), one
 * JSON line per bucket in one file of the cache. An incremental build reads the buckets an edit touches, re-runs
 * the merge on them alone (the groups of a bucket depend only on its mentions) and appends the new lines; the
 * table of where each bucket's line is lives in the manifest (dataset-state.ts), which is written after, so a
 * build that stops half-way leaves the store with bytes nobody points at, never a wrong line.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { MergeInput } from '../../src/pipeline/merge-events.ts';
import type { EventSummary } from '../../src/pipeline/schema.ts';

/**
 * A mention as the store keeps it: its article's id (not its position in index.json, which an article added or
 * removed moves), its index among the article's own events, its id and label, flags (1 approximate, 2 open end)
 * and the merge's stems (30-bit hashes) as base64 of 32-bit little-endian numbers. Its interval is its bucket's;
 * its kind is 'mention'.
 */
export type StoredMention = [articleId: string, k: number, id: string, label: string, flags: number, stems: string];

const APPROXIMATE = 1;
const OPEN_END = 2;

/** One buffer for every encoding (a million mentions at 100k articles: no buffer each). */
let scratch = Buffer.allocUnsafe(1024);

export function storedMention(articleId: string, k: number, id: string, label: string, approximate: boolean, openEnd: boolean, stems: readonly number[]): StoredMention {
  if (scratch.length < stems.length * 4) scratch = Buffer.allocUnsafe(stems.length * 8);
  for (let i = 0; i < stems.length; i++) scratch.writeUInt32LE(stems[i] as number, i * 4);
  return [articleId, k, id, label, (approximate ? APPROXIMATE : 0) | (openEnd ? OPEN_END : 0), scratch.toString('base64', 0, stems.length * 4)];
}

function stemsOf(m: StoredMention): number[] {
  const b = Buffer.from(m[5], 'base64');
  const out: number[] = new Array(b.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** The interval of a bucket, from its key (`start|end|precision`, null as "null"). */
export function intervalOfBucket(key: string): Pick<EventSummary, 'start' | 'end' | 'precision'> {
  const [start, end, precision] = key.split('|') as [string, string, EventSummary['precision']];
  return { start: start === 'null' ? null : start, end: end === 'null' ? null : end, precision };
}

/** The summary of a stored mention, as summaryOfLean makes it for its article. */
export function summaryOfStored(m: StoredMention, bucket: Pick<EventSummary, 'start' | 'end' | 'precision'>): EventSummary {
  const articleId = m[0];
  return { id: m[2], label: m[3], start: bucket.start, end: bucket.end, precision: bucket.precision, articleId, articleIds: [articleId], approximate: (m[4] & APPROXIMATE) !== 0, openEnd: (m[4] & OPEN_END) !== 0, kind: 'mention', aliases: [] };
}

export function mergeInputOfStored(m: StoredMention, bucket: Pick<EventSummary, 'start' | 'end' | 'precision'>): MergeInput {
  return { id: m[2], articleId: m[0], kind: 'mention', start: bucket.start, end: bucket.end, precision: bucket.precision, stems: stemsOf(m) };
}

export type BucketTable = Record<string, [offset: number, length: number]>;

/** Appends buckets to the store at `path` (created when `size` is 0) and says where each line went. */
export class BucketWriter {
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  readonly table: BucketTable = {};
  size: number;

  constructor(path: string, size: number) {
    this.fd = openSync(path, size === 0 ? 'w' : 'r+');
    this.size = size;
  }

  add(key: string, mentions: readonly StoredMention[]): void {
    const line = Buffer.from(`${JSON.stringify(mentions)}\n`);
    this.table[key] = [this.size + this.pendingBytes, line.length];
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= 1 << 22) this.flush();
  }

  private flush(): void {
    const b = Buffer.concat(this.pending);
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done, this.size + done);
    this.size += b.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/** Reads buckets' lines from the store (one open file for all). */
export class BucketReader {
  private fd: number | null = null;
  constructor(
    private readonly path: string,
    private readonly table: BucketTable,
  ) {}

  read(key: string): StoredMention[] {
    const at = this.table[key];
    if (!at) return [];
    this.fd ??= openSync(this.path, 'r');
    const buf = Buffer.allocUnsafe(at[1]);
    if (readSync(this.fd, buf, 0, at[1], at[0]) !== at[1]) throw new Error(`the bucket store ${this.path} is shorter than its table says`);
    return JSON.parse(buf.toString('utf8')) as StoredMention[];
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
