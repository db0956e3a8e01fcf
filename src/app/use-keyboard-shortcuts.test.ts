// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { isOwnedByTarget } from './use-keyboard-shortcuts.ts';

test('typing in a field keeps its keys, except Escape', () => {
  const input = document.createElement('input');
  expect(isOwnedByTarget(input, 'ArrowLeft')).toBe(true);
  expect(isOwnedByTarget(input, '/')).toBe(true);
  expect(isOwnedByTarget(input, 'Escape')).toBe(false);
  expect(isOwnedByTarget(document.createElement('select'), 'ArrowRight')).toBe(true);
});

test('Enter on a button or link presses it; arrows still walk the events', () => {
  const button = document.createElement('button');
  expect(isOwnedByTarget(button, 'Enter')).toBe(true);
  expect(isOwnedByTarget(button, 'ArrowRight')).toBe(false);
  expect(isOwnedByTarget(document.createElement('a'), 'Enter')).toBe(true);
});

test('on the page itself every shortcut is the app’s', () => {
  expect(isOwnedByTarget(document.body, 'Enter')).toBe(false);
  expect(isOwnedByTarget(document.body, '/')).toBe(false);
  expect(isOwnedByTarget(null, 'ArrowLeft')).toBe(false);
});
