import { expect, test } from 'vitest';
import { checkDateLine, hasDateLine, withDateLine } from './date-line.ts';

test('a text whose first non-blank line starts with "date" has a date line, even a bad one', () => {
  expect(hasDateLine(' date 2021-11-20 https://x.com/a\nTitle')).toBe(true);
  expect(hasDateLine('\n\ndate 2021-02-30 x')).toBe(true);
  expect(hasDateLine('\uFEFF date 2021-11-20 https://x.com/a')).toBe(true);
});

test('a text starting with its title has no date line; neither does "dated" or an empty text', () => {
  expect(hasDateLine('Talks resume in Geneva\n\nText.')).toBe(false);
  expect(hasDateLine('dated documents show…')).toBe(false);
  expect(hasDateLine('   \n  ')).toBe(false);
});

test('the date line written for a pasted text is the one the parser reads', () => {
  expect(withDateLine('\n\nTitle\n\nText.', '2021-11-20', ' https://x.com/a ')).toBe(' date 2021-11-20 https://x.com/a\n\nTitle\n\nText.');
});

test('the form refuses a date that is not a real day and a URL that is not http(s)', () => {
  expect(checkDateLine('2021-11-20', 'https://x.com/a')).toEqual([]);
  expect(checkDateLine('2021-02-30', 'https://x.com/a').map((p) => p.field)).toEqual(['date']);
  expect(checkDateLine('20/11/2021', 'javascript:alert(1)').map((p) => p.field)).toEqual(['date', 'url']);
  expect(checkDateLine('2021-11-20', 'https://x.com/a b').map((p) => p.field)).toEqual(['url']);
});
