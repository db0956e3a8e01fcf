import { expect, test } from 'vitest';
import { diagnosticAt, formatDiagnostic, positionAt } from './diagnostic.ts';

test('positions count lines after \\n, \\r\\n and a lone \\r, columns from 1', () => {
  const text = 'ab\ncd\r\nef\rgh';
  expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
  expect(positionAt(text, 4)).toEqual({ line: 2, column: 2 });
  expect(positionAt(text, 7)).toEqual({ line: 3, column: 1 });
  expect(positionAt(text, 11)).toEqual({ line: 4, column: 2 });
});

test('an offset past the end is clamped to the end', () => {
  expect(positionAt('abc', 99)).toEqual({ line: 1, column: 4 });
});

test('a diagnostic is formatted as file:line:column: severity message [rule]', () => {
  const d = diagnosticAt(' date 2021-02-30 https://x.org\n', 6, 'error', 'Unexpected date "2021-02-30", expected a real calendar date', 'parse-article:date');
  expect(formatDiagnostic('articles/a.txt', d)).toBe(
    'articles/a.txt:1:7: error Unexpected date "2021-02-30", expected a real calendar date [parse-article:date]',
  );
});
