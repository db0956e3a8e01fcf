import { expect, test } from '@playwright/test';
import { dayEvent, dayText, eventList, loadArticle, loadIndex, mentionEvent, panel, timelineItem, waitForTimeline } from './helpers.ts';

test('the sample timeline shows every event, on the timeline and in the list @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('./');
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button')).toHaveCount(index.events.length);
  await expect(page.locator('.vis-item.tl-event:not(.vis-dot)')).toHaveCount(index.events.length);
  await expect(page.getByText(`${index.events.length} events`, { exact: true })).toBeVisible();
});

test('clicking an event on the timeline shows its excerpt, dates and a safe link to the source @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = mentionEvent(index);
  const article = await loadArticle(request, event.articleId);
  const detail = article.events.find((e) => e.id === event.id);
  expect(detail).toBeDefined();
  await page.goto('./');
  await waitForTimeline(page);
  await page.getByRole('button', { name: 'Fit' }).click();
  await timelineItem(page, event.label).click();
  const details = panel(page);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(event.label);
  await expect(details.locator('mark').first()).toContainText(detail?.excerpts[0]?.text.trim().slice(0, 40) ?? '');
  const original = details.getByRole('link', { name: /Original article/ });
  await expect(original).toHaveAttribute('href', article.article.url);
  await expect(original).toHaveAttribute('target', '_blank');
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page).toHaveURL(new RegExp(`[?&]event=${event.id}`));
});

test('a day reads the same day and sits on that day of the axis, whatever the time zone @core', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = dayEvent(index);
  await page.goto(`./?event=${encodeURIComponent(event.id)}`);
  const details = panel(page);
  await expect(details.getByText(dayText(event.start ?? ''), { exact: true }).first()).toBeVisible();
  await expect(eventList(page).getByRole('button', { name: event.label.slice(0, 30) }).first()).toContainText(dayText(event.start ?? ''));
  // Where the dot is drawn, read against the axis labels (day numbers) around it.
  const dot = page.locator('.vis-item.vis-dot.vis-selected');
  await expect(dot).toBeVisible();
  const dayOnAxis = () => page.evaluate(() => {
    const d = document.querySelector('.vis-item.vis-dot.vis-selected')?.getBoundingClientRect();
    if (!d) return null;
    const x = d.left + d.width / 2;
    const labels = [...document.querySelectorAll('.vis-time-axis .vis-text.vis-minor')]
      .map((l) => ({ x: l.getBoundingClientRect().left, day: Number(l.textContent) }))
      .filter((l) => Number.isFinite(l.day))
      .sort((a, b) => a.x - b.x);
    const before = labels.filter((l) => l.x <= x).at(-1);
    const after = labels.find((l) => l.x > x);
    if (!before || !after || after.day < before.day) return null;
    return Math.floor(before.day + ((x - before.x) / (after.x - before.x)) * (after.day - before.day));
  });
  // On a narrow screen the axis may label weeks: zoom in until it labels days.
  let found = await dayOnAxis();
  for (let i = 0; i < 3 && found === null; i++) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(450);
    found = await dayOnAxis();
  }
  expect(found).toBe(Number((event.start ?? '').slice(8, 10)));
});
