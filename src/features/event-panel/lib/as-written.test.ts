import { expect, test } from 'vitest';
import type { Dating } from '../../../pipeline/schema.ts';
import { asWritten } from './as-written.ts';

const dating = (over: Partial<Dating>): Dating => ({
  expression: null, start: null, end: null, value: null, explanation: '', method: 'expression', ...over,
});

test('an expression is quoted as written', () => {
  expect(asWritten(dating({ expression: 'last Tuesday', value: '2024-03-05' }))).toBe('“last Tuesday”');
});

test('a date from a cited link says it came from the source, not from the publication', () => {
  const text = asWritten(dating({ method: 'citation', value: '2021-11-12' }));
  expect(text).toBe('No date in the passage; Friday, 12 November 2021 in the address of the source it cites');
  expect(text).not.toMatch(/publication/);
  expect(asWritten(dating({ method: 'citation', value: null }))).toMatch(/address of the source it cites$/);
});

test('a date from the publication says so', () => {
  expect(asWritten(dating({ method: 'publication', value: '2021-11-20' }))).toBe('No date in the passage; the article’s publication date');
});
