/**
 * Scores the temporal tagger like TempEval-3 on a folder of inline TimeML (.tml) files:
 *   npm run eval:dates -- DIR [--recursive] [--errors]
 * Strict extent match = same offsets; relaxed = overlapping (one-to-one). Value and type F1 are the
 * accuracy over relaxed matches times the relaxed F1.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tagTimexes, type TaggedTimex } from '../src/pipeline/temporal/tag-timexes.ts';
import { readTimeml, type GoldTimex } from './lib/timeml.ts';

export type Match = { gold: GoldTimex; system: TaggedTimex; strict: boolean };
export type Alignment = { matches: Match[]; missed: GoldTimex[]; spurious: TaggedTimex[] };

/** One-to-one alignment: exact spans first, then the largest overlap. */
export function align(gold: readonly GoldTimex[], system: readonly TaggedTimex[]): Alignment {
  const usedSystem = new Set<number>();
  const matched = new Map<number, Match>();
  gold.forEach((g, gi) => {
    const si = system.findIndex((s, i) => !usedSystem.has(i) && s.start === g.start && s.end === g.end);
    if (si >= 0) {
      usedSystem.add(si);
      matched.set(gi, { gold: g, system: system[si] as TaggedTimex, strict: true });
    }
  });
  gold.forEach((g, gi) => {
    if (matched.has(gi)) return;
    let best = -1;
    let bestOverlap = 0;
    system.forEach((s, i) => {
      if (usedSystem.has(i)) return;
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = i;
      }
    });
    if (best >= 0) {
      usedSystem.add(best);
      matched.set(gi, { gold: g, system: system[best] as TaggedTimex, strict: false });
    }
  });
  return {
    matches: [...matched.values()],
    missed: gold.filter((_, gi) => !matched.has(gi)),
    spurious: system.filter((_, i) => !usedSystem.has(i)),
  };
}

export type Counts = { gold: number; system: number; strict: number; relaxed: number; value: number; type: number };

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
}

export function addAlignment(counts: Counts, gold: number, system: number, a: Alignment): void {
  counts.gold += gold;
  counts.system += system;
  for (const m of a.matches) {
    counts.relaxed++;
    if (m.strict) counts.strict++;
    if (m.system.value === m.gold.value) counts.value++;
    if (m.system.type === m.gold.type) counts.type++;
  }
}

export type Prf = { p: number; r: number; f1: number };

export function prf(hits: number, system: number, gold: number): Prf {
  const p = system === 0 ? 0 : hits / system;
  const r = gold === 0 ? 0 : hits / gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function pct(x: number): string {
  return (100 * x).toFixed(2);
}

export function formatReport(c: Counts): string {
  const strict = prf(c.strict, c.system, c.gold);
  const relaxed = prf(c.relaxed, c.system, c.gold);
  const valueAcc = c.relaxed === 0 ? 0 : c.value / c.relaxed;
  const typeAcc = c.relaxed === 0 ? 0 : c.type / c.relaxed;
  return [
    `strict   P ${pct(strict.p)}  R ${pct(strict.r)}  F1 ${pct(strict.f1)}`,
    `relaxed  P ${pct(relaxed.p)}  R ${pct(relaxed.r)}  F1 ${pct(relaxed.f1)}`,
    `value    F1 ${pct(valueAcc * relaxed.f1)}  (accuracy ${pct(valueAcc)} over ${c.relaxed} relaxed matches)`,
    `type     F1 ${pct(typeAcc * relaxed.f1)}  (accuracy ${pct(typeAcc)} over ${c.relaxed} relaxed matches)`,
    `counts   gold ${c.gold}  system ${c.system}  strict ${c.strict}  relaxed ${c.relaxed}  value ${c.value}  type ${c.type}`,
  ].join('\n');
}

function listTml(path: string, recursive: boolean): string[] {
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      if (recursive) out.push(...listTml(full, true));
    } else if (name.endsWith('.tml')) out.push(full);
  }
  return out;
}

function context(text: string, start: number, end: number): string {
  const left = text.slice(Math.max(0, start - 40), start).replace(/\s+/g, ' ');
  const right = text.slice(end, end + 40).replace(/\s+/g, ' ');
  return `…${left}[${text.slice(start, end)}]${right}…`;
}

const USAGE = 'usage: npm run eval:dates -- DIR|FILE.tml [--recursive] [--errors]';

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--recursive' && f !== '--errors');
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const showErrors = flags.has('--errors');
  const counts = emptyCounts();
  let files = 0;
  for (const path of paths) {
    let list: string[];
    try {
      list = listTml(path, flags.has('--recursive'));
    } catch {
      process.stderr.write(`eval:dates: cannot read ${path}\n`);
      return 1;
    }
    for (const file of list) {
      const doc = readTimeml(readFileSync(file, 'utf8'));
      if (doc.dct === null) {
        process.stderr.write(`${file}: no DCT with a YYYY-MM-DD value, skipped\n`);
        continue;
      }
      files++;
      const system = tagTimexes(doc.text, doc.dct);
      const a = align(doc.timexes, system);
      addAlignment(counts, doc.timexes.length, system.length, a);
      if (showErrors) {
        const name = basename(file);
        for (const g of a.missed) console.log(`MISS  ${name}  ${g.type} ${g.value}  ${context(doc.text, g.start, g.end)}`);
        for (const s of a.spurious) console.log(`FP    ${name}  ${s.type} ${s.value}  ${context(doc.text, s.start, s.end)}`);
        for (const m of a.matches) {
          if (!m.strict) console.log(`SPAN  ${name}  gold "${m.gold.text}" system "${m.system.text}"`);
          if (m.system.value !== m.gold.value) console.log(`VALUE ${name}  "${m.gold.text}" gold ${m.gold.value} system ${m.system.value}  ${context(doc.text, m.system.start, m.system.end)} dct ${doc.dct}`);
          else if (m.system.type !== m.gold.type) console.log(`TYPE  ${name}  "${m.gold.text}" gold ${m.gold.type} system ${m.system.type}`);
        }
      }
    }
  }
  console.log(`files    ${files}`);
  console.log(formatReport(counts));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
