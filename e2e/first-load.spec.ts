import { expect, test, type Page } from '@playwright/test';
import { eventList, waitForTimeline } from './helpers.ts';
import { SUB_PATH_URL } from './ports.ts';

/** The requests for data/overview.json and data/index.json a page makes, and its console warnings and errors. */
function watch(page: Page) {
  const index: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (/\/data\/(overview|index)\.json$/.test(new URL(r.url()).pathname)) index.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') problems.push(m.text());
  });
  return { index, problems };
}

for (const [where, url, path] of [
  ['at the root', './', '/data/'],
  ['under a sub-path', SUB_PATH_URL, '/sub/path/data/'],
] as const) {
  test(`the overview and the index are downloaded once ${where}: index.html preloads the overview and the app takes the preloaded response over`, async ({ page }) => {
    const seen = watch(page);
    await page.goto(url);
    await waitForTimeline(page);
    await expect(eventList(page).getByRole('button').first()).toBeVisible();
    await page.waitForLoadState('load');
    expect(seen.index.map((u) => new URL(u).pathname)).toEqual([`${path}overview.json`, `${path}index.json`]);
    expect(seen.problems).toEqual([]);
  });
}

test('the event list follows the timeline, and the filters fill in when opened', async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button').first()).toBeVisible();
  const filters = page.locator('details.filter-toggle');
  await expect(filters.getByLabel('Article')).toHaveCount(0);
  await filters.locator('summary').click();
  await expect(filters.getByLabel('Article')).toBeVisible();
  await expect(filters.getByLabel('Article').locator('option')).not.toHaveCount(0);
});
