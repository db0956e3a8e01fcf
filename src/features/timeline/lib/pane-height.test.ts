import { expect, test } from 'vitest';
import { defaultPaneHeights, PANE_FLOOR, paneCeiling, paneHeightsFor } from './pane-height.ts';

test('the default cap leaves room above the floor on a laptop, and the floor follows the viewport within bounds', () => {
  expect(defaultPaneHeights(768)).toEqual({ min: 307, max: 538 });
  expect(defaultPaneHeights(400).min).toBe(230);
  expect(defaultPaneHeights(2000).min).toBe(460);
  for (const vh of [300, 500, 740, 1080, 1600]) {
    const { min, max } = defaultPaneHeights(vh);
    expect(max).toBeGreaterThanOrEqual(min);
  }
});

test('a cap below the floor lowers the floor with it; a cap is kept between the resizer floor and the ceiling', () => {
  expect(paneHeightsFor(200, 800)).toEqual({ min: 200, max: 200 });
  expect(paneHeightsFor(10, 800)).toEqual({ min: PANE_FLOOR, max: PANE_FLOOR });
  expect(paneHeightsFor(5000, 800)).toEqual({ min: defaultPaneHeights(800).min, max: paneCeiling(800) });
  expect(paneHeightsFor(500, 800)).toEqual({ min: defaultPaneHeights(800).min, max: 500 });
});
