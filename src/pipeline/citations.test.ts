import { expect, test } from 'vitest';
import { buildCitations, dateFromUrl, findSupport, headlineFromUrl } from './citations.ts';

test('a date in the path is read in its usual forms', () => {
  expect(dateFromUrl('https://n.example/20211112/some-story-1090693296.html')).toBe('2021-11-12');
  expect(dateFromUrl('https://n.example/2021/11/12/some-story/')).toBe('2021-11-12');
  expect(dateFromUrl('https://n.example/news/2021-11-12-some-story')).toBe('2021-11-12');
  expect(dateFromUrl('https://n.example/2019/3/7/short')).toBe('2019-03-07');
});

test('numbers that are not dates in the path give none', () => {
  expect(dateFromUrl('https://n.example/20211332/story')).toBeNull(); // month 13
  expect(dateFromUrl('https://n.example/2021/02/30/story')).toBeNull(); // no 30 February
  expect(dateFromUrl('https://n.example/article/1090693296')).toBeNull();
  expect(dateFromUrl('https://n.example/story?d=20211112')).toBeNull(); // the query is not the path
});

test('a headline is read off the slug, spelled as the article spells its words', () => {
  const text = "Officials in Kenya's capital said the Nairobi council will not renew the contract.";
  expect(headlineFromUrl('https://n.example/2020/05/01/nairobi-council-wont-renew-kenyas-water-contract-884.html', text)).toBe(
    "Nairobi council won't renew Kenya's water contract",
  );
  expect(headlineFromUrl('https://n.example/a/b')).toBeNull(); // no slug of three words
});

test('a cited URL supports the sentence its words match best, with a score; a poor match supports nothing', () => {
  const text = 'The river flooded the old town. The mayor opened three shelters for families. Schools stay closed.';
  const sentences = [
    { start: 0, end: 31 },
    { start: 32, end: 77 },
    { start: 78, end: text.length },
  ];
  expect(findSupport('https://n.example/2020/01/02/mayor-opens-shelters-for-flood-families', text, sentences)?.sentenceIndex).toBe(1);
  expect(findSupport('https://n.example/2020/01/02/stock-markets-rally-on-tech-earnings', text, sentences)).toBeNull();
});

test('a URL inside the body supports the sentence it stands in', () => {
  const text = 'Figures were published (https://stats.example.org/q3-figures-release). Then nothing.';
  const [c] = buildCitations(text, [{ url: 'https://stats.example.org/q3-figures-release', start: 24, end: 68, trailing: false }], [{ start: 0, end: 70 }, { start: 71, end: text.length }], () => 'c-1');
  expect(c?.supports).toEqual({ sentenceIndex: 0, start: 0, end: 70, score: 1 });
  expect(c?.host).toBe('stats.example.org');
});
