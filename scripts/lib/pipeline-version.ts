/**
 * The version of everything that shapes a cache entry: the pipeline's sources (src/pipeline/**, tests aside)
 * and the build's own extraction code. Any edit to them gives a new version, so the cache can never serve an
 * extraction made by other code; no version number to remember to bump.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OWN_FILES = ['scripts/lib/extract-entry.ts', 'scripts/lib/input-units.ts', 'scripts/lib/pipeline-version.ts'];

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) out.push(...sourcesUnder(path));
    else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) out.push(path);
  }
  return out;
}

export function pipelineVersion(): string {
  const files = [...sourcesUnder(join(ROOT, 'src/pipeline')), ...OWN_FILES.map((f) => join(ROOT, f))].sort();
  const h = createHash('sha256');
  for (const f of files) h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}
