import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { EventRow } from '../../src/pipeline/schema.ts';
import type { ListLayout } from './dataset-state.ts';
import { positionsSpan, renumberRows, spliceRows } from './index-rows.ts';
import { elementBytes } from './splice-list.ts';

function fileOf(rows: readonly EventRow[]): { file: Buffer; layout: ListLayout } {
  const ends = new Uint32Array(rows.length);
  let text = '';
  rows.forEach((r, i) => {
    text += `${i > 0 ? ',' : ''}${JSON.stringify(r)}`;
    ends[i] = Buffer.byteLength(text);
  });
  return { file: Buffer.from(text), layout: { start: 0, ends } };
}

// Labels and ids with what could fool a scanner: quotes, backslashes, brackets, commas, any Unicode.
const tricky = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('a "quoted" ] label, [1,2]', 'back\\slash\\', '\\"', 'é ü 日本 😀', ''));
const row = (articles: number) =>
  fc.tuple(
    tricky,
    tricky,
    fc.option(fc.constantFrom('2021-04-01', '1999', '2020-11')),
    fc.option(fc.constantFrom('2021-04-30', '1999-12-31')),
    fc.constantFrom('day', 'month', 'year'),
    fc.integer({ min: 0, max: 7 }),
    fc.uniqueArray(fc.integer({ min: 0, max: articles - 1 }), { minLength: 1, maxLength: 4 }),
    fc.array(tricky, { maxLength: 3 }),
  ) as fc.Arbitrary<EventRow>;

test('rows renumbered in their bytes are the rows with their positions renumbered, as JSON.stringify writes them', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(row(n), { maxLength: 20 }), fc.integer({ min: 0, max: n }))),
      ([n, rows, at]) => {
        // An article inserted at position `at`: every position from `at` on moves one up.
        const renumber = Array.from({ length: n }, (_, p) => (p >= at ? p + 1 : p));
        const { file, layout } = fileOf(rows);
        const out = renumberRows(file, layout, renumber);
        const want = fileOf(rows.map((r) => [...r.slice(0, 6), r[6].map((p) => renumber[p] as number), r[7]] as EventRow));
        expect(out.file.toString()).toBe(want.file.toString());
        expect([...out.rows.ends]).toEqual([...want.layout.ends]);
        rows.forEach((r, i) => {
          const b = elementBytes(file, layout, i);
          const [open, close] = positionsSpan(b);
          expect(JSON.parse(b.toString('utf8', open, close + 1))).toEqual(r[6]);
        });
      },
    ),
  );
});

test('bytes that are not a row are refused', () => {
  expect(() => positionsSpan(Buffer.from('["a","b"]'))).toThrow(/not an index row/);
  expect(() => positionsSpan(Buffer.from('["a,"b'))).toThrow(/not an index row/);
  expect(() => positionsSpan(Buffer.from('["a","b",null,null,"day",0,1]'))).toThrow(/not an index row/);
});

test('rows spliced out and in by their sort keys are the rows of the order, as a sort would give them', () => {
  const dated = fc.tuple(fc.option(fc.constantFrom('2021-04-01', '2021-04-02', '1999', '2020-11'), { nil: null }), fc.string({ minLength: 1, maxLength: 6 }));
  fc.assert(
    fc.property(fc.uniqueArray(dated, { selector: ([, id]) => id, maxLength: 25 }), fc.array(fc.boolean(), { maxLength: 25 }), fc.nat(10), (keys, drop, extra) => {
      const rowOf = ([start, id]: [string | null, string], label = 'x'): EventRow => [id, label, start, null, 'day', 0, [0], []];
      const all = keys.map((k) => rowOf(k));
      const sorted = (rows: EventRow[]) => [...rows].sort((a, b) => ((a[2] ?? '') < (b[2] ?? '') ? -1 : (a[2] ?? '') > (b[2] ?? '') ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      // The first `extra` rows are new (not yet in the file); of the others, those marked are removed, and some of
      // those come back with another label (a group whose row changed).
      const fresh = all.slice(0, extra);
      const inFile = sorted(all.slice(extra));
      const removed = inFile.filter((_, i) => drop[i] === true);
      const back = removed.filter((_, i) => i % 2 === 0).map((r) => [r[0], 'changed', ...r.slice(2)] as EventRow);
      const { file, layout } = fileOf(inFile);
      const out = spliceRows(file, layout, removed.map((r) => ({ key: r[2] ?? r[3] ?? '', id: r[0] })), [...fresh, ...back], 0);
      if (typeof out === 'string') throw new Error(out);
      const kept = inFile.filter((r) => !removed.includes(r));
      expect(Buffer.concat(out.pieces).toString()).toBe(fileOf(sorted([...kept, ...fresh, ...back])).file.toString());
    }),
  );
});

test('a row to remove that the file does not hold is a message, not a wrong file', () => {
  const { file, layout } = fileOf([['e-1', 'a', '2020', null, 'year', 0, [0], []]]);
  expect(spliceRows(file, layout, [{ key: '2020', id: 'e-2' }], [], 0)).toMatch(/not where the order puts it/);
});
