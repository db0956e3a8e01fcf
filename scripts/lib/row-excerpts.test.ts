import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { EventRow } from '../../src/pipeline/schema.ts';
import { excerptsOfSearch } from '../../src/pipeline/search-shards.ts';
import { rowExcerpts } from './row-excerpts.ts';

const dir = mkdtempSync(join(tmpdir(), 'row-excerpts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function row(id: string, aliases: string[] = []): EventRow {
  return [id, id, '2021-01-01', '2021-01-01', 'day', 0, [0], aliases];
}

test('each row gets the excerpts of its id and aliases, unescaped, whatever the chunk they straddle', () => {
  const rows = [row('e-a'), row('e-b', ['e-b2', 'e-"odd']), row('e-c')];
  const entries: [string, string][] = [
    ['e-b2', 'The "Marrow" dam, said the mayor \\ of Zürich — opened.'],
    ['e-unknown', 'Nobody has this id [a, b]'],
    ['e-a', 'Floods in the valley.'],
    ['e-b', 'Talks resumed at dawn.'],
    ['e-"odd', 'Line one\nline two ]]'],
  ];
  const path = join(dir, 'search.json');
  writeFileSync(path, `${JSON.stringify({ schemaVersion: 1, events: entries })}\n`);
  // The same as the pipeline's reading of the index held whole.
  const whole = excerptsOfSearch({ schemaVersion: 1, events: entries }, rows);
  expect([0, 1, 2].map(whole)).toEqual([['Floods in the valley.'], [entries[0]?.[1], entries[3]?.[1], entries[4]?.[1]], []]);
  // Scanned in chunks of any size; the excerpts read one by one (a file past wholeReadMax) or from the file read whole.
  for (const [chunk, wholeReadMax] of [[3, 0], [7, 0], [64, 1 << 20], [1 << 20, 1 << 20]] as const) {
    const { excerpts, close } = rowExcerpts(path, rows, chunk, wholeReadMax);
    try {
      expect(excerpts(0)).toEqual(['Floods in the valley.']);
      expect(excerpts(1)).toEqual(['The "Marrow" dam, said the mayor \\ of Zürich — opened.', 'Talks resumed at dawn.', 'Line one\nline two ]]']);
      expect(excerpts(2)).toEqual([]);
    } finally {
      close();
    }
  }
});

test('an empty search.json gives no excerpts', () => {
  const path = join(dir, 'empty.json');
  writeFileSync(path, '{"schemaVersion":1,"events":[]}\n');
  const { excerpts, close } = rowExcerpts(path, [row('e-a')]);
  expect(excerpts(0)).toEqual([]);
  close();
});
