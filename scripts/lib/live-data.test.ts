import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { afterAll, expect, test, vi } from 'vitest';
import { DATA_CHANGED_EVENT } from '../../src/lib/live-data-event.ts';
import { generateArticle } from '../../bench/generate-corpus.ts';
import { isArticleFile, liveData, rebuilder } from './live-data.ts';

const tmp = mkdtempSync(join(tmpdir(), 'live-data-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('only .txt files directly in the articles folder are articles', () => {
  expect(isArticleFile('/a/articles', '/a/articles/x.txt')).toBe(true);
  expect(isArticleFile('/a/articles', '/a/articles/x.txt.tmp')).toBe(false);
  expect(isArticleFile('/a/articles', '/a/articles/page.html')).toBe(true);
  expect(isArticleFile('/a/articles', '/a/articles/page.HTM')).toBe(true);
  expect(isArticleFile('/a/articles', '/a/articles/notes.md')).toBe(false);
  expect(isArticleFile('/a/articles', '/a/articles/sub/x.txt')).toBe(false);
  expect(isArticleFile('/a/articles', '/a/articles-old/x.txt')).toBe(false);
  expect(isArticleFile('articles', join(process.cwd(), 'articles', 'x.txt'))).toBe(true);
});

test('a burst of changes is one build; changes during a build are one more build after it, never two at once', async () => {
  vi.useFakeTimers();
  try {
    const finishes: ((status: number) => void)[] = [];
    let running = 0;
    let most = 0;
    const statuses: number[] = [];
    const changed = rebuilder(
      () => {
        running++;
        most = Math.max(most, running);
        return new Promise<number>((done) => finishes.push((s) => (running--, done(s))));
      },
      (s) => statuses.push(s),
      100,
    );
    changed();
    await vi.advanceTimersByTimeAsync(50);
    changed();
    changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(finishes).toHaveLength(1);
    // Three changes while it runs: one build more, once it is done.
    changed();
    await vi.advanceTimersByTimeAsync(150);
    changed();
    changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(finishes).toHaveLength(1);
    finishes[0]?.(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(finishes).toHaveLength(2);
    finishes[1]?.(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(finishes).toHaveLength(2);
    expect(statuses).toEqual([1, 0]);
    expect(most).toBe(1);
  } finally {
    vi.useRealTimers();
  }
});

test('under the dev server, an article added to the folder is built and the open pages are told', { timeout: 60_000 }, async () => {
  const inDir = join(tmp, 'articles');
  const outDir = join(tmp, 'data');
  mkdirSync(inDir);
  const first = generateArticle(42, 1);
  writeFileSync(join(inDir, first.name), first.text);
  const server = await createServer({
    configFile: false,
    root: tmp,
    logLevel: 'silent',
    plugins: [liveData({ inDir, args: ['--in', inDir, '--out', outDir, '--cache', join(tmp, 'cache')], quietMs: 50 })],
    server: { middlewareMode: true, ws: false },
  });
  try {
    const told = new Promise<void>((done) => {
      const send = server.ws.send.bind(server.ws);
      vi.spyOn(server.ws, 'send').mockImplementation(((payload: { type: string; event?: string }) => {
        if (payload.type === 'custom' && payload.event === DATA_CHANGED_EVENT) done();
        return send(payload as never);
      }) as typeof server.ws.send);
    });
    // The watcher is ready once it lists the folder's file.
    for (let i = 0; i < 100 && !(server.watcher.getWatched()[inDir] ?? []).includes(first.name); i++) await new Promise((r) => setTimeout(r, 50));
    const second = generateArticle(42, 2);
    writeFileSync(join(inDir, second.name), second.text);
    await told;
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { articles: { url: string }[] };
    expect(index.articles.map((a) => a.url).sort()).toEqual([first.text, second.text].map((t) => t.trim().split(/\s+/)[2]).sort());
  } finally {
    await server.close();
  }
});
