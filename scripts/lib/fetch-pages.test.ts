import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fetchPages, pageFileName, readUrlList, retryAfterMs, takeFetchArgs, userAgentOf, type FetchSettings } from './fetch-pages.ts';

// No network: every page comes from this local server, which logs what it was asked.
type Hit = { path: string; at: number; headers: IncomingMessage['headers'] };
const hits: Hit[] = [];
let server: Server;
let base = '';
const tmp = mkdtempSync(join(tmpdir(), 'fetch-pages-test-'));

const page = (title: string, day: string) =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:type" content="article"><meta property="og:site_name" content="Local Wire">` +
  `<meta property="article:published_time" content="${day}T09:00:00Z"><link rel="canonical" href="https://wire.example.com/${day}/${title.toLowerCase().replace(/\W+/g, '-')}"></head>` +
  `<body><nav>Home</nav><article><h1>${title}</h1><p>The council met on ${day} and voted on the budget. The mayor said on Monday that the vote would stand.</p>` +
  `<p>Residents had asked for the meeting in a petition last month, the clerk said.</p></article></body></html>`;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/robots.txt': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n'),
  '/news/a': (req, res) => {
    if (req.headers['if-none-match'] === '"a1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"a1"' }).end(page('Council Votes', '2022-04-12'));
  },
  '/news/b': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Budget Passes', '2022-04-13')),
  '/news/latin1': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from(page('Café Opens', '2022-04-14'), 'latin1')),
  '/old': (_q, res) => res.writeHead(301, { location: '/news/moved' }).end(),
  '/news/moved': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Bridge Reopens', '2022-04-15')),
  '/loop': (_q, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-ftp': (_q, res) => res.writeHead(302, { location: 'ftp://files.example.com/a' }).end(),
  '/to-private': (_q, res) => res.writeHead(302, { location: '/private/secret' }).end(),
  '/private/secret': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Secret', '2022-04-16')),
  '/report.pdf': (_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
  '/huge': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'x'.repeat(20_000)}</p>`),
  '/huge-declared': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': 20_007 }).end(`<p>${'x'.repeat(20_000)}</p>`),
  // Busy servers: the first ask of /busy-once is told to wait a second; /busy-always says 503 with no wait each time;
  // /busy-long asks for two hours.
  '/busy-once': (_q, res) => {
    if (hits.filter((h) => h.path === '/busy-once').length === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Dam Opens', '2022-04-17'));
  },
  '/busy-always': (_q, res) => res.writeHead(503, { 'retry-after': '0' }).end(),
  '/busy-long': (_q, res) => res.writeHead(429, { 'retry-after': '7200' }).end(),
  '/slow': () => {
    // Never answers: the client's timeout ends it.
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.push({ path, at: performance.now(), headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(tmp, { recursive: true, force: true });
});

function settings(name: string, lines: string[], over: Partial<FetchSettings> = {}): FetchSettings {
  const list = join(tmp, `${name}.txt`);
  writeFileSync(list, lines.join('\n'));
  return { list, into: join(tmp, name), stateFile: join(tmp, `${name}-state.json`), again: false, delayMs: 0, timeoutMs: 2000, maxRedirects: 5, maxBytes: 10_000, userAgent: 'Dateline/9.9 (test)', ...over };
}

test('the list: one URL a line, blank lines and # comments skipped, each bad line named at its line and column', () => {
  const r = readUrlList('\ufeff# my sources\n\n  https://a.example.com/x#top\nftp://a.example.com/y\nnot a url\nhttps://a.example.com/x\r\nhttp://b.example.com/z\n');
  expect(r.urls.map((u) => [u.url.href, u.line, u.column])).toEqual([
    ['https://a.example.com/x', 3, 3],
    ['http://b.example.com/z', 7, 1],
  ]);
  expect(r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity} ${d.message} [${d.rule}]`)).toEqual([
    '4:1: error Unexpected "ftp://a.example.com/y", expected an http(s) URL (one a line; # starts a comment line) [fetch:url]',
    '5:1: error Unexpected "not a url", expected an http(s) URL (one a line; # starts a comment line) [fetch:url]',
    '6:1: warning Unexpected https://a.example.com/x again, expected each URL once (first on line 3); fetched once [fetch:duplicate]',
  ]);
});

test('file names come from the URL alone: stable, distinct, safe, .html', () => {
  const a = pageFileName(new URL('https://www.Example.com/World/2022/04/12/Port-Strike.html?page=2#comments'));
  expect(a).toMatch(/^example-com-world-2022-04-12-port-strike-html-page-2-[0-9a-f]{8}\.html$/);
  expect(pageFileName(new URL('https://www.example.com/World/2022/04/12/Port-Strike.html?page=2'))).toBe(a);
  expect(pageFileName(new URL('https://www.example.com/world/2022/04/12/port-strike.html?page=2'))).not.toBe(a);
  expect(pageFileName(new URL(`https://example.com/${'long-slug-'.repeat(30)}`)).length).toBeLessThanOrEqual(80 + 14);
});

test('the user agent names Dateline and its version', () => {
  expect(userAgentOf(fileURLToPath(new URL('../../package.json', import.meta.url)))).toMatch(/^Dateline\/\d+\.\d+\.\d+ \(/);
});

test('fetches allowed HTML pages into the folder, and says why each other URL was not', async () => {
  hits.length = 0;
  const s = settings('run', [
    `${base}/news/a`,
    `${base}/private/secret`,
    `${base}/missing`,
    `  ${base}/old`,
    `${base}/loop`,
    `${base}/report.pdf`,
    `${base}/huge`,
    `${base}/huge-declared`,
    `${base}/to-ftp`,
    `${base}/to-private`,
    `${base}/news/latin1`,
  ], { timeoutMs: 10_000, maxRedirects: 3 });
  const r = await fetchPages(s);
  expect(r.problems).toEqual([
    `${s.list}:2:1: error Unexpected ${base}/private/secret disallowed by ${base}/robots.txt (line 2), expected a page its robots.txt allows; not fetched [fetch:robots]`,
    `${s.list}:3:1: error Unexpected HTTP 404 from ${base}/missing, expected the page (HTTP 200) [fetch:status]`,
    `${s.list}:5:1: error Unexpected more than 3 redirects (the last to /loop), expected the page [fetch:redirect]`,
    `${s.list}:6:1: error Unexpected Content-Type application/pdf from ${base}/report.pdf, expected an HTML page (text/html) [fetch:type]`,
    `${s.list}:7:1: error Unexpected a page of more than 10,000 bytes, expected an article of at most 10,000 bytes (the article cap) [fetch:size]`,
    `${s.list}:8:1: error Unexpected a page of 20,007 bytes, expected an article of at most 10,000 bytes (the article cap) [fetch:size]`,
    `${s.list}:9:1: error Unexpected a redirect to ftp: (ftp://files.example.com/a), expected an http(s) URL [fetch:redirect]`,
    `${s.list}:10:1: error Unexpected ${base}/private/secret disallowed by ${base}/robots.txt (line 2), expected a page its robots.txt allows; not fetched [fetch:robots]`,
  ]);
  expect(r).toMatchObject({ fetched: 3, cached: 0, unchanged: 0, failed: 8 });
  // Written under names from the listed URL (a redirected page too), as the server sent them (latin-1 as UTF-8).
  const names = [`${base}/news/a`, `${base}/old`, `${base}/news/latin1`].map((u) => pageFileName(new URL(u)));
  expect(readdirSync(s.into).sort()).toEqual([...names].sort());
  expect(readFileSync(join(s.into, names[1] as string), 'utf8')).toContain('Bridge Reopens');
  expect(readFileSync(join(s.into, names[2] as string), 'utf8')).toContain('Café Opens');
  // robots.txt read once for the host; a disallowed page never asked for; every request named Dateline.
  expect(hits.filter((h) => h.path === '/robots.txt')).toHaveLength(1);
  expect(hits.some((h) => h.path.startsWith('/private/'))).toBe(false);
  expect(new Set(hits.map((h) => h.headers['user-agent']))).toEqual(new Set(['Dateline/9.9 (test)']));
});

test('a page that does not answer in time is given up, and the next one is fetched', async () => {
  // 2 s: long enough for robots.txt and the page after it on a busy machine, short for a test.
  const s = settings('slow', [`${base}/slow`, `${base}/news/b`], { timeoutMs: 2000 });
  const r = await fetchPages(s);
  expect(r.problems).toEqual([`${s.list}:1:1: error Unexpected no answer from ${base.slice(7)} within 2 s, expected the page [fetch:timeout]`]);
  expect(r).toMatchObject({ fetched: 1, failed: 1 });
});

test('a robots.txt that disallows this agent by name is honoured; a 5xx robots.txt allows nothing', async () => {
  hits.length = 0;
  const named = settings('named', [`${base}/news/b`], { userAgent: 'OtherBot/1.0' });
  expect((await fetchPages(named)).problems).toEqual([
    `${named.list}:1:1: error Unexpected ${base}/news/b disallowed by ${base}/robots.txt (line 5), expected a page its robots.txt allows; not fetched [fetch:robots]`,
  ]);
  const robots = routes['/robots.txt'];
  routes['/robots.txt'] = (_q, res) => res.writeHead(503).end();
  try {
    const down = settings('down', [`${base}/news/b`]);
    expect((await fetchPages(down)).problems).toEqual([
      `${down.list}:1:1: error Unexpected ${base}/robots.txt unreachable (HTTP 503), expected a robots.txt that answers (RFC 9309: an unreachable one allows nothing); not fetched [fetch:robots]`,
    ]);
  } finally {
    if (robots) routes['/robots.txt'] = robots;
  }
  expect(hits.some((h) => h.path === '/news/b')).toBe(false);
});

test('requests to one host go one at a time, each at least the delay after the one before', async () => {
  hits.length = 0;
  const s = settings('paced', [`${base}/news/a`, `${base}/news/b`, `${base}/missing`, `${base}/old`], { delayMs: 120 });
  await fetchPages(s);
  // robots.txt, a, b, missing, old, and the redirect's target: six requests, each ≥ 120 ms after the one before
  // (after it ended, on the client's clock: so after it arrived, on the server's; 1 ms for the clocks' rounding).
  expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/news/a', '/news/b', '/missing', '/old', '/news/moved']);
  const gaps = hits.slice(1).map((h, i) => h.at - (hits[i] as Hit).at);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(119);
});

test('Retry-After: seconds or an HTTP date, as a wait from now; anything else says nothing', () => {
  const now = Date.parse('2022-04-12T10:00:00Z');
  expect(retryAfterMs('120', now)).toBe(120_000);
  expect(retryAfterMs(' 0 ', now)).toBe(0);
  expect(retryAfterMs('Tue, 12 Apr 2022 10:00:30 GMT', now)).toBe(30_000);
  expect(retryAfterMs('Tue, 12 Apr 2022 09:00:00 GMT', now)).toBe(0);
  expect(retryAfterMs(null, now)).toBeNull();
  expect(retryAfterMs('-5', now)).toBeNull();
  expect(retryAfterMs('soon', now)).toBeNull();
  expect(retryAfterMs('1e3', now)).toBeNull();
});

test('a busy server (429, 503) is asked again after the wait it asks for, a few times at most; a long wait is left for a later run', async () => {
  hits.length = 0;
  const s = settings('busy', [`${base}/busy-once`, `${base}/busy-always`, `${base}/busy-long`, `${base}/news/b`]);
  const r = await fetchPages(s);
  const host = base.slice(7);
  expect(r.problems).toEqual([
    `${s.list}:2:1: error Unexpected HTTP 503 (Service Unavailable) from ${host} 3 times, expected the page; not fetched, run again later [fetch:busy]`,
    `${s.list}:3:1: error Unexpected HTTP 429 (Too Many Requests) from ${host} asking to wait 7,200 s, expected the page within 60 s; not fetched, run again later [fetch:busy]`,
  ]);
  expect(r).toMatchObject({ fetched: 2, failed: 2 });
  expect(readdirSync(s.into).length).toBe(2);
  expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/busy-once', '/busy-once', '/busy-always', '/busy-always', '/busy-always', '/busy-long', '/news/b']);
  // The second ask of /busy-once came after the second it was told to wait (1 ms for the clocks' rounding).
  const [first, second] = hits.filter((h) => h.path === '/busy-once');
  expect((second as Hit).at - (first as Hit).at).toBeGreaterThanOrEqual(999);
});

test("robots.txt's Crawl-delay, longer than the delay asked for, paces the host", async () => {
  const robots = routes['/robots.txt'];
  routes['/robots.txt'] = (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: dateline\nCrawl-delay: 0.15\nDisallow: /private/\n');
  hits.length = 0;
  try {
    await fetchPages(settings('crawl-delay', [`${base}/news/a`, `${base}/news/b`, `${base}/missing`], { delayMs: 0 }));
  } finally {
    if (robots) routes['/robots.txt'] = robots;
  }
  expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/news/a', '/news/b', '/missing']);
  // From robots.txt on: its delay (150 ms) between the pages.
  const gaps = hits.slice(2).map((h, i) => h.at - (hits[i + 1] as Hit).at);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(149);
});

test('a page fetched before is not fetched again; asked again, its ETag makes it a 304 and the file stays', async () => {
  const s = settings('cache', [`${base}/news/a`, `${base}/news/b`]);
  expect(await fetchPages(s)).toMatchObject({ fetched: 2, cached: 0, failed: 0 });
  const file = join(s.into, pageFileName(new URL(`${base}/news/a`)));
  const before = statSync(file).mtimeMs;
  hits.length = 0;
  expect(await fetchPages(s)).toMatchObject({ fetched: 0, cached: 2, failed: 0 });
  expect(hits).toEqual([]);
  const again = await fetchPages({ ...s, again: true });
  expect(again).toMatchObject({ fetched: 1, cached: 0, unchanged: 1, failed: 0 });
  expect(hits.find((h) => h.path === '/news/a')?.headers['if-none-match']).toBe('"a1"');
  expect(statSync(file).mtimeMs).toBe(before);
  // A page whose file is gone is fetched again.
  rmSync(file);
  expect(await fetchPages(s)).toMatchObject({ fetched: 1, cached: 1 });
  expect(existsSync(file)).toBe(true);
});

test('the fetch arguments are taken out of the build arguments', () => {
  expect(takeFetchArgs(['--in', 'x', '--fetch', 'urls.txt', '--fetch-delay', '2500', '--quiet'])).toEqual({ fetch: { list: 'urls.txt', again: false, delayMs: 2500, timeoutMs: 15_000 }, rest: ['--in', 'x', '--quiet'] });
  expect(takeFetchArgs(['--quiet'])).toEqual({ fetch: null, rest: ['--quiet'] });
  expect(takeFetchArgs(['--fetch'])).toBe('--fetch needs a file of URLs (one a line)');
  expect(takeFetchArgs(['--fetch', 'u.txt', '--fetch-delay', 'soon'])).toBe('--fetch-delay needs a number of milliseconds');
  expect(takeFetchArgs(['--fetch-again'])).toBe('--fetch-again, --fetch-delay and --fetch-timeout go with --fetch FILE');
});

test('build:data --fetch fetches, builds the pages, reports the URL that failed and exits 1', async () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const list = join(tmp, 'cli-urls.txt');
  writeFileSync(list, `# two pages\n${base}/news/a\n${base}/missing\n`);
  const args = ['--import', import.meta.resolve('tsx'), join(ROOT, 'scripts/build-data.ts'), '--in', 'cli-articles', '--out', 'cli-out', '--cache', 'cli-cache', '--jobs', '0', '--fetch', 'cli-urls.txt', '--fetch-delay', '0'];
  // Not spawnSync: the server answers from this process's event loop.
  const child = spawn(process.execPath, args, { cwd: tmp });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  expect(stderr).toContain(`cli-urls.txt:3:1: error Unexpected HTTP 404 from ${base}/missing, expected the page (HTTP 200) [fetch:status]`);
  expect(stdout).toContain('fetch: 1 fetched, 0 already here, 0 unchanged, 1 failed -> cli-articles');
  expect(stdout).toContain('build-data: 1 of 1 articles built');
  expect(status).toBe(1);
  const index = JSON.parse(readFileSync(join(tmp, 'cli-out', 'index.json'), 'utf8')) as { articles: { url: string }[] };
  expect(index.articles.map((a) => a.url)).toEqual(['https://wire.example.com/2022-04-12/council-votes']);
}, 60_000);
