/**
 * Issue 12: no input may stall the import. A megabyte of dates keeps the worker busy for seconds: the page stays
 * responsive and the import can be cancelled from the keyboard (the worker is stopped); the next import works. A
 * file past the 1 MiB limit is refused with the CLI's diagnostic, without reading it whole.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForTimeline } from './helpers.ts';

const HEAD = ' date 2021-11-20 https://example.org/2021/11/20/hostile\nA hostile article\n\n';

function importDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Import articles' });
}

function file(name: string, text: string) {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(text) };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await waitForTimeline(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(page)).toBeVisible();
});

test('a long import keeps the page responsive and is cancelled from the keyboard; the next import works', async ({ page }) => {
  const dialog = importDialog(page);
  const dates = '12 March 2020, 3 April 2019, May 2018, 2017-01-02, last week; '.repeat(15_000);
  await dialog.getByLabel('Choose article files').setInputFiles([file('dates.txt', HEAD + dates)]);
  const cancel = dialog.getByRole('button', { name: 'Cancel import' });
  await expect(cancel).toBeVisible();
  await expect(dialog.getByRole('status').first()).toHaveText('Importing 1 article…');
  // The main thread answers while the worker reads the article.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - t0).toBeLessThan(2000);
  await cancel.focus();
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').first()).toHaveText('Import cancelled: nothing was imported.');
  await expect(cancel).toBeHidden();

  await dialog.getByLabel('Choose article files').setInputFiles([file('short.txt', `${HEAD}The port reopened on 3 May 2020.\n`)]);
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported.');
});

test('a file past 1 MiB is refused with a diagnostic where it crosses the limit; the other file imports', async ({ page }) => {
  const dialog = importDialog(page);
  const big = HEAD + 'x'.repeat(2 * 1024 * 1024);
  await dialog.getByLabel('Choose article files').setInputFiles([file('big.txt', big), file('short.txt', `${HEAD}The port reopened on 3 May 2020.\n`)]);
  await expect(dialog.getByRole('status').first()).toHaveText('1 article imported. 1 file with problems.');
  await expect(dialog.getByRole('list', { name: 'Problems in big.txt' })).toHaveText(
    `big.txt:4:${1024 * 1024 - HEAD.length + 1}: error Unexpected ${big.length.toLocaleString('en-US')} bytes, expected an article of at most 1,048,576 bytes (1 MiB); the text goes on past this point [article:size]`,
  );
});
