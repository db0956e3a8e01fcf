import { expect, test } from '@playwright/test';
import { loadIndex, panel } from './helpers.ts';

test('Share copies the event link and says so', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const index = await loadIndex(request);
  const event = index.events[0];
  if (!event) throw new Error('no events');
  await page.goto(`./?event=${encodeURIComponent(event.id)}&q=&win=2000-01-01~2030-01-01`);
  await panel(page).getByRole('button', { name: 'Share' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Link copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL(`./?event=${encodeURIComponent(event.id)}`, page.url()).href);
  // The copied link opens the same event.
  await page.goto(copied);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(event.label);
});
