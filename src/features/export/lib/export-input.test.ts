import { expect, test } from 'vitest';
import { assembleDataset, extractArticle } from '../../../pipeline/build-dataset.ts';
import { tagTimexes } from '../../../pipeline/temporal/tag-timexes.ts';
import { articleMap, articlesOf, extrasFromDetails, sourceUrlsOf } from './export-input.ts';
import { ARTICLES, EVENTS } from './fixtures.test-data.ts';

const TEXT = ` date 2021-11-20 https://example.com/2021/11/20/talks

Talks resume

Talks broke down in April 2021, the Times reported (https://nytimes.com/2021/04/12/talks-break-down.html).
`;

test('extras give each event its first excerpt verbatim and the URLs it cites', () => {
  const x = extractArticle('a.txt', TEXT, tagTimexes).extraction;
  if (!x) throw new Error('fixture');
  const detail = [...assembleDataset([x]).dataset.articles.values()];
  const extras = extrasFromDetails(detail);
  const april = detail[0]?.events.find((e) => e.start === '2021-04-01');
  expect(april).toBeDefined();
  const got = extras.get(april?.id ?? '');
  expect(TEXT).toContain(got?.excerpt ?? '∅');
  expect(got?.citedUrls).toEqual(['https://nytimes.com/2021/04/12/talks-break-down.html']);
});

test('the articles of a view are those its events name, in the order first named', () => {
  const byId = articleMap(ARTICLES);
  expect(articlesOf(EVENTS.slice(3), byId).map((a) => a.id)).toEqual(['a-2']);
  expect(articlesOf(EVENTS, byId).map((a) => a.id)).toEqual(['a-1', 'a-2']);
});

test('source URLs are the articles’ then the cited ones, each once', () => {
  const byId = articleMap(ARTICLES);
  const e = EVENTS[1];
  if (!e) throw new Error('fixture');
  expect(sourceUrlsOf(e, byId, { excerpt: '', citedUrls: ['https://example.com/2021/11/20/blinken', 'https://x.org/'] })).toEqual([
    'https://example.com/2021/11/20/blinken',
    'javascript:alert(1)',
    'https://x.org/',
  ]);
});
