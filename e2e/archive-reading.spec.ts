/**
 * Reading an archive (README, "Archives"): a window that holds more events than the timeline draws one by one shows
 * the events told by the most articles, and counts the rest; its lanes are by source unless the reader chooses. The
 * archive is made here — a crowded day among quiet years — tiled by the build's own function and served in place of
 * the built dataset.
 */
import { expect, test } from '@playwright/test';
import type { DatasetIndex, EventSummary } from '../src/pipeline/schema.ts';
import { ARCHIVE_ARTICLES, MOST_TOLD } from '../src/features/timeline/lib/archive-view.ts';
import { encodeIndex } from '../src/pipeline/schema.ts';
import { archiveFiles, serveFiles } from './archive-serve.ts';

const SOURCES = ['harbour.example', 'ledger.example', 'courier.example', 'gazette.example', 'tribune.example', 'herald.example'];
const CROWDED = '2024-01-31';

/** 180 articles of six sources; 30 events a year from 2015 to 2025 (March to November), and 600 on one day, six of them told by three articles. */
function crowdedArchive(): DatasetIndex {
  const articles = Array.from({ length: 180 }, (_, i) => ({
    id: `a-r${String(i).padStart(3, '0')}`,
    title: `Report ${i}`,
    url: `https://${SOURCES[i % 6]}/${i}`,
    publishedOn: '2024-02-01',
    source: SOURCES[i % 6] as string,
    eventCount: 5,
  }));
  const events: EventSummary[] = [];
  const event = (id: string, label: string, iso: string, tellers: number, k: number): EventSummary => {
    const articleIds = Array.from({ length: tellers }, (_, t) => `a-r${String((k + t * 61) % 180).padStart(3, '0')}`);
    return { id, label, start: iso, end: iso, precision: 'day', articleId: articleIds[0] as string, articleIds, approximate: false, kind: 'mention', aliases: [] };
  };
  for (let year = 2015; year <= 2025; year++) {
    for (let k = 0; k < 30; k++) events.push(event(`e-q${year}k${String(k).padStart(2, '0')}`, `Quiet ${k} of ${year}`, `${year}-${String(3 + (k % 9)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`, 1, k));
  }
  for (let k = 0; k < 600; k++) {
    const much = k % 100 === 42;
    events.push(event(`e-c${String(k).padStart(3, '0')}`, much ? `Told thrice ${k}` : `Told once ${k}`, CROWDED, much ? 3 : 1, k));
  }
  events.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : a.id < b.id ? -1 : 1));
  return { schemaVersion: 1, articles, events };
}

const INDEX = crowdedArchive();
/** Two events whose excerpts (not their labels, titles or sources) name a place. */
const EXCERPTS = new Map([
  ['e-q2016k07', 'The ferry to Quillmouth was cancelled after the storm.'],
  ['e-q2021k11', 'Quillmouth harbour reopened to traffic.'],
  ['e-q2021k12', 'Nothing of note happened that week.'],
]);
const FILES = archiveFiles(INDEX, { cap: 200, wholeIndexMax: 0 }, EXCERPTS);

const DAY = 'win=2024-01-30T12:00~2024-02-01T12:00';

test('zoomed into a crowded day, the most-told events are drawn and the rest counted', async ({ page }) => {
  await serveFiles(page, FILES);
  await page.goto(`./?lanes=article&${DAY}`);
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-mode', 'most-told');
  // Lanes by article: a lane per drawn event's article, and the rest counted over all of them, on top.
  await expect(page.locator('.vis-item.tl-aggregate')).toHaveText([`+ ${600 - MOST_TOLD} more`]);
  await expect(page.locator('.vis-label').first()).toHaveText('All 180 articles');
});

test('the most-told are stacked first in their lanes, under the count of the rest', async ({ page }) => {
  await serveFiles(page, FILES);
  await page.goto(`./?lanes=source&${DAY}`);
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  // Lanes by source (alphabetical: courier.example first): the lane's count, then its two events told three times
  // (a point's dot is an item without text).
  const tops = await page.locator('.vis-item').evaluateAll((els) =>
    els
      .map((el) => ({ text: el.textContent ?? '', top: el.getBoundingClientRect().top }))
      .filter((x) => x.text !== '')
      .sort((a, b) => a.top - b.top)
      .slice(0, 3)
      .map((x) => x.text),
  );
  expect(tops[0]).toMatch(/^\+ [\d,]+ more$/);
  expect(tops.slice(1)).toEqual(['31 Jan 2024Told thrice 242', '31 Jan 2024Told thrice 542']);
});

test('an archive’s lanes are by source until the reader chooses; the choice is kept in the URL; a story’s are by article', async ({ page }) => {
  await serveFiles(page, FILES);
  await page.goto(`./?${DAY}`);
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'By source' })).toBeChecked();
  await expect(page.locator('.vis-label').first()).toHaveText('courier.example');
  expect(new URL(page.url()).searchParams.get('lanes')).toBeNull();
  await page.getByRole('radio', { name: 'By article' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('lanes')).toBe('article');
  await expect(page.locator('.vis-label').first()).toHaveText('All 180 articles');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'By article' })).toBeChecked();
  await expect(page.locator('.vis-label').first()).toHaveText('All 180 articles');

  // An archive small enough to be read whole (index.json) is an archive too, by its count of articles.
  const whole = archiveFiles(INDEX, { cap: 200 });
  whole.set('index.json', JSON.stringify(encodeIndex(INDEX)));
  expect(INDEX.articles.length).toBeGreaterThan(ARCHIVE_ARTICLES);
  await page.unrouteAll();
  await serveFiles(page, whole);
  await page.goto(`./?${DAY}`);
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'By source' })).toBeChecked();

  // The sample, a story of one article: by article.
  await page.unrouteAll();
  await page.goto('./');
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'By article' })).toBeChecked();
  expect(new URL(page.url()).searchParams.get('lanes')).toBeNull();
});

test('search at scale reaches the excerpts: a word in no label finds its events, from its shard alone, and opens them', async ({ page }) => {
  const asked = await serveFiles(page, FILES);
  await page.goto('./');
  await expect(page.locator('.vis-item').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search events' }).fill('quillmouth');
  const results = page.getByRole('list', { name: 'Search results' });
  // The latest first.
  await expect(results.getByRole('button')).toHaveText([/Quiet 11 of 2021$/, /Quiet 7 of 2016$/]);
  expect(asked.filter((p) => p.startsWith('search/'))).toEqual(['search/qu.json']);
  await results.getByRole('button', { name: /Quiet 7 of 2016$/ }).click();
  await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText('Quiet 7 of 2016');
  await expect(page.locator('.vis-item.vis-selected').first()).toBeVisible();
  expect(asked).not.toContain('search.json');
  // Two words of excerpts: the events that have both.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('ferry quillmouth');
  await expect(results.getByRole('button')).toHaveText([/Quiet 7 of 2016$/]);
});
