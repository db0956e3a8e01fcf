import { expect, test } from '@playwright/test';
import { loadArticle, loadIndex, panel } from './helpers.ts';

test('the reader highlights every dated expression; choosing one opens its event', async ({ page, request }) => {
  const index = await loadIndex(request);
  const start = index.events[0];
  if (!start) throw new Error('no events');
  const article = await loadArticle(request, start.articleId);
  await page.goto(`./?event=${encodeURIComponent(start.id)}`);
  await panel(page).getByRole('button', { name: 'Read the whole article' }).first().click();
  const reader = page.getByRole('article', { name: article.article.title });
  await expect(reader).toBeVisible();
  await expect(page).toHaveURL(/read=/);
  const dated = article.article.timexes.filter((t) => t.interval);
  await expect(reader.locator('.timex')).toHaveCount(article.article.timexes.length);
  await expect(reader.getByRole('button', { name: /show on the timeline/ })).toHaveCount(dated.length);

  // Pick a date whose event is another one than the open event.
  const target = article.events.find((e) => e.id !== start.id && e.dating.start !== null && dated.some((t) => t.start === e.dating.start));
  if (!target) throw new Error('no dated event to pick');
  const timex = dated.find((t) => t.start === target.dating.start);
  await reader.getByRole('button', { name: new RegExp(`^${timex?.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) }).first().click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(target.label);
  await expect(page.locator('.vis-item.vis-selected')).toBeVisible();
  await page.getByRole('button', { name: 'Close reader' }).click();
  await expect(reader).toHaveCount(0);
});
