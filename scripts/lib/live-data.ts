/**
 * `npm start` keeps the dataset in step with the articles folder: a Vite plugin (dev server only) watches the
 * folder, runs `build:data` when an article file is added, changed or removed (an edit of a few articles is spliced
 * in well under a second, see incremental.ts), and tells the open pages, which fetch the dataset again without a
 * reload (src/features/dataset/api/live-data.ts): the selected event and the window stay. Diagnostics go to the terminal, as from
 * `npm run build:data`.
 *
 * Changes that come while a build runs are gathered into one more build after it; a burst of changes (an editor
 * saving, a folder copied in) waits `quietMs` for the burst to end.
 */
import { spawn } from 'node:child_process';
import { basename, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { DATA_CHANGED_EVENT } from '../../src/lib/live-data-event.ts';
import { isInputFile, MAPPING_FILE } from '../../src/pipeline/formats/parse-input.ts';


export type LiveDataOptions = {
  /** The articles folder (default articles/). */
  inDir?: string;
  /** build:data's arguments after the script (default: none, its own defaults). */
  args?: readonly string[];
  /** How long the folder must be quiet before a build starts. */
  quietMs?: number;
};

const LAUNCHER = fileURLToPath(new URL('../run-ts.mjs', import.meta.url));
const BUILD = fileURLToPath(new URL('../build-data.ts', import.meta.url));

/** A file of the articles folder that the build reads: a .txt or .html file directly in it. */
export function isArticleFile(inDir: string, path: string): boolean {
  const dir = resolve(inDir) + sep;
  const file = resolve(path);
  return file.startsWith(dir) && !file.slice(dir.length).includes(sep) && (isInputFile(file) || basename(file) === MAPPING_FILE);
}

/** Runs `build` after changes, never two at once: a change during a build asks for one more. `done` follows each build with its exit status. */
export function rebuilder(build: () => Promise<number>, done: (status: number) => void, quietMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  const start = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void build()
      .catch(() => 1)
      .then((status) => {
        running = false;
        done(status);
        if (again) {
          again = false;
          start();
        }
      });
  };
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, quietMs);
  };
}

export function liveData(options: LiveDataOptions = {}): Plugin {
  const inDir = resolve(options.inDir ?? 'articles');
  return {
    name: 'dateline-live-data',
    apply: 'serve',
    configureServer(server) {
      const build = () =>
        new Promise<number>((done) => {
          const child = spawn(process.execPath, [LAUNCHER, BUILD, '--quiet', ...(options.args ?? [])], { stdio: 'inherit' });
          child.on('error', () => done(1));
          child.on('close', (code) => done(code ?? 1));
        });
      const changed = rebuilder(
        build,
        (status) => {
          server.config.logger.info(`dataset rebuilt${status === 0 ? '' : ' (some articles rejected, see above)'}: pages refresh their data`, { timestamp: true });
          server.ws.send({ type: 'custom', event: DATA_CHANGED_EVENT });
        },
        options.quietMs ?? 150,
      );
      server.watcher.add(inDir);
      server.watcher.on('all', (event, path) => {
        if ((event === 'add' || event === 'change' || event === 'unlink') && isArticleFile(inDir, path)) changed();
      });
    },
  };
}
