import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { tagTimexes } from '../../../pipeline/temporal/tag-timexes.ts';
import { importOne } from '../lib/run-import.ts';
import { memoryStore, openIndexedDbStore, readRecords, type ImportedRecord } from './imported-store.ts';

let dbCount = 0;
const freshName = () => `test-imports-${++dbCount}`;

function record(url: string, importedAt: string): ImportedRecord {
  const text = ` date 2021-11-20 ${url}\n\nTitle of ${url}\n\nTalks broke down in April 2021.\n`;
  const x = importOne({ file: 'a.txt', text }, tagTimexes).extraction;
  if (!x) throw new Error('fixture');
  return { id: x.article.id, file: 'a.txt', text, importedAt, extraction: x };
}

test('records put in the store are listed after reopening it (they survive a reload)', async () => {
  const name = freshName();
  const a = record('https://example.org/a', '2024-01-02T00:00:00.000Z');
  const b = record('https://example.org/b', '2024-01-01T00:00:00.000Z');
  await (await openIndexedDbStore(name)).put([a, b]);
  const listed = await (await openIndexedDbStore(name)).list();
  expect(listed.records.map((r) => r.id)).toEqual([b.id, a.id]);
  expect(listed.records[1]).toEqual(a);
  expect(listed.stale).toEqual([]);
});

test('putting an article again replaces it; removing deletes only that one', async () => {
  const store = await openIndexedDbStore(freshName());
  const a = record('https://example.org/a', '2024-01-01T00:00:00.000Z');
  const b = record('https://example.org/b', '2024-01-02T00:00:00.000Z');
  await store.put([a, b]);
  await store.put([{ ...a, file: 'renamed.txt' }]);
  expect((await store.list()).records.map((r) => r.file)).toEqual(['renamed.txt', 'a.txt']);
  await store.remove(a.id);
  expect((await store.list()).records.map((r) => r.id)).toEqual([b.id]);
});

test('a record whose extraction no longer matches the schema comes back as stale, with its text', () => {
  const a = record('https://example.org/a', '2024-01-01T00:00:00.000Z');
  const old = { ...a, extraction: { ...a.extraction, events: [{ id: 'x' }] } };
  const listed = readRecords([old, { junk: true }, a]);
  expect(listed.records.map((r) => r.id)).toEqual([a.id]);
  expect(listed.stale).toEqual([{ id: a.id, file: 'a.txt', text: a.text }]);
  expect(listed.invalid).toBe(1);
});

test('a record whose id is not its article’s is not trusted', () => {
  const a = record('https://example.org/a', '2024-01-01T00:00:00.000Z');
  expect(readRecords([{ ...a, id: 'own-a-other' }]).records).toEqual([]);
});

test('the memory fallback behaves like the store but says it does not persist', async () => {
  const store = memoryStore();
  expect(store.persistent).toBe(false);
  const a = record('https://example.org/a', '2024-01-01T00:00:00.000Z');
  await store.put([a]);
  expect((await store.list()).records).toEqual([a]);
  await store.remove(a.id);
  expect((await store.list()).records).toEqual([]);
});
