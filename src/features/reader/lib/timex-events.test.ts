import { expect, test } from 'vitest';
import type { ArticleDetail, EventDetail, Timex } from '../../../pipeline/schema.ts';
import { eventForTimex } from './timex-events.ts';

const text = 'It happened in April 2021. Then since 2014 it went on.';
function timex(id: string, phrase: string): Timex {
  const start = text.indexOf(phrase);
  return { id, start, end: start + phrase.length, text: phrase, type: 'DATE', value: 'x', mod: null, interval: null, derivation: '' };
}
function event(id: string, t: Timex | null, excerpt: [number, number]): EventDetail {
  return {
    id, label: id, start: '2021-04-01', end: '2021-04-30', precision: 'month', articleId: 'a', articleIds: ['a'], approximate: false,
    kind: 'mention', aliases: [], citationIds: [],
    excerpts: [{ articleId: 'a', start: excerpt[0], end: excerpt[1], text: text.slice(...excerpt), paragraphStart: 0, paragraphEnd: text.length }],
    dating: { expression: t?.text ?? null, start: t?.start ?? null, end: t?.end ?? null, value: null, explanation: '', method: 'expression' },
  };
}
const april = timex('t1', 'in April 2021');
const since = timex('t2', 'since 2014');
const detail = {
  schemaVersion: 1,
  article: { id: 'a', text, timexes: [april, since] },
  events: [event('e-april', april, [0, 26]), event('e-other', null, [27, text.length])],
} as unknown as ArticleDetail;

test('a date expression opens the event it dates', () => {
  expect(eventForTimex(detail, april)?.id).toBe('e-april');
});

test('otherwise the event whose excerpt holds it', () => {
  expect(eventForTimex(detail, since)?.id).toBe('e-other');
});
