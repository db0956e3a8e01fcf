import { expect, test } from 'vitest';
import fc from 'fast-check';
import { groupFieldsOf, mergeInputOf, planMerge, similarity, similarityAtLeast, stemHashes, summaryOfGroup, withGroup } from './merge-events.ts';
import type { EventDetail } from './schema.ts';
import { stem } from './citations.ts';

function mention(id: string, articleId: string, label: string, start: string, end: string): EventDetail {
  return {
    id, label, start, end, precision: 'month', articleId, articleIds: [articleId], approximate: false, openEnd: false, kind: 'mention', aliases: [],
    excerpts: [{ articleId, start: 0, end: label.length, text: label, paragraphStart: 0, paragraphEnd: label.length }],
    dating: { expression: 'x', start: 0, end: 1, value: 'x', method: 'expression', explanation: 'x' }, citationIds: [`c-${id}`],
  };
}

/** The merge as assembleDataset runs it: the summaries of the groups, in the order of their first mentions. */
function merge(events: readonly EventDetail[], publishedOf: (articleId: string) => string) {
  return planMerge(events.map(mergeInputOf), publishedOf).map((g) => summaryOfGroup(g.map((i) => events[i] as EventDetail)));
}

test('the same event told by two articles merges: one event, told by both, the other id kept as alias', () => {
  const merged = merge(
    [
      mention('e-b', 'a-2', 'Troops massed at the northern border crossing', '2021-04-01', '2021-04-30'),
      mention('e-a', 'a-1', 'Troops massed at the northern border', '2021-04-01', '2021-04-30'),
      mention('e-c', 'a-3', 'Elections were held in the capital', '2021-04-01', '2021-04-30'),
    ],
    (id) => ({ 'a-1': '2021-05-01', 'a-2': '2021-04-20', 'a-3': '2021-05-02' })[id] ?? '',
  );
  expect(merged).toHaveLength(2);
  const m = merged.find((e) => e.articleIds.length === 2);
  expect(m?.id).toBe('e-b'); // told first by the earlier article
  expect(m?.label).toBe('Troops massed at the northern border crossing');
  expect(m?.articleIds).toEqual(['a-2', 'a-1']);
  expect(m?.aliases).toEqual(['e-a']);
});

test('in its own article file a member keeps its excerpts, dating and citations and takes the group summary', () => {
  const a = mention('e-a', 'a-1', 'Troops massed at the northern border', '2021-04-01', '2021-04-30');
  const b = { ...mention('e-b', 'a-2', 'Troops massed at the border crossing', '2021-04-01', '2021-04-30'), approximate: true };
  const summary = summaryOfGroup([a, b]);
  const told = withGroup(b, groupFieldsOf(summary));
  expect(told).toMatchObject({ id: 'e-a', label: a.label, articleId: 'a-1', articleIds: ['a-1', 'a-2'], aliases: ['e-b'], approximate: false });
  expect(told.excerpts).toEqual(b.excerpts);
  expect(told.citationIds).toEqual(['c-e-b']);
  expect(Object.keys(told)).toEqual(Object.keys(b));
});

test('similar words on dates that do not overlap do not merge; publications never merge', () => {
  expect(
    merge([mention('e-a', 'a-1', 'Troops massed at the border', '2021-04-01', '2021-04-30'), mention('e-b', 'a-2', 'Troops massed at the border', '2021-05-01', '2021-05-31')], () => '2021-06-01'),
  ).toHaveLength(2);
  const pub = (id: string, articleId: string) => ({ ...mention(id, articleId, 'Published', '2021-06-01', '2021-06-01'), kind: 'publication' as const });
  expect(merge([pub('p-1', 'a-1'), pub('p-2', 'a-2')], () => '2021-06-01')).toHaveLength(2);
});

test('two mentions from one article never merge', () => {
  expect(merge([mention('e-a', 'a-1', 'Troops massed at the border', '2021-04-01', '2021-04-30'), mention('e-b', 'a-1', 'Troops massed at the border', '2021-04-01', '2021-04-30')], () => '2021-06-01')).toHaveLength(2);
});

test('look-alikes do not chain: a mention joins a group only if it resembles its first mention', () => {
  const merged = merge(
    [
      mention('e-1', 'a-1', 'Troops massed at the northern border crossing near Kharkiv', '2021-04-01', '2021-04-30'),
      mention('e-2', 'a-2', 'Troops massed at the northern border crossing near Belgorod depot', '2021-04-01', '2021-04-30'),
      mention('e-3', 'a-3', 'Troops massed near the Belgorod fuel depot', '2021-04-01', '2021-04-30'),
    ],
    (id) => ({ 'a-1': '2021-05-01', 'a-2': '2021-05-02', 'a-3': '2021-05-03' })[id] ?? '',
  );
  expect(merged.map((e) => [e.id, e.aliases])).toEqual([
    ['e-1', ['e-2']],
    ['e-3', []],
  ]);
});

test('the merge does not depend on the order the mentions come in', () => {
  const list = [
    mention('e-b', 'a-2', 'Troops massed at the northern border crossing', '2021-04-01', '2021-04-30'),
    mention('e-a', 'a-1', 'Troops massed at the northern border', '2021-04-01', '2021-04-30'),
    mention('e-c', 'a-3', 'Troops massed at the border crossing', '2021-04-01', '2021-04-30'),
  ];
  const published = (id: string) => ({ 'a-1': '2021-05-01', 'a-2': '2021-04-20', 'a-3': '2021-04-20' })[id] ?? '';
  fc.assert(
    fc.property(fc.shuffledSubarray(list, { minLength: 3, maxLength: 3 }), (shuffled) => {
      expect(merge(shuffled, published)).toEqual(merge(list, published));
    }),
  );
});

test('stems: word forms of one stem count once, short words and case do not count', () => {
  const a = stemHashes({ label: 'Troops massed', excerpts: [{ articleId: 'a', start: 0, end: 0, text: 'The troop was massing at the BORDER', paragraphStart: 0, paragraphEnd: 0 }] });
  const b = stemHashes({ label: 'border troops mass', excerpts: [] });
  expect(a).toEqual([...a].sort((x, y) => x - y));
  expect(new Set(a).size).toBe(a.length);
  expect(similarity(a, b)).toBe(1);
  expect(similarity(a, stemHashes({ label: 'Elections held', excerpts: [] }))).toBe(0);
});

/** stemHashes as it was written first: one regex over the lowercased label and excerpts joined by spaces. */
function stemHashesByRegex(label: string, texts: readonly string[]): number[] {
  const words = `${label} ${texts.join(' ')}`.toLowerCase().match(/\p{L}[\p{L}'’]+/gu) ?? [];
  const set = new Set<number>();
  for (const w of words) {
    if (w.length <= 3) continue;
    const s = stem(w);
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    set.add(h >>> 2);
  }
  return [...set].sort((a, b) => a - b);
}

test('stems: the same hashes as one regex over the label and excerpts joined, on any text', () => {
  const piece = fc.constantFrom('owing', 'bring', 'things', 'ached', 'aged', 'fled', 'goes', 'uses', 'sees', 'bass', 'class', 'buzz', 'tells', 'abbb', 'planning', 'planned', 'Movements', 'passes', 'boxes', 'RISES', 'kissing', 'stopped', "Russia's", 'O’Neill', 'ΣΟΦΟΣ', 'İstanbul', 'café', 'naïve', 'x', ' ', ', ', '-', "'", '’', '2021', '𝐀𝐁𝐂𝐃');
  const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.array(text, { maxLength: 3 }), (label, texts) => {
      const excerpts = texts.map((t) => ({ articleId: 'a', start: 0, end: t.length, text: t, paragraphStart: 0, paragraphEnd: t.length }));
      expect(stemHashes({ label, excerpts })).toEqual(stemHashesByRegex(label, texts));
    }),
    { numRuns: 2000 },
  );
});

test('similarity of sorted sets is the Jaccard index', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 })), fc.uniqueArray(fc.integer({ min: 0, max: 40 })), (x, y) => {
      const a = [...x].sort((p, q) => p - q);
      const b = [...y].sort((p, q) => p - q);
      const inter = a.filter((v) => b.includes(v)).length;
      const union = new Set([...a, ...b]).size;
      expect(similarity(a, b)).toBeCloseTo(union === 0 ? 0 : inter / union);
    }),
  );
});

test('similarity with a floor gives the similarity when it reaches the floor, else -1, exactly at the edge too', () => {
  const set = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }).map((x) => [...x].sort((p, q) => p - q));
  fc.assert(
    fc.property(set, set, fc.constantFrom(0.45, 0.5, 1 / 3, 0.2, 0.9), (a, b, floor) => {
      const s = similarity(a, b);
      expect(similarityAtLeast(a, b, floor)).toBe(s >= floor ? s : -1);
    }),
    { numRuns: 2000 },
  );
  // 9 shared of 20 distinct: exactly 0.45.
  const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const b = [1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 22, 23, 24, 25, 26];
  expect(similarity(a, b)).toBe(0.45);
  expect(similarityAtLeast(a, b, 0.45)).toBe(0.45);
});
