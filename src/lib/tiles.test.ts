import { expect, test } from 'vitest';
import type { Overview } from '../pipeline/schema.ts';
import { dayNumber } from './calendar-date.ts';
import { covered, periodOfTile, tilePeriods, tilesToLoad } from './tiles.ts';

function view(tiles: [string, number][]): Overview {
  return { schemaVersion: 1, index: null, events: 0, articles: 0, sources: [], extent: null, months: [], tiles, idWidth: 1 };
}

test('a tile name gives its period: a year, a month (December into the next year), a day or a part of one; undated none', () => {
  expect(periodOfTile('2021')).toEqual({ from: dayNumber('2021-01-01'), to: dayNumber('2022-01-01') });
  expect(periodOfTile('2021-12')).toEqual({ from: dayNumber('2021-12-01'), to: dayNumber('2022-01-01') });
  expect(periodOfTile('2024-02')).toEqual({ from: dayNumber('2024-02-01'), to: dayNumber('2024-03-01') });
  expect(periodOfTile('2021-03-05.2')).toEqual({ from: dayNumber('2021-03-05'), to: dayNumber('2021-03-06') });
  expect(periodOfTile('undated')).toBeNull();
  expect(periodOfTile('../x')).toBeNull();
});

test('a window loads the tiles it meets and one on each side, or none beyond the budget', () => {
  const periods = tilePeriods(view([['undated', 5], ['2019', 10], ['2020-01', 50], ['2020-02', 50], ['2020-03-01', 90], ['2020-03-01.1', 20], ['2021', 10]]));
  expect(periods.map((p) => p.name)).not.toContain('undated');
  expect(tilesToLoad(periods, dayNumber('2020-02-10'), dayNumber('2020-02-20'), 100)).toEqual(['2020-01', '2020-02', '2020-03-01']);
  expect(tilesToLoad(periods, dayNumber('2020-03-01'), dayNumber('2020-03-02'), 200)).toEqual(['2020-02', '2020-03-01', '2020-03-01.1', '2021']);
  expect(tilesToLoad(periods, dayNumber('2019-06-01'), dayNumber('2020-12-31'), 100)).toEqual([]);
  // Between tiles: the neighbours on each side.
  expect(tilesToLoad(periods, dayNumber('2020-06-01'), dayNumber('2020-07-01'), 100)).toEqual(['2020-03-01.1', '2021']);
  expect(covered(periods, new Set(['2020-01', '2020-02']), dayNumber('2020-01-10'), dayNumber('2020-02-10'))).toBe(true);
  expect(covered(periods, new Set(['2020-01']), dayNumber('2020-01-10'), dayNumber('2020-02-10'))).toBe(false);
});
