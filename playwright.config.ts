import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.ts';
import { ROOT_PORT, SUB_PATH_PORT, SUB_PATH_URL } from './e2e/ports.ts';

// The e2e suite runs against the production build (`npm run build` first; `npm test` does it), in the system
// Chromium (scripts/ensure-browser.mjs), on a desktop, on a phone and in two other time zones.
const reuse = !process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${ROOT_PORT}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
  webServer: [
    { command: `npx vite preview --port ${ROOT_PORT} --strictPort`, url: `http://localhost:${ROOT_PORT}/`, reuseExistingServer: reuse, timeout: 30_000 },
    // The same build under a sub-path, as on a static host: deep links must work there too.
    {
      command: `node scripts/serve-dist.mjs --dir dist --prefix /sub/path/ --port ${SUB_PATH_PORT}`,
      url: SUB_PATH_URL,
      reuseExistingServer: reuse,
      timeout: 30_000,
    },
  ],
  projects: [
    { name: 'desktop', grepInvert: /@phone/ },
    {
      name: 'phone',
      grep: /@phone|@core/,
      use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    { name: 'los-angeles', grep: /@core/, use: { timezoneId: 'America/Los_Angeles' } },
    { name: 'tokyo', grep: /@core/, use: { timezoneId: 'Asia/Tokyo' } },
  ],
});
