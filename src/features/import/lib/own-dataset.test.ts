import { expect, test } from 'vitest';
import { buildDataset } from '../../../lib/dataset.ts';
import { tagTimexes } from '../../../pipeline/temporal/tag-timexes.ts';
import { assembleDataset, extractArticle } from '../../../pipeline/build-dataset.ts';
import { builtId, isOwnId } from './own-ids.ts';
import { mergeOwnDataset } from './merge-own-dataset.ts';
import { assembleOwn } from './own-dataset.ts';
import { importOne } from './run-import.ts';

const text = (url: string, title: string) => ` date 2021-11-20 ${url}\n\n${title}\n\nThe ceasefire was signed in 2015. Talks broke down in April 2021.\n`;

const built = (() => {
  const x = extractArticle('built.txt', text('https://example.com/built', 'Built article'), tagTimexes).extraction;
  if (!x) throw new Error('fixture');
  return buildDataset(assembleDataset([x]).dataset.index);
})();

function own(...urls: string[]) {
  return assembleOwn(urls.map((u, i) => importOne({ file: `own-${i}.txt`, text: text(u, `Own ${i}`) }, tagTimexes).extraction).filter((x) => x !== null));
}

test('with no own articles the built dataset is returned as it is', () => {
  expect(mergeOwnDataset(built, null)).toBe(built);
  expect(mergeOwnDataset(built, own().index)).toBe(built);
});

test('own events join the built ones, sorted in time, found by id', () => {
  const o = own('https://example.org/mine');
  const merged = mergeOwnDataset(built, o.index);
  expect(merged.events).toHaveLength(built.events.length + o.index.events.length);
  expect(merged.articles.map((a) => a.id).filter(isOwnId)).toHaveLength(1);
  for (const e of o.index.events) expect(merged.byId.get(e.id)?.label).toBe(e.label);
  const days = merged.events.map((e) => e.sortDay);
  expect([...days].sort((a, b) => a - b)).toEqual(days);
});

test('an own article the built dataset already has (same URL) is left out', () => {
  const o = own('https://example.com/built');
  expect(builtId(o.index.articles[0]?.id ?? '')).toBe(built.articles[0]?.id);
  expect(mergeOwnDataset(built, o.index).events).toHaveLength(built.events.length);
});

test('own articles are assembled by the pipeline: details for the reader, duplicates reported', () => {
  const o = own('https://example.org/one', 'https://example.org/one');
  expect(o.index.articles).toHaveLength(1);
  expect(o.articles.get(o.index.articles[0]?.id ?? '')?.article.text).toContain('Own 0');
  expect(o.messages[0]).toMatch(/^own-1\.txt:1:18: error Unexpected duplicate of the article https:\/\/example\.org\/one/);
});

test('built events keep their open end ("since 2014") when own events are merged in', () => {
  const x = extractArticle('since.txt', ' date 2021-11-20 https://example.com/since\n\nT\n\nThe conflict has gone on since 2014.\n', tagTimexes).extraction;
  if (!x) throw new Error('fixture');
  const withSince = buildDataset(assembleDataset([x]).dataset.index);
  expect(withSince.events.some((e) => e.openEnd && e.start === '2014-01-01')).toBe(true);
  const merged = mergeOwnDataset(withSince, own('https://example.org/mine').index);
  expect(merged.events.filter((e) => e.openEnd && e.start === '2014-01-01')).toHaveLength(1);
});
