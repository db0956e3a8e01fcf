import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ListLayout } from './dataset-state.ts';
import { elementBytes, listEnd, spliceList, type Insert } from './splice-list.ts';

/** `prefix` + the list as JSON.stringify writes it + `suffix`, and its layout. */
function fileOf(items: readonly unknown[], prefix = '{"a":[', suffix = ']}\n'): { file: Buffer; layout: ListLayout } {
  const ends = new Uint32Array(items.length);
  let text = prefix;
  const start = Buffer.byteLength(text);
  items.forEach((x, i) => {
    text += `${i > 0 ? ',' : ''}${JSON.stringify(x)}`;
    ends[i] = Buffer.byteLength(text);
  });
  return { file: Buffer.from(text + suffix), layout: { start, ends } };
}

const item = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.array(fc.oneof(fc.string(), fc.constant(null)), { maxLength: 3 }));

test('a spliced list is the list with the elements removed and inserted, as JSON.stringify writes it, with its layout', () => {
  fc.assert(
    fc.property(
      fc.array(item, { maxLength: 12 }),
      fc.array(fc.boolean(), { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), item), { maxLength: 6 }),
      (items, drop, adds) => {
        const { file, layout } = fileOf(items);
        const remove = items.map((_, i) => i).filter((i) => drop[i] === true);
        const inserts: Insert[] = adds
          .map(([at, x]) => ({ before: at % (items.length + 1), x }))
          .sort((a, b) => a.before - b.before)
          .map(({ before, x }) => ({ before, bytes: Buffer.from(JSON.stringify(x)) }));
        // The expected list: before old element i, the inserts placed there, then element i unless removed.
        const expected: unknown[] = [];
        const byBefore = (i: number) => inserts.filter((s) => s.before === i).map((s) => JSON.parse(s.bytes.toString()) as unknown);
        for (let i = 0; i <= items.length; i++) {
          expected.push(...byBefore(i));
          if (i < items.length && !remove.includes(i)) expected.push(items[i]);
        }
        const head = file.subarray(0, layout.start);
        const r = spliceList(file, layout, remove, inserts, head.length);
        const out = Buffer.concat([head, ...r.pieces, file.subarray(listEnd(layout))]);
        const want = fileOf(expected);
        expect(out.toString()).toBe(want.file.toString());
        expect([...r.layout.ends]).toEqual([...want.layout.ends]);
        expect(r.end).toBe(listEnd(want.layout));
        expected.forEach((x, i) => expect(JSON.parse(elementBytes(out, r.layout, i).toString())).toEqual(x));
      },
    ),
  );
});

test('an edit naming an element the list does not have is refused', () => {
  const { file, layout } = fileOf(['a', 'b']);
  expect(() => spliceList(file, layout, [2], [], layout.start)).toThrow(/elements the list does not have/);
});
