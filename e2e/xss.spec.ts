import { expect, test } from '@playwright/test';
import { hostileArticle, hostileIndex } from './fixtures/hostile-dataset.ts';
import { eventList, panel, waitForTimeline } from './helpers.ts';

test('markup and script in an article are shown as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/data/index.json', (route) => route.fulfill({ json: hostileIndex }));
  await page.route('**/data/articles/hostile.json', (route) => route.fulfill({ json: hostileArticle }));

  await page.goto('./?event=h-1');
  await waitForTimeline(page);
  const details = panel(page);
  // The label, the excerpt and the explanation read literally, tags and all.
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(hostileIndex.events[1]?.label ?? '');
  await expect(details.locator('mark').first()).toContainText('<script>window.__xss = 3; alert(1)</script>');
  await expect(details).toContainText('a day <i>named</i>');
  await expect(page.locator('.vis-item.tl-event:not(.vis-dot)').filter({ hasText: '<script>window.__xss = 7</script>' })).toHaveCount(1);
  await expect(eventList(page)).toContainText('<b onmouseover="window.__xss = 9">bold</b>');
  // A javascript: citation is not a link; the http one is, and opens safely.
  await expect(details.getByText('<img src=x onerror="window.__xss = 10">')).toBeVisible();
  await expect(details.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(details.getByRole('link', { name: /A cited source slug/ })).toHaveAttribute('rel', 'noopener noreferrer');

  await details.getByRole('button', { name: 'Read the whole article' }).click();
  const reader = page.getByRole('article', { name: /Markup in a title/ });
  await expect(reader).toContainText('<img src=x onerror="window.__xss = 4; alert(2)">');
  await reader.getByText('<b onmouseover', { exact: false }).first().hover();

  // No element was created from the text, nothing ran.
  await expect(page.locator('#root script, #root img, #root b, #root i')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
