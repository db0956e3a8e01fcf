import { expect, test } from 'vitest';
import * as z from 'zod/mini';
import { datasetIndex } from '../../../pipeline/schema.ts';
import { toDataset, toDatasetJson } from './to-dataset-json.ts';
import { ARTICLES, EVENTS } from './fixtures.test-data.ts';

test('the export validates with the dataset schema of index.json', () => {
  const parsed = datasetIndex.safeParse(JSON.parse(toDatasetJson({ events: EVENTS, articles: ARTICLES })));
  expect(parsed.success).toBe(true);
});

test('it holds only the events of the view and the articles they name, counted in the view', () => {
  const data = toDataset({ events: EVENTS.slice(0, 1), articles: ARTICLES });
  expect(data.events.map((e) => e.id)).toEqual(['e-day']);
  expect(data.articles.map((a) => [a.id, a.eventCount])).toEqual([['a-1', 1]]);
});

test('fields the app adds to events (day numbers, order) are not exported', () => {
  const timed = EVENTS.map((e, order) => ({ ...e, startDay: 1, endDay: 2, sortDay: 1, order }));
  const data = toDataset({ events: timed, articles: ARTICLES });
  expect(Object.keys(data.events[0] ?? {})).not.toContain('sortDay');
  expect(z.strictObject(datasetIndex.shape).safeParse(data).success).toBe(true);
});

test('an open end is exported as it is', () => {
  const open = { ...(EVENTS[0] as (typeof EVENTS)[number]), openEnd: true };
  expect(toDataset({ events: [open], articles: ARTICLES }).events[0]?.openEnd).toBe(true);
});
