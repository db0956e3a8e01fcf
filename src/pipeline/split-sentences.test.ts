import { expect, test } from 'vitest';
import { splitSentences } from './split-sentences.ts';

function split(text: string) {
  const r = splitSentences(text, [{ start: 0, end: text.length }]);
  return {
    sentences: r.sentences.map((s) => text.slice(s.start, s.end)),
    headings: r.headings.map((h) => text.slice(h.start, h.end)),
  };
}

test('splits at a full stop followed by a space and a capital', () => {
  expect(split('The vote passed. Critics objected.').sentences).toEqual(['The vote passed.', 'Critics objected.']);
});

test('splits sentences glued without a space after a lowercase word', () => {
  expect(split('Troops massed near the river.Later, talks resumed.').sentences).toEqual([
    'Troops massed near the river.',
    'Later, talks resumed.',
  ]);
});

test('splits sentences glued after a number', () => {
  expect(split('The treaty was signed in 1997.Since then, trade grew.').sentences).toEqual([
    'The treaty was signed in 1997.',
    'Since then, trade grew.',
  ]);
});

test('initials, titles and month abbreviations end no sentence', () => {
  expect(split('Jane Q. Public met Dr. Smith on Nov. 12 in Paris. They talked.').sentences).toEqual([
    'Jane Q. Public met Dr. Smith on Nov. 12 in Paris.',
    'They talked.',
  ]);
});

test('an initialism ends a sentence only when a sentence opener follows', () => {
  expect(split('U.S. officials met the U.K. delegation. They left.').sentences).toHaveLength(2);
  expect(split('Aid was sent by the U.S. The ministry confirmed it.').sentences).toEqual([
    'Aid was sent by the U.S.',
    'The ministry confirmed it.',
  ]);
});

test('decimals, glued initialisms and domain names are not sentence ends', () => {
  expect(split('Growth was 2.5 percent at example.com says U.S.Army staff.').sentences).toHaveLength(1);
});

test('a quotation closing a sentence stays with it', () => {
  expect(split('She said "we will win." Then she left!').sentences).toEqual(['She said "we will win."', 'Then she left!']);
});

test('a sub-heading glued to the next sentence becomes a heading', () => {
  const r = split('Prices rose.Markets In TurmoilThe index fell sharply.');
  expect(r.headings).toEqual(['Markets In Turmoil']);
  expect(r.sentences).toEqual(['Prices rose.', 'The index fell sharply.']);
});

test('a heading with quoted words and small words is found', () => {
  const r = split("It ended.Minister Rejects 'Fake' Claims of FraudA spokesman said so.");
  expect(r.headings).toEqual(["Minister Rejects 'Fake' Claims of Fraud"]);
});

test('camel-case names at a sentence start are not headings', () => {
  expect(split('YouTube removed the video. McDonald\'s shares rose. iPhone sales fell.').headings).toEqual([]);
});

test('a short line standing alone without end punctuation is a heading', () => {
  const text = 'First paragraph ends.\n\nA New Front\n\nThe war moved east.';
  const paragraphs = [
    { start: 0, end: 21 },
    { start: 23, end: 34 },
    { start: 36, end: text.length },
  ];
  const r = splitSentences(text, paragraphs);
  expect(r.headings.map((h) => text.slice(h.start, h.end))).toEqual(['A New Front']);
  expect(r.sentences.map((s) => s.paragraph)).toEqual([0, 2]);
});
