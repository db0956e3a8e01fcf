import { expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeIndex, encodeIndex, indexFile, IndexRowError, type ArticleSummary, type DatasetIndex, type EventSummary } from './schema.ts';

const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const datasetOf = fc.uniqueArray(fc.stringMatching(/^a-[a-z0-9]{4}$/), { minLength: 1, maxLength: 6 }).chain((ids) => {
  const articles: ArticleSummary[] = ids.map((id, i) => ({ id, title: `T${i}`, url: `https://x.org/${id}`, publishedOn: '2021-11-20', source: 'x.org', eventCount: 1 }));
  const event = fc.record({
    id: fc.stringMatching(/^e-[a-z0-9]{6}$/),
    label: fc.string({ maxLength: 30 }),
    start: fc.option(day),
    end: fc.option(day),
    precision: fc.constantFrom('day', 'month', 'year', 'decade'),
    articleIds: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length }),
    approximate: fc.boolean(),
    openEnd: fc.boolean(),
    kind: fc.constantFrom('publication', 'mention'),
    aliases: fc.array(fc.stringMatching(/^e-[a-z0-9]{6}$/), { maxLength: 3 }),
  });
  return fc.array(event, { maxLength: 20 }).map(
    (events): DatasetIndex => ({
      schemaVersion: 1,
      articles,
      events: events.map((e): EventSummary => ({
        id: e.id,
        label: e.label,
        start: e.start,
        end: e.end,
        precision: e.precision,
        articleId: e.articleIds[0] as string,
        articleIds: e.articleIds,
        approximate: e.approximate,
        openEnd: e.openEnd,
        kind: e.kind,
        aliases: e.aliases,
      })),
    }),
  );
});

test('index.json as rows (schema 2) reads back as the same dataset, and validates', () => {
  fc.assert(
    fc.property(datasetOf, (index) => {
      const file = encodeIndex(index);
      expect(file.schemaVersion).toBe(2);
      const json = JSON.parse(JSON.stringify(file)) as unknown;
      const parsed = indexFile.safeParse(json);
      expect(parsed.success).toBe(true);
      if (parsed.success) expect(decodeIndex(parsed.data)).toEqual(index);
    }),
  );
});

test('rows are smaller than objects: the keys are gone', () => {
  fc.assert(
    fc.property(datasetOf, (index) => {
      fc.pre(index.events.length > 3);
      expect(JSON.stringify(encodeIndex(index)).length).toBeLessThan(JSON.stringify(index).length * 0.75);
    }),
  );
});

test('schema 1 (objects) is still read as it is', () => {
  const index: DatasetIndex = { schemaVersion: 1, articles: [], events: [] };
  const parsed = indexFile.safeParse(index);
  expect(parsed.success && decodeIndex(parsed.data)).toEqual(index);
});

test('a row naming an article the file does not list is an error that says where', () => {
  const file = { schemaVersion: 2, articles: [{ id: 'a-1', title: 'T', url: 'https://x.org/1', publishedOn: '2021-11-20', source: 'x.org', eventCount: 1 }], events: [['e-1', 'L', '2021-01-01', '2021-01-01', 'day', 0, [0, 3], []]] };
  const parsed = indexFile.safeParse(file);
  expect(parsed.success).toBe(true);
  if (parsed.success) expect(() => decodeIndex(parsed.data)).toThrow(new IndexRowError('at events.0.6.1: expected the position of an article (fewer than 1), got 3'));
  expect(indexFile.safeParse({ ...file, events: [['e-1', 'L', '2021-01-01', '2021-01-01', 'day', 9, [0], []]] }).success).toBe(false);
  expect(indexFile.safeParse({ ...file, events: [['e-1', 'L', '2021-01-01']] }).success).toBe(false);
});
