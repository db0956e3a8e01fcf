import { expect, test } from '@playwright/test';
import { eventList, waitForTimeline } from './helpers.ts';

test('a failed data fetch shows the error with Retry, and Retry loads the timeline', async ({ page }) => {
  let fail = true;
  await page.route('**/data/index.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be loaded');
  await expect(alert).toContainText('503');
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button').first()).toBeVisible();
});

test('a network failure also offers Retry', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a loading skeleton shows while the data is on its way', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/data/index.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the timeline' })).toBeAttached();
  await expect(page.locator('[aria-busy="true"]')).toBeVisible();
  release();
  await waitForTimeline(page);
});

test('no articles shows how to add some', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ json: { schemaVersion: 1, articles: [], events: [] } }));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeVisible();
  await expect(page.getByText('npm run build:data')).toBeVisible();
});

test('a dataset that does not match the schema is an error, not a blank page', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ json: { schemaVersion: 1, articles: 'nope' } }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('does not match the schema');
});
