#!/usr/bin/env node
// Make sure a Chromium the e2e suite can drive is installed: DATELINE_CHROMIUM, else /usr/bin/chromium.
// As root on Debian/Ubuntu it installs the `chromium` package with apt-get; anywhere else it says how to.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const wanted = process.env.DATELINE_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!process.env.DATELINE_CHROMIUM && isRoot && hasApt) {
  console.log('ensure-browser: Chromium not found at /usr/bin/chromium; installing it with apt-get …');
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (run(['update']) && run(['install', '-y', 'chromium']) && existsSync(wanted)) process.exit(0);
  console.error('ensure-browser: apt-get could not install chromium.');
}

console.error(
  [
    `ensure-browser: no Chromium at ${wanted}.`,
    'The e2e suite drives a system Chromium. Either',
    '  - install it:            sudo apt-get install chromium',
    '  - or point to your own:  DATELINE_CHROMIUM=/path/to/chromium npm run test:e2e',
  ].join('\n'),
);
process.exit(1);
