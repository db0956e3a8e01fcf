/**
 * Sentence bounds and the tense around an expression, which decides the direction of underspecified
 * dates ("in March", "on Thursday"): past tense looks back from the publication date, future looks ahead.
 */

export type Tense = 'past' | 'present' | 'future' | 'none';

/** Start offsets of sentences: after . ! ? (also glued to the next capital, as in "east.US") and line breaks. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /[.!?]+["'’”)]*(?=\s+(?:["'‘“(`]+\s?)?[A-Z0-9]|[A-Z][a-z])|\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // "Mr. Smith", "U.S. officials", "Jan. 5": a short word or initial before the dot is no sentence end.
    if (m[0] !== '\n' && m[0] === '.') {
      const before = text.slice(Math.max(0, m.index - 5), m.index);
      if (/(?:^|[\s.(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Gov|Sen|Rep|Prof|No|Inc|Co|Corp|Ltd|vs|[A-Z][a-z]{1,2})$/.test(before)) continue;
    }
    starts.push(end);
  }
  return starts;
}

/** Index into `starts` of the sentence holding `offset` (binary search). */
export function sentenceIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const FUTURE = String.raw`will|should|may|must|won['’]?t|wo n't|shall|['’]ll|going to|gonna|expected to|expects? to|plans? to|planning to|planned for|intends? to|intending to|aims? to|aiming to|scheduled|set to|due to|is to|are to|would|could|might|hopes? to|upcoming|forthcoming|next|coming|ahead|later this|from now|to be held|to begin|to start|to open|to launch|to take place|forecast|predicts?|projected`;
const PAST = String.raw`said|told|was|were|had|did|didn['’]?t|been|ago|last|earlier|previously|began|came|went|took|made|saw|got|gave|rose|fell|grew|won|lost|sold|bought|paid|spent|met|left|held|built|brought|kept|began|became|broke|chose|drove|flew|fought|found|hit|led|meant|put|ran|rang|sat|sent|set up|shut|sank|slid|spoke|stood|struck|swore|taught|thought|threw|understood|withdrew|wrote|[a-z]{2,}ed`;
const PRESENT = String.raw`is|are|am|has|have|does|do|says|remains|continues|seems`;
const REPORTING = /^(?:said|told|reported|claimed|stated|added|noted|announced|explained|wrote|argued|insisted|confirmed|warned)$/i;
const PASSIVE_AUX = /\b(?:be|being|been|is|are|was|were|get|gets|got)\s+(?:[a-z]+ly\s+)?$/i;
const NOT_PAST_ED = /^(?:need|speed|feed|seed|bed|red|bred|shed|hundred|indeed|proceed|exceed|succeed|embed)$/i;

const CUE = new RegExp(String.raw`\b(?:(${FUTURE})|(${PAST})|(${PRESENT}))\b`, 'gi');

/** A tense cue of a sentence: where it stands, its length and the tense it marks. */
export type Cue = { at: number; length: number; tense: Tense; reporting: boolean };

/** The tense cues of the sentence [sentenceStart, sentenceEnd), in order; offsets into `text`. */
export function sentenceCues(text: string, sentenceStart: number, sentenceEnd: number): Cue[] {
  const sentence = text.slice(sentenceStart, sentenceEnd);
  const cues: Cue[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(sentence); m !== null; m = CUE.exec(sentence)) {
    const word = m[0];
    let tense: Tense;
    if (m[1] !== undefined) tense = 'future';
    else if (m[2] !== undefined) {
      if (NOT_PAST_ED.test(word)) continue;
      // "will be finalized", "has been closed": the auxiliary carries the tense, not the participle.
      if (/ed$/i.test(word) && PASSIVE_AUX.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
      tense = 'past';
    } else tense = 'present';
    if (word === 'May') continue;
    cues.push({ at: sentenceStart + m.index, length: word.length, tense, reporting: tense === 'past' && REPORTING.test(word) });
  }
  return cues;
}

/**
 * Tense of the clause around [start, end) from the cues of its sentence: the tense cue nearest to the
 * expression wins, reporting verbs ("said") are skipped, and a modal such as "will" anywhere before the
 * expression in the same sentence marks the future.
 */
export function tenseFromCues(cues: readonly Cue[], start: number, end: number): Tense {
  let best: Tense = 'none';
  let bestDistance = Infinity;
  for (const { at, length, tense, reporting } of cues) {
    if (at >= start && at < end) continue;
    let distance = at < start ? start - (at + length) : at - end;
    // "X said it will …": a reporting verb sets the tense only of what stands right next to it ("said Friday").
    if (reporting && distance > 5) distance *= 6;
    // A cue after the expression weighs less than one before it; future modals weigh more.
    const weighted = (at < start ? distance : distance * 1.5) / (tense === 'future' ? 1.6 : 1);
    if (weighted < bestDistance) {
      bestDistance = weighted;
      best = tense;
    }
  }
  return best;
}

/** Tense of the clause around [start, end) within [sentenceStart, sentenceEnd); see tenseFromCues. */
export function tenseAround(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): Tense {
  return tenseFromCues(sentenceCues(text, sentenceStart, sentenceEnd), start, end);
}
