import { expect, test } from 'vitest';
import fc from 'fast-check';
import { articleIdOf, hashId } from './ids.ts';

test('ids are 12 base-36 characters and depend on every part and on where parts split', () => {
  expect(hashId('a', 'bc')).toMatch(/^[0-9a-z]{12}$/);
  expect(hashId('a', 'bc')).not.toBe(hashId('ab', 'c'));
  expect(hashId('x')).toBe(hashId('x'));
});

test('an article id ignores the fragment, a trailing slash and the host case, not the path', () => {
  expect(articleIdOf('https://News.example.org/a/b/#top')).toBe(articleIdOf('https://news.example.org/a/b'));
  expect(articleIdOf('https://news.example.org/a/c')).not.toBe(articleIdOf('https://news.example.org/a/b'));
});

test('distinct short strings rarely collide', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 50, maxLength: 50 }), (strings) => {
      expect(new Set(strings.map((s) => hashId(s))).size).toBe(strings.length);
    }),
    { numRuns: 50 },
  );
});
