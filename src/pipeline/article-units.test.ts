import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { MAX_ARTICLE_BYTES, MAX_MULTI_FILE_BYTES } from './article-limit.ts';
import { articlePlace, byteLimitOf, isMultiArticleFile, itemFileName, splitItemFileName, unitLabel } from './article-units.ts';
import { extractUnit, firstOfEachArticle, type Extraction } from './build-dataset.ts';
import { formatDiagnostic } from './diagnostic.ts';
import { tagTimexes } from './temporal/tag-timexes.ts';

const fixture = (name: string) => readFileSync(new URL(`./formats/fixtures/${name}`, import.meta.url), 'utf8');

test('an article of a file of several is named "feed.xml#0003" inside, and "feed.xml, item 3" to people', () => {
  expect(itemFileName('articles/feed.xml', 2)).toBe('articles/feed.xml#0003');
  expect(splitItemFileName('articles/feed.xml#0003')).toEqual({ file: 'articles/feed.xml', k: 2 });
  expect(unitLabel('articles/feed.xml#0003')).toBe('articles/feed.xml, item 3');
  expect(unitLabel('export.jsonl#0120')).toBe('export.jsonl, item 120');
  expect(unitLabel('notes #4.txt')).toBe('notes #4.txt');
  expect(unitLabel('a.txt')).toBe('a.txt');
});

test('feeds and exports have the larger file cap; pages and texts the article cap', () => {
  for (const f of ['a.xml', 'a.RSS', 'a.atom', 'a.json', 'a.jsonl', 'a.ndjson']) {
    expect(isMultiArticleFile(f)).toBe(true);
    expect(byteLimitOf(f)).toBe(MAX_MULTI_FILE_BYTES);
  }
  for (const f of ['a.txt', 'a.html', 'a.htm', 'xml.txt']) {
    expect(isMultiArticleFile(f)).toBe(false);
    expect(byteLimitOf(f)).toBe(MAX_ARTICLE_BYTES);
  }
});

test("a text's place is its URL in the date line; a page's is its URL's tag; a feed item's is the item", () => {
  expect(articlePlace({ url: 'https://e.org/a', text: ' date 2022-01-02 https://e.org/a\nT\n\nB\n' })).toEqual({ line: 1, column: 18 });
  const page = fixture('wire-service.html');
  const fromPage = extractUnit('wire.html', page, tagTimexes).extraction?.article;
  expect(fromPage?.sourceAt).toEqual({ line: 6, column: 1 });
  expect(page.split('\n')[5]?.startsWith('<link rel="canonical"')).toBe(true);
  const fromFeed = extractUnit('gazette.xml#0002', fixture('rss-feed.xml'), tagTimexes).extraction?.article;
  expect(fromFeed?.sourceAt).toEqual({ line: 14, column: 1 });
});

test("a duplicate from a feed is reported at its item in the file, naming the first as a person reads it", () => {
  const xml = fixture('rss-feed.xml');
  const unit = (name: string) => ({ ...(extractUnit(name, xml, tagTimexes).extraction as Extraction), file: name });
  const { kept, rejected } = firstOfEachArticle([unit('gazette.xml#0002'), unit('copy.xml#0002')]);
  expect(kept.map((k) => k.file)).toEqual(['copy.xml#0002']);
  expect(rejected.map((r) => r.diagnostics.map((d) => formatDiagnostic(splitItemFileName(r.file).file, d)))).toEqual([
    ['gazette.xml:14:1: error Unexpected duplicate of the article https://gazette.example.com/2022/05/02/council-budget-vote, expected each article once (first read from copy.xml, item 2) [build-dataset:duplicate]'],
  ]);
});
