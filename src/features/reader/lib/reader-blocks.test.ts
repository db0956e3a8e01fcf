import { expect, test } from 'vitest';
import { readerBlocks } from './reader-blocks.ts';

const text = 'T\nPrices rose.Markets In TurmoilThe index fell.Traders left.\n\nA New Front\n\nThe war moved east.';
const article = {
  text,
  titleStart: 0,
  titleEnd: 1,
  paragraphs: [
    { start: 2, end: 60 },
    { start: 62, end: 73 },
    { start: 75, end: text.length },
  ],
  sections: [
    { heading: 'Markets In Turmoil', headingStart: 14, headingEnd: 32, start: 32, end: 60 },
    { heading: 'A New Front', headingStart: 62, headingEnd: 73, start: 73, end: text.length },
  ],
  sentences: [
    { start: 2, end: 14, paragraph: 0 },
    { start: 32, end: 47, paragraph: 0 },
    { start: 47, end: 60, paragraph: 0 },
    { start: 75, end: text.length, paragraph: 2 },
  ],
};

test('a heading glued inside a paragraph becomes a block of its own, between the two halves', () => {
  const blocks = readerBlocks(article).map((b) => [b.kind, text.slice(b.start, b.end)]);
  expect(blocks).toEqual([
    ['paragraph', 'Prices rose.'],
    ['heading', 'Markets In Turmoil'],
    ['paragraph', 'The index fell.Traders left.'],
    ['heading', 'A New Front'],
    ['paragraph', 'The war moved east.'],
  ]);
});

test('sentences glued without a space are marked where the second starts; spaced ones are not', () => {
  const blocks = readerBlocks(article);
  expect(blocks[2]?.gluedStarts.map((g) => text.slice(g, g + 7))).toEqual(['Traders']);
  expect(blocks[4]?.gluedStarts).toEqual([]);
});
