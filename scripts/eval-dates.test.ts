import { expect, test } from 'vitest';
import type { TaggedTimex } from '../src/pipeline/temporal/tag-timexes.ts';
import { addAlignment, align, emptyCounts, formatReport, prf } from './eval-dates.ts';
import type { GoldTimex } from './lib/timeml.ts';

function gold(start: number, end: number, value: string, type = 'DATE'): GoldTimex {
  return { start, end, text: '', type, value, tid: 't' };
}

function sys(start: number, end: number, value: string, type: TaggedTimex['type'] = 'DATE'): TaggedTimex {
  return { start, end, text: '', type, value, mod: null, interval: null, derivation: '' };
}

test('exact spans match strictly, overlapping ones relaxed, each at most once', () => {
  const a = align([gold(0, 4, '2014'), gold(10, 20, 'P2W', 'DURATION'), gold(30, 35, '2015')], [sys(0, 4, '2014'), sys(12, 20, 'P2W'), sys(40, 44, '2016')]);
  expect(a.matches.map((m) => m.strict)).toEqual([true, false]);
  expect(a.missed.map((g) => g.value)).toEqual(['2015']);
  expect(a.spurious.map((s) => s.value)).toEqual(['2016']);
});

test('value and type F1 are their accuracy over relaxed matches times relaxed F1', () => {
  const counts = emptyCounts();
  const g = [gold(0, 4, '2014'), gold(10, 20, 'P2W', 'DURATION')];
  const s = [sys(0, 4, '2014'), sys(10, 20, 'P3W')];
  addAlignment(counts, g.length, s.length, align(g, s));
  expect(counts).toEqual({ gold: 2, system: 2, strict: 2, relaxed: 2, value: 1, type: 1 });
  const report = formatReport(counts);
  expect(report).toContain('relaxed  P 100.00  R 100.00  F1 100.00');
  expect(report).toContain('value    F1 50.00');
});

test('prf of nothing is zero, not NaN', () => {
  expect(prf(0, 0, 0)).toEqual({ p: 0, r: 0, f1: 0 });
});
