import { expect, test } from 'vitest';
import { headlineFromUrl } from './url-headline.ts';

test('a slug becomes a sentence without its trailing id and extension', () => {
  expect(
    headlineFromUrl('https://sputniknews.com/20211112/pentagon-says-it-doesnt-assess-russias-troop-movements-1090693296.html'),
  ).toBe('Pentagon says it doesnt assess russias troop movements');
});

test('no slug, no headline', () => {
  expect(headlineFromUrl('https://example.com/2021/11/12/')).toBeNull();
  expect(headlineFromUrl('not a url')).toBeNull();
  expect(headlineFromUrl('https://example.com/article?id=5')).toBeNull();
});
