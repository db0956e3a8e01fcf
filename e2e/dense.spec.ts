import { expect, test } from '@playwright/test';
import { encodeIndex, type DatasetIndex } from '../src/pipeline/schema.ts';
import { eventList } from './helpers.ts';

/** 6 000 events over three years in two articles: far too many to draw one by one. */
function denseIndex(): DatasetIndex {
  const articles = ['a', 'b'].map((id) => ({ id, title: `Article ${id}`, url: `https://example.org/${id}`, publishedOn: '2022-01-01', source: 'example.org', eventCount: 3000 }));
  const events = Array.from({ length: 6000 }, (_, i) => {
    const d = new Date(Date.UTC(2019, 0, 1 + ((i * 7) % 1095)));
    const day = d.toISOString().slice(0, 10);
    return { id: `e${i}`, label: `Event ${i}`, start: day, end: day, precision: 'day' as const, articleId: i % 2 ? 'a' : 'b', articleIds: [i % 2 ? 'a' : 'b'], approximate: false, kind: 'mention' as const, aliases: [] };
  });
  return { schemaVersion: 1, articles, events };
}

test('thousands of events show as per-period counts on first load, and a count zooms in to the events', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ json: encodeIndex(denseIndex()) }));
  await page.goto('./');
  const aggregates = page.locator('.vis-item.tl-aggregate');
  await expect(aggregates.first()).toBeVisible();
  expect(await aggregates.count()).toBeLessThan(300);
  await expect(aggregates.first()).toContainText(/\d+ events/);
  await expect(page.locator('.vis-item.tl-event')).toHaveCount(0);
  // The list stays usable: a slice, with a way to see more.
  await expect(eventList(page).getByRole('button')).toHaveCount(400);
  await expect(page.getByRole('button', { name: /Show 200 later events/ })).toBeVisible();
  // A count zooms in to its period; from there, zooming in reaches single events.
  const inView = await aggregates.evaluateAll((els) => {
    const frame = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    return els.findIndex((el) => {
      const r = el.getBoundingClientRect();
      return frame !== undefined && r.left >= frame.left && r.right <= frame.right;
    });
  });
  const before = page.url();
  await aggregates.nth(inView).click();
  await expect.poll(() => page.url()).not.toBe(before);
  for (let i = 0; i < 8 && (await page.locator('.vis-item.tl-event').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(400);
  }
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
});
