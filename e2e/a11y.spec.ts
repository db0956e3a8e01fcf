import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadIndex, panel, waitForTimeline } from './helpers.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('axe finds no serious violation: timeline and list, panel, reader', async ({ page, request }) => {
  // Three axe runs of a few seconds each on a quiet machine: the limit guards against a hang, on shared cores too.
  test.setTimeout(90_000);
  const index = await loadIndex(request);
  await page.goto('./');
  await waitForTimeline(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`./?event=${encodeURIComponent(index.events[0]?.id ?? '')}`);
  await expect(panel(page).locator('mark').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await panel(page).getByRole('button', { name: 'Read the whole article' }).first().click();
  await expect(page.getByRole('button', { name: 'Close reader' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe finds no serious violation in dark mode', async ({ page, request }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const index = await loadIndex(request);
  await page.goto(`./?event=${encodeURIComponent(index.events[0]?.id ?? '')}`);
  await waitForTimeline(page);
  await expect(panel(page).locator('mark').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
