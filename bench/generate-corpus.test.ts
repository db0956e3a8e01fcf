import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseArticle } from '../src/pipeline/parse-article.ts';
import { extractArticle } from '../src/pipeline/build-dataset.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';
import { generateArticle, writeCorpus } from './generate-corpus.ts';

test('the same seed gives the same bytes, another seed other articles', () => {
  const a = mkdtempSync(join(tmpdir(), 'corpus-a-'));
  const b = mkdtempSync(join(tmpdir(), 'corpus-b-'));
  try {
    writeCorpus(a, 40, 7);
    writeCorpus(b, 40, 7);
    const names = readdirSync(a).sort();
    expect(names).toEqual(readdirSync(b).sort());
    expect(names).toHaveLength(40);
    for (const n of names) expect(readFileSync(join(a, n))).toEqual(readFileSync(join(b, n)));
    expect(generateArticle(8, 0).text).not.toBe(generateArticle(7, 0).text);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('article i does not depend on the size of the corpus', () => {
  const small = mkdtempSync(join(tmpdir(), 'corpus-s-'));
  try {
    writeCorpus(small, 5, 42);
    for (const n of readdirSync(small)) {
      const i = Number(n.slice(0, 6));
      expect(readFileSync(join(small, n), 'utf8')).toBe(generateArticle(42, i).text);
    }
  } finally {
    rmSync(small, { recursive: true, force: true });
  }
});

test('generated articles parse without diagnostics and yield dated events and citations', () => {
  let events = 0;
  let citations = 0;
  const urls = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const { name, text } = generateArticle(42, i);
    const parsed = parseArticle(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.article?.citedUrls.length).toBeGreaterThan(0);
    const r = extractArticle(name, text, tagTimexes);
    expect(r.diagnostics).toEqual([]);
    const x = r.extraction;
    if (!x) throw new Error('no extraction');
    urls.add(x.article.url);
    events += x.events.filter((e) => e.kind === 'mention' && e.dating.method === 'expression').length;
    citations += x.article.citations.length;
  }
  expect(urls.size).toBe(50);
  expect(events / 50).toBeGreaterThan(4);
  expect(citations / 50).toBeGreaterThan(1);
});
