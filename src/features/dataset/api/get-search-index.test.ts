import { expect, test } from 'vitest';
import { excerptTextOf } from './get-search-index.ts';

test('a merged event is searched by the excerpts of every mention: its own and its aliases', () => {
  const texts = new Map([
    ['e-1', 'Troops massed at the border'],
    ['e-2', 'Soldiers gathered near Kharkiv'],
    ['e-3', 'Unrelated'],
  ]);
  expect(excerptTextOf(texts, { id: 'e-1', aliases: [] })).toBe('Troops massed at the border');
  const merged = excerptTextOf(texts, { id: 'e-1', aliases: ['e-2'] });
  expect(merged).toContain('Troops massed');
  expect(merged).toContain('Kharkiv');
  expect(merged).not.toContain('Unrelated');
  expect(excerptTextOf(texts, { id: 'e-9', aliases: [] })).toBe('');
});
