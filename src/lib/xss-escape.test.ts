import { expect, test } from 'vitest';
import xss, { escapeHtml } from './xss-escape.ts';

test('what vis-timeline puts into innerHTML through the filter comes out as text', () => {
  const filter = new xss.FilterXSS();
  expect(filter.process('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  expect(filter.process("Tom & Jerry's")).toBe('Tom &amp; Jerry&#39;s');
  expect(filter.process('Nov 2021')).toBe('Nov 2021');
  expect(filter.process(null)).toBe('');
  expect(filter.process(2021)).toBe('2021');
  expect(escapeHtml('a<b>c')).toBe('a&lt;b&gt;c');
});
