/**
 * Figures of one timeline page in headless Chromium (the app, or the bare vis-timeline page):
 *   first events   navigation start -> the frame in which the first `.vis-item` is in the DOM and visible
 *                  (a MutationObserver installed before any page script; the time is that frame's rAF time)
 *   fit + back     from the normal view, zoomed in by N wheel notches at the centre (the "previous window"):
 *                  Fit (the app's button, found by role and name; the bare page: fit() with the app's 300 ms
 *                  animation), then back to the previous window with the same N notches; each until the frames
 *                  settle: the first frame after the last one with a DOM change, watched for 500 ms more
 *   heap           used JS heap after load and a forced GC (CDP Runtime.getHeapUsage)
 *   bytes          transfer sizes (Resource Timing: body as sent, gzip here, plus headers) of every response
 *                  finished before the first events, the document included; and of the scripts among them
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

export type PageFigures = {
  firstEventsMs: number | null;
  fitMs: number | null;
  backMs: number | null;
  fitBackMs: number | null;
  heapMb: number | null;
  bytesBeforeFirst: number;
  scriptBytesBeforeFirst: number;
  itemsShown: number;
  timeoutMs: number;
};

const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Installed before any script of the page. Plain JS: it runs in the page as it is. */
const PROBE = `(() => {
  const bench = { firstItemAt: null, seen: false };
  window.__bench = bench;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const mo = new MutationObserver(() => {
    if (bench.seen) return;
    for (const el of document.querySelectorAll('.vis-item')) {
      if (!visible(el)) continue;
      bench.seen = true;
      mo.disconnect();
      requestAnimationFrame((t) => { bench.firstItemAt = t; });
      return;
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true });
  /** Resolves with the time from t0 to the first frame after the last frame with a DOM change. */
  bench.settle = (t0, quietMs = 500, capMs = 60000) => new Promise((resolve) => {
    let dirty = true;
    let lastChange = t0;
    let settledAt = null;
    const watch = new MutationObserver(() => { dirty = true; });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = (t) => {
      if (dirty) { dirty = false; lastChange = t; settledAt = null; }
      else if (settledAt === null) settledAt = t;
      if (settledAt !== null && t - lastChange > quietMs) { watch.disconnect(); resolve(settledAt - t0); return; }
      if (t - t0 > capMs) { watch.disconnect(); resolve(null); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  /** Resolves with the first frame time at which the page holds an element matching selector, or null after capMs. */
  const shown = (selector, t0, capMs) => new Promise((resolve) => {
    const tick = (t) => {
      if (document.querySelector(selector)) { resolve(t); return; }
      if (t - t0 > capMs) { resolve(null); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  /** The frame time at which the timeline draws events (all of the window's, or its most-told), or null after capMs. */
  bench.eventsDrawn = (t0, capMs) => shown('.timeline-canvas:is([data-mode="events"], [data-mode="most-told"]) .vis-item.tl-event', t0, capMs);
  /** The frame time at which the search results list their first result, or null after capMs. */
  bench.resultsShown = (t0, capMs) => shown('ol[aria-label="Search results"] button', t0, capMs);
  /**
   * N wheel notches zooming in at the centre of the timeline, dispatched in one go. A constructed WheelEvent
   * gets wheelDelta = deltaY in Chromium, which vis-timeline reads first: +100 zooms in by 1/(1 + (100/120)/5).
   */
  bench.wheel = (notches) => {
    const panel = document.querySelector('.vis-panel.vis-center') || document.querySelector('.vis-timeline');
    const r = panel.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + Math.min(r.height / 2, 40);
    const target = document.elementFromPoint(x, y) || panel;
    for (let i = 0; i < notches; i++) {
      target.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, deltaMode: 0, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    }
  };
})();`;

type BenchWindow = {
  __bench: {
    firstItemAt: number | null;
    settle: (t0: number, quietMs?: number, capMs?: number) => Promise<number | null>;
    wheel: (n: number) => void;
    eventsDrawn: (t0: number, capMs: number) => Promise<number | null>;
    resultsShown: (t0: number, capMs: number) => Promise<number | null>;
  };
  bareTimeline?: { getWindow(): { start: Date; end: Date }; fit(options: unknown): void };
};

async function settleAfter(page: Page, action: string, arg: number, capMs: number): Promise<number | null> {
  return page.evaluate(
    async ({ action, arg, capMs }) => {
      const w = window as unknown as BenchWindow;
      const t0 = performance.now();
      if (action === 'fit-app') {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Fit' || b.getAttribute('aria-label') === 'Fit');
        if (!button) throw new Error('no Fit button');
        button.click();
      } else if (action === 'fit-bare') {
        w.bareTimeline?.fit({ animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
      } else if (action === 'wheel') {
        w.__bench.wheel(arg);
      }
      return w.__bench.settle(t0, 500, capMs);
    },
    { action, arg, capMs },
  );
}

/** Notches of zoom from the first view (all events) to 1/200 of its span, ~3 months of 50 years: the "previous window". */
export const ZOOM_NOTCHES = 34;

export async function measurePage(browser: Browser, url: string, kind: 'app' | 'bare', timeoutMs = 60_000): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const figures: PageFigures = { firstEventsMs: null, fitMs: null, backMs: null, fitBackMs: null, heapMb: null, bytesBeforeFirst: 0, scriptBytesBeforeFirst: 0, itemsShown: 0, timeoutMs };
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstItemAt !== null, undefined, { timeout: timeoutMs, polling: 50 });
    } catch {
      return figures;
    }
    const first = await page.evaluate(() => {
      const at = (window as unknown as BenchWindow).__bench.firstItemAt ?? 0;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      let bytes = 0;
      let scripts = 0;
      for (const e of entries) {
        if (e.responseEnd > at) continue;
        bytes += e.transferSize;
        if (e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name)) scripts += e.transferSize;
      }
      return { at, bytes, scripts };
    });
    figures.firstEventsMs = first.at;
    figures.bytesBeforeFirst = first.bytes;
    figures.scriptBytesBeforeFirst = first.scripts;
    await settleAfter(page, 'none', 0, timeoutMs);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    figures.heapMb = heap.usedSize / 1e6;
    figures.itemsShown = await page.evaluate(() => document.querySelectorAll('.vis-item').length);
    // The previous window: zoomed in from the first view; then Fit, then back.
    if ((await settleAfter(page, 'wheel', ZOOM_NOTCHES, timeoutMs)) === null) return figures;
    figures.fitMs = await settleAfter(page, kind === 'app' ? 'fit-app' : 'fit-bare', 0, timeoutMs);
    if (figures.fitMs === null) return figures;
    figures.backMs = await settleAfter(page, 'wheel', ZOOM_NOTCHES, timeoutMs);
    if (figures.backMs !== null) figures.fitBackMs = figures.fitMs + figures.backMs;
    return figures;
  } finally {
    await context.close();
  }
}

export type JumpFigures = {
  /** Click on Go -> the last tile fetched for the new window has arrived. */
  fetchedMs: number | null;
  /** The last tile's arrival -> the frame with the new window's events. */
  drawnAfterFetchMs: number | null;
  /** Tiles fetched for the new window, and their bytes as sent. */
  tiles: number;
  tileBytes: number;
  /** From the window the jump drew, Fit until the frames settle. */
  fitMs: number | null;
  /** Events drawn (`.tl-event`) and counts (`.tl-aggregate`) in the window the jump drew. */
  drawn: { events: number; counts: number };
};

/** A new page of `context` at `url` with the probe, once its first events are drawn and the page has settled. */
async function openedAndSettled(context: BrowserContext, url: string, timeoutMs: number): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstItemAt !== null, undefined, { timeout: timeoutMs, polling: 50 });
  await settleAfter(page, 'none', 0, timeoutMs);
  return page;
}

/**
 * A tiled archive: after the first view, Jump to date `iso` (a period not loaded), then Zoom in until the new window's
 * events (`.tl-event`: all of them, or the most-told) are drawn; the tiles' arrival from Resource Timing. Then Fit
 * from there.
 */
export async function measureJump(browser: Browser, url: string, iso: string, timeoutMs = 60_000): Promise<JumpFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const figures: JumpFigures = { fetchedMs: null, drawnAfterFetchMs: null, tiles: 0, tileBytes: 0, fitMs: null, drawn: { events: 0, counts: 0 } };
  try {
    const page = await openedAndSettled(context, url, timeoutMs);
    await page.getByLabel('Jump to date').fill(iso);
    // Go, then Zoom in until the window's events are drawn (a dense period shows counts at two months): the step
    // that brought the events is measured, from its click.
    type Step = { t0: number; drawnAt: number | null; fetchedAt: number | null; count: number; bytes: number };
    let r: Step | null = null;
    for (let step = 0; step < 8; step++) {
      r = await page.evaluate(
        async ({ label, timeoutMs }) => {
          const before = new Set(performance.getEntriesByType('resource').map((e) => e.name));
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
          if (!button) throw new Error(`no ${label} button`);
          const t0 = performance.now();
          button.click();
          const drawnAt = await (window as unknown as BenchWindow).__bench.eventsDrawn(t0, timeoutMs);
          const tiles = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => !before.has(e.name) && /\/data\/tiles\//.test(e.name) && e.responseEnd <= (drawnAt ?? Infinity));
          const fetchedAt = tiles.length ? Math.max(...tiles.map((e) => e.responseEnd)) : null;
          return { t0, drawnAt, fetchedAt, count: tiles.length, bytes: tiles.reduce((n, e) => n + e.transferSize, 0) };
        },
        { label: step === 0 ? 'Go' : 'Zoom in', timeoutMs: step === 0 ? 3000 : timeoutMs / 8 },
      );
      if (r.drawnAt !== null) break;
      await settleAfter(page, 'none', 0, timeoutMs);
    }
    if (!r) return figures;
    figures.tiles = r.count;
    figures.tileBytes = r.bytes;
    if (r.fetchedAt !== null) figures.fetchedMs = r.fetchedAt - r.t0;
    if (r.drawnAt !== null && r.fetchedAt !== null) figures.drawnAfterFetchMs = r.drawnAt - r.fetchedAt;
    if (r.drawnAt === null) return figures;
    await settleAfter(page, 'none', 0, timeoutMs);
    figures.drawn = await page.evaluate(() => ({ events: document.querySelectorAll('.vis-item.tl-event').length, counts: document.querySelectorAll('.vis-item.tl-aggregate').length }));
    figures.fitMs = await settleAfter(page, 'fit-app', 0, timeoutMs);
    return figures;
  } finally {
    await context.close();
  }
}

export type SearchFigures = {
  query: string;
  /** The query typed (one input event) -> the frame with its first results listed; null: none within the time. */
  firstResultsMs: number | null;
  /** Search shards fetched for the query (Resource Timing), and their bytes as sent. */
  shards: number;
  bytes: number;
  /** Results listed. */
  results: number;
};

/**
 * A tiled archive's search, cold (a new page for each query: no shard cached): after the first view, the query is
 * put in the search box at once, then until the results list shows its first result.
 */
export async function measureSearch(browser: Browser, url: string, query: string, timeoutMs = 30_000): Promise<SearchFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const figures: SearchFigures = { query, firstResultsMs: null, shards: 0, bytes: 0, results: 0 };
  try {
    const page = await openedAndSettled(context, url, timeoutMs);
    const r = await page.evaluate(
      async ({ query, timeoutMs }) => {
        const input = document.getElementById('search-input') as HTMLInputElement | null;
        if (!input) throw new Error('no search box');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const before = new Set(performance.getEntriesByType('resource').map((e) => e.name));
        const t0 = performance.now();
        setValue?.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const shownAt = await (window as unknown as BenchWindow).__bench.resultsShown(t0, timeoutMs);
        const shards = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => !before.has(e.name) && /\/data\/search\//.test(e.name));
        return {
          ms: shownAt === null ? null : shownAt - t0,
          shards: shards.length,
          bytes: shards.reduce((n, e) => n + e.transferSize, 0),
          results: document.querySelectorAll('ol[aria-label="Search results"] button').length,
        };
      },
      { query, timeoutMs },
    );
    figures.firstResultsMs = r.ms;
    figures.shards = r.shards;
    figures.bytes = r.bytes;
    figures.results = r.results;
    return figures;
  } finally {
    await context.close();
  }
}
