import { expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeText, firstInvalidUtf8 } from './decode-text.ts';

/** Bytes near UTF-8: well-formed text with stray, cut, overlong and surrogate sequences mixed in. */
const bytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }).map((s) => [...new TextEncoder().encode(s)]),
      fc.constantFrom([0x80], [0xc0, 0xaf], [0xc2], [0xe0, 0x80, 0x80], [0xe0, 0xa0], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xff]),
      fc.uint8Array({ maxLength: 3 }).map((a) => [...a]),
    ),
    { maxLength: 12 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

test('firstInvalidUtf8 finds a bad byte exactly where the strict WHATWG decoder refuses the bytes', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const decodes = (b: Uint8Array) => {
    try {
      strict.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  fc.assert(
    fc.property(bytes, (b) => {
      expect(firstInvalidUtf8(b) < 0).toBe(decodes(b));
    }),
    { numRuns: 3000 },
  );
});

test('decodeText takes exactly the bytes firstInvalidUtf8 finds well-formed, with the text the decoder gives', () => {
  fc.assert(
    fc.property(bytes, (b) => {
      const r = decodeText(b);
      const bad = firstInvalidUtf8(b);
      if (bad < 0) {
        expect(r.diagnostics).toEqual([]);
        expect(r.text).toBe(new TextDecoder('utf-8').decode(b));
      } else {
        expect(r.text).toBeNull();
        expect(r.diagnostics[0]?.message).toContain(`at byte ${bad},`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('a byte-order mark is dropped, a bad byte is named with its line and column', () => {
  expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  const r = decodeText(new Uint8Array([...new TextEncoder().encode('ab\ncd'), 0xe9, 0x21]));
  expect(r.text).toBeNull();
  expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 3, message: 'Unexpected byte 0xe9 at byte 5, expected UTF-8 text' });
});
