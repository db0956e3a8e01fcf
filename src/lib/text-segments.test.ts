import { expect, test } from 'vitest';
import { segmentText } from './text-segments.ts';

test('a mark splits a paragraph into before, marked and after', () => {
  const text = 'One. Two three. Four.';
  const segs = segmentText(text, 0, text.length, [{ start: 5, end: 15, kind: 'excerpt', id: 'x' }]);
  expect(segs.map((s) => [s.text, s.marks.map((m) => m.kind)])).toEqual([
    ['One. ', []],
    ['Two three.', ['excerpt']],
    [' Four.', []],
  ]);
});

test('overlapping marks both cover the shared slice', () => {
  const segs = segmentText('abcdefgh', 0, 8, [
    { start: 1, end: 5, kind: 'excerpt', id: 'e' },
    { start: 3, end: 7, kind: 'timex', id: 't' },
  ]);
  expect(segs.map((s) => `${s.text}:${s.marks.map((m) => m.id).join('')}`)).toEqual(['a:', 'bc:e', 'de:et', 'fg:t', 'h:']);
});

test('marks outside the range are dropped and markup stays text', () => {
  const text = '<script>alert(1)</script> ok';
  const segs = segmentText(text, 0, text.length, [{ start: 100, end: 120, kind: 'x', id: 'x' }]);
  expect(segs).toEqual([{ start: 0, end: text.length, text, marks: [] }]);
});
