import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ListLayout } from './dataset-state.ts';
import { elementBytes, encodeList, joinParts, listEnd, spliceList, type Insert } from './splice-list.ts';

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

test("parts joined into a list: each input's part where the pairs say, the empty ones left out", () => {
  const parts = ['"a",1', null, '', '["b"]', '2'];
  const r = joinParts(parts.length, (i) => (parts[i] ? Buffer.from(parts[i] as string) : null), 10);
  const text = Buffer.concat(r.pieces).toString();
  expect(`[${text}]`).toBe('["a",1,["b"],2]');
  parts.forEach((p, i) => {
    if (!p) return expect(r.parts[2 * i + 1]).toBe(0);
    const at = (r.parts[2 * i] as number) - 10;
    expect(text.slice(at, at + (r.parts[2 * i + 1] as number))).toBe(p);
  });
  expect(r.end).toBe(10 + text.length);
});

test("a list encoded is JSON.stringify's, with its layout", () => {
  const items = [{ a: 1 }, 'é', [2, null]];
  const r = encodeList(items, 3);
  const file = Buffer.concat([Buffer.from('xx['), ...r.pieces, Buffer.from(']')]);
  expect(file.toString().slice(2)).toBe(JSON.stringify(items));
  items.forEach((x, i) => expect(JSON.parse(elementBytes(file, r.layout, i).toString())).toEqual(x));
});
