/**
 * A small static file server for the app bench, on 127.0.0.1 only: serves a folder as a static host would
 * (gzip when the client accepts it, compressed once per file and kept), plus the bare vis-timeline page under
 * /bare/ with vis-timeline's standalone build from node_modules.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXTRA: Record<string, string> = {
  '/bare/': join(ROOT, 'bench/bare/index.html'),
  '/bare/index.html': join(ROOT, 'bench/bare/index.html'),
  '/bare/vis-timeline.js': join(ROOT, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'),
  '/bare/vis-timeline.css': join(ROOT, 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'),
};

export type StaticServer = {
  url: string;
  /**
   * Compresses these files now (URL paths, e.g. `/assets/x.js`), as a static host serves precompressed files: the
   * first request of a measured page then pays no compression. Paths that name no file are skipped.
   */
  warm: (pathnames: readonly string[]) => void;
  close: () => Promise<void>;
};

type Entry = { body: Buffer; gzip: Buffer | null; mtimeMs: number };

/** Serves `root` on 127.0.0.1 (a free port); `/bare/data/…` is the same folder's `data/`. */
export function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const cache = new Map<string, Entry>();
  /** The file a URL path names, or null when it is outside the folder. */
  const fileOf = (urlPath: string): string | null => {
    let pathname = decodeURIComponent(urlPath);
    const extra = EXTRA[pathname];
    if (extra) return extra;
    if (pathname.startsWith('/bare/data/')) pathname = pathname.slice('/bare'.length);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = join(base, normalize(pathname));
    return file.startsWith(base) ? file : null;
  };
  /** The file's bytes and their gzip, compressed once per version of the file; null when there is no such file. */
  const entryOf = (file: string): Entry | null => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return null;
    }
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== stat.mtimeMs) {
      const body = readFileSync(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const gzip = /^(text|application\/json|image\/svg)/.test(type) && body.length > 512 ? gzipSync(body, { level: 6 }) : null;
      entry = { body, gzip, mtimeMs: stat.mtimeMs };
      cache.set(file, entry);
    }
    return entry;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = fileOf(url.pathname);
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    const entry = entryOf(file);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const useGzip = entry.gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip && entry.gzip ? entry.gzip : entry.body;
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...(useGzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolveServer({
        url: `http://127.0.0.1:${port}/`,
        warm: (pathnames) => {
          for (const p of pathnames) {
            const file = fileOf(p);
            if (file) entryOf(file);
          }
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
