import { expect, test } from 'vitest';
import { countText } from './timeline-items.ts';

test('counts are written with thousands separators, as English writes them', () => {
  for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_234_567, 49_246]) expect(countText(n)).toBe(n.toLocaleString('en'));
});
