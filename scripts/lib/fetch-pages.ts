/**
 * `npm run build:data -- --fetch urls.txt`: the pages a list names, fetched into the articles folder as `.html`
 * files (then the build reads them as any saved page). One URL a line; blank lines and lines starting with `#` are
 * skipped. Polite, as a crawler should be:
 *   - a User-Agent naming Dateline and its version (and the project's homepage, when package.json has one);
 *   - robots.txt honoured (RFC 9309, parsed by robots-parser): read once per origin for the run; a 4xx robots.txt
 *     allows everything, an unreachable one (5xx, no answer) allows nothing; its Crawl-delay is kept (up to 30 s);
 *   - one request at a time to a host, each at least `delayMs` (1 s) after the last one ended, whatever the list's
 *     order; hosts are fetched side by side, a few at a time;
 *   - a page fetched before (its file is in the folder) is not fetched again; with `again`, it is asked for with
 *     its ETag / Last-Modified and a 304 leaves the file as it is;
 *   - a timeout per request, at most 5 redirects (each hop checked against its host's robots.txt and rate), only
 *     http(s), a body of at most the article cap (1 MiB), only HTML (text/html, application/xhtml+xml).
 * Every problem is a diagnostic at the URL's line:column in the list; the other URLs are still fetched. A page in
 * another charset than UTF-8 (its Content-Type or its <meta charset>) is written as UTF-8, which the build reads.
 * The file name comes from the URL alone: its host and path as a slug, and 8 hex digits of its hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import robotsParser from 'robots-parser';
import { MAX_ARTICLE_BYTES } from '../../src/pipeline/article-limit.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/pipeline/diagnostic.ts';

export type FetchSettings = {
  /** The list's path, as diagnostics name it. */
  list: string;
  /** The articles folder the pages go to. */
  into: string;
  /** Where the pages' validators (ETag, Last-Modified) are kept between runs. */
  stateFile: string;
  /** Fetch again the pages fetched before (conditionally, when their validators are known). */
  again: boolean;
  /** Least time between two requests to one host. */
  delayMs: number;
  /** Longest wait for one answer, its body included. */
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  userAgent: string;
};

export type FetchReport = {
  fetched: number;
  /** Pages already in the folder, not asked for. */
  cached: number;
  /** Pages asked for again that the server said had not changed (304). */
  unchanged: number;
  /** URLs with an error (not written). */
  failed: number;
  /** The diagnostics, formatted, in the list's order. */
  problems: string[];
};

export const FETCH_DEFAULTS = { delayMs: 1000, timeoutMs: 15_000, maxRedirects: 5, maxBytes: MAX_ARTICLE_BYTES } as const;
/** A robots.txt Crawl-delay is kept up to this: a longer one would stall the run. */
const MAX_CRAWL_DELAY_MS = 30_000;
/** Hosts fetched side by side. */
const HOSTS_AT_ONCE = 4;
/** A server that answers 429 or 503 is asked again at most this many times, after the wait it asks for. */
const BUSY_RETRIES = 2;
/** The longest Retry-After waited for: a longer one fails the URL (run again later), it does not stall the run. */
const MAX_RETRY_WAIT_MS = 60_000;
/** The wait before asking a busy server again when it does not say (doubled at each try). */
const BUSY_WAIT_MS = 2_000;
/** RFC 9309: a crawler parses at least 500 KiB of a robots.txt; past that is ignored. */
const MAX_ROBOTS_BYTES = 512 * 1024;

/** "Dateline/0.1.0 (+homepage)", from package.json. */
export function userAgentOf(packageJsonPath: string): string {
  try {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown; homepage?: unknown };
    const version = typeof pkg.version === 'string' ? pkg.version : '0';
    const home = typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : null;
    return `Dateline/${version} (${home ? `+${home}; ` : ''}news timeline builder; fetches the pages its user lists)`;
  } catch {
    return 'Dateline (news timeline builder; fetches the pages its user lists)';
  }
}

export type ListedUrl = { url: URL; line: number; column: number };

/** The list's URLs, with their places, and a diagnostic for each line that is not an http(s) URL or repeats one. */
export function readUrlList(text: string): { urls: ListedUrl[]; diagnostics: Diagnostic[] } {
  const urls: ListedUrl[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const value = raw.trim();
    if (value === '' || value.startsWith('#')) return;
    const line = i + 1;
    const column = raw.length - raw.trimStart().length + 1;
    let url: URL | null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      diagnostics.push({ severity: 'error', line, column, message: `Unexpected ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}, expected an http(s) URL (one a line; # starts a comment line)`, rule: 'fetch:url' });
      return;
    }
    url.hash = '';
    const before = seen.get(url.href);
    if (before !== undefined) {
      diagnostics.push({ severity: 'warning', line, column, message: `Unexpected ${url.href} again, expected each URL once (first on line ${before}); fetched once`, rule: 'fetch:duplicate' });
      return;
    }
    seen.set(url.href, line);
    urls.push({ url, line, column });
  });
  return { urls, diagnostics };
}

/** The page's file name, from its URL alone: "example-com-world-2022-04-12-port-strike-1a2b3c4d.html". */
export function pageFileName(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  const slug = `${u.hostname.replace(/^www\./, '')}${u.pathname}${u.search}`
    .toLowerCase()
    .replace(/\.html?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return `${slug}-${createHash('sha256').update(u.href).digest('hex').slice(0, 8)}.html`;
}

type Validators = { etag?: string; lastModified?: string };
type State = { pages: Record<string, Validators & { file: string }> };

function loadState(path: string): State {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const pages = value && typeof value === 'object' ? (value as { pages?: unknown }).pages : undefined;
    if (pages && typeof pages === 'object') return { pages: pages as State['pages'] };
  } catch {
    // No state yet, or a broken one: every page is fetched unconditionally.
  }
  return { pages: {} };
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  // The temporary name ends in no input extension: a build or a watcher running meanwhile does not read it.
  const tmp = join(dirname(path), `.${path.split(/[\\/]/).pop() ?? 'page'}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * The wait a busy answer asks for (RFC 9110 Retry-After: seconds, or an HTTP date), in ms from `now` (ms since
 * the epoch); null when it says nothing usable.
 */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return /[a-z]/i.test(text) && Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** Problems of one request: the message of its diagnostic and its rule. */
class FetchProblem extends Error {
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }
}

function count(n: number): string {
  return String(n).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

type Answer = { status: number; headers: Headers; body: Uint8Array };

/** The polite client of one run: per-host pacing, robots.txt per origin. */
class Client {
  /** Per host: the last request's promise (requests to one host go one at a time) and when it ended. */
  private readonly last = new Map<string, Promise<unknown>>();
  private readonly endedAt = new Map<string, number>();
  private readonly hostDelay = new Map<string, number>();
  /** Per host: no request before this time (performance.now()), set by a busy answer's Retry-After. */
  private readonly notBefore = new Map<string, number>();
  private readonly robots = new Map<string, Promise<{ allowed: (url: URL) => number | null } | { unreachable: string }>>();

  constructor(private readonly s: FetchSettings) {}

  /** `request` on the host's turn: after the host's last request has ended, and its delay after that. */
  private paced<T>(host: string, request: () => Promise<T>): Promise<T> {
    const run = (this.last.get(host) ?? Promise.resolve()).then(async () => {
      const wait = Math.max((this.endedAt.get(host) ?? -Infinity) + (this.hostDelay.get(host) ?? this.s.delayMs), this.notBefore.get(host) ?? -Infinity) - performance.now();
      if (wait > 0) await sleep(Math.ceil(wait));
      try {
        return await request();
      } finally {
        this.endedAt.set(host, performance.now());
      }
    });
    this.last.set(host, run.catch(() => undefined));
    return run;
  }

  /**
   * One request, no redirect followed; the body read up to `limit` bytes (past it: a problem, or cut when `cut`).
   * A busy answer (429 Too Many Requests, 503 Service Unavailable) is asked again after the wait its Retry-After
   * says (or a doubling wait when it says none), at most BUSY_RETRIES times, and the host is paced twice as slowly
   * from then on (robots.txt is not asked again: RFC 9309 reads a 5xx one as unreachable); a wait longer than MAX_RETRY_WAIT_MS is a problem (the URL is left for a later run).
   */
  private async once(url: URL, headers: Record<string, string>, limit: number, cut: boolean, retry: boolean): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.paced(url.host, () => this.request(url, headers, limit, cut));
      if (!retry || (answer.status !== 429 && answer.status !== 503)) return answer;
      const asked = retryAfterMs(answer.headers.get('retry-after'), Date.now());
      const wait = asked ?? BUSY_WAIT_MS * 2 ** attempt;
      const what = `HTTP ${answer.status} (${answer.status === 429 ? 'Too Many Requests' : 'Service Unavailable'}) from ${url.host}`;
      if (wait > MAX_RETRY_WAIT_MS) {
        throw new FetchProblem(`Unexpected ${what} asking to wait ${count(Math.ceil(wait / 1000))} s, expected the page within ${MAX_RETRY_WAIT_MS / 1000} s; not fetched, run again later`, 'fetch:busy');
      }
      if (attempt >= BUSY_RETRIES) {
        throw new FetchProblem(`Unexpected ${what} ${attempt + 1} times, expected the page; not fetched, run again later`, 'fetch:busy');
      }
      this.hostDelay.set(url.host, Math.min(MAX_CRAWL_DELAY_MS, 2 * (this.hostDelay.get(url.host) ?? this.s.delayMs)));
      this.notBefore.set(url.host, performance.now() + wait);
    }
  }

  private async request(url: URL, headers: Record<string, string>, limit: number, cut: boolean): Promise<Answer> {
    const signal = AbortSignal.timeout(this.s.timeoutMs);
    try {
      const res = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': this.s.userAgent, ...headers } });
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (!cut && res.status === 200 && declared > limit) {
        await res.body?.cancel();
        throw new FetchProblem(`Unexpected a page of ${count(declared)} bytes, expected an article of at most ${count(limit)} bytes (the article cap)`, 'fetch:size');
      }
      const parts: Uint8Array[] = [];
      let size = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          parts.push(value);
          if (size > limit) {
            await reader.cancel();
            if (cut) break;
            throw new FetchProblem(`Unexpected a page of more than ${count(limit)} bytes, expected an article of at most ${count(limit)} bytes (the article cap)`, 'fetch:size');
          }
        }
      }
      const body = Buffer.concat(parts);
      return { status: res.status, headers: res.headers, body: body.subarray(0, Math.min(body.length, limit)) };
    } catch (error) {
      if (error instanceof FetchProblem) throw error;
      if (signal.aborted) throw new FetchProblem(`Unexpected no answer from ${url.host} within ${this.s.timeoutMs / 1000} s, expected the page`, 'fetch:timeout');
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new FetchProblem(`Unexpected a network error from ${url.host} (${cause}), expected the page`, 'fetch:network');
    }
  }

  /** A request with its redirects followed (at most maxRedirects, http(s) only, each hop allowed by its robots.txt). */
  async get(start: URL, headers: Record<string, string>, limit: number, opts: { robots: boolean; cut: boolean; retry: boolean }): Promise<Answer & { url: URL }> {
    let url = start;
    for (let hop = 0; ; hop++) {
      if (opts.robots) await this.checkRobots(url);
      const answer = await this.once(url, headers, limit, opts.cut, opts.retry);
      const location = answer.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(answer.status) || location === null) return { ...answer, url };
      if (hop >= this.s.maxRedirects) throw new FetchProblem(`Unexpected more than ${this.s.maxRedirects} redirects (the last to ${location}), expected the page`, 'fetch:redirect');
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchProblem(`Unexpected a redirect to ${JSON.stringify(location)}, expected an http(s) URL`, 'fetch:redirect');
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchProblem(`Unexpected a redirect to ${next.protocol} (${next.href.slice(0, 80)}), expected an http(s) URL`, 'fetch:redirect');
      next.hash = '';
      url = next;
    }
  }

  private robotsOf(url: URL): Promise<{ allowed: (url: URL) => number | null } | { unreachable: string }> {
    let known = this.robots.get(url.origin);
    if (known) return known;
    const at = new URL('/robots.txt', url.origin);
    known = this.get(at, {}, MAX_ROBOTS_BYTES, { robots: false, cut: true, retry: false }).then(
      (answer) => {
        if (answer.status >= 500) return { unreachable: `HTTP ${answer.status}` };
        const text = answer.status >= 200 && answer.status < 300 ? new TextDecoder().decode(answer.body) : '';
        // robots-parser answers only for URLs of the origin it was made for: the redirected one's, if any.
        const robots = robotsParser(at.href, text);
        const token = this.s.userAgent.split(/[\s/]/)[0] ?? 'Dateline';
        const delay = robots.getCrawlDelay(token);
        if (delay !== undefined && Number.isFinite(delay)) this.hostDelay.set(url.host, Math.max(this.s.delayMs, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS)));
        return {
          allowed: (page: URL) => {
            const probe = new URL(page.pathname + page.search, at);
            return robots.isDisallowed(probe.href, token) === true ? robots.getMatchingLineNumber(probe.href, token) : null;
          },
        };
      },
      (error: unknown) => ({ unreachable: error instanceof Error ? error.message.replace(/^Unexpected /, '').replace(/, expected .*$/, '') : String(error) }),
    );
    this.robots.set(url.origin, known);
    return known;
  }

  private async checkRobots(url: URL): Promise<void> {
    const robots = await this.robotsOf(url);
    const where = `${url.origin}/robots.txt`;
    if ('unreachable' in robots) throw new FetchProblem(`Unexpected ${where} unreachable (${robots.unreachable}), expected a robots.txt that answers (RFC 9309: an unreachable one allows nothing); not fetched`, 'fetch:robots');
    const line = robots.allowed(url);
    if (line !== null) throw new FetchProblem(`Unexpected ${url.href} disallowed by ${where}${line > 0 ? ` (line ${line})` : ''}, expected a page its robots.txt allows; not fetched`, 'fetch:robots');
  }
}

const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)$/i;

/** The page's bytes as UTF-8: its charset from the Content-Type, else from a <meta> in its first 1024 bytes. */
function asUtf8(body: Uint8Array, contentType: string | null): Uint8Array {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
  const label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new FetchProblem(`Unexpected the charset ${JSON.stringify(label)}, expected a known text encoding (UTF-8, ISO-8859-1, windows-1252, …)`, 'fetch:charset');
  }
  // UTF-8 is written as it came (the build reports a bad byte at its place).
  if (decoder.encoding === 'utf-8') return body;
  return Buffer.from(decoder.decode(body), 'utf8');
}

/** Fetches the listed pages into `s.into`. Throws only when the list cannot be read. */
export async function fetchPages(s: FetchSettings): Promise<FetchReport> {
  const { urls, diagnostics } = readUrlList(readFileSync(s.list, 'utf8'));
  const state = loadState(s.stateFile);
  const client = new Client(s);
  const report: FetchReport = { fetched: 0, cached: 0, unchanged: 0, failed: 0, problems: [] };
  const fail = (u: ListedUrl, message: string, rule: string) => {
    diagnostics.push({ severity: 'error', line: u.line, column: u.column, message, rule });
    report.failed++;
  };

  const one = async (u: ListedUrl): Promise<void> => {
    const name = pageFileName(u.url);
    const path = join(s.into, name);
    const known = state.pages[u.url.href];
    const have = existsSync(path);
    if (have && !s.again) {
      report.cached++;
      return;
    }
    const headers: Record<string, string> = { accept: 'text/html, application/xhtml+xml;q=0.9' };
    if (have && known?.etag) headers['if-none-match'] = known.etag;
    if (have && known?.lastModified) headers['if-modified-since'] = known.lastModified;
    try {
      const answer = await client.get(u.url, headers, s.maxBytes, { robots: true, cut: false, retry: true });
      if (answer.status === 304 && have) {
        report.unchanged++;
        return;
      }
      if (answer.status !== 200) {
        const why = answer.status >= 300 && answer.status < 400 ? 'a redirect without a Location' : `HTTP ${answer.status}`;
        throw new FetchProblem(`Unexpected ${why} from ${answer.url.href}, expected the page (HTTP 200)`, 'fetch:status');
      }
      const type = answer.headers.get('content-type');
      const mime = (type ?? '').split(';')[0]?.trim() ?? '';
      if (!HTML_TYPE.test(mime)) throw new FetchProblem(`Unexpected ${type === null ? 'no Content-Type' : `Content-Type ${mime}`} from ${answer.url.href}, expected an HTML page (text/html)`, 'fetch:type');
      writeAtomic(path, asUtf8(answer.body, type));
      const etag = answer.headers.get('etag');
      const lastModified = answer.headers.get('last-modified');
      state.pages[u.url.href] = { file: name, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
      report.fetched++;
    } catch (error) {
      if (!(error instanceof FetchProblem)) throw error;
      fail(u, error.message, error.rule);
    }
  };

  // One queue per host (in the list's order), a few hosts at a time.
  const byHost = new Map<string, ListedUrl[]>();
  for (const u of urls) {
    const list = byHost.get(u.url.host);
    if (list) list.push(u);
    else byHost.set(u.url.host, [u]);
  }
  const queues = [...byHost.values()];
  const worker = async () => {
    for (let q = queues.shift(); q; q = queues.shift()) for (const u of q) await one(u);
  };
  await Promise.all(Array.from({ length: Math.min(HOSTS_AT_ONCE, queues.length) }, worker));
  if (report.fetched > 0) writeAtomic(s.stateFile, `${JSON.stringify(state)}\n`);
  report.failed += diagnostics.filter((d) => d.severity === 'error' && d.rule === 'fetch:url').length;
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  report.problems = diagnostics.map((d) => formatDiagnostic(s.list, d));
  return report;
}

/** The fetch's own arguments, taken out of the build's: `--fetch FILE`, `--fetch-again`, `--fetch-delay MS`, `--fetch-timeout MS`. */
export type FetchArgs = { list: string; again: boolean; delayMs: number; timeoutMs: number };

export function takeFetchArgs(argv: readonly string[]): { fetch: FetchArgs | null; rest: string[] } | string {
  const rest: string[] = [];
  let list: string | null = null;
  let again = false;
  let delayMs: number = FETCH_DEFAULTS.delayMs;
  let timeoutMs: number = FETCH_DEFAULTS.timeoutMs;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--fetch') {
      const v = argv[++i];
      if (!v) return '--fetch needs a file of URLs (one a line)';
      list = v;
    } else if (a === '--fetch-again') again = true;
    else if (a === '--fetch-delay' || a === '--fetch-timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0 || (a === '--fetch-timeout' && v === 0)) return `${a} needs a number of milliseconds`;
      if (a === '--fetch-delay') delayMs = v;
      else timeoutMs = v;
    } else rest.push(a);
  }
  if (list === null && (again || argv.includes('--fetch-delay') || argv.includes('--fetch-timeout'))) return '--fetch-again, --fetch-delay and --fetch-timeout go with --fetch FILE';
  return { fetch: list === null ? null : { list, again, delayMs, timeoutMs }, rest };
}

/**
 * The CLI's fetch step: fetches the list into the folder, prints the problems (stderr) and a line of counts (stdout,
 * unless quiet). 0: every URL fetched (or already here); 1: some failed (the build still runs, and exits 1); 2: the
 * list cannot be read (bad usage: no build).
 */
export async function fetchForBuild(args: FetchArgs, into: string, cacheRoot: string, quiet: boolean): Promise<0 | 1 | 2> {
  const stateFile = join(cacheRoot, `fetch-${createHash('sha256').update(resolve(into)).digest('hex').slice(0, 16)}.json`);
  const userAgent = userAgentOf(fileURLToPath(new URL('../../package.json', import.meta.url)));
  let r: FetchReport;
  try {
    r = await fetchPages({ ...args, into, stateFile, userAgent, maxRedirects: FETCH_DEFAULTS.maxRedirects, maxBytes: FETCH_DEFAULTS.maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    process.stderr.write(`build-data: cannot read the URL list "${args.list}": expected a text file of URLs, one a line\n`);
    return 2;
  }
  for (const line of r.problems) process.stderr.write(`${line}\n`);
  if (!quiet) process.stdout.write(`fetch: ${r.fetched} fetched, ${r.cached} already here, ${r.unchanged} unchanged, ${r.failed} failed -> ${into}\n`);
  return r.failed === 0 ? 0 : 1;
}
