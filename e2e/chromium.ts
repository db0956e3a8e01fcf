/**
 * The system Chromium the e2e suite and the app bench drive (scripts/ensure-browser.mjs makes sure it is there),
 * and the flags it needs here: headless, no sandbox as root, no network of its own.
 */
export const CHROMIUM_PATH = process.env['DATELINE_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
