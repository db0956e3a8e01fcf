import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadArticle, loadIndex, panel, waitForTimeline } from './helpers.ts';

/** The items of the timeline that lie (partly) outside its visible drawing area. */
async function hiddenItems(page: Page): Promise<number> {
  return page.evaluate(() => {
    const centre = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    if (!centre) return -1;
    return [...document.querySelectorAll('.vis-item')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top < centre.top - 1 || r.bottom > centre.bottom + 1;
    }).length;
  });
}

test('on a laptop screen every item of the lanes is within the pane, with no scrolling inside it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./');
  await waitForTimeline(page);
  await expect(page.locator('.vis-item')).not.toHaveCount(0);
  await expect.poll(() => hiddenItems(page)).toBe(0);
});

test('the pane is made shorter and taller from the keyboard; lanes that scroll can be reached and scrolled by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./');
  await waitForTimeline(page);
  const frame = page.locator('#timeline-frame');
  const resizer = page.getByRole('separator', { name: 'Timeline height' });
  const tall = (await frame.boundingBox())?.height ?? 0;
  await resizer.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0).toBeLessThan(tall - 100);
  expect(await hiddenItems(page)).toBeGreaterThan(0);

  // The lanes now scroll: their panel is in the tab order, axe finds nothing serious, and the keys scroll it.
  const lanes = page.getByRole('region', { name: /^Lanes/ });
  await expect(lanes).toHaveAttribute('tabindex', '0');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await lanes.focus();
  await page.keyboard.press('End');
  await expect.poll(() => lanes.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  await resizer.focus();
  await page.keyboard.press('End');
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(tall);
  await expect.poll(() => hiddenItems(page)).toBe(0);
  await expect(lanes).not.toHaveAttribute('tabindex', '0');
});

test('an event dated from a cited link says so under "As written", not "the publication date"', async ({ page, request }) => {
  const index = await loadIndex(request);
  let found: { id: string } | null = null;
  for (const a of index.articles) {
    const article = await loadArticle(request, a.id);
    const e = article.events.find((x) => x.dating.method === 'citation');
    if (e) found = e;
  }
  if (!found) throw new Error('the sample has no event dated from a citation');
  await page.goto(`./?event=${encodeURIComponent(found.id)}`);
  const asWritten = panel(page).locator('dt', { hasText: 'As written' }).locator('xpath=following-sibling::dd');
  await expect(asWritten).toContainText('in the address of the source it cites');
  await expect(asWritten).not.toContainText('publication');
});
