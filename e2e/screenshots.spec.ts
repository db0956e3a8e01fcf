import { expect, test } from '@playwright/test';
import { loadIndex, panel, saveScreenshot, waitForTimeline } from './helpers.ts';

// The main views, saved to test-results/screenshots/ for a person to look at.
test('screenshots of the main views', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = index.events.find((e) => e.kind === 'mention' && e.precision === 'week') ?? index.events[0];
  await page.goto('./');
  await waitForTimeline(page);
  await saveScreenshot(page, 'desktop');
  await page.goto(`./?event=${encodeURIComponent(event?.id ?? '')}`);
  await expect(panel(page).locator('mark').first()).toBeVisible();
  await expect(page.locator('.vis-item.vis-selected').first()).toBeVisible();
  await page.waitForTimeout(400);
  await saveScreenshot(page, 'panel-open');
  await panel(page).getByRole('button', { name: 'Read the whole article' }).first().click();
  await expect(page.getByRole('button', { name: 'Close reader' })).toBeVisible();
  await saveScreenshot(page, 'reader');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Close reader' }).click();
  await page.goto(`./?event=${encodeURIComponent(event?.id ?? '')}`);
  await expect(page.locator('.vis-item.vis-selected').first()).toBeVisible();
  await page.waitForTimeout(400);
  await saveScreenshot(page, 'dark');
});

test('screenshot on a phone @phone', async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
  await saveScreenshot(page, 'phone');
});
