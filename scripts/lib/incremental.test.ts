import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { rollJournalForward, UnfinishedRenames } from './incremental.ts';

const tmp = mkdtempSync(join(tmpdir(), 'incremental-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a journal is rolled forward: the renames not yet done are done, those done are left, the journal goes', () => {
  const dir = join(tmp, 'forward');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.json'), 'old a');
  writeFileSync(join(dir, 'a.json.tmp'), 'new a');
  writeFileSync(join(dir, 'b.json'), 'new b'); // renamed before the stop
  const journal = join(dir, 'journal.json');
  writeFileSync(journal, JSON.stringify([[join(dir, 'a.json.tmp'), join(dir, 'a.json')], [join(dir, 'b.json.tmp'), join(dir, 'b.json')]]));
  rollJournalForward(journal);
  expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new a');
  expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('new b');
  expect(existsSync(join(dir, 'a.json.tmp'))).toBe(false);
  expect(existsSync(journal)).toBe(false);
  rollJournalForward(journal); // no journal: nothing to do
});

test('a rename that fails for another reason stops the roll and keeps the journal for the next build', () => {
  const dir = join(tmp, 'stuck');
  mkdirSync(join(dir, 'a.json', 'in-the-way'), { recursive: true });
  writeFileSync(join(dir, 'a.json.tmp'), 'new a');
  const journal = join(dir, 'journal.json');
  writeFileSync(journal, JSON.stringify([[join(dir, 'a.json.tmp'), join(dir, 'a.json')]]));
  expect(() => rollJournalForward(journal)).toThrow(UnfinishedRenames);
  expect(existsSync(journal)).toBe(true);
  // Out of the way: the next roll finishes.
  rmSync(join(dir, 'a.json'), { recursive: true });
  rollJournalForward(journal);
  expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new a');
  expect(existsSync(journal)).toBe(false);
});
