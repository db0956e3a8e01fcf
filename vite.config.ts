import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { liveData } from './scripts/lib/live-data.ts';

const modules = (path: string) => fileURLToPath(new URL(`./node_modules/${path}`, import.meta.url));

// The base path is an option so the built folder works under any sub-path of a static host:
//   DATELINE_BASE=/dateline/ npm run build
export default defineConfig({
  base: process.env.DATELINE_BASE ?? './',
  // liveData: under `npm start`, articles/ is watched and the dataset rebuilt and refetched on every change.
  plugins: [react(), liveData()],
  resolve: {
    alias: [
      // vis-timeline's and vis-data's "peer" builds are transpiled for old browsers with core-js polyfills inlined
      // (157 KiB gzip with vis-data); their "esnext" builds are the same code for current browsers, importing their
      // dependencies (moment without locales, Hammer, xss) as modules: 91 KiB gzip. Types still come from /peer.
      { find: /^vis-timeline\/peer$/, replacement: modules('vis-timeline/esnext/esm/vis-timeline-graph2d.js') },
      { find: /^vis-data\/peer$/, replacement: modules('vis-data/esnext/esm/vis-data.js') },
      // vis-timeline's HTML filter (js-xss) gives way to an escaper: the app gives vis-timeline no HTML (see the module).
      { find: /^xss$/, replacement: fileURLToPath(new URL('./src/lib/xss-escape.ts', import.meta.url)) },
    ],
  },
  build: { target: 'es2022', sourcemap: false },
  // The bench's corpora and datasets (hundreds of thousands of files) are not the app's: watching them exhausts
  // the system's file watchers.
  server: { watch: { ignored: ['**/.bench/**', '**/dist/**', '**/playwright-report/**'] } },
  worker: {
    // The import worker runs the pipeline, which imports the schema module for its version constant and
    // summarizeEvent only: with the module marked free of side effects (and its zod calls pure), the worker does not
    // carry zod for schemas it never uses. (A schema it did use would keep zod's code for it.)
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !id.endsWith('/src/pipeline/schema.ts') },
      optimization: { inlineConst: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Hooks remove temporary folders of thousands of files: on a busy machine that takes more than the default 10 s.
    hookTimeout: 60_000,
    // A guard against a hang, not a speed check (figures are printed by the bench): property tests and launcher
    // tests take a few seconds on two cores shared by other work, past vitest's default of 5 s.
    testTimeout: 30_000,
  },
});
