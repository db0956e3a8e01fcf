import { expect, test } from 'vitest';
import {
  dayNumber,
  formatDay,
  fractionalDayOfLocal,
  isoFromNumber,
  localDateOf,
  localDateOfNumber,
  parseDay,
} from './calendar-date.ts';

test('a calendar day keeps its day number in any time zone', () => {
  expect(dayNumber('1970-01-01')).toBe(0);
  expect(dayNumber('2021-11-20')).toBe(18951);
  expect(isoFromNumber(18951)).toBe('2021-11-20');
});

test('a day drawn as a local date falls on that day in the local zone', () => {
  const d = localDateOf({ year: 2021, month: 11, day: 20 }, 12);
  expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2021, 10, 20, 12]);
});

test('formatDay reads the same day as written, whatever TZ the process runs in', () => {
  expect(formatDay('2021-11-20')).toBe('20 Nov 2021');
  expect(formatDay('2021-01-01')).toBe('1 Jan 2021');
  expect(formatDay('2021-12-31')).toBe('31 Dec 2021');
});

test('years before 100 are not shifted into the 1900s', () => {
  expect(localDateOf({ year: 44, month: 3, day: 15 }).getFullYear()).toBe(44);
  expect(isoFromNumber(dayNumber('0044-03-15'))).toBe('0044-03-15');
});

test('parseDay rejects days that are not on the calendar', () => {
  expect(parseDay('2021-02-30')).toBeNull();
  expect(parseDay('2021-13-01')).toBeNull();
  expect(parseDay('20211120')).toBeNull();
  expect(parseDay('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
});

test('a local date reads back as the fractional day it was built from', () => {
  const n = dayNumber('2021-03-14');
  expect(fractionalDayOfLocal(localDateOfNumber(n))).toBeCloseTo(n, 6);
  expect(fractionalDayOfLocal(localDateOfNumber(n, 12))).toBeCloseTo(n + 0.5, 1);
});

test('a window edge round-trips through the URL form to the minute', async () => {
  const { formatDayTime, parseDayTime } = await import('./calendar-date.ts');
  const n = dayNumber('2021-11-20');
  expect(formatDayTime(n)).toBe('2021-11-20');
  expect(formatDayTime(n + 0.5)).toBe('2021-11-20T12:00');
  expect(parseDayTime('2021-11-20T12:00')).toBe(n + 0.5);
  expect(parseDayTime('2021-11-20T25:00')).toBeNull();
  expect(parseDayTime('nonsense')).toBeNull();
});
