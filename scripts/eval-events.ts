/**
 * Scores where the timeline puts what happened, on TimeML files with EVENT and TLINK (TimeBank):
 *   npm run eval:events -- DIR|FILE.tml [--errors]
 * Each document goes through the project's own pipeline (extractArticle with the DCT as publication date).
 * A happening is an EVENT instance that a TLINK places inside a dated TIMEX3 (see PLACING_RELATIONS).
 * - precision: of the timeline events whose excerpt holds a happening, those whose interval overlaps the
 *   happening's date. The happening judged is the one the event's label names (its trigger word is in the
 *   label); when the label names none, any held happening. Happenings placed in the document's creation time
 *   count here (the publication date is what the timeline should give them).
 * - recall: of the happenings placed in a TIMEX3 of the text, those held by a timeline event's excerpt on an
 *   overlapping interval.
 * "exact" means the same first and last day.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../src/pipeline/build-dataset.ts';
import type { EventDetail } from '../src/pipeline/schema.ts';
import { tagTimexes } from '../src/pipeline/temporal/tag-timexes.ts';
import { placedHappenings, readTimemlEvents, type GoldEvent, type Happening, type TimemlEventsDocument } from './lib/timeml-events.ts';

export type EventCounts = {
  /** Timeline events whose excerpt holds a happening; those compatible with it; those exactly on it. */
  judged: number;
  compatible: number;
  exact: number;
  /** The same, counting only happenings placed in a TIMEX3 of the text. */
  judgedText: number;
  compatibleText: number;
  /** Happenings placed in a TIMEX3 of the text; those on the timeline on a compatible date; exactly. */
  happenings: number;
  found: number;
  foundExact: number;
  /** Disagreements where the event is dated by the expression the gold dates its happening by (a value error). */
  wrongValue: number;
  /** Timeline events whose label names a negated (polarity NEG) or modal event instance. */
  labelled: number;
  negated: number;
  modal: number;
};

export function emptyEventCounts(): EventCounts {
  return { judged: 0, compatible: 0, exact: 0, judgedText: 0, compatibleText: 0, happenings: 0, found: 0, foundExact: 0, wrongValue: 0, labelled: 0, negated: 0, modal: 0 };
}

type Dated = Pick<EventDetail, 'start' | 'end'>;
type Excerpted = Dated & {
  label: string;
  excerpts: readonly { start: number; end: number }[];
  /** The dating expression's offsets, when an expression dates it. */
  expression?: { start: number; end: number } | null;
};

export function overlaps(e: Dated, h: Pick<Happening, 'start' | 'end'>): boolean {
  return (e.start ?? '') <= h.end && h.start <= (e.end ?? '9999-99-99');
}

export function sameDays(e: Dated, h: Pick<Happening, 'start' | 'end'>): boolean {
  return e.start === h.start && e.end === h.end;
}

function holds(e: Excerpted, g: GoldEvent): boolean {
  return e.excerpts.some((x) => x.start <= g.start && g.end <= x.end);
}

/** True when the label has the event's trigger as a whole word ("said" in "The mayor said …"). */
export function names(label: string, g: GoldEvent): boolean {
  const word = g.text.trim().toLowerCase();
  if (word === '') return false;
  const at = label.toLowerCase().indexOf(word);
  if (at < 0) return false;
  const before = label[at - 1] ?? ' ';
  const after = label[at + word.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

export type Judgement = { event: Excerpted; judged: Happening[]; compatible: boolean; exact: boolean; sameExpression: boolean };

/** The happenings a timeline event is judged against: those its label names, else all its excerpt holds. */
export function judge(e: Excerpted, happenings: readonly Happening[]): Judgement | null {
  const held = happenings.filter((h) => holds(e, h.event));
  if (held.length === 0) return null;
  const named = held.filter((h) => names(e.label, h.event));
  const judged = named.length > 0 ? named : held;
  const x = e.expression;
  const sameExpression = x != null && judged.some((h) => h.timex !== null && h.timex.start < x.end && x.start < h.timex.end);
  return { event: e, judged, compatible: judged.some((h) => overlaps(e, h)), exact: judged.some((h) => sameDays(e, h)), sameExpression };
}

export type DocumentScore = { judgements: Judgement[]; missed: Happening[] };

/** Scores one document's timeline events (offsets into the document's text) against its gold. */
export function scoreDocument(doc: TimemlEventsDocument, timeline: readonly Excerpted[], counts: EventCounts): DocumentScore {
  const all = placedHappenings(doc, true);
  const inText = all.filter((h) => h.timex !== null);
  const judgements: Judgement[] = [];
  for (const e of timeline) {
    const j = judge(e, all);
    if (j) {
      judgements.push(j);
      counts.judged++;
      if (j.compatible) counts.compatible++;
      if (j.exact) counts.exact++;
      if (!j.compatible && j.sameExpression) counts.wrongValue++;
    }
    const jt = judge(e, inText);
    if (jt) {
      counts.judgedText++;
      if (jt.compatible) counts.compatibleText++;
    }
    const instances = new Map(doc.instances.map((i) => [i.eid, i]));
    const named = doc.events.filter((g) => holds(e, g) && names(e.label, g)).map((g) => instances.get(g.eid));
    if (named.length > 0) {
      counts.labelled++;
      if (named.some((i) => i?.polarity === 'NEG')) counts.negated++;
      if (named.some((i) => i?.modality !== null && i?.modality !== undefined && i.modality !== 'none')) counts.modal++;
    }
  }
  const missed: Happening[] = [];
  for (const h of inText) {
    counts.happenings++;
    const on = timeline.filter((e) => holds(e, h.event) && overlaps(e, h));
    if (on.length > 0) counts.found++;
    else missed.push(h);
    if (on.some((e) => sameDays(e, h))) counts.foundExact++;
  }
  return { judgements, missed };
}

const TITLE = 'TimeML document';

/** The document as an article file: a date line with its DCT, a neutral title, then its text verbatim. */
export function articleOf(doc: TimemlEventsDocument, name: string): { input: string; offset: number } {
  const head = ` date ${doc.dct ?? ''} https://timeml.invalid/${encodeURIComponent(name)}\n${TITLE}\n\n`;
  return { input: head + doc.text, offset: head.length };
}

/** The pipeline's timeline events for a document, with excerpt offsets into the document's own text. */
export function timelineOf(doc: TimemlEventsDocument, name: string): Excerpted[] | null {
  const { input, offset } = articleOf(doc, name);
  const { extraction } = extractArticle(name, input, tagTimexes);
  if (!extraction) return null;
  return extraction.events
    .filter((e) => e.kind === 'mention')
    .map((e) => ({
      start: e.start,
      end: e.end,
      label: e.label,
      excerpts: e.excerpts.map((x) => ({ start: x.start - offset, end: x.end - offset })),
      expression: e.dating.start === null || e.dating.end === null ? null : { start: e.dating.start - offset, end: e.dating.end - offset },
    }));
}

function pct(hits: number, of: number): string {
  return of === 0 ? '–' : (100 * hits / of).toFixed(1);
}

export function formatEventReport(c: EventCounts): string {
  return [
    `precision ${pct(c.compatible, c.judged)} %  (exact ${pct(c.exact, c.judged)} %)  of ${c.judged} timeline events holding a happening: ${c.compatible} compatible, ${c.exact} exact`,
    `          ${pct(c.compatibleText, c.judgedText)} %  on happenings dated in the text only (${c.compatibleText} of ${c.judgedText})`,
    `          ${c.judged - c.compatible} disagree: ${c.wrongValue} dated by the expression that dates the happening in the gold (its value differs), ${c.judged - c.compatible - c.wrongValue} by another expression or by the context`,
    `recall    ${pct(c.found, c.happenings)} %  (exact ${pct(c.foundExact, c.happenings)} %)  of ${c.happenings} happenings dated in the text: ${c.found} on the timeline, ${c.foundExact} exact`,
    `labels    ${c.labelled} name an annotated event: ${c.negated} a negated one, ${c.modal} a modal one`,
  ].join('\n');
}

function listTml(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).filter((n) => n.endsWith('.tml')).sort().map((n) => join(path, n));
}

function context(text: string, start: number, end: number): string {
  const left = text.slice(Math.max(0, start - 60), start).replace(/\s+/g, ' ');
  const right = text.slice(end, end + 60).replace(/\s+/g, ' ');
  return `…${left}[${text.slice(start, end)}]${right}…`;
}

function days(x: Dated): string {
  return x.start === x.end ? `${x.start ?? '…'}` : `${x.start ?? '…'}..${x.end ?? '…'}`;
}

function goldOf(h: Happening, dct: string | null): string {
  return `"${h.event.text}" ${h.relType} ${h.timex ? `"${h.timex.text}" ${h.timex.value}` : `DCT ${dct ?? ''}`}`;
}

const USAGE = 'usage: npm run eval:events -- DIR|FILE.tml [--errors]';

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (paths.length === 0 || [...flags].some((f) => f !== '--errors')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const showErrors = flags.has('--errors');
  const counts = emptyEventCounts();
  let files = 0;
  let withEvents = 0;
  for (const path of paths) {
    let list: string[];
    try {
      list = listTml(path);
    } catch {
      process.stderr.write(`eval:events: cannot read ${path}\n`);
      return 1;
    }
    for (const file of list) {
      const name = basename(file);
      const doc = readTimemlEvents(readFileSync(file, 'utf8'));
      if (doc.dct === null) {
        process.stderr.write(`${file}: no DCT with a YYYY-MM-DD value, skipped\n`);
        continue;
      }
      files++;
      if (doc.events.length === 0 || doc.links.length === 0) continue;
      withEvents++;
      const timeline = timelineOf(doc, name);
      if (timeline === null) {
        process.stderr.write(`${file}: the pipeline rejected the document, skipped\n`);
        continue;
      }
      const { judgements, missed } = scoreDocument(doc, timeline, counts);
      if (!showErrors) continue;
      for (const j of judgements) {
        if (j.compatible) continue;
        const x = j.event.excerpts[0];
        console.log(`${j.sameExpression ? 'VALUE' : 'WRONG'} ${name}  ${days(j.event)}  "${j.event.label}"  gold ${j.judged.map((h) => goldOf(h, doc.dct)).join('; ')}  ${x ? context(doc.text, x.start, x.end).slice(0, 400) : ''}`);
      }
      for (const h of missed) {
        const near = timeline.filter((e) => e.excerpts.some((x) => x.start <= h.event.start && h.event.end <= x.end));
        console.log(`MISS  ${name}  gold ${goldOf(h, doc.dct)}  timeline ${near.length === 0 ? 'none' : near.map(days).join(', ')}  ${context(doc.text, h.event.start, h.event.end)}`);
      }
    }
  }
  console.log(`files     ${files} (${withEvents} with EVENT and TLINK)`);
  if (withEvents === 0) {
    console.log('no EVENT/TLINK annotation in these files: nothing to score (the MEANTIME and WikiWars folders have TIMEX3 only)');
    return 0;
  }
  console.log(formatEventReport(counts));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
