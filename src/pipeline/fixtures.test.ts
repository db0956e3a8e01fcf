/**
 * The fixtures test: articles -> dataset end to end, against expected JSON kept in fixtures/expected/.
 * After an intended change to the pipeline, regenerate with `UPDATE_FIXTURES=1 npx vitest run src/pipeline/fixtures.test.ts`
 * and review the diff of the expected files like code.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { decodeText } from './decode-text.ts';
import { assembleDataset, extractArticle, type Extraction } from './build-dataset.ts';
import { formatDiagnostic } from './diagnostic.ts';
import { tagTimexes } from './temporal/tag-timexes.ts';

const dir = new URL('./fixtures/', import.meta.url).pathname;

function buildFixtures(): Map<string, string> {
  const out = new Map<string, string>();
  const diagnostics: string[] = [];
  const extractions: Extraction[] = [];
  for (const name of readdirSync(join(dir, 'articles')).sort()) {
    const decoded = decodeText(readFileSync(join(dir, 'articles', name)));
    diagnostics.push(...decoded.diagnostics.map((d) => formatDiagnostic(name, d)));
    if (decoded.text === null) continue;
    const r = extractArticle(name, decoded.text, tagTimexes);
    diagnostics.push(...r.diagnostics.map((d) => formatDiagnostic(name, d)));
    if (r.extraction) extractions.push(r.extraction);
  }
  const { dataset } = assembleDataset(extractions);
  out.set('diagnostics.txt', `${diagnostics.join('\n')}\n`);
  out.set('index.json', `${JSON.stringify(dataset.index, null, 1)}\n`);
  for (const [id, detail] of dataset.articles) out.set(`${id}.json`, `${JSON.stringify(detail, null, 1)}\n`);
  return out;
}

test('fixture articles build to the expected dataset and diagnostics', () => {
  const actual = buildFixtures();
  const expectedDir = join(dir, 'expected');
  if (process.env.UPDATE_FIXTURES) {
    mkdirSync(expectedDir, { recursive: true });
    for (const [name, content] of actual) writeFileSync(join(expectedDir, name), content);
  }
  const expectedNames = readdirSync(expectedDir).sort();
  expect([...actual.keys()].sort()).toEqual(expectedNames);
  for (const name of expectedNames) expect(actual.get(name), name).toBe(readFileSync(join(expectedDir, name), 'utf8'));
});
