import { expect, test } from 'vitest';
import { buildDataset } from '../lib/dataset.ts';
import { fitWindow, framed } from './fit-window.ts';
import { dayNumber } from '../lib/calendar-date.ts';

/** Where day `d` is drawn, in px, in a window of `widthPx`. */
const px = (w: { from: number; to: number }, d: number, widthPx: number) => ((d - w.from) / (w.to - w.from)) * widthPx;

test('Fit leaves room on the right for the last label, a wide one on a laptop and a narrower one on a phone', () => {
  const days = { from: dayNumber('2014-01-01'), to: dayNumber('2021-11-21') };
  for (const [width, label] of [[1190, 256], [1600, 256], [300, 176]] as const) {
    const w = framed(days, width);
    const room = width - px(w, days.to - 1, width);
    // On a phone the room is capped (60 % of the span): the label still starts well inside the window.
    if (width > 460) expect(room).toBeGreaterThanOrEqual(label);
    else expect(room).toBeGreaterThan(label / 2);
    expect(px(w, days.from, width)).toBeGreaterThan(0);
  }
});

test('Fit frames the dated events only, and nothing when none is dated', () => {
  const dataset = buildDataset({
    schemaVersion: 1,
    articles: [{ id: 'a-1', title: 'T', url: 'https://x.example/', publishedOn: '2021-11-20', source: 'x.example', eventCount: 2 }],
    events: [
      { id: 'e-1', articleId: 'a-1', articleIds: ['a-1'], kind: 'mention', label: 'One', start: '2015-01-01', end: '2015-12-31', precision: 'year', approximate: false, openEnd: false, aliases: [] },
      { id: 'e-2', articleId: 'a-1', articleIds: ['a-1'], kind: 'mention', label: 'Two', start: '2021-11-12', end: '2021-11-12', precision: 'day', approximate: false, openEnd: false, aliases: [] },
    ],
  });
  const w = fitWindow(dataset.events, 1190);
  expect(w).not.toBeNull();
  expect(w?.from).toBeLessThan(dayNumber('2015-01-01'));
  expect(w?.to).toBeGreaterThan(dayNumber('2021-11-13'));
  expect(fitWindow([], 1190)).toBeNull();
});
