import { expect, test } from '@playwright/test';
import { eventList, loadArticle, loadIndex, waitForTimeline } from './helpers.ts';

test('search narrows the list and the timeline, and lives in the URL', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = index.events.find((e) => e.kind === 'mention') ?? index.events[0];
  if (!event) throw new Error('no events');
  const word = event.label.split(/\s+/).filter((w) => w.length > 5)[0] ?? event.label;
  const expected = index.events.filter((e) => e.label.toLowerCase().includes(word.toLowerCase())).length;
  await page.goto('./');
  await waitForTimeline(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
  const count = await eventList(page).getByRole('button').count();
  expect(count).toBeGreaterThanOrEqual(expected);
  expect(count).toBeLessThan(index.events.length);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue(word);
  await expect(eventList(page).getByRole('button')).toHaveCount(count);
});

test('search reaches excerpts, not only labels', async ({ page, request }) => {
  const index = await loadIndex(request);
  const article = await loadArticle(request, index.articles[0]?.id ?? '');
  const labels = index.events.map((e) => e.label.toLowerCase()).join(' ');
  const words = article.events.flatMap((e) => e.excerpts.flatMap((x) => x.text.split(/[^A-Za-z]+/)));
  const word = words.find((w) => w.length > 6 && !labels.includes(w.toLowerCase()));
  test.skip(!word, 'every excerpt word is in a label');
  await page.goto(`./?q=${encodeURIComponent(word ?? '')}`);
  await expect(eventList(page).getByRole('button').first()).toBeVisible();
});

test('filters by date range and lanes by source are in the URL', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('./?from=2021-11-01&to=2021-11-30&lanes=source');
  await waitForTimeline(page);
  const inNovember = index.events.filter((e) => (e.start ?? '0000') <= '2021-11-30' && (e.end ?? '9999') >= '2021-11-01').length;
  await expect(eventList(page).getByRole('button')).toHaveCount(inNovember);
  await expect(page.getByRole('radio', { name: 'By source' })).toBeChecked();
  await expect(page.locator('.vis-label').first()).toContainText(index.articles[0]?.source ?? '');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(eventList(page).getByRole('button')).toHaveCount(index.events.length);
  await expect(page).not.toHaveURL(/from=/);
});
