/**
 * `npm run build:data [-- --in DIR --out DIR]`: read every article file (default articles/*.txt), run the
 * pipeline, print every diagnostic as file:line:column, and write the dataset (default public/data/)
 * atomically. The exit status is 1 when any file was rejected (the others still build), 2 on bad usage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeText } from '../src/pipeline/decode-text.ts';
import { assembleDataset, extractArticle, type Extraction } from '../src/pipeline/build-dataset.ts';
import { diagnosticAt, formatDiagnostic, hasErrors, type Diagnostic } from '../src/pipeline/diagnostic.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';
import { writeDatasetAtomically, type OutputFile } from './lib/write-atomic.ts';

type Options = { inDir: string; outDir: string; quiet: boolean };

function parseArgs(argv: readonly string[]): Options | string {
  const opts: Options = { inDir: 'articles', outDir: 'public/data', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--in' || a === '--out') {
      const v = argv[++i];
      if (!v) return `${a} needs a folder`;
      if (a === '--in') opts.inDir = v;
      else opts.outDir = v;
    } else if (a === '--quiet') opts.quiet = true;
    else return `unknown argument "${a}"`;
  }
  return opts;
}

export function datasetFiles(extractions: readonly Extraction[]): { files: OutputFile[]; rejected: ReturnType<typeof assembleDataset>['rejected'] } {
  const { dataset, rejected } = assembleDataset(extractions);
  const files: OutputFile[] = [{ path: 'index.json', content: `${JSON.stringify(dataset.index)}\n` }];
  for (const [id, detail] of dataset.articles) files.push({ path: `articles/${id}.json`, content: `${JSON.stringify(detail)}\n` });
  return { files, rejected };
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`build-data: ${opts}\nusage: npm run build:data -- [--in DIR] [--out DIR] [--quiet]\n`);
    return 2;
  }
  let names: string[];
  try {
    names = readdirSync(opts.inDir).filter((n) => n.endsWith('.txt') && statSync(join(opts.inDir, n)).isFile()).sort();
  } catch {
    process.stderr.write(`build-data: cannot read the folder "${opts.inDir}": expected a folder of article .txt files\n`);
    return 2;
  }
  const extractions: Extraction[] = [];
  const problems: { file: string; diagnostics: Diagnostic[] }[] = [];
  let rejectedCount = 0;
  for (const name of names) {
    const file = relative(process.cwd(), join(opts.inDir, name)) || name;
    let diagnostics: Diagnostic[] = [];
    try {
      const decoded = decodeText(readFileSync(join(opts.inDir, name)));
      diagnostics = decoded.diagnostics;
      if (decoded.text !== null) {
        const r = extractArticle(file, decoded.text, tagTimexes);
        diagnostics = [...diagnostics, ...r.diagnostics];
        if (r.extraction) extractions.push(r.extraction);
      }
    } catch (error) {
      diagnostics = [...diagnostics, diagnosticAt('', 0, 'error', `Unexpected failure while reading (${String(error)}), expected an article`, 'build-data:crash')];
    }
    if (hasErrors(diagnostics)) rejectedCount++;
    if (diagnostics.length > 0) problems.push({ file, diagnostics });
  }
  const { files, rejected } = datasetFiles(extractions);
  problems.push(...rejected);
  rejectedCount += rejected.length;
  for (const p of problems) for (const d of p.diagnostics) process.stderr.write(`${formatDiagnostic(p.file, d)}\n`);
  writeDatasetAtomically(opts.outDir, files);
  const events = files[0] ? (JSON.parse(files[0].content) as { events: unknown[] }).events.length : 0;
  if (!opts.quiet) {
    process.stdout.write(`build-data: ${names.length - rejectedCount} of ${names.length} articles built, ${events} events -> ${opts.outDir}\n`);
  }
  if (rejectedCount > 0) process.stderr.write(`build-data: ${rejectedCount} file(s) rejected\n`);
  return rejectedCount > 0 ? 1 : 0;
}

process.exitCode = main();
