import { expect, test } from 'vitest';
import { formatInterval } from './format-interval.ts';

const at = (start: string | null, end: string | null, precision: Parameters<typeof formatInterval>[0]['precision'], approximate = false) =>
  formatInterval({ start, end, precision, approximate }, { approximateMark: true });

test('a month reads as its name and year', () => {
  expect(at('2021-04-01', '2021-04-30', 'month')).toBe('April 2021');
});

test('a week reads as the week of its first day', () => {
  expect(at('2021-11-15', '2021-11-21', 'week')).toBe('week of 15 Nov 2021');
});

test('an open end reads "since", an open start reads "by"', () => {
  expect(at('2014-01-01', null, 'year')).toBe('since 2014');
  expect(at(null, '2021-11-20', 'day', true)).toBe('by 20 Nov 2021');
});

test('a day, a span of days, quarters, seasons, halves, decades and centuries', () => {
  expect(at('2021-11-20', '2021-11-20', 'day')).toBe('20 Nov 2021');
  expect(at('2021-11-15', '2021-11-19', 'day')).toBe('15–19 Nov 2021');
  expect(at('2021-10-30', '2021-11-02', 'day')).toBe('30 Oct – 2 Nov 2021');
  expect(at('2021-04-01', '2021-06-30', 'quarter')).toBe('Q2 2021');
  expect(at('2021-06-01', '2021-08-31', 'season')).toBe('summer 2021');
  expect(at('2021-01-01', '2021-06-30', 'half')).toBe('first half of 2021');
  expect(at('2010-01-01', '2019-12-31', 'decade')).toBe('the 2010s');
  expect(at('2001-01-01', '2100-12-31', 'century')).toBe('the 21st century');
  expect(at('2014-01-01', '2016-12-31', 'year')).toBe('2014–2016');
  expect(at('2021-04-01', '2021-06-30', 'month')).toBe('April – June 2021');
});

test('an approximate closed date is marked ≈', () => {
  expect(at('2021-04-01', '2021-04-30', 'month', true)).toBe('≈ April 2021');
});

test('no start and no end is undated', () => {
  expect(at(null, null, 'day')).toBe('undated');
});

test('an open end set by flag reads "since" even with an end date', () => {
  expect(formatInterval({ start: '2014-01-01', end: '2021-11-20', precision: 'year', approximate: false, openEnd: true })).toBe('since 2014');
});
