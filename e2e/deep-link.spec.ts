import { expect, test } from '@playwright/test';
import { eventList, loadIndex, panel, waitForTimeline } from './helpers.ts';
import { SUB_PATH_URL } from './ports.ts';
import { decodeIndex, encodeIndex, indexFile } from '../src/pipeline/schema.ts';

test('a deep link opens its event, and reopens it after a reload and after Back and Forward @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  const [first, second] = index.events;
  if (!first || !second) throw new Error('the sample needs two events');
  await page.goto(`./?event=${encodeURIComponent(first.id)}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(first.label);
  await expect(page.locator('.vis-item.vis-selected')).toBeVisible();
  await expect(eventList(page).locator('[aria-current="true"]')).toContainText(first.label.slice(0, 30));

  await page.reload();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(first.label);

  await eventList(page).getByRole('button', { name: second.label.slice(0, 30) }).first().click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(second.label);
  await expect(page).toHaveURL(new RegExp(`event=${second.id}`));

  await page.goBack();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(first.label);
  await expect(page).toHaveURL(new RegExp(`event=${first.id}`));
  await page.goForward();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(second.label);
  await page.reload();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(second.label);
});

test('a deep link works under a sub-path of a static host', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = index.events[0];
  if (!event) throw new Error('no events');
  await page.goto(`${SUB_PATH_URL}?event=${encodeURIComponent(event.id)}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(event.label);
  await page.reload();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(event.label);
  await expect(panel(page).locator('mark').first()).toBeVisible();
});

test('an id an event was merged under (alias) still opens it', async ({ page, request }) => {
  const index = await loadIndex(request);
  const target = index.events[1] ?? index.events[0];
  if (!target) throw new Error('no events');
  const alias = target.aliases[0] ?? 'e-merged-away';
  if (target.aliases.length === 0) {
    // The sample has no merged events: give one an alias, as the build does when it merges mentions.
    await page.route('**/data/index.json', async (route) => {
      const res = await route.fetch();
      const json = decodeIndex(indexFile.parse(await res.json()));
      json.events = json.events.map((e) => (e.id === target.id ? { ...e, aliases: [alias] } : e));
      await route.fulfill({ response: res, json: encodeIndex(json) });
    });
  }
  await page.goto(`./?event=${encodeURIComponent(alias)}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(target.label);
});

test('an unknown id says "event not found" over a working timeline @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('./?event=no-such-event');
  await expect(page.getByRole('alert')).toContainText('Event not found');
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button')).toHaveCount(index.events.length);
  await page.getByRole('button', { name: 'Show all events' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the timeline window is kept in the URL and restored on reload', async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
  await page.getByLabel('Jump to date').fill('2015-06-15');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page).toHaveURL(/win=2015-0[56]-\d\d~2015-0[67]-/);
  const url = page.url();
  await page.reload();
  await waitForTimeline(page);
  await expect(page.locator('.vis-time-axis.vis-foreground')).toContainText('2015');
  expect(page.url()).toBe(url);
});
