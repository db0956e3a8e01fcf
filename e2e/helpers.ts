import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { articleDetail, decodeIndex, indexFile, type ArticleDetail, type DatasetIndex, type EventSummary } from '../src/pipeline/schema.ts';

/** The dataset the build produced, read the way the app reads it. */
export async function loadIndex(request: APIRequestContext): Promise<DatasetIndex> {
  const res = await request.get('/data/index.json');
  expect(res.ok()).toBe(true);
  return decodeIndex(indexFile.parse(await res.json()));
}

export async function loadArticle(request: APIRequestContext, id: string): Promise<ArticleDetail> {
  const res = await request.get(`/data/articles/${encodeURIComponent(id)}.json`);
  expect(res.ok()).toBe(true);
  return articleDetail.parse(await res.json());
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "20 Nov 2021" straight from the string's parts: what a day must read in every time zone. */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A single-day event to test with: the publication if there is one. */
export function dayEvent(index: DatasetIndex): EventSummary {
  const days = index.events.filter((e) => e.start !== null && e.start === e.end);
  const e = days.find((x) => x.kind === 'publication') ?? days[0];
  if (!e) throw new Error('the sample has no single-day event');
  return e;
}

/** An event with an excerpt and, where there is one, a cited source. */
export function mentionEvent(index: DatasetIndex): EventSummary {
  const e = index.events.find((x) => x.kind === 'mention' && x.start !== null && x.end !== null) ?? index.events[0];
  if (!e) throw new Error('the sample has no events');
  return e;
}

export function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Event details' });
}

export function eventList(page: Page) {
  return page.getByRole('list', { name: 'Events in time order' });
}

/** The timeline's item for an event (the canvas has no roles: it is matched by its label text). */
export function timelineItem(page: Page, label: string) {
  return page.locator('.vis-item.tl-event:not(.vis-dot)').filter({ hasText: label.slice(0, 30) }).first();
}

export async function waitForTimeline(page: Page) {
  await expect(page.locator('.vis-item').first()).toBeVisible();
}

/** Saves a screenshot of the current view under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
