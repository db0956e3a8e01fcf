/**
 * A tiled archive (docs/dataset-layout.md): the app reads overview.json, then only the tiles of the window it shows
 * and the tile of a deep-linked event (found through its id shard) — never index.json or search.json. The archive
 * is made here, 26 years of events, and tiled by the build's own function with small tiles; it is served in place of
 * the built dataset (page.route).
 */
import { expect, test, type Page } from '@playwright/test';
import type { DatasetIndex, EventSummary } from '../src/pipeline/schema.ts';
import { archiveFiles, serveFiles } from './archive-serve.ts';
import { eventList, panel, waitForTimeline } from './helpers.ts';

/** 120 articles of 8 sources; 40 events a year from 2000 to 2025, and 600 in 2020 (which the tiling cuts into months). */
function archive(): DatasetIndex {
  const articles = Array.from({ length: 120 }, (_, i) => ({
    id: `a-art${String(i).padStart(3, '0')}`,
    title: `Archive article ${i}`,
    url: `https://news${i % 8}.example/${i}`,
    publishedOn: '2025-06-01',
    source: `news${i % 8}.example`,
    eventCount: 10,
  }));
  const events: EventSummary[] = [];
  const add = (year: number, k: number) => {
    const month = 1 + (k % 12);
    const day = 1 + (k % 28);
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const article = `a-art${String((year * 7 + k) % 120).padStart(3, '0')}`;
    events.push({ id: `e-y${year}k${String(k).padStart(3, '0')}`, label: `Happening ${k} of ${year}`, start: iso, end: iso, precision: 'day', articleId: article, articleIds: [article], approximate: false, kind: 'mention', aliases: [] });
  };
  for (let year = 2000; year <= 2025; year++) for (let k = 0; k < (year === 2020 ? 600 : 40); k++) add(year, k);
  events.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : a.id < b.id ? -1 : 1));
  return { schemaVersion: 1, articles, events };
}

const INDEX = archive();
const FILES = archiveFiles(INDEX, { cap: 100, wholeIndexMax: 0 });
const serveArchive = (page: Page) => serveFiles(page, FILES);

test('the first view of a tiled archive is drawn from the overview alone: counts, the archive’s total, no tile', async ({ page }) => {
  const asked = await serveArchive(page);
  await page.goto('./');
  await expect(page.locator('.vis-item.tl-aggregate').first()).toBeVisible();
  await expect(page.locator('.timeline-count')).toHaveText(`${INDEX.events.length} events`);
  // Nothing is filtered: the empty list says how to fill it, not that a filter matches nothing.
  await expect(page.locator('.event-list-empty')).toHaveText(/zoom in, or jump to a date/);
  expect(asked).toEqual(['overview.json']);
});

test('zoomed into a period, its tiles (and their neighbours) are fetched and their events drawn', async ({ page }) => {
  const asked = await serveArchive(page);
  await page.goto('./?win=2011-03-01~2011-05-01');
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  await expect(page.locator('.vis-item.tl-event').filter({ hasText: 'of 2011' }).first()).toBeVisible();
  const tiles = asked.filter((p) => p.startsWith('tiles/'));
  expect(tiles).toContain('tiles/2011.json');
  expect(tiles.length).toBeLessThanOrEqual(3);
  expect(asked).not.toContain('index.json');
  // Pan to another year: its tile comes, the first stays cached.
  await page.getByLabel('Jump to date').fill('2004-07-10');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.locator('.vis-item.tl-event').filter({ hasText: 'of 2004' }).first()).toBeVisible();
  expect(asked).toContain('tiles/2004.json');
  expect(asked.filter((p) => p === 'tiles/2011.json')).toHaveLength(1);
});

test('a deep link into a period not loaded opens its event through the id shard; Back and Forward walk across periods', async ({ page }) => {
  const asked = await serveArchive(page);
  const early = INDEX.events.find((e) => e.id === 'e-y2003k005');
  const dense = INDEX.events.find((e) => e.id === 'e-y2020k123');
  if (!early || !dense) throw new Error('the archive lacks its test events');
  await page.goto(`./?event=${early.id}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(early.label);
  await expect(page.locator('.vis-item.vis-selected').first()).toBeVisible();
  expect(asked.slice(0, 2)).toEqual(['overview.json', 'ids/y.json']);
  expect(asked).toContain('tiles/2003.json');
  expect(asked).not.toContain('index.json');
  expect(asked.filter((p) => p.startsWith('tiles/')).length).toBeLessThanOrEqual(4);

  // Another period, by the URL: 2020 is cut into months, the link finds its month.
  await page.goto(`./?event=${dense.id}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(dense.label);
  expect(asked).toContain(`tiles/${dense.start?.slice(0, 7)}.json`);
  await page.goBack();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(early.label);
  await page.goForward();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(dense.label);
  await expect(eventList(page).locator('[aria-current="true"]')).toContainText(dense.label);
});

test('an id no shard knows says “event not found” over the archive', async ({ page }) => {
  await serveArchive(page);
  await page.goto('./?event=e-zzzznotthere');
  await expect(page.getByRole('alert')).toContainText('Event not found');
  await waitForTimeline(page);
});

test('search reads only the shards of its words, never search.json; a result opens its event from a period not loaded', async ({ page }) => {
  const asked = await serveArchive(page);
  await page.goto('./');
  await waitForTimeline(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('happening 2003');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(40);
  const target = results.getByRole('button', { name: /Happening 5 of 2003$/ });
  await target.click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Happening 5 of 2003');
  await expect(page.locator('.vis-item.vis-selected').first()).toBeVisible();
  expect(asked.filter((p) => p.startsWith('search/')).sort()).toEqual(['search/20.json', 'search/ha.json']);
  expect(asked).toContain('tiles/2003.json');
  expect(asked).not.toContain('search.json');
  expect(asked).not.toContain('index.json');
});
