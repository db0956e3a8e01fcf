import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { mergeBucketOf } from '../../src/pipeline/merge-events.ts';
import { BucketReader, BucketWriter, intervalOfBucket, mergeInputOfStored, storedMention, summaryOfStored } from './bucket-store.ts';
import { summaryOfLean, type LeanEvent } from './extract-entry.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bucket-store-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const day = fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const lean = fc.record({
  id: fc.string({ minLength: 1 }),
  label: fc.string(),
  start: fc.option(day),
  end: fc.option(day),
  precision: fc.constantFrom('day', 'month', 'year', 'decade'),
  approximate: fc.boolean(),
  openEnd: fc.boolean(),
  stems: fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 - 1 }), { maxLength: 40 }).map((a) => a.sort((x, y) => x - y)),
});

test('a mention kept in the store tells the merge and the index what its lean event told', () => {
  fc.assert(
    fc.property(lean, fc.string({ minLength: 1 }), (e, articleId) => {
      const l: LeanEvent = [e.id, e.label, e.start, e.end, e.precision as LeanEvent[4], e.approximate, e.openEnd, 'mention', e.stems];
      const stored = JSON.parse(JSON.stringify(storedMention(articleId, 7, e.id, e.label, e.approximate, e.openEnd, e.stems))) as ReturnType<typeof storedMention>;
      const bucket = intervalOfBucket(mergeBucketOf({ start: e.start, end: e.end, precision: l[4] }));
      expect(summaryOfStored(stored, bucket)).toEqual(summaryOfLean(l, articleId));
      expect(mergeInputOfStored(stored, bucket)).toEqual({ id: e.id, articleId, kind: 'mention', start: e.start, end: e.end, precision: e.precision, stems: e.stems });
      expect(stored.slice(0, 2)).toEqual([articleId, 7]);
    }),
  );
});

test('buckets appended to the store are read back where the table says, the earlier lines untouched', () => {
  const path = join(tmp, 'store.jsonl');
  const a = storedMention('a-1', 0, 'e-a', 'A', false, false, [1, 2, 3]);
  const b = storedMention('a-2', 2, 'e-b', 'B “quoted”', true, true, []);
  const first = new BucketWriter(path, 0);
  first.add('2020-01-01|2020-01-01|day', [a]);
  first.add('2020|2020|year', [a, b]);
  first.close();
  const second = new BucketWriter(path, first.size);
  second.add('2020|2020|year', [b]);
  second.close();
  const table = { ...first.table, ...second.table };
  const reader = new BucketReader(path, table);
  expect(reader.read('2020-01-01|2020-01-01|day')).toEqual([a]);
  expect(reader.read('2020|2020|year')).toEqual([b]);
  expect(reader.read('1999|1999|year')).toEqual([]);
  expect(new BucketReader(path, first.table).read('2020|2020|year')).toEqual([a, b]);
  reader.close();
});
