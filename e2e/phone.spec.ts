import { expect, test } from '@playwright/test';
import { eventList, loadIndex, panel, saveScreenshot, waitForTimeline } from './helpers.ts';

test('on a phone nothing overflows sideways and the panel is a bottom sheet @phone', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('./');
  await waitForTimeline(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  const label = index.events[2]?.label ?? '';
  await eventList(page).getByRole('button', { name: label.slice(0, 30) }).first().tap();
  const sheet = panel(page);
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(label);
  await expect(sheet.locator('mark').first()).toBeVisible();
  const viewport = page.viewportSize();
  // A sheet: full width, resting on the bottom edge.
  await expect.poll(async () => {
    const box = await sheet.boundingBox();
    return box && [Math.round(box.width), Math.round(box.y + box.height)];
  }).toEqual([viewport?.width, viewport?.height]);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'phone-panel');
  await sheet.getByRole('button', { name: 'Close event details' }).tap();
  await expect(panel(page)).toHaveCount(0);
});

test('on a phone the timeline takes a drag @phone', async ({ page }) => {
  await page.goto('./?win=2021-10-01~2021-12-31');
  await waitForTimeline(page);
  const frame = page.locator('.vis-panel.vis-center');
  const box = await frame.boundingBox();
  if (!box) throw new Error('no timeline');
  const y = box.y + box.height / 2;
  // A one-finger swipe to the left moves the window later in time.
  const client = await page.context().newCDPSession(page);
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    client.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', box.x + box.width * 0.8);
  for (let i = 1; i <= 8; i++) await touch('touchMove', box.x + box.width * (0.8 - i * 0.07));
  await touch('touchEnd', 0);
  await expect(page).not.toHaveURL(/win=2021-10-01~2021-12-31/);
  const win = new URL(page.url()).searchParams.get('win') ?? '';
  expect(win.split('~')[0]! > '2021-10-01').toBe(true);
});

test('on a phone the timeline zooms with a pinch @phone', async ({ page }) => {
  await page.goto('./?win=2021-01-01~2021-12-31');
  await waitForTimeline(page);
  const box = await page.locator('.vis-panel.vis-center').boundingBox();
  if (!box) throw new Error('no timeline');
  const y = box.y + box.height / 2;
  const cx = box.x + box.width / 2;
  const client = await page.context().newCDPSession(page);
  const fingers = (gap: number) => [
    { x: cx - gap, y, id: 0 },
    { x: cx + gap, y, id: 1 },
  ];
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (let gap = 30; gap <= 120; gap += 10) await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(gap) });
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // Spreading two fingers zooms in: the window in the URL gets narrower than a year.
  await expect.poll(() => {
    const [from, to] = (new URL(page.url()).searchParams.get('win') ?? '').split('~');
    return from && to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : 365;
  }).toBeLessThan(250);
});

test('on a phone the reader covers the screen and steps aside when a date is chosen @phone', async ({ page, request }) => {
  const index = await loadIndex(request);
  const start = index.events[0];
  if (!start) throw new Error('no events');
  await page.goto(`./?event=${encodeURIComponent(start.id)}`);
  await panel(page).getByRole('button', { name: 'Read the whole article' }).first().tap();
  const close = page.getByRole('button', { name: 'Close reader' });
  await expect(close).toBeInViewport();
  const date = page.getByRole('button', { name: /show on the timeline/ }).first();
  await date.tap();
  await expect(close).toHaveCount(0);
  await expect(panel(page).getByRole('heading', { level: 2 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
