import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { SEARCH_POSTINGS } from '../../src/pipeline/search-shards.ts';
import type { ArticleSummary, EventRow } from '../../src/pipeline/schema.ts';
import { readSlack, writeTiles } from './write-tiles.ts';

const tmp = mkdtempSync(join(tmpdir(), 'write-tiles-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("a search shard's slack is kept beside the cache and used only while its fingerprint matches the manifest's", async () => {
  const articles: ArticleSummary[] = [{ id: 'a-1', title: 'Port news', url: 'https://x.example/1', publishedOn: '2021-01-01', source: 'x.example', eventCount: 1 }];
  const rows: EventRow[] = Array.from({ length: SEARCH_POSTINGS + 3 }, (_, i) => [`e-${String(i).padStart(3, '0')}`, 'harbour reopens', `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`, null, 'day', 0, [0], []]);
  (rows[0] as EventRow)[1] = 'zebra seen';
  rows.sort((a, b) => ((a[2] as string) < (b[2] as string) ? -1 : (a[2] as string) > (b[2] as string) ? 1 : a[0] < b[0] ? -1 : 1));
  const slackDir = join(tmp, 'slack');
  const written = await writeTiles(join(tmp, 'out'), articles, rows, slackDir);
  const record = written.files['search/ha.json'];
  // "harbour" (in all but one) has two events more than its shard lists: they are its slack.
  expect(readSlack(slackDir, 'search/ha.json', record)?.['harbour']).toHaveLength(2);
  // A shard with no word past its postings has an empty slack, and no file.
  expect(readSlack(slackDir, 'search/ze.json', written.files['search/ze.json'])).toEqual({});
  expect(readdirSync(slackDir)).not.toContain('ze.json');
  // A slack file another build wrote (and did not record) is not used; nor is one with no record.
  writeFileSync(join(slackDir, 'ha.json'), '{"harbour":[]}');
  expect(readSlack(slackDir, 'search/ha.json', record)).toBeNull();
  expect(readSlack(slackDir, 'search/ha.json', undefined)).toBeNull();
});
