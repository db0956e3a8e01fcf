import { expect, test } from 'vitest';
import fc from 'fast-check';
import { splitArticleJson } from './extract-entry.ts';

test('an article cut around its eventCount puts back JSON.stringify, whatever its strings hold', () => {
  const nasty = fc.oneof(fc.string(), fc.constantFrom(',"eventCount":', '","eventCount":7,"', '\\",\\"eventCount\\":', '"eventCount"'));
  fc.assert(
    fc.property(nasty, nasty, fc.nat(), nasty, (title, url, eventCount, text) => {
      const article = { id: 'a-1', title, url, publishedOn: '2021-11-20', source: 'x.org', eventCount, text, paragraphs: [{ start: 0, end: 1 }] };
      const [prefix, suffix] = splitArticleJson(article);
      expect(`${prefix}${eventCount}${suffix}`).toBe(JSON.stringify(article));
      expect(`${prefix}${eventCount + 1}${suffix}`).toBe(JSON.stringify({ ...article, eventCount: eventCount + 1 }));
    }),
    { numRuns: 500 },
  );
});
