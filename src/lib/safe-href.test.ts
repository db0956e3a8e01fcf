import { expect, test } from 'vitest';
import { hostOf, safeHref } from './safe-href.ts';

test('http and https URLs become links', () => {
  expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
  expect(safeHref('http://example.com')).toBe('http://example.com/');
});

test('anything else is not a link', () => {
  expect(safeHref('javascript:alert(1)')).toBeNull();
  expect(safeHref(' JavaScript:alert(1)')).toBeNull();
  expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
  expect(safeHref('/relative/path')).toBeNull();
  expect(safeHref('')).toBeNull();
  expect(safeHref(null)).toBeNull();
  expect(safeHref('vbscript:msgbox')).toBeNull();
});

test('hostOf drops www.', () => {
  expect(hostOf('https://www.nytimes.com/x')).toBe('nytimes.com');
});
