/**
 * The temporal tagger: finds every temporal expression in a text and resolves it against the publication
 * date. Own grammar (recognize.ts) + resolver (resolve.ts); pure and isomorphic.
 *
 * Extents follow TimeML/TempEval-3: signals ("since", "before", "by", "until", "in", "on") stay outside,
 * modifiers ("early", "late", "mid-", "the", "last", "next", "ago") inside. The signal still shapes `mod` and
 * `interval`. Vague references get these windows (approximate): "recently" the six weeks before the
 * publication date, "in recent days/weeks/months/years" 7 days/6 weeks/6 months/5 years before it, "the coming
 * days/weeks/months/years" and "soon" the same lengths after it; "now"/"currently" the publication date itself;
 * "the past"/"the future" have no interval.
 */
import type { Interval, Timex } from '../schema.ts';
import { type Day, addDays, addMonths, dayFromNumber, formatDay, parseDay, toNumber } from './calendar.ts';
import type { Unit } from './lexicon.ts';
import { recognize } from './recognize.ts';
import { type Anchor, type Span, partOfSpan, resolveSpec, spanOfValue } from './resolve.ts';
import { type Cue, sentenceCues, sentenceIndexAt, sentenceStarts, tenseFromCues } from './sentence-tense.ts';
import type { Candidate, Mod, Spec } from './spec.ts';

export type TaggedTimex = Omit<Timex, 'id'>;

const SIGNAL = /(?:^|[^\w-])((?:as of|prior to|ahead of|no later than|not until|as early as|as late as|since|before|after|by|until|till|through|to|from|in|on|at|during|within|starting|beginning|throughout|between|following|over|for))\s+$/i;

/** Non-overlapping candidates: longest first, then higher priority, then earlier; returned sorted by start. */
function selectCandidates(candidates: Candidate[], length: number): Candidate[] {
  const order = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken = new Uint8Array(length + 1);
  const chosen: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function explicitYear(spec: Spec): number | null {
  switch (spec.k) {
    case 'day':
    case 'month':
    case 'season':
    case 'quarter':
      return spec.y;
    case 'year':
      return spec.bc ? -spec.y : spec.y;
    default:
      return null;
  }
}

/** A text narrates a distant past when most years it names lie more than two years before publication. */
function isNarrative(chosen: readonly Candidate[], dct: Day): boolean {
  let old = 0;
  let recent = 0;
  for (const c of chosen) {
    const y = explicitYear(c.spec);
    if (y === null) continue;
    if (y < dct.y - 2) old++;
    else recent++;
  }
  return old >= 3 && old > 2 * recent;
}

/** Sentences back a past story's date carries in news that also tells its own days; see Context.narrativeReach. */
const NEWS_NARRATIVE_REACH = 6;

/**
 * A text that tells news of its own around a past story: it names years of its publication time (within two years
 * before it) twice, or days of its week ("on Friday") three times or more. A history told from afar does neither
 * (a single recent year there is a citation).
 */
function hasNewsFrame(chosen: readonly Candidate[], dct: Day): boolean {
  let weekdays = 0;
  let years = 0;
  for (const c of chosen) {
    const y = explicitYear(c.spec);
    if (y !== null && y >= dct.y - 2 && y <= dct.y && ++years >= 2) return true;
    if (c.spec.k === 'weekday' && ++weekdays >= 3) return true;
  }
  return false;
}

function windowDays(unit: Unit | null): number {
  switch (unit) {
    case 'day':
      return 7;
    case 'week':
      return 42;
    case 'month':
      return 182;
    case 'year':
      return 5 * 365;
    case 'decade':
      return 10 * 365;
    default:
      return 42;
  }
}

function span(start: Day | null, end: Day | null, precision: Interval['precision'], approximate: boolean): Interval {
  return { start: start === null ? null : formatDay(start), end: end === null ? null : formatDay(end), precision, approximate };
}

function durationEnd(from: Day, n: number, unit: Unit, sign: 1 | -1): Day | null {
  switch (unit) {
    case 'day':
      return addDays(from, sign * Math.round(n));
    case 'week':
      return addDays(from, sign * Math.round(n * 7));
    case 'fortnight':
      return addDays(from, sign * Math.round(n * 14));
    case 'month':
      return addMonths(from, sign * Math.round(n));
    case 'quarter':
      return addMonths(from, sign * Math.round(n * 3));
    case 'year':
      return addMonths(from, sign * Math.round(n * 12));
    case 'decade':
      return addMonths(from, sign * Math.round(n * 120));
    default:
      return null;
  }
}

function precisionOfUnit(unit: Unit): Interval['precision'] {
  switch (unit) {
    case 'week':
    case 'month':
    case 'quarter':
    case 'year':
    case 'decade':
    case 'century':
      return unit === 'week' ? 'day' : unit;
    default:
      return 'day';
  }
}

type Shaped = { mod: Mod | null; interval: Interval | null; note: string };

/** The interval of a resolved expression, shaped by its modifier and the signal before it. */
function shapeInterval(c: Candidate, value: string, extent: string, signal: string | null, dct: Day): Shaped {
  const spec = c.spec;
  let mod = c.mod;
  const notes: string[] = [];
  let base: Span | null = null;
  let approximate = false;
  if (spec.k === 'ref') {
    if (spec.ref === 'PRESENT_REF') base = { start: dct, end: dct, precision: 'day' };
    else if (spec.window !== null || /recent|lately|soon|shortly|near/i.test(extent)) {
      const days = windowDays(spec.window);
      const p: Span['precision'] = spec.window === 'year' ? 'year' : spec.window === 'month' ? 'month' : 'day';
      base = spec.ref === 'PAST_REF' ? { start: addDays(dct, -days), end: dct, precision: p } : { start: dct, end: addDays(dct, days), precision: p };
      approximate = true;
      notes.push(`taken as about ${days} days ${spec.ref === 'PAST_REF' ? 'before' : 'after'} the publication date`);
    }
  } else if (spec.k === 'duration') {
    if (spec.frame !== 0 && spec.n !== null) {
      const other = durationEnd(dct, spec.n, spec.unit, spec.frame < 0 ? -1 : 1);
      if (other !== null) {
        const p = precisionOfUnit(spec.unit);
        return { mod, interval: spec.frame < 0 ? span(other, dct, p, false) : span(dct, other, p, false), note: '' };
      }
    }
    return { mod, interval: null, note: '' };
  } else if (spec.k === 'set') {
    return { mod, interval: null, note: '' };
  } else {
    base = spanOfValue(value);
  }
  if (base === null) return { mod, interval: null, note: '' };
  let { start, end } = base;
  const precision = base.precision;
  if (mod === 'START' || mod === 'MID' || mod === 'END') {
    const part = partOfSpan(base, mod);
    start = part.start;
    end = part.end;
    approximate = true;
    notes.push(mod === 'START' ? 'its first third' : mod === 'MID' ? 'its middle third' : 'its last third');
  } else if (mod === 'APPROX') approximate = true;
  // "earlier this month" runs to the publication date; "later this year" from it.
  if (/^earl(?:y|ier) this\b/i.test(extent)) {
    end = dct;
    approximate = true;
    notes.push('up to the publication date');
  } else if (/^late(?:r)? this\b/i.test(extent)) {
    start = dct;
    approximate = true;
    notes.push('from the publication date on');
  }
  const sig = signal?.toLowerCase() ?? null;
  let open: 'start' | 'end' | null = null;
  if (sig === 'since') {
    mod = 'SINCE';
    end = dct;
    notes.push('‘since’: from then to the publication date');
  } else if (sig === 'before' || sig === 'prior to' || sig === 'ahead of') {
    mod = 'BEFORE';
    end = dayFromNumber(toNumber(start) - 1);
    open = 'start';
    approximate = true;
    notes.push(`‘${sig}’: open before it`);
  } else if (sig === 'after' || sig === 'following') {
    mod = 'AFTER';
    start = dayFromNumber(toNumber(end) + 1);
    open = 'end';
    approximate = true;
    notes.push(`‘${sig}’: open after it`);
  } else if (sig === 'by' || sig === 'no later than') {
    mod = 'ON_OR_BEFORE';
    open = 'start';
    approximate = true;
    notes.push(`‘${sig}’: at the latest by its end`);
  } else if (sig === 'until' || sig === 'till' || sig === 'not until') {
    if (sig !== 'not until') {
      mod = 'ON_OR_BEFORE';
      open = 'start';
      notes.push(`‘${sig}’: up to its end`);
    }
  } else if (sig === 'from' || sig === 'starting' || sig === 'beginning' || sig === 'as of') {
    mod = 'ON_OR_AFTER';
    open = 'end';
    notes.push(`‘${sig}’: from its start on`);
  }
  if (toNumber(start) > toNumber(end) && open === null) {
    // "since next year": no sensible span; keep the named one.
    start = base.start;
    end = base.end;
  }
  return {
    mod,
    interval: span(open === 'start' ? null : start, open === 'end' ? null : end, precision, approximate),
    note: notes.length > 0 ? `; ${notes.join('; ')}` : '',
  };
}

/**
 * A day or month without a year that opens a range takes the year that closes it ("from May 15 to
 * August 16, 1988", "between January 12 and January 16, 1936"); a time of day right before a date
 * ("5:00 am on October 3, 1935") takes that date.
 */
function withYearFromRange(text: string, chosen: readonly Candidate[], i: number): Candidate {
  const c = chosen[i] as Candidate;
  const next = chosen[i + 1];
  if (next === undefined || next.start - c.end > 12) return c;
  const between = text.slice(c.end, next.start);
  const spec = c.spec;
  if ((spec.k === 'day' || spec.k === 'month' || (spec.k === 'season' && spec.rel === null)) && spec.y === null && /^\s*(?:[-–]|to|and|until|till|through)\s*$/.test(between)) {
    const y = next.spec.k === 'day' || next.spec.k === 'month' || next.spec.k === 'season' ? next.spec.y : null;
    if (y !== null) return { ...c, spec: { ...spec, y } };
  }
  if (spec.k === 'time' && spec.day === null && next.spec.k === 'day' && /^\s*(?:on\s+|,\s*)$/.test(between)) {
    return { ...c, spec: { ...spec, day: next.spec } };
  }
  return c;
}

/** A verb of telling, then no past verb of its own up to the expression: "told refiners of a cut in September". */
const REPORTED_ONLY = /\b(?:told|said|announced|reported|warned|informed|notified|promised)\b(?:(?!\b(?:was|were|had|[a-z]{2,}ed)\b)[^;])*$/i;

/** The expression ends the term of a comparison of figures: "compared with a loss of $3 million last year". */
const COMPARISON = /\b(?:compared\s+(?:with|to)|from|than|versus|against)\s+[^.;]*$/i;
/** A verb between the comparison word and the date ("than the 16 cents it reported last year") dates that verb. */
const VERB_BETWEEN = /\b(?:[a-z]{2,}ed|was|were|had|has|is|are)\b/;

function comparedWith(before: string): boolean {
  const m = COMPARISON.exec(before);
  return m !== null && !VERB_BETWEEN.test(m[0].replace(/^\S+(?:\s+(?:with|to))?/, ''));
}

/** "had been due to expire", "had agreed to meet": a past perfect before the expression, in its clause. */
const PAST_PERFECT = /\bhad\s+(?:(?:not|already|previously|earlier|\p{Ll}+ly)\s+)?(?:been|\p{Ll}+ed)\b[^.;,]*$/u;

/** "has", "have" as an auxiliary (not "has to", "have no", "has a"): a present perfect. */
const PERFECT = /\b(?:has|have|hasn['’]t|haven['’]t|['’]ve)\b(?!\s+(?:to|no|a|an|the|any|some|its|their|his|her)\b)/i;

/**
 * The sentence [sStart, sEnd) is in the present perfect ("has risen in recent weeks"), unless the expression
 * qualifies a noun ("the boom of recent years"). Linear: one scan of the sentence, which is bounded.
 */
function isPerfectClause(text: string, sStart: number, sEnd: number, at: number): boolean {
  if (/\bof\s+$/i.test(text.slice(Math.max(sStart, at - 4), at))) return false;
  return PERFECT.test(text.slice(sStart, sEnd));
}

/**
 * Find every temporal expression in `text` and resolve it relative to `dct` (the publication date,
 * 'YYYY-MM-DD'). Sorted by start, non-overlapping. Never throws on any `text`; throws a RangeError when `dct`
 * is not a real calendar day (a programmer error).
 */
export function tagTimexes(text: string, dct: string): TaggedTimex[] {
  const dctDay = parseDay(dct);
  if (dctDay === null) throw new RangeError(`Unexpected publication date "${dct}", expected YYYY-MM-DD`);
  const chosen = selectCandidates(recognize(text), text.length);
  const narrative = isNarrative(chosen, dctDay);
  const narrativeReach = narrative && hasNewsFrame(chosen, dctDay) ? NEWS_NARRATIVE_REACH : Infinity;
  const starts = sentenceStarts(text);
  let anchor: Anchor | null = null;
  let anchorSentence = -1;
  // The last day named, kept when a month or year is named after it ("on Friday … jobs lost in March … ended the day").
  let lastDay: Anchor | null = null;
  let lastDaySentence = -1;
  let quarter: { y: number; q: number; sentence: number } | null = null;
  let cueSentence = -1;
  let cues: Cue[] = [];
  const out: TaggedTimex[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const c = withYearFromRange(text, chosen, i);
    // "at the same time", "by the time he left": in news (TimeML) a link between events, not a time expression; a
    // history told from afar (TIMEX2 style) dates them from its story.
    if (!narrative && c.spec.k === 'anaphor' && c.spec.unit === 'same') continue;
    const si = sentenceIndexAt(starts, c.start);
    const sStart = starts[si] ?? 0;
    const sEnd = starts[si + 1] ?? text.length;
    if (cueSentence !== si) {
      cues = sentenceCues(text, sStart, sEnd);
      cueSentence = si;
    }
    const signalMatch = SIGNAL.exec(text.slice(Math.max(sStart, c.start - 20), c.start));
    const signal = signalMatch?.[1] ?? null;
    let tense = tenseFromCues(cues, c.start, c.end, text);
    // "closed until July", "done by March" in a clause of the present: what is to come.
    if ((tense === 'present' || tense === 'none') && signal !== null && /^(?:until|till|by|no later than)$/i.test(signal)) tense = 'future';
    // "soon" in a past clause or a history told from afar ("the fleet would soon sail"): a step of the story.
    if (c.spec.k === 'ref' && c.spec.aheadOnly === true && (tense === 'past' || narrative)) continue;
    const quarterNow = quarter === null ? null : { y: quarter.y, q: quarter.q, near: quarter.sentence === si, distance: si - quarter.sentence };
    const perfect = c.spec.k === 'ref' && c.spec.window !== null && isPerfectClause(text, sStart, sEnd, c.start);
    const comparedTerm = c.spec.k === 'yearRel' && comparedWith(text.slice(Math.max(sStart, c.start - 80), c.start));
    const reportedOrDeadline = c.spec.k === 'month' && tense === 'past' && ((signal !== null && /^(?:until|till|by)$/i.test(signal)) || REPORTED_ONLY.test(text.slice(Math.max(sStart, c.start - 120), c.start)));
    const pastPerfect = (c.spec.k === 'weekday' || (c.spec.k === 'time' && c.spec.day?.k === 'weekday')) && PAST_PERFECT.test(text.slice(Math.max(sStart, c.start - 80), c.start));
    const resolved = resolveSpec(c.spec, { dct: dctDay, tense, anchor, narrative, anchorNear: anchorSentence === si, anchorDistance: anchor === null ? Infinity : si - anchorSentence, narrativeReach, quarter: quarterNow, perfect, pastPerfect, comparison: comparedTerm, reportedOrDeadline, lastDay: lastDay === null ? null : { anchor: lastDay, distance: si - lastDaySentence } });
    const r = c.pod !== undefined && resolved.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(resolved.value)
      ? { ...resolved, type: 'TIME' as const, value: `${resolved.value}T${c.pod}`, how: `${resolved.how}, part of the day` }
      : resolved;
    const extent = text.slice(c.start, c.end);
    // "since 1992", "before 2015": bounds, not the time the story is at.
    const bounding = signal !== null && /^(?:since|before|after|prior to|ahead of|until|till|not until)$/i.test(signal);
    const shaped = shapeInterval(c, r.value, extent, signal, dctDay);
    const phrase = signal !== null ? `${signal} ${extent}` : extent;
    out.push({
      start: c.start,
      end: c.end,
      text: extent,
      type: r.type,
      value: r.value,
      mod: shaped.mod,
      interval: shaped.interval,
      derivation: `‘${phrase}’: ${r.how}${shaped.note}`,
    });
    // In a story of the distant past, a recent year is a citation ("Davies, 2004"), not the story's time.
    const citation = narrative && r.anchor !== null && r.anchor.precision === 'year' && r.anchor.day.y > dctDay.y - 15;
    const q = /^(\d{4})-Q([1-4])$/.exec(r.value);
    // ("the year-earlier third quarter", "the 1988 quarter" are what the story compares with, not what it is about.)
    const comparison = (c.spec.k === 'quarter' && c.spec.yearAgo === true) || (c.spec.k === 'quarterRef' && c.spec.y !== undefined);
    if (q !== null && !bounding && !comparison && (c.spec.k === 'quarter' || c.spec.k === 'relUnit' || c.spec.k === 'quarterRef')) quarter = { y: Number(q[1]), q: Number(q[2]), sentence: si };
    // "for the first nine months", "the first half": the story moves to a longer period than the quarter.
    else if (c.spec.k === 'half' || c.spec.k === 'fy' || (c.spec.k === 'duration' && (c.spec.unit === 'month' || c.spec.unit === 'year') && c.spec.n !== null && c.spec.n > 3)) quarter = null;
    // In a history, "tomorrow" or "this year" in a quotation counts from the download date, not the story's time.
    const deictic = c.spec.k === 'relDay' || c.spec.k === 'relUnit' || c.spec.k === 'yearRel' || c.spec.k === 'weekday';
    // "repeating their successes of the previous year": a look back; the story stays where it was.
    const lookBack = c.spec.k === 'anaphor' && c.spec.offset < 0;
    // "under the 1978 Treaty of Friendship": a year in a name dates the thing named, not the story.
    const inName = c.spec.k === 'year' && /\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 4), c.start)) && /^\s+[A-Z]/.test(text.slice(c.end, c.end + 3));
    if (r.anchor !== null && !bounding && !citation && !lookBack && !inName && !(narrative && deictic)) {
      anchor = r.anchor;
      anchorSentence = si;
      if (r.anchor.precision === 'day') {
        lastDay = r.anchor;
        lastDaySentence = si;
      }
    }
  }
  return out;
}
