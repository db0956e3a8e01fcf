/**
 * Issue 6: the reader's own articles (paste, files, drop; the date form; diagnostics as the CLI prints them; kept in
 * IndexedDB; Remove; deep links on another device) and exports (TimelineJS loaded in the real library, CSV, ICS,
 * dataset JSON; the printed chronology).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { datasetIndex } from '../src/pipeline/schema.ts';
import { eventList, panel, saveScreenshot, waitForTimeline } from './helpers.ts';

const require = createRequire(import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));
/** A saved wire-service page: the pipeline's own fixture (src/pipeline/formats/fixtures), imported as a reader would. */
const savedPage = fileURLToPath(new URL('../src/pipeline/formats/fixtures/wire-service.html', import.meta.url));
const GENEVA = readFileSync(fixture('geneva-talks.txt'), 'utf8');
const GENEVA_TITLE = 'Geneva talks resume after a month of silence';
const HARBOUR = readFileSync(fixture('harbour-reopens.txt'), 'utf8');

function importDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Import articles' });
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(page)).toBeVisible();
  return importDialog(page);
}

async function pasteGeneva(page: Page) {
  const dialog = await openImport(page);
  await dialog.getByLabel('Article text').fill(GENEVA);
  await dialog.getByRole('button', { name: 'Import text' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
  return dialog;
}

/** Serious axe findings inside the given regions (this feature's own parts of the page). */
async function seriousViolations(page: Page, ...regions: string[]) {
  let builder = new AxeBuilder({ page });
  for (const r of regions) builder = builder.include(r);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

async function exportAs(page: Page, name: RegExp): Promise<{ download: Download; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { download, text: await readDownload(download) };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
});

test('a pasted article is imported in the browser and its events appear, marked as the reader’s own', async ({ page }) => {
  const dialog = await openImport(page);
  await expect(dialog.getByText('never sent anywhere')).toBeVisible();
  await dialog.getByLabel('Article text').fill(GENEVA);
  await saveScreenshot(page, 'import-dialog');
  await dialog.getByRole('button', { name: 'Import text' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
  await expect(dialog.getByText(`${GENEVA_TITLE} imported from pasted.txt`)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Your imported articles' }).getByRole('listitem')).toHaveCount(1);
  await saveScreenshot(page, 'import-dialog-imported');

  await dialog.getByRole('button', { name: 'Show on the timeline' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/event=own-e-/);
  await expect(panel(page).getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.locator('.vis-item.tl-event.is-own').first()).toBeVisible();
  const own = eventList(page).getByRole('button', { name: /Yours/ });
  expect(await own.count()).toBeGreaterThanOrEqual(3);
  await expect(eventList(page).getByRole('button', { name: /first round of talks opened/i })).toBeVisible();
  // The panel shows the excerpt from the imported text without any request for it.
  await expect(panel(page).getByRole('link', { name: /Original article/ })).toHaveAttribute('href', 'https://example.org/2022/03/04/geneva-talks-resume');
  await saveScreenshot(page, 'import-timeline-own-events');
});

test('a pasted text without a date line asks for the date and URL, then imports', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByLabel('Article text').fill(HARBOUR);
  await dialog.getByRole('button', { name: 'Import text' }).click();
  const form = dialog.getByRole('group', { name: 'This text has no date line' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Publication date')).toBeFocused();
  await form.getByLabel('Article URL').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Import with this date' }).click();
  await expect(form.getByText('Enter the publication date as YYYY-MM-DD.')).toBeVisible();
  await expect(form.getByText("Enter the article's address, starting with http:// or https://.")).toBeVisible();
  await saveScreenshot(page, 'import-date-form');
  await form.getByLabel('Publication date').fill('2022-01-10');
  await form.getByLabel('Article URL').fill('https://example.net/harbour-reopens');
  await form.getByRole('button', { name: 'Import with this date' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
  await expect(form).toBeHidden();
  await expect(dialog.getByRole('list', { name: 'Your imported articles' })).toContainText('Harbour reopens to ships');
});

test('a saved page and a feed import with their sources; a feed item without a link is reported at its line', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose article files').setInputFiles([savedPage, fixture('gazette.xml')]);
  await expect(dialog.getByRole('status').first()).toHaveText('3 articles imported. 1 file with problems.');
  await expect(dialog.getByRole('list', { name: 'Problems in gazette.xml, item 3' })).toHaveText(
    "gazette.xml:20:1: error Unexpected an item without a link, expected the article's http(s) URL in it [feed:link]",
  );
  const list = dialog.getByRole('list', { name: 'Your imported articles' });
  for (const title of ['Port workers end strike after nine days', 'Ferry service resumes after repairs', 'Council to vote on harbour budget']) await expect(list).toContainText(title);
  await page.keyboard.press('Escape');
  // The page's event dated by its link opens with the link's anchor text as the cited source.
  await eventList(page).getByRole('button', { name: /Shipping lines had diverted/ }).first().click();
  await expect(panel(page).getByRole('link', { name: 'an update last Friday' })).toHaveAttribute('href', 'https://port.example.net/news/2022-04-08/vessels-diverted-during-strike');
  // The outlet the page names (og:site_name) before its host.
  await expect(panel(page).getByText(/^Northwire · northwire\.example\.com · /).first()).toBeVisible();
});

test('a bad file is reported as file:line:column while the good one imports; imports survive a reload; Remove removes', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose article files').setInputFiles([fixture('bad-date.txt'), fixture('geneva-talks.txt')]);
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported. 1 file with problems.');
  await expect(dialog.getByRole('list', { name: 'Problems in bad-date.txt' })).toHaveText(
    'bad-date.txt:1:7: error Unexpected date "2021-02-30", expected a real calendar date [parse-article:date]',
  );
  await expect(dialog.getByText(`${GENEVA_TITLE} imported from geneva-talks.txt`)).toBeVisible();
  await saveScreenshot(page, 'import-diagnostics');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused();
  await expect(eventList(page).getByRole('button', { name: /Yours/ }).first()).toBeVisible();

  await page.reload();
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button', { name: /Yours/ }).first()).toBeVisible();
  const again = await openImport(page);
  const list = again.getByRole('list', { name: 'Your imported articles' });
  await expect(list).toContainText(GENEVA_TITLE);
  await again.getByRole('button', { name: `Remove “${GENEVA_TITLE}”` }).click();
  await expect(again.getByText('No imported articles yet.')).toBeVisible();
  await again.getByRole('button', { name: 'Close' }).click();
  await expect(eventList(page).getByRole('button', { name: /Yours/ })).toHaveCount(0);
  await page.reload();
  await waitForTimeline(page);
  await expect(eventList(page).getByRole('button', { name: /Yours/ })).toHaveCount(0);
});

test('.txt files dropped on the page are imported', async ({ page }) => {
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, GENEVA);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(importDialog(page).getByRole('status').first()).toHaveText('1 article imported.');
  await expect(importDialog(page).getByText(`${GENEVA_TITLE} imported from dropped.txt`)).toBeVisible();
});

test('a deep link to an imported event says, on another device, that the article was imported there', async ({ page, browser }) => {
  const dialog = await pasteGeneva(page);
  await dialog.getByRole('button', { name: 'Show on the timeline' }).click();
  await expect(page).toHaveURL(/event=own-e-/);
  const link = page.url();
  await page.reload();
  await expect(panel(page).getByRole('heading', { level: 2 })).toBeVisible();

  const other = await browser.newContext();
  try {
    const phone = await other.newPage();
    await phone.goto(link);
    await expect(phone.getByRole('alert')).toContainText('This event is from an article imported on another device.');
    await saveScreenshot(phone, 'import-deep-link-other-device');
  } finally {
    await other.close();
  }
});

test('exports of the view: CSV, iCalendar and the dataset JSON download and parse', async ({ page }) => {
  await pasteGeneva(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Export formats' })).toBeVisible();
  await saveScreenshot(page, 'export-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Export formats' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  const total = Number((await page.locator('.timeline-count').textContent())?.match(/\d+/)?.[0]);

  const csv = await exportAs(page, /Spreadsheet \(CSV\)/);
  expect(csv.download.suggestedFilename()).toBe('dateline-events.csv');
  expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,start,end,precision,approximate,kind,label,excerpt,articles,published_on,source_urls');
  expect(csv.text).toContain('https://example.org/2022/03/04/geneva-talks-resume');
  expect(csv.text.match(/^(?:own-)?e-/gm)).toHaveLength(total);

  const ics = await exportAs(page, /Calendar \(\.ics\)/);
  expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const vevents = ics.text.match(/^BEGIN:VEVENT\r$/gm) ?? [];
  expect(vevents.length).toBeGreaterThan(0);
  expect(vevents.length).toBeLessThanOrEqual(total);
  expect(ics.text).toMatch(/^DTSTART;VALUE=DATE:\d{8}\r$/m);

  const json = await exportAs(page, /Dateline dataset \(JSON\)/);
  const parsed = datasetIndex.safeParse(JSON.parse(json.text));
  expect(parsed.success).toBe(true);
  expect(parsed.data?.events).toHaveLength(total);
  expect(parsed.data?.articles.some((a) => a.title === GENEVA_TITLE)).toBe(true);
});

test('the exports follow the filters: only the events in view', async ({ page }) => {
  await pasteGeneva(page);
  await page.keyboard.press('Escape');
  await page.goto(`./?q=${encodeURIComponent('ceasefire')}`);
  await waitForTimeline(page);
  const shown = Number((await page.locator('.timeline-count').textContent())?.match(/^\d+/)?.[0]);
  const json = await exportAs(page, /Dateline dataset \(JSON\)/);
  const data = datasetIndex.parse(JSON.parse(json.text));
  expect(data.events).toHaveLength(shown);
  const total = Number((await page.locator('.timeline-count').textContent())?.match(/of (\d+)/)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  expect(data.events.some((e) => /ceasefire/i.test(e.label))).toBe(true);
});

test('the TimelineJS export loads in Knight Lab’s TimelineJS and shows its slides', async ({ page, context }) => {
  await pasteGeneva(page);
  await page.keyboard.press('Escape');
  const { text, download } = await exportAs(page, /TimelineJS \(JSON\)/);
  expect(download.suggestedFilename()).toBe('dateline-timelinejs.json');
  const data = JSON.parse(text) as { events: { text: { headline: string } }[] };
  expect(data.events.length).toBeGreaterThan(0);

  const tl = await context.newPage();
  await tl.setContent('<!doctype html><html><head><meta charset="utf-8"><title>TimelineJS</title></head><body><div id="timeline-embed" style="width: 1100px; height: 640px"></div></body></html>');
  await tl.addStyleTag({ path: require.resolve('@knight-lab/timelinejs/dist/css/timeline.css') });
  await tl.addScriptTag({ path: require.resolve('@knight-lab/timelinejs/dist/js/timeline.js') });
  await tl.evaluate((json) => {
    const w = window as unknown as { TL: { Timeline: new (id: string, data: unknown) => unknown }; timeline: unknown };
    w.timeline = new w.TL.Timeline('timeline-embed', json);
  }, data);
  // One slide per event, plus the title slide.
  await expect(tl.locator('.tl-slide')).toHaveCount(data.events.length + 1);
  await expect(tl.locator('.tl-slide .tl-headline').first()).toBeVisible();
  const headlines = await tl.locator('.tl-slide .tl-headline').allTextContents();
  expect(headlines).toContain('Dateline');
  expect(headlines.some((h) => /first round of talks opened/i.test(h))).toBe(true);
  await expect(tl.locator('.tl-timemarker')).toHaveCount(data.events.length);
  // Walk to the first event: TimelineJS knows it by the id Dateline gave it.
  const current = await tl.evaluate(() => {
    const t = (window as unknown as { timeline: { goToNext(): void; getCurrentSlide(): { data: { unique_id: string } } } }).timeline;
    t.goToNext();
    return t.getCurrentSlide().data.unique_id;
  });
  expect(data.events.map((e) => (e as { unique_id?: string }).unique_id)).toContain(current);
  await tl.waitForTimeout(1000);
  await tl.screenshot({ path: 'test-results/screenshots/export-timelinejs.png' });
});

test('printing shows the chronology as a list with dates, excerpts and source URLs, not the timeline', async ({ page }) => {
  await pasteGeneva(page);
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  const chronology = page.getByRole('region', { name: 'Chronology for printing' });
  await expect(chronology).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  await expect(chronology.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(chronology.locator('.print-excerpt').first()).toBeVisible();
  await expect(chronology.getByRole('list', { name: 'Sources' }).first()).toContainText('https://');
  await expect(chronology).toContainText('https://example.org/2022/03/04/geneva-talks-resume');
  await expect(chronology).toContainText('A ceasefire agreement was signed in 2015');
  await saveScreenshot(page, 'print-view');
  await page.pdf({ path: 'test-results/screenshots/print-view.pdf', format: 'A4' });
});

test('the import dialog, export menu and print view on a phone @phone', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByLabel('Article text').fill(HARBOUR);
  await dialog.getByRole('button', { name: 'Import text' }).click();
  await expect(dialog.getByRole('group', { name: 'This text has no date line' })).toBeVisible();
  await saveScreenshot(page, 'phone-import-date-form');
  await dialog.getByRole('group', { name: 'This text has no date line' }).getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByLabel('Article text').fill(GENEVA);
  await dialog.getByRole('button', { name: 'Import text' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
  await saveScreenshot(page, 'phone-import-dialog');
  await dialog.getByRole('button', { name: 'Show on the timeline' }).click();
  await expect(page.locator('.vis-item.tl-event.is-own').first()).toBeVisible();
  await saveScreenshot(page, 'phone-own-events');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Export formats' })).toBeVisible();
  await saveScreenshot(page, 'phone-export-menu');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: 'Chronology for printing' })).toBeVisible();
  await saveScreenshot(page, 'phone-print-view');
});

test('axe finds no serious violation in the import dialog (with the date form and a diagnostic), the export menu, light and dark', async ({ page }) => {
  // Eight axe runs: on a busy machine that is more than the default 30 s.
  test.slow();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const dialog = await openImport(page);
    await dialog.getByLabel('Choose article files').setInputFiles([fixture('bad-date.txt'), fixture('geneva-talks.txt')]);
    await expect(dialog.getByRole('list', { name: 'Problems in bad-date.txt' })).toBeVisible();
    await dialog.getByLabel('Article text').fill(HARBOUR);
    await dialog.getByRole('button', { name: 'Import text' }).click();
    await dialog.getByRole('group', { name: 'This text has no date line' }).getByRole('button', { name: 'Import with this date' }).click();
    await expect(dialog.getByText('Enter the publication date as YYYY-MM-DD.')).toBeVisible();
    expect(await seriousViolations(page, '.import-dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Export formats' })).toBeVisible();
    expect(await seriousViolations(page, '.export-menu')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(eventList(page).getByRole('button', { name: /Yours/ }).first()).toBeVisible();
    const ownId = await eventList(page).getByRole('button', { name: /Yours/ }).first().getAttribute('data-event-id');
    await page.goto(`./?event=${ownId ?? ''}`);
    await expect(page.locator('.vis-item.tl-event.is-own').first()).toBeVisible();
    expect(await seriousViolations(page, '.event-list', '.vis-item.is-own')).toEqual([]);
    await page.reload();
    await waitForTimeline(page);
  }
});

test('the import dialog works from the keyboard alone', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'Import', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = importDialog(page);
  await expect(dialog.getByLabel('Article text')).toBeFocused();
  await page.keyboard.insertText(GENEVA);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Import text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
