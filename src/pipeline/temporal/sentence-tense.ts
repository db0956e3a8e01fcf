/**
 * Sentence bounds and the tense around an expression, which decides the direction of underspecified
 * dates ("in March", "on Thursday"): past tense looks back from the publication date, future looks ahead.
 */

export type Tense = 'past' | 'present' | 'future' | 'none';

/** Start offsets of sentences: after . ! ? (also glued to the next capital, as in "east.US") and line breaks. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  // A run of stops is tried from its first stop only: started inside "....", the greedy run would be backtracked
  // over again at every stop (quadratic on a line of dots), and a later start ends where the first does.
  const re = /(?<![.!?])[.!?]+["'’”)]*(?=\s+(?:["'‘“(`]+\s?)?[A-Z0-9]|[A-Z][a-z])|\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // "Mr. Smith", "U.S. officials", "Jan. 5": a short word or initial before the dot is no sentence end.
    if (m[0] !== '\n' && m[0] === '.') {
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      if (/(?:^|[\s.(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Gov|Sen|Rep|Prof|No|Inc|Co|Corp|Ltd|vs|[A-Z][a-z]{1,2})$/.test(before)) continue;
      // "Sept. 30", "Calif., company": month and state abbreviations of wire copy.
      if (/(?:^|[\s.(])(?:Sept|Calif|Mass|Conn|Wash|Mich|Minn|Tenn|Ariz|Colo|Okla|Penn|Mont|Wyo|Nebr|Kans)$/.test(before)) continue;
    }
    // "…on June 10.\nIf…": a line break right after a sentence's end opens no sentence of its own.
    const last = starts.length - 1;
    if (last > 0 && !/\S/.test(text.slice(starts[last] as number, m.index))) starts[last] = end;
    else starts.push(end);
  }
  return boundRunOns(text, starts);
}

/**
 * The longest sentence the tense cues are read in: past it (a list, a table flattened to text, hostile input) a
 * run-on is cut at a space, so that the cues weighed for each expression, and the work, stay bounded.
 */
export const MAX_SENTENCE = 1000;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

/** `starts` with a start added inside every sentence longer than MAX_SENTENCE: after its last space in the second half of the limit, else at the limit. */
function boundRunOns(text: string, starts: number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    let at = starts[k] as number;
    const end = starts[k + 1] ?? text.length;
    out.push(at);
    while (end - at > MAX_SENTENCE) {
      let cut = at + MAX_SENTENCE;
      for (let i = cut; i > at + MAX_SENTENCE / 2; i--) {
        if (isSpaceAt(text, i)) {
          cut = i + 1;
          break;
        }
      }
      out.push(cut);
      at = cut;
    }
  }
  return out;
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

const FUTURE = String.raw`will|should|supposed to|likely to|set for|may|must|won['’]?t|wo n't|shall|['’]ll|going to|gonna|expected to|expects?|anticipates?|due|plans? to|planning to|planned for|intends? to|intending to|aims? to|aiming to|scheduled|set to|due to|is to|are to|would|could|might|hopes? to|upcoming|forthcoming|next|coming|ahead|later this|from now|to be held|to begin|to start|to open|to launch|to take place|forecast|predicts?|projected`;
const PAST = String.raw`said|told|was|were|had|did|didn['’]?t|been|ago|last|earlier|previously|began|came|went|took|made|saw|got|gave|rose|fell|grew|won|lost|sold|bought|paid|spent|met|left|held|built|brought|kept|began|became|broke|chose|drove|flew|fought|found|hit|led|meant|put|ran|rang|sat|sent|set up|shut|sank|slid|spoke|stood|struck|swore|taught|thought|threw|understood|withdrew|wrote|[a-z]{2,}ed`;
const PRESENT = String.raw`is|are|am|has|have|does|do|says|remains|continues|seems`;
const REPORTING = /^(?:said|told|reported|claimed|stated|added|noted|announced|explained|wrote|argued|insisted|confirmed|warned)$/i;
const PASSIVE_AUX = /\b(?:be|being|been|is|are|was|were|get|gets|got|stay|stays|remain|remains|keep|keeps)\s+(?:[a-z]+ly\s+)?$/i;
const STATE_PARTICIPLE = /^(?:closed|shut|suspended|halted|frozen|grounded|sealed|locked|banned|barred|delayed|postponed|adjourned|deferred)$/i;
const PERFECT_AUX = /\b(?:has|have|hasn['’]t|haven['’]t)\s+(?:(?:not|also|already|just|since|long|now|[a-z]+ly)\s+)?$/i;
/** Past forms that are also past participles ("will be paid", "has sold"). */
const IRREGULAR_PARTICIPLE = /^(?:paid|sold|bought|held|built|brought|kept|left|lost|made|meant|met|put|sent|shut|spent|found|hit|led|won|understood|taught|thought|struck|told|said|set up)$/i;
const ATTRIBUTIVE = /\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+(?:(?:still|newly|recently|long|much|widely|so-called)\s+)?$/i;
const NOT_PAST_ED = /^(?:need|speed|feed|seed|bed|red|bred|shed|hundred|indeed|proceed|exceed|succeed|embed)$/i;

/** A modal right before a word: "could last", "will not fall", "may well rise". */
const AFTER_MODAL = /\b(?:will|would|could|may|might|should|shall|must|can|cannot|['’]ll)\s+(?:(?:not|well|still|also|only|never|soon|then|now)\s+)?$/i;
/** "could have", "would have been": a modal with a perfect looks back. */
const MODAL_PERFECT = /^\s+(?:not\s+)?(?:have|['’]ve)\b/i;
const MODAL = /^(?:will|would|could|may|might|should|shall|must|['’]ll)$/i;
/** Between a modal and an expression: a new clause starts (";", ", which", ", but", "after", "when" …). */
const CLAUSE_BREAK = /[;:]|,\s*(?:which|who|whom|whose|where|when|after|since|but|and|while|although|though|as|because|before)\b|\b(?:after|since|when|because|before|although|though|while)\b/i;

const CUE = new RegExp(String.raw`\b(?:(${FUTURE})|(${PAST})|(${PRESENT}))\b`, 'gi');

/** A tense cue of a sentence: where it stands, its length and the tense it marks. */
/** `modal`: a modal verb ("could", "will"), which governs the rest of its clause. */
export type Cue = { at: number; length: number; tense: Tense; reporting: boolean; modal: boolean };

/** The tense cues of the sentence [sentenceStart, sentenceEnd), in order; offsets into `text`. */
export function sentenceCues(text: string, sentenceStart: number, sentenceEnd: number): Cue[] {
  const sentence = text.slice(sentenceStart, sentenceEnd);
  const cues: Cue[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(sentence); m !== null; m = CUE.exec(sentence)) {
    const word = m[0];
    let tense: Tense;
    let modal = false;
    if (m[1] !== undefined) {
      tense = 'future';
      if (MODAL.test(word)) {
        // "could have been finished in March": a modal with a perfect looks back.
        if (MODAL_PERFECT.test(sentence.slice(m.index + word.length, m.index + word.length + 12))) tense = 'past';
        else modal = true;
      }
    } else if (m[2] !== undefined) {
      if (NOT_PAST_ED.test(word)) continue;
      // "an unspecified date", "the proposed merger": an adjective after a determiner, no verb.
      if (/ed$/i.test(word) && (/^un[a-z]+ed$/i.test(word) || ATTRIBUTIVE.test(sentence.slice(Math.max(0, m.index - 20), m.index)))) continue;
      // "could last", "will fall": a verb after a modal has no tense of its own.
      if (AFTER_MODAL.test(sentence.slice(Math.max(0, m.index - 24), m.index))) continue;
      // "will be finalized", "has been closed": the auxiliary carries the tense, not the participle.
      const participle = /ed$/i.test(word) || IRREGULAR_PARTICIPLE.test(word);
      if (participle && PASSIVE_AUX.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
      // "kept the markets closed until Friday": a participle of a state that lasts until the date, no tense (but
      // "the talks lasted until Sunday" is a verb).
      if (STATE_PARTICIPLE.test(word) && /^\s+(?:until|till)\b/i.test(sentence.slice(m.index + word.length, m.index + word.length + 7))) continue;
      // "has continued", "have risen": a present perfect, present by its auxiliary (a cue of its own).
      if (participle && PERFECT_AUX.test(sentence.slice(Math.max(0, m.index - 16), m.index))) continue;
      tense = 'past';
    } else tense = 'present';
    if (word === 'May') continue;
    cues.push({ at: sentenceStart + m.index, length: word.length, tense, reporting: tense === 'past' && REPORTING.test(word), modal });
  }
  return cues;
}

/**
 * Tense of the clause around [start, end) from the cues of its sentence: a modal ("could", "will") before the
 * expression in the same clause, with no other verb between, makes it future ("the backlog could last until
 * July"); otherwise the tense cue nearest to the expression wins, reporting verbs ("said") weigh little, and
 * future modals weigh more. `text` is needed for the modal rule only.
 */
export function tenseFromCues(cues: readonly Cue[], start: number, end: number, text?: string): Tense {
  if (text !== undefined) {
    for (let i = cues.length - 1; i >= 0; i--) {
      const cue = cues[i] as Cue;
      if (cue.at >= start) continue;
      // The nearest cue before the expression: a modal governing it, unless a new clause starts in between.
      if (cue.modal && !CLAUSE_BREAK.test(text.slice(cue.at + cue.length, start))) return 'future';
      break;
    }
  }
  let best: Tense = 'none';
  let bestDistance = Infinity;
  // "Over the weekend, officials confirmed …": a fronted adverbial dates the main clause after its comma, whose
  // verb may well be one of reporting.
  const fronted = text !== undefined && /^\s*,/.test(text.slice(end, end + 3));
  // "the talks that are supposed to conclude by May, invited …": a comma after the expression closes the clause
  // it stands in when a verb of that clause comes before it; the verbs after the comma are another clause's.
  const closed = fronted && cues.some((c) => c.at < start && !/[,;]/.test(text.slice(c.at + c.length, start)));
  for (const { at, length, tense, reporting } of cues) {
    if ((at >= start && at < end) || (closed && at >= end)) continue;
    let distance = at < start ? start - (at + length) : at - end;
    // "X said it will …": a reporting verb sets the tense only of what stands right next to it ("said Friday").
    if (reporting && distance > 5 && !(fronted && at > end)) distance *= 6;
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
  return tenseFromCues(sentenceCues(text, sentenceStart, sentenceEnd), start, end, text);
}
