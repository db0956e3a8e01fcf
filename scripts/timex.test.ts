import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseArgs } from './timex.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

test('parseArgs accepts --dct DATE FILE in either order', () => {
  expect(parseArgs(['--dct', '2021-11-20', 'a.txt'])).toEqual({ dct: '2021-11-20', file: 'a.txt' });
  expect(parseArgs(['a.txt', '--dct=2021-11-20'])).toEqual({ dct: '2021-11-20', file: 'a.txt' });
});

test('parseArgs rejects a missing or impossible date and a missing file', () => {
  expect(parseArgs(['a.txt'])).toBe('missing --dct');
  expect(parseArgs(['--dct', '2021-02-30', 'a.txt'])).toMatch(/unexpected publication date "2021-02-30"/);
  expect(parseArgs(['--dct', '2021-11-20'])).toBe('missing FILE');
  expect(parseArgs(['--dct', '2021-11-20', 'a', 'b'])).toBe('unexpected argument b');
});

test('the CLI prints one JSON line per expression with offsets into the whole file, BOM kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, '\uFEFFThey met in April 2021.\n');
  const out = execFileSync(TSX, ['scripts/timex.ts', '--dct', '2021-11-20', file], { encoding: 'utf8' });
  expect(out.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
    { start: 13, end: 23, text: 'April 2021', type: 'DATE', value: '2021-04' },
  ]);
});

test('the CLI exits 2 with usage on bad arguments and 1 naming a missing file', () => {
  const bad = spawnSync(TSX, ['scripts/timex.ts', 'x.txt'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/usage: npm run -s timex -- --dct YYYY-MM-DD FILE/);
  const missing = spawnSync(TSX, ['scripts/timex.ts', '--dct', '2021-11-20', 'no-such-file.txt'], { encoding: 'utf8' });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toMatch(/no-such-file\.txt/);
});
