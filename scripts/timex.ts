/**
 * Tags the temporal expressions of one text file:
 *   npm run -s timex -- --dct YYYY-MM-DD FILE
 * prints one JSON object per line: {"start","end","text","type","value"}, offsets in UTF-16 code units into
 * the whole file as decoded from UTF-8 (a BOM is kept as a character).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDay } from '../src/pipeline/temporal/calendar.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';

const USAGE = 'usage: npm run -s timex -- --dct YYYY-MM-DD FILE';

type Args = { dct: string; file: string };

export function parseArgs(argv: readonly string[]): Args | string {
  let dct: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--dct') {
      const next = argv[i + 1];
      if (next === undefined) return 'missing value after --dct';
      dct = next;
      i++;
    } else if (arg.startsWith('--dct=')) dct = arg.slice('--dct='.length);
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else if (file === null) file = arg;
    else return `unexpected argument ${arg}`;
  }
  if (dct === null) return 'missing --dct';
  if (parseDay(dct) === null) return `unexpected publication date "${dct}", expected a real calendar date YYYY-MM-DD`;
  if (file === null) return 'missing FILE';
  return { dct, file };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`timex: ${args}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file).toString('utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    process.stderr.write(`timex: cannot read ${args.file} (${reason})\n`);
    return 1;
  }
  const lines = tagTimexes(text, args.dct).map((t) =>
    JSON.stringify({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }),
  );
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
