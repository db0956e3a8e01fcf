import { expect, test } from '@playwright/test';
import { eventList, loadIndex, panel, waitForTimeline } from './helpers.ts';

test('the keyboard walks the events in time order, opens and closes them @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  const list = eventList(page);
  await page.goto('./');
  await waitForTimeline(page);
  const labels = await list.locator('.event-list-label').allTextContents();
  expect(labels.length).toBe(index.events.length);

  // Open the first event, then walk right and left through time.
  await list.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(labels[0] ?? '');
  await page.keyboard.press('ArrowRight');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(labels[1] ?? '');
  await expect(list.locator('[aria-current="true"]')).toContainText(labels[1] ?? '');
  await expect(list.locator('[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(labels[2] ?? '');
  await page.keyboard.press('ArrowLeft');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(labels[1] ?? '');

  // Esc closes the panel; arrows then move without opening; Enter opens.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/event=/);
  await page.keyboard.press('ArrowRight');
  await expect(list.locator('[aria-current="true"]')).toContainText(labels[2] ?? '');
  await expect(panel(page)).toHaveCount(0);
  await page.locator('body').press('Enter');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(labels[2] ?? '');

  // "/" focuses search from anywhere.
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeFocused();
});

test('focus is visible on every control reached by Tab', async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'none';
      const target = el.closest('.segment') ?? el;
      const s = getComputedStyle(target);
      return s.outlineStyle === 'none' || s.outlineWidth === '0px' ? `none on ${el.tagName}` : s.outlineStyle;
    });
    expect(outline).not.toMatch(/^none/);
  }
});
