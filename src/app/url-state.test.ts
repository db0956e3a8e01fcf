import { expect, test } from 'vitest';
import { EMPTY_URL_STATE, eventLink, parseUrlState, serializeUrlState } from './url-state.ts';

test('an empty query string is the default state', () => {
  expect(parseUrlState('')).toEqual(EMPTY_URL_STATE);
  expect(serializeUrlState(EMPTY_URL_STATE)).toBe('');
});

test('every field survives a round trip', () => {
  const s = {
    event: 'a b/ç',
    q: 'Minsk & co',
    article: 'art-1',
    source: 'example.com',
    from: '2014-01-01',
    to: '2021-11-30',
    lanes: 'source' as const,
    win: { start: '2021-11-01', end: '2021-11-30T12:00' },
    read: 'art-1',
  };
  const text = serializeUrlState(s);
  expect(text).toContain('win=2021-11-01~2021-11-30T12:00');
  expect(parseUrlState(text)).toEqual(s);
});

test('junk in the URL is ignored, not trusted', () => {
  const s = parseUrlState('?from=2021-02-30&to=yesterday&lanes=banana&win=2021-12-01~2021-11-01&event=');
  expect(s).toEqual(EMPTY_URL_STATE);
  expect(parseUrlState('?win=x~y').win).toBeNull();
});

test('an event link keeps the path (sub-path) and sets only the event', () => {
  expect(eventLink('https://host.org/sub/path/?q=x&win=2021-01-01~2021-02-01#top', 'ev-1')).toBe(
    'https://host.org/sub/path/?event=ev-1',
  );
});

test('lanes are in the URL only once chosen, either way: without them, the dataset decides', () => {
  expect(parseUrlState('').lanes).toBeNull();
  expect(parseUrlState('?lanes=article').lanes).toBe('article');
  expect(serializeUrlState({ ...EMPTY_URL_STATE, lanes: 'article' })).toBe('?lanes=article');
  expect(serializeUrlState({ ...EMPTY_URL_STATE, lanes: 'source' })).toBe('?lanes=source');
  expect(parseUrlState('?lanes=topic').lanes).toBeNull();
});
