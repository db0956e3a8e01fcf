import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const LAUNCHER = fileURLToPath(new URL('./run-ts.mjs', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'run-ts-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project of its own (a package.json: its bundles are cached under its node_modules/.cache). */
function project(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [path, text] of Object.entries({ 'package.json': '{ "type": "module" }\n', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function launch(dir: string, entry: string, args: readonly string[] = []) {
  return spawnSync(process.execPath, [LAUNCHER, entry, ...args], { cwd: dir, encoding: 'utf8' });
}

test('the launcher runs a TypeScript entry with its arguments, process.argv as under tsx', () => {
  const dir = project('args', { 'main.ts': 'const argv: string[] = process.argv;\nconsole.log(JSON.stringify(argv.slice(1)));\n' });
  const r = launch(dir, 'main.ts', ['--in', 'a folder', '-x']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([join(dir, 'main.ts'), '--in', 'a folder', '-x']);
});

test('an edit to an imported module is run on the next start, even one that keeps the size and modification time', () => {
  const dir = project('stale', {
    'main.ts': "import { greeting } from './lib/greet.ts';\nconsole.log(greeting);\n",
    'lib/greet.ts': "export const greeting: string = 'hello';\n",
  });
  expect(launch(dir, 'main.ts').stdout).toBe('hello\n');
  expect(launch(dir, 'main.ts').stdout).toBe('hello\n');
  const path = join(dir, 'lib/greet.ts');
  const before = statSync(path);
  writeFileSync(path, "export const greeting: string = 'howdy';\n");
  utimesSync(path, before.atime, before.mtime);
  expect(launch(dir, 'main.ts').stdout).toBe('howdy\n');
});

test('import.meta in a bundled module is its own source file', () => {
  const dir = project('meta', {
    'main.ts': "import { here } from './lib/where.ts';\nconsole.log(JSON.stringify({ main: import.meta.url, ...here }));\n",
    'lib/where.ts': [
      'export const here = {',
      '  url: import.meta.url,',
      '  dirname: import.meta.dirname,',
      "  sibling: import.meta.resolve('./data.json'),",
      "  above: new URL('../articles/', import.meta.url).href,",
      '};',
      '',
    ].join('\n'),
  });
  const r = launch(dir, 'main.ts');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    main: pathToFileURL(join(dir, 'main.ts')).href,
    url: pathToFileURL(join(dir, 'lib/where.ts')).href,
    dirname: join(dir, 'lib'),
    sibling: pathToFileURL(join(dir, 'lib/data.json')).href,
    above: pathToFileURL(join(dir, 'articles')).href + '/',
  });
});

test('a module started by URL in a worker thread runs from its own bundle', () => {
  const dir = project('worker', {
    'main.ts': [
      "import { Worker } from 'node:worker_threads';",
      "const source = new URL('./lib/work.ts', import.meta.url).href;",
      "const bundles = (globalThis as { [k: symbol]: Record<string, string> | undefined })[Symbol.for('dateline.run-ts.bundles')];",
      'const bundled = bundles?.[source];',
      "if (bundled === undefined) throw new Error('no bundle for ' + source);",
      'const worker = new Worker(new URL(bundled), { workerData: 20 });',
      "worker.on('message', (m: string) => console.log(m));",
      '',
    ].join('\n'),
    'lib/work.ts': "import { parentPort, workerData } from 'node:worker_threads';\nconst n: number = workerData;\nparentPort?.postMessage(`${n + 1} from ${import.meta.url}`);\n",
  });
  const r = launch(dir, 'main.ts');
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`21 from ${pathToFileURL(join(dir, 'lib/work.ts')).href}\n`);
});

test('a syntax error stops the launch with exit 1 and the file:line:column of the error', () => {
  const dir = project('syntax', {
    'main.ts': "import { x } from './lib/bad.ts';\nconsole.log(x);\n",
    'lib/bad.ts': '// a comment\nexport const x = ;\n',
  });
  const r = launch(dir, 'main.ts');
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('lib/bad.ts:2:17:');
  expect(r.stderr).toContain('run-ts: esbuild could not bundle main.ts');
});

test('starts at the same time after an edit each run the new code', async () => {
  const dir = project('concurrent', { 'main.ts': "import { n } from './n.ts';\nconsole.log(n);\n", 'n.ts': 'export const n: number = 1;\n' });
  expect(launch(dir, 'main.ts').stdout).toBe('1\n');
  writeFileSync(join(dir, 'n.ts'), 'export const n: number = 2;\n');
  const outputs = await Promise.all(
    Array.from({ length: 4 }, () =>
      new Promise<string>((done) => {
        const child = spawn(process.execPath, [LAUNCHER, 'main.ts'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.on('close', (code) => done(`${code} ${out}`));
      }),
    ),
  );
  expect(outputs).toEqual(Array(4).fill('0 2\n'));
});
