/**
 * What the app does for large datasets and the build's split files: only the lanes with something drawn are lanes,
 * search reads search.json on the first keystroke, and a merged event gathers its excerpts and citations from the
 * file of every article that tells it. Datasets are served in place of the built one (page.route).
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeIndex, type ArticleDetail, type DatasetIndex, type EventDetail, type SearchIndex } from '../src/pipeline/schema.ts';
import { eventList, loadIndex, panel, waitForTimeline } from './helpers.ts';

/** 3 000 events over three years, each article telling 30 of them in one month: 100 articles, 100 possible lanes. */
function manyArticles(): DatasetIndex {
  const articles = Array.from({ length: 100 }, (_, i) => ({
    id: `a${i}`,
    title: `Article ${i}`,
    url: `https://example.org/${i}`,
    publishedOn: '2022-01-01',
    source: `source${i % 5}.example`,
    eventCount: 30,
  }));
  const events = Array.from({ length: 3000 }, (_, i) => {
    const article = Math.floor(i / 30);
    const d = new Date(Date.UTC(2019, Math.floor((article * 36) / 100), 1 + (i % 28)));
    const day = d.toISOString().slice(0, 10);
    return { id: `e${String(i).padStart(4, '0')}`, label: `Event ${i}`, start: day, end: day, precision: 'day' as const, articleId: `a${article}`, articleIds: [`a${article}`], approximate: false, kind: 'mention' as const, aliases: [] };
  });
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return { schemaVersion: 1, articles, events };
}

async function lanesAndItems(page: Page) {
  return page.evaluate(() => ({
    lanes: [...document.querySelectorAll('.vis-label')].map((l) => l.textContent ?? ''),
    items: document.querySelectorAll('.vis-item').length,
  }));
}

test('the timeline is given only the lanes that hold what it draws; counts over many lanes share one lane', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ json: encodeIndex(manyArticles()) }));
  await page.goto('./');
  await expect(page.locator('.vis-item.tl-aggregate').first()).toBeVisible();
  // Three years of 100 articles: the counts are summed over every article, in one lane.
  expect((await lanesAndItems(page)).lanes).toEqual(['All 100 articles']);
  // Three weeks of April 2019 (drawn with half a window either side): the few articles of those weeks, not all 100.
  await page.goto('./?win=2019-04-03~2019-04-27');
  await expect(page.locator('.vis-item.tl-event').first()).toBeVisible();
  const { lanes, items } = await lanesAndItems(page);
  expect(lanes.length).toBeGreaterThan(0);
  expect(lanes.length).toBeLessThanOrEqual(10);
  expect(lanes.every((l) => /^Article \d+$/.test(l))).toBe(true);
  expect(items).toBeGreaterThanOrEqual(lanes.length);
});

test('search reads the excerpts from search.json, loaded on the first keystroke', async ({ page, request }) => {
  const index = await loadIndex(request);
  const target = index.events[index.events.length - 1];
  if (!target) throw new Error('no events');
  let requested = 0;
  await page.route('**/data/search.json', (route) => {
    requested++;
    const search: SearchIndex = { schemaVersion: 1, events: index.events.map((e) => [e.id, e.id === target.id ? 'a zanzibarish word' : 'nothing here']) };
    return route.fulfill({ json: search });
  });
  await page.goto('./');
  await waitForTimeline(page);
  expect(requested).toBe(0);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('zanzibarish');
  await expect(eventList(page).getByRole('button')).toHaveCount(1);
  await expect(eventList(page).getByRole('button')).toContainText(target.label.slice(0, 30));
  expect(requested).toBe(1);
});

test('when search.json cannot be loaded, search stays on labels and says so', async ({ page, request }) => {
  const index = await loadIndex(request);
  const event = index.events.find((e) => e.kind === 'mention') ?? index.events[0];
  if (!event) throw new Error('no events');
  const word = event.label.split(/\s+/).filter((w) => w.length > 4)[0] ?? event.label;
  await page.route('**/data/search.json', (route) => route.fulfill({ status: 500, body: 'no' }));
  await page.goto(`./?q=${encodeURIComponent(word)}`);
  await expect(page.getByText('labels only: the excerpts could not be loaded')).toBeVisible();
  await expect(eventList(page).getByRole('button', { name: event.label.slice(0, 30) }).first()).toBeVisible();
});

/** One event told by two articles; each article's file holds its own excerpt and citation of it. */
function mergedDataset(): { index: DatasetIndex; details: Record<string, ArticleDetail> } {
  const ids = ['a-one', 'a-two'];
  const texts = {
    'a-one': 'date 2021-11-20 https://one.example/story\nFirst story\n\nThe bridge opened in March 2020, officials said.\n',
    'a-two': 'date 2021-11-22 https://two.example/story\nSecond story\n\nIn March 2020 the bridge was opened to traffic.\n',
  } as const;
  const summary = {
    id: 'e-bridge',
    label: 'The bridge opened',
    start: '2020-03-01',
    end: '2020-03-31',
    precision: 'month' as const,
    articleId: 'a-one',
    articleIds: ids,
    approximate: false,
    openEnd: false,
    kind: 'mention' as const,
    aliases: [],
  };
  const articles = ids.map((id, i) => ({ id, title: i ? 'Second story' : 'First story', url: `https://${i ? 'two' : 'one'}.example/story`, publishedOn: i ? '2021-11-22' : '2021-11-20', source: `${i ? 'two' : 'one'}.example`, eventCount: 1 }));
  const details: Record<string, ArticleDetail> = {};
  for (const [i, id] of ids.entries()) {
    const text = texts[id as keyof typeof texts];
    const sentence = i ? 'In March 2020 the bridge was opened to traffic.' : 'The bridge opened in March 2020, officials said.';
    const start = text.indexOf(sentence);
    const paragraph = { start, end: start + sentence.length };
    const titleStart = text.indexOf(i ? 'Second' : 'First');
    const event: EventDetail = {
      ...summary,
      excerpts: [{ articleId: id, start, end: start + sentence.length, text: sentence, paragraphStart: start, paragraphEnd: start + sentence.length }],
      dating: { expression: 'March 2020', start: text.indexOf('March 2020'), end: text.indexOf('March 2020') + 10, value: '2020-03', explanation: 'month named with a year', method: 'expression' },
      citationIds: [`c-${id}`],
    };
    const citationUrl = `https://${i ? 'two' : 'one'}.example/2020/03/0${i + 1}/bridge-${i ? 'traffic' : 'opening'}-report`;
    details[id] = {
      schemaVersion: 1,
      article: {
        ...(articles[i] as (typeof articles)[number]),
        text,
        titleStart,
        titleEnd: titleStart + (i ? 12 : 11),
        bodyStart: start,
        bodyEnd: text.length,
        paragraphs: [paragraph],
        sentences: [{ ...paragraph, paragraph: 0 }],
        sections: [],
        citations: [{ id: `c-${id}`, url: citationUrl, start: 0, end: 0, host: `${i ? 'two' : 'one'}.example`, date: `2020-03-0${i + 1}`, headline: i ? 'Bridge traffic report' : 'Bridge opening report', supports: null }],
        timexes: [],
      },
      events: [event],
    };
  }
  return { index: { schemaVersion: 1, articles, events: [summary] }, details };
}

test('a merged event shows the excerpts and citations of every article that tells it', async ({ page }) => {
  const { index, details } = mergedDataset();
  await page.route('**/data/index.json', (route) => route.fulfill({ json: encodeIndex(index) }));
  await page.route('**/data/articles/*.json', (route) => {
    const id = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()?.replace(/\.json$/, '') ?? '');
    const detail = details[id];
    return detail ? route.fulfill({ json: detail }) : route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto('./?event=e-bridge');
  const p = panel(page);
  await expect(p.getByRole('heading', { level: 2 })).toHaveText('The bridge opened');
  await expect(p.locator('.excerpt-block')).toHaveCount(2);
  await expect(p.locator('.excerpt-block').nth(0)).toContainText('The bridge opened in March 2020, officials said.');
  await expect(p.locator('.excerpt-block').nth(1)).toContainText('In March 2020 the bridge was opened to traffic.');
  await expect(p.getByRole('link', { name: /Bridge opening report/ })).toBeVisible();
  await expect(p.getByRole('link', { name: /Bridge traffic report/ })).toBeVisible();
});
