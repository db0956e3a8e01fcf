/**
 * Resolution: a recognised expression (Spec), the publication date, the tense of its clause and the last
 * date mentioned before it become a TimeML value and type, with a sentence that says how.
 */
import {
  type Day,
  addDays,
  addMonths,
  dayFromNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  formatWeek,
  isoWeekday,
  pad,
  toNumber,
} from './calendar.ts';
import { MONTH_NAMES, SEASON_NAMES, WEEKDAY_NAMES, type Season } from './lexicon.ts';
import { durationValue } from './recognize.ts';
import type { Tense } from './sentence-tense.ts';
import type { Spec } from './spec.ts';
import type { TimexType } from '../schema.ts';

export type Resolution = {
  type: TimexType;
  value: string;
  /** Why, without the quoted expression: "the most recent November". */
  how: string;
  /** A date this expression fixes, for later anaphora ("the next day"); null when it fixes none. */
  anchor: Anchor | null;
};

/** The last date the text mentioned, at the precision it was given. */
export type Anchor = { day: Day; precision: 'day' | 'month' | 'year' };

export type Context = {
  dct: Day;
  tense: Tense;
  /** The last date the text mentioned before this expression, or null. */
  anchor: Anchor | null;
  /** True when the text narrates a past far from its publication date (year-less dates follow the story). */
  narrative: boolean;
  /** True when `anchor` was set in the same sentence (a bare time of day then belongs to that day). */
  anchorNear: boolean;
  /** Sentences between the one that set `anchor` and this one (0: the same sentence); Infinity without anchor. */
  anchorDistance?: number;
  /**
   * How many sentences back a narrative's last date still sets the year of a day or month without one: no limit
   * in a history told from afar; a few in news that tells its own days ("on Friday") around a past story.
   */
  narrativeReach?: number;
  /** The last quarter the text named ("the third quarter"), and whether in the same sentence; or null. */
  quarter: QuarterAnchor | null;
  /** True when the sentence has a present perfect ("has risen", "have been"): a stretch reaching to now. */
  perfect?: boolean;
  /**
   * True when the past tense is that of a report or a grant of time, not of the happening the expression dates:
   * "told refiners of a cut in September", "gave them until November".
   */
  reportedOrDeadline?: boolean;
  /** True when the expression ends a comparison of figures ("compared with $3 million last year", "from … a year ago"). */
  comparison?: boolean;
  /** True when a past perfect governs the expression ("had been due to expire Friday"): before the publication day. */
  pastPerfect?: boolean;
  /** The last day the text named and how many sentences back, when `anchor` is a month or year named since. */
  lastDay?: { anchor: Anchor; distance: number } | null;
};

/** Sentences back a day named still is "the day" after a month or year named since. */
const DAY_REACH = 2;

/** `distance`: sentences back to the one that named the quarter (0 when `near`). */
export type QuarterAnchor = { y: number; q: number; near: boolean; distance?: number };

/** The quarter of a day, as a running index (year * 4 + quarter - 1). */
function quarterIndex(day: Day): number {
  return day.y * 4 + Math.floor((day.m - 1) / 3);
}

function quarterValue(index: number): string {
  const y = Math.floor(index / 4);
  return `${yearValue(y)}-Q${index - y * 4 + 1}`;
}

/**
 * The quarter a financial story is about when it does not name one: the last quarter it named, else the
 * quarter of the publication date in a future clause, else the last quarter completed before it (earnings
 * reports come after the quarter closes).
 */
function quarterInQuestion(ctx: Context): { index: number; how: string } {
  if (ctx.quarter !== null) return { index: ctx.quarter.y * 4 + ctx.quarter.q - 1, how: 'the quarter named before' };
  const cur = quarterIndex(ctx.dct);
  if (ctx.tense === 'future') return { index: cur, how: `the quarter of the publication date ${formatDay(ctx.dct)}` };
  return { index: cur - 1, how: `the last quarter completed before the publication date ${formatDay(ctx.dct)}` };
}

/** The seasons of a year in order; winter Y runs from December Y into Y + 1, so it comes last. */
const SEASON_ORDER: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

function seasonOfMonth(m: number): { s: Season; yearShift: number } {
  if (m === 12) return { s: 'WI', yearShift: 0 };
  if (m <= 2) return { s: 'WI', yearShift: -1 };
  if (m <= 5) return { s: 'SP', yearShift: 0 };
  if (m <= 8) return { s: 'SU', yearShift: 0 };
  return { s: 'FA', yearShift: 0 };
}

function tenseWords(tense: Tense): string {
  switch (tense) {
    case 'past':
      return 'in a past-tense clause';
    case 'future':
      return 'in a future-tense clause';
    case 'present':
      return 'in a present-tense clause';
    default:
      return 'with no tense to go by';
  }
}

/**
 * Chooses among yearly occurrences: `ordinal(y)` orders occurrences, `now` is the publication date on the
 * same scale. Past: the latest at or before now; future: the earliest at or after; otherwise the nearest,
 * with the past preferred unless the future one is less than half as far.
 */
function pickYear(dctYear: number, tense: Tense, ordinal: (y: number) => number, now: number): number {
  const same = ordinal(dctYear);
  if (tense === 'past') return same <= now ? dctYear : dctYear - 1;
  if (tense === 'future') return same >= now ? dctYear : dctYear + 1;
  const pastYear = same <= now ? dctYear : dctYear - 1;
  const futureYear = same >= now ? dctYear : dctYear + 1;
  if (pastYear === futureYear) return pastYear;
  const pastDistance = now - ordinal(pastYear);
  const futureDistance = ordinal(futureYear) - now;
  return futureDistance * 2 < pastDistance ? futureYear : pastYear;
}

/**
 * News style names the year of a date only when it is not the year of publication ("Nov. 20" in an article
 * of 2 November 1989 is 20 November 1989, even in "the offer was extended to Nov. 20"). So a day without a
 * year is in the publication year unless the tense points the other way and that day lies more than `window`
 * (same scale as `ordinal`) on the wrong side: "Dec. 28" in a past clause of an article of 5 January is the
 * last one. With no tense to go by, the publication year within `window`, else the nearest occurrence.
 */
function newsYear(dctYear: number, tense: Tense, ordinal: (y: number) => number, now: number, window: number): number {
  const distance = ordinal(dctYear) - now;
  if (Math.abs(distance) <= window) return dctYear;
  if (tense === 'past') return distance > 0 ? dctYear - 1 : dctYear;
  if (tense === 'future') return distance < 0 ? dctYear + 1 : dctYear;
  return pickYear(dctYear, tense, ordinal, now);
}

/** Days a day without a year may lie from the publication date, against the tense, and keep its year. */
const NEWS_DAY_WINDOW = 62;
/** Months a month without a year may lie from the publication month, against the tense, and keep its year. */
const NEWS_MONTH_WINDOW = 1;

function directionWords(tense: Tense, chosen: number, dct: number): string {
  if (tense === 'past') return 'the most recent';
  if (tense === 'future') return 'the next';
  return chosen < dct ? 'the nearest (past preferred)' : chosen > dct ? 'the nearest, ahead' : 'the current';
}

function yearValue(y: number): string {
  return pad(y, 4);
}

/**
 * "He was elected in November 1996 and took office in January": a month or day without a year, in a past
 * clause of a sentence that has just named a month or day of an earlier year, is the occurrence nearest to
 * that date (January 1997), never one after the publication date. Null when the rule does not apply.
 */
/**
 * In a story of the past, a day or month without a year takes the year of the last date mentioned, if that date
 * is within reach; in news, a year named far earlier, for something else, does not carry.
 */
function narrativeAnchor(ctx: Context): boolean {
  return ctx.narrative && ctx.anchor !== null && (ctx.anchorDistance ?? 0) <= (ctx.narrativeReach ?? Infinity);
}

function nearAnchorYear(ctx: Context, ordinal: (y: number) => number, ordinalOf: (d: Day) => number): number | null {
  const a = ctx.anchor;
  if (!ctx.anchorNear || a === null || a.precision === 'year' || a.day.y >= ctx.dct.y || ctx.tense === 'future' || ctx.tense === 'present') return null;
  const at = ordinalOf(a.day);
  const now = ordinalOf(ctx.dct);
  let best: number | null = null;
  for (const y of [a.day.y - 1, a.day.y, a.day.y + 1]) {
    const o = ordinal(y);
    if (o > now) continue;
    if (best === null || Math.abs(o - at) < Math.abs(ordinal(best) - at)) best = y;
  }
  return best;
}

/** "Saturday, April 25": the year, of the publication year and the two around it, whose April 25 is a Saturday, nearest first; null if none. */
function weekdayYear(dct: Day, m: number, d: number, dow: number): number | null {
  for (const y of [dct.y, dct.y + 1, dct.y - 1]) {
    if (d <= daysInMonth(y, m) && isoWeekday({ y, m, d }) === dow) return y;
  }
  return null;
}

/** Returns the value for a Spec; pure. */
export function resolveSpec(spec: Spec, ctx: Context): Resolution {
  const { dct, tense } = ctx;
  const dctText = formatDay(dct);
  switch (spec.k) {
    case 'day': {
      if (spec.y !== null) {
        const day = { y: spec.y, m: spec.m, d: spec.d };
        return { type: 'DATE', value: formatDay(day), how: 'a full date', anchor: { day, precision: 'day' } };
      }
      if (narrativeAnchor(ctx)) {
        const day = { y: (ctx.anchor as Anchor).day.y, m: spec.m, d: spec.d };
        return { type: 'DATE', value: formatDay(day), how: `a day without a year, in a story last dated ${day.y}: that year`, anchor: { day, precision: 'day' } };
      }
      const near = nearAnchorYear(ctx, (yy) => yy * 400 + spec.m * 32 + spec.d, (d) => d.y * 400 + d.m * 32 + d.d);
      if (near !== null) {
        const day = { y: near, m: spec.m, d: spec.d };
        return { type: 'DATE', value: formatDay(day), how: `a day without a year next to a date of ${ctx.anchor?.day.y ?? near} in the same sentence: the ${MONTH_NAMES[spec.m - 1]} ${spec.d} nearest to it`, anchor: { day, precision: 'day' } };
      }
      const named = spec.dow === undefined ? null : weekdayYear(dct, spec.m, spec.d, spec.dow);
      const y = named ?? newsYear(dct.y, tense, (yy) => toNumber({ y: yy, m: spec.m, d: spec.d }), toNumber(dct), NEWS_DAY_WINDOW);
      const day = { y, m: spec.m, d: spec.d };
      if (named !== null) return { type: 'DATE', value: formatDay(day), how: `a day without a year whose weekday it names: the ${MONTH_NAMES[spec.m - 1]} ${spec.d} nearest to ${dctText} that falls on a ${WEEKDAY_NAMES[(spec.dow ?? 1) - 1]}`, anchor: { day, precision: 'day' } };
      const words = Math.abs(toNumber(day) - toNumber(dct)) <= NEWS_DAY_WINDOW ? 'within two months of it, the publication year’s' : directionWords(tense, toNumber(day), toNumber(dct));
      return {
        type: 'DATE',
        value: formatDay(day),
        how: `a day without a year ${tenseWords(tense)} of an article dated ${dctText}: ${words} ${MONTH_NAMES[spec.m - 1]} ${spec.d}`,
        anchor: { day, precision: 'day' },
      };
    }
    case 'month': {
      if (spec.y !== null) {
        return { type: 'DATE', value: formatMonth(spec.y, spec.m), how: 'a month named with a year', anchor: { day: { y: spec.y, m: spec.m, d: 1 }, precision: 'month' } };
      }
      const name = MONTH_NAMES[spec.m - 1] ?? '';
      if (spec.rel !== null) {
        // "last September": the latest before this month; "next March": the first after; "this May": this year's.
        let y = dct.y;
        if (spec.rel < 0) y = spec.m < dct.m ? dct.y : dct.y - 1;
        if (spec.rel > 0) y = spec.m > dct.m ? dct.y : dct.y + 1;
        const words = spec.rel < 0 ? 'the last' : spec.rel > 0 ? 'the next' : 'this year’s';
        return { type: 'DATE', value: formatMonth(y, spec.m), how: `${words} ${name} from an article dated ${dctText}`, anchor: { day: { y, m: spec.m, d: 1 }, precision: 'month' } };
      }
      if (narrativeAnchor(ctx)) {
        const y = (ctx.anchor as Anchor).day.y;
        return { type: 'DATE', value: formatMonth(y, spec.m), how: `a month without a year, in a story last dated ${y}: that year`, anchor: { day: { y, m: spec.m, d: 1 }, precision: 'month' } };
      }
      const near = nearAnchorYear(ctx, (yy) => yy * 12 + spec.m, (d) => d.y * 12 + d.m);
      if (near !== null) {
        return { type: 'DATE', value: formatMonth(near, spec.m), how: `a month without a year next to a date of ${ctx.anchor?.day.y ?? near} in the same sentence: the ${name} nearest to it`, anchor: { day: { y: near, m: spec.m, d: 1 }, precision: 'month' } };
      }
      // News names the year of a month only when it is not the publication year's: the month after the publication
      // month is this year's in a past clause whose verb dates a telling or a grant of time, not the happening
      // ("told customers of a cutback in September" in August; but "the bonds were issued in September" is last
      // year's). (A month just gone in a future clause is next year's: "might meet in May" in June.)
      const ahead = spec.m - dct.m + (spec.m < dct.m ? 12 : 0);
      const y = tense === 'past' && ctx.reportedOrDeadline === true && !ctx.narrative && ahead > 0 && ahead <= NEWS_MONTH_WINDOW ? (spec.m > dct.m ? dct.y : dct.y + 1) : pickYear(dct.y, tense, (yy) => yy * 12 + spec.m, dct.y * 12 + dct.m);
      const words = directionWords(tense, y * 12 + spec.m, dct.y * 12 + dct.m);
      return {
        type: 'DATE',
        value: formatMonth(y, spec.m),
        how: `a month ${tenseWords(tense)} of an article dated ${dctText}: ${words} ${name}`,
        anchor: { day: { y, m: spec.m, d: 1 }, precision: 'month' },
      };
    }
    case 'monthOfYear': {
      const y = dct.y + spec.offset;
      const day = { y, m: spec.m, d: 1 };
      return { type: 'DATE', value: formatMonth(y, spec.m), how: `${MONTH_NAMES[spec.m - 1]} of ${spec.offset === 0 ? 'the year of' : spec.offset < 0 ? 'the year before' : 'the year after'} the publication date ${dctText}`, anchor: { day, precision: 'month' } };
    }
    case 'year':
      if (spec.bc) return { type: 'DATE', value: `BC${pad(spec.y, 4)}`, how: 'a year before the common era', anchor: null };
      return { type: 'DATE', value: yearValue(spec.y), how: 'a year', anchor: { day: { y: spec.y, m: 1, d: 1 }, precision: 'year' } };
    // TimeBank and TempEval-3 give a fiscal year the value of the calendar year it is named by ("fiscal 1989": 1989).
    case 'fy':
      return { type: 'DATE', value: yearValue(spec.y), how: 'a fiscal year, taken as its calendar year', anchor: null };
    case 'fyRel': {
      const y = dct.y + spec.offset;
      return { type: 'DATE', value: yearValue(y), how: `the fiscal year of ${y}, ${spec.offset === 0 ? 'the year of' : spec.offset < 0 ? 'the year before' : 'the year after'} the publication date ${dctText}`, anchor: null };
    }
    case 'weekOfMonth': {
      const month = resolveSpec({ k: 'month', y: spec.y, m: spec.m, rel: null }, ctx);
      const y = month.anchor?.day.y ?? spec.y ?? dct.y;
      // The week holding the 4th (first week), the 11th (second) …, or the fourth day from the end (last week).
      const day = spec.n < 0 ? addDays({ y, m: spec.m, d: daysInMonth(y, spec.m) }, -3) : { y, m: spec.m, d: 4 + 7 * (spec.n - 1) };
      if (day.d > daysInMonth(y, spec.m)) return { type: 'DATE', value: formatMonth(y, spec.m), how: `a week past the end of ${MONTH_NAMES[spec.m - 1]} ${y}`, anchor: month.anchor };
      return { type: 'DATE', value: formatWeek(day), how: `a week of ${MONTH_NAMES[spec.m - 1]} ${y} (${month.how})`, anchor: null };
    }
    case 'yearRel': {
      // "net of $5 million, compared with a loss of $3 million last year", in a story of a quarter: that quarter a
      // year back, as "a year earlier" is.
      if (spec.offset === -1 && ctx.comparison === true && ctx.quarter !== null && ctx.quarter.near) {
        return { type: 'DATE', value: quarterValue(ctx.quarter.y * 4 + ctx.quarter.q - 1 - 4), how: 'a year before the quarter named in the sentence, whose figures it compares', anchor: null };
      }
      const y = dct.y + spec.offset;
      const words = spec.offset === 0 ? 'the year of' : spec.offset < 0 ? 'the year before' : 'the year after';
      return { type: 'DATE', value: yearValue(y), how: `${words} the publication date ${dctText}`, anchor: { day: { y, m: 1, d: 1 }, precision: 'year' } };
    }
    case 'decade':
      return { type: 'DATE', value: String(spec.decade), how: `the decade ${spec.decade}0–${spec.decade}9`, anchor: null };
    case 'century':
      return { type: 'DATE', value: pad(spec.century, 2), how: `the century of the years ${spec.century}00–${spec.century}99`, anchor: null };
    case 'season': {
      const name = SEASON_NAMES[spec.s];
      if (spec.y !== null) return { type: 'DATE', value: `${yearValue(spec.y)}-${spec.s}`, how: `${name} of a named year`, anchor: null };
      const cur = seasonOfMonth(dct.m);
      const curIndex = (dct.y + cur.yearShift) * 4 + SEASON_ORDER.indexOf(cur.s);
      const idx = SEASON_ORDER.indexOf(spec.s);
      let y: number;
      if (spec.rel === 0) y = spec.s === cur.s ? dct.y + cur.yearShift : dct.y;
      else if (spec.rel === -1) y = Math.floor((curIndex - 1 - idx) / 4);
      else if (spec.rel === 1) y = Math.ceil((curIndex + 1 - idx) / 4);
      else if (narrativeAnchor(ctx)) y = (ctx.anchor as Anchor).day.y;
      else y = pickYear(dct.y + cur.yearShift, tense, (yy) => yy * 4 + idx, curIndex);
      return { type: 'DATE', value: `${yearValue(y)}-${spec.s}`, how: `${name} ${tenseWords(tense)} of an article dated ${dctText}: ${name} ${y}`, anchor: null };
    }
    case 'quarter': {
      const q = spec.q < 0 ? 4 : spec.q;
      if (spec.y !== null) return { type: 'DATE', value: `${yearValue(spec.y)}-Q${q}`, how: 'a quarter of a named year', anchor: null };
      const curQ = Math.floor((dct.m - 1) / 3) + 1;
      let y: number;
      if (spec.rel !== null) y = dct.y + spec.rel;
      else if (narrativeAnchor(ctx)) y = (ctx.anchor as Anchor).day.y;
      // Results are reported after a quarter closes: "third-quarter" in November is this year's, even in "expects
      // to report"; only a quarter more than one before the current one, in a future clause, is next year's.
      else if (tense === 'future') y = q < curQ - 1 ? dct.y + 1 : dct.y;
      else if (tense === 'past') y = q > curQ ? dct.y - 1 : dct.y;
      else y = pickYear(dct.y, tense, (yy) => yy * 4 + q, dct.y * 4 + curQ);
      if (spec.yearAgo === true) return { type: 'DATE', value: `${yearValue(y - 1)}-Q${q}`, how: `quarter ${q} a year before that of ${y}, the one in question`, anchor: null };
      return { type: 'DATE', value: `${yearValue(y)}-Q${q}`, how: `quarter ${q} ${tenseWords(tense)} of an article dated ${dctText}: of ${y}`, anchor: null };
    }
    case 'half': {
      const y = spec.y ?? dct.y + (spec.rel ?? 0);
      return { type: 'DATE', value: `${yearValue(y)}-H${spec.h}`, how: `half ${spec.h} of ${y}`, anchor: null };
    }
    case 'relDay': {
      const day = addDays(dct, spec.offset);
      const words = spec.offset === 0 ? 'the publication date' : spec.offset === -1 ? 'the day before the publication date' : spec.offset === 1 ? 'the day after the publication date' : `${spec.offset} days from the publication date`;
      if (spec.pod !== null) return { type: 'TIME', value: `${formatDay(day)}T${spec.pod}`, how: `part of ${words} ${dctText}`, anchor: { day, precision: 'day' } };
      return { type: 'DATE', value: formatDay(day), how: `${words} ${dctText}`, anchor: { day, precision: 'day' } };
    }
    case 'relUnit': {
      const rel = spec.offset === 0 ? 'the' : spec.offset < 0 ? 'the previous' : 'the next';
      switch (spec.unit) {
        case 'week': {
          const day = addDays(dct, 7 * spec.offset);
          return { type: 'DATE', value: formatWeek(day), how: `${rel} ISO week of the publication date ${dctText}`, anchor: null };
        }
        case 'weekend': {
          // "over the weekend" in a weekday's paper: in a past clause the weekend just gone, in a future one the
          // coming one; with no tense, the one nearer (Monday and Tuesday look back).
          const wd = isoWeekday(dct);
          const back = spec.offset === 0 && wd < 6 && (tense === 'past' || (tense !== 'future' && wd <= 2));
          const day = addDays(dct, 7 * (back ? -1 : spec.offset));
          return { type: 'DATE', value: `${formatWeek(day)}-WE`, how: `the weekend of ${rel === 'the' ? 'the' : rel} ISO week of the publication date ${dctText}`, anchor: null };
        }
        case 'month': {
          const day = addMonths({ y: dct.y, m: dct.m, d: 1 }, spec.offset);
          return { type: 'DATE', value: formatMonth(day.y, day.m), how: `${rel} month of the publication date ${dctText}`, anchor: { day, precision: 'month' } };
        }
        case 'quarter': {
          const index = dct.y * 4 + Math.floor((dct.m - 1) / 3) + spec.offset;
          const y = Math.floor(index / 4);
          return { type: 'DATE', value: `${yearValue(y)}-Q${index - y * 4 + 1}`, how: `${rel} quarter of the publication date ${dctText}`, anchor: null };
        }
        case 'decade':
          return { type: 'DATE', value: String(Math.floor(dct.y / 10) + spec.offset), how: `${rel} decade of the publication date ${dctText}`, anchor: null };
      }
      break;
    }
    case 'weekday': {
      const name = WEEKDAY_NAMES[spec.dow - 1] ?? '';
      const wd = isoWeekday(dct);
      const n = toNumber(dct);
      let day: number;
      let words: string;
      const back = ((wd - spec.dow + 7) % 7) || 7; // days back to the previous such weekday (strictly before)
      const ahead = ((spec.dow - wd + 7) % 7) || 7; // days ahead to the next (strictly after)
      const anchorDay = narrativeAnchor(ctx) && ctx.anchor?.precision === 'day' ? ctx.anchor.day : null;
      if (spec.rel === -1) {
        day = n - back;
        words = `the ${name} before the publication date ${dctText}`;
      } else if (spec.rel === 1) {
        day = n + ahead;
        words = `the ${name} after the publication date ${dctText}`;
      } else if (spec.rel === 0) {
        day = n - wd + spec.dow;
        words = `the ${name} of the ISO week of the publication date ${dctText}`;
      } else if (anchorDay !== null) {
        const a = toNumber(anchorDay);
        const awd = isoWeekday(anchorDay);
        day = a + (((spec.dow - awd + 7) % 7));
        words = `the first ${name} on or after the last date of the story, ${formatDay(anchorDay)}`;
      } else if (ctx.pastPerfect === true) {
        // "The offer had been due to expire Friday": the past perfect puts it before the publication day, even due.
        day = n - back;
        words = `a weekday in a clause of the past perfect, of an article dated ${dctText}: the ${name} before it`;
      } else if (wd === spec.dow) {
        // News names the publication day by its weekday ("said Friday" in Friday's paper), whatever the tense.
        day = n;
        words = `a weekday of an article dated ${dctText}, a ${name}: that very day`;
      } else if (tense === 'future') {
        day = n + ahead;
        words = `a weekday ${tenseWords(tense)} of an article dated ${dctText}: the ${name} after it`;
      } else if (tense === 'past') {
        day = n - back;
        words = `a weekday ${tenseWords(tense)} of an article dated ${dctText}: the ${name} before it`;
      } else {
        day = back <= 4 || ahead > 3 ? n - back : n + ahead;
        words = `a weekday ${tenseWords(tense)} of an article dated ${dctText}: the nearest ${name}`;
      }
      const d = dayFromNumber(day);
      if (spec.pod !== null) return { type: 'TIME', value: `${formatDay(d)}T${spec.pod}`, how: words, anchor: { day: d, precision: 'day' } };
      return { type: 'DATE', value: formatDay(d), how: words, anchor: { day: d, precision: 'day' } };
    }
    case 'offset': {
      if (spec.than === true) {
        // "It arrives on Nov. 11, three days later than planned": the date just named in the sentence; with none,
        // how far the plan slipped, a length of time.
        const a = ctx.anchor;
        if (ctx.anchorNear && a !== null && a.precision === 'day') return { type: 'DATE', value: formatDay(a.day), how: `the day just named, ${formatDay(a.day)}, compared with a plan`, anchor: a };
        return { type: 'DURATION', value: durationValue(spec.n, spec.unit), how: 'how far a date moved against a plan, a length of time', anchor: null };
      }
      const base = spec.anchor === 'text' && ctx.anchor !== null ? ctx.anchor.day : dct;
      const baseWords = spec.anchor === 'text' && ctx.anchor !== null ? `the last date of the text, ${formatDay(base)}` : `the publication date ${dctText}`;
      if (spec.n === null) {
        // "years later", "a few days earlier": an unsaid stretch from the time the text is at; TimeML (as TIMEX2
        // before it) gives the vague past or future, whether counted from the publication date or from the story.
        return { type: 'DATE', value: spec.dir < 0 ? 'PAST_REF' : 'FUTURE_REF', how: `an unspecified time ${spec.dir < 0 ? 'before' : 'after'} ${baseWords}`, anchor: null };
      }
      const n = spec.n * spec.dir;
      const whole = Number.isInteger(n);
      // "profit in the third quarter rose from $4 million a year earlier": that quarter, a year back.
      // ("a year ago" too, in a sentence comparing figures; "founded 25 years ago" is no comparison.)
      // A year back from the quarter a story reports on holds for the whole story ("Net rose 8%. A year earlier,
      // it was …"), other offsets only within the sentence that named the quarter.
      // (Unless a year was named since: "… last year, and $19.8 billion the year previous" compares years.)
      const yearSince = ctx.anchor !== null && ctx.anchor.precision === 'year' && (ctx.anchorDistance ?? Infinity) < (ctx.quarter?.distance ?? 0);
      const storyQuarter = ctx.quarter !== null && (ctx.quarter.near || (spec.unit === 'year' && Math.abs(n) === 1 && !yearSince));
      if ((spec.anchor === 'text' ? Math.abs(n) <= 2 : spec.unit === 'year' && Math.abs(n) === 1) && storyQuarter && ctx.quarter !== null && (spec.unit === 'year' || spec.unit === 'quarter') && whole) {
        const index = ctx.quarter.y * 4 + ctx.quarter.q - 1 + (spec.unit === 'year' ? 4 * n : n);
        return { type: 'DATE', value: quarterValue(index), how: `${Math.abs(n)} ${spec.unit}${Math.abs(n) === 1 ? '' : 's'} ${spec.dir < 0 ? 'before' : 'after'} the quarter ${ctx.quarter.near ? 'named in the sentence' : 'the story reports on'}`, anchor: null };
      }
      const words = `${Math.abs(n)} ${spec.unit}${Math.abs(n) === 1 ? '' : 's'} ${spec.dir < 0 ? 'before' : 'after'} ${baseWords}`;
      switch (spec.unit) {
        case 'day': {
          const d = addDays(base, Math.round(n));
          return { type: 'DATE', value: formatDay(d), how: words, anchor: { day: d, precision: 'day' } };
        }
        case 'week':
        case 'fortnight': {
          const d = addDays(base, Math.round(n * (spec.unit === 'week' ? 7 : 14)));
          // "a week ago", "two weeks ago": whole weeks back from the publication day land on a day, its weekday.
          if (spec.anchor === 'dct' && whole && n < 0) return { type: 'DATE', value: formatDay(d), how: words, anchor: { day: d, precision: 'day' } };
          return { type: 'DATE', value: formatWeek(d), how: words, anchor: null };
        }
        case 'month': {
          const d = addMonths(base, Math.round(n));
          return { type: 'DATE', value: formatMonth(d.y, d.m), how: words, anchor: { day: { y: d.y, m: d.m, d: 1 }, precision: 'month' } };
        }
        case 'quarter': {
          const d = addMonths(base, Math.round(n * 3));
          return { type: 'DATE', value: `${yearValue(d.y)}-Q${Math.floor((d.m - 1) / 3) + 1}`, how: words, anchor: null };
        }
        case 'year':
        case 'decade':
        case 'century': {
          const years = n * (spec.unit === 'year' ? 1 : spec.unit === 'decade' ? 10 : 100);
          const y = base.y + Math.round(years);
          if (!whole && spec.unit === 'year') {
            const d = addMonths(base, Math.round(years * 12));
            return { type: 'DATE', value: formatMonth(d.y, d.m), how: words, anchor: null };
          }
          return { type: 'DATE', value: yearValue(y), how: words, anchor: { day: { y, m: 1, d: 1 }, precision: 'year' } };
        }
        default: {
          const value = `${formatDay(base)}T${spec.unit === 'hour' ? 'XX' : 'XX:XX'}`;
          return { type: 'TIME', value, how: words, anchor: null };
        }
      }
    }
    case 'anaphor': {
      const a = ctx.anchor;
      const base = a?.day ?? dct;
      const from = a !== null ? `the last date mentioned, ${formatDay(base)}` : `the publication date ${dctText}`;
      const rel = spec.offset === 0 ? 'the same' : spec.offset > 0 ? 'the next' : 'the previous';
      switch (spec.unit) {
        case 'time':
          // "at the time": the date of this or the previous sentence; with none that near, an unspecified past
          // in a past clause ("At the time, nobody noticed"), else the present.
          if (!ctx.narrative && (a === null || (ctx.anchorDistance ?? 0) > 1)) {
            if (tense === 'past') return { type: 'DATE', value: 'PAST_REF', how: 'a time of the story’s past, with no date named near it', anchor: null };
            return { type: 'DATE', value: 'PRESENT_REF', how: 'the time of the publication', anchor: null };
          }
          return resolveSpec({ ...spec, unit: 'same' }, ctx);
        case 'same': {
          if (a === null) return { type: 'DATE', value: 'PRESENT_REF', how: 'the time of the publication', anchor: null };
          const value = a.precision === 'day' ? formatDay(base) : a.precision === 'month' ? formatMonth(base.y, base.m) : yearValue(base.y);
          return { type: 'DATE', value, how: `the same time as ${from}`, anchor: a };
        }
        case 'day': {
          const day = ctx.lastDay;
          if (a !== null && a.precision !== 'day' && day !== undefined && day !== null && day.distance <= DAY_REACH) {
            // "Stocks rose on Friday, after 663,000 jobs were lost in March … ending the day higher": the day named.
            const d = addDays(day.anchor.day, spec.offset);
            return { type: spec.pod === null ? 'DATE' : 'TIME', value: spec.pod === null ? formatDay(d) : `${formatDay(d)}T${spec.pod}`, how: `${rel} day as the last day named, ${formatDay(day.anchor.day)}`, anchor: { day: d, precision: 'day' } };
          }
          if (a !== null && a.precision !== 'day') {
            if (spec.offset !== 0) return { type: 'DATE', value: 'XXXX-XX-XX', how: `a day relative to ${from}, which names no day`, anchor: null };
            return { type: 'DATE', value: dctText, how: `the day of the report, the publication date ${dctText}`, anchor: { day: dct, precision: 'day' } };
          }
          const d = addDays(base, spec.offset);
          if (spec.pod !== null) return { type: 'TIME', value: `${formatDay(d)}T${spec.pod}`, how: `${rel} day as ${from}`, anchor: { day: d, precision: 'day' } };
          return { type: 'DATE', value: formatDay(d), how: `${rel} day as ${from}`, anchor: { day: d, precision: 'day' } };
        }
        case 'week':
          return { type: 'DATE', value: formatWeek(addDays(base, 7 * spec.offset)), how: `${rel} week as ${from}`, anchor: null };
        case 'month': {
          if (a !== null && a.precision === 'year') return { type: 'DATE', value: `${yearValue(base.y)}-XX`, how: `a month of ${base.y}, the last year mentioned`, anchor: null };
          const d = addMonths({ y: base.y, m: base.m, d: 1 }, spec.offset);
          return { type: 'DATE', value: formatMonth(d.y, d.m), how: `${rel} month as ${from}`, anchor: { day: d, precision: 'month' } };
        }
        case 'year': {
          // "For the year, the company earned …" early in January: the year just ended, when the text has named
          // no date but the publication week.
          const fresh = a === null || (a.precision === 'day' && Math.abs(toNumber(a.day) - toNumber(dct)) <= 7);
          if (spec.offset === 0 && fresh && tense === 'past' && dct.m === 1) {
            return { type: 'DATE', value: yearValue(dct.y - 1), how: `the year just ended, in a past-tense clause of an article dated ${dctText}`, anchor: { day: { y: dct.y - 1, m: 1, d: 1 }, precision: 'year' } };
          }
          const y = base.y + spec.offset;
          return { type: 'DATE', value: yearValue(y), how: `${rel} year as ${from}`, anchor: { day: { y, m: 1, d: 1 }, precision: 'year' } };
        }
      }
      break;
    }
    case 'ref': {
      // "prices have risen in recent weeks": with a perfect, the stretch up to now (TimeML: DURATION PXW); "the
      // yen soared in recent years", "the boom of recent years": a time in the recent past (PAST_REF).
      if (spec.ref === 'PAST_REF' && spec.window !== null && ctx.perfect === true) {
        return { type: 'DURATION', value: durationValue(null, spec.window), how: `a stretch of unsaid length up to the publication date ${dctText}, in a clause of the perfect`, anchor: null };
      }
      const how =
        spec.ref === 'PRESENT_REF'
          ? `the present, the publication date ${dctText}`
          : spec.ref === 'PAST_REF'
            ? `an unspecified past before ${dctText}`
            : `an unspecified future after ${dctText}`;
      return { type: 'DATE', value: spec.ref, how, anchor: null };
    }
    case 'duration': {
      const value = durationValue(spec.n, spec.unit);
      const frame = spec.frame < 0 ? `, ending at the publication date ${dctText}` : spec.frame > 0 ? `, starting at the publication date ${dctText}` : '';
      return { type: 'DURATION', value, how: `a length of time${frame}`, anchor: null };
    }
    case 'set':
      return { type: 'SET', value: spec.value, how: 'a recurring time', anchor: null };
    case 'clockDuration': {
      const parts = `${spec.h > 0 ? `${spec.h}H` : ''}${spec.min > 0 ? `${spec.min}M` : ''}${spec.s > 0 || (spec.h === 0 && spec.min === 0) ? `${spec.s}S` : ''}`;
      return { type: 'DURATION', value: `PT${parts}`, how: 'hours, minutes and seconds: a length of time', anchor: null };
    }
    case 'time': {
      let day = dct;
      let words = `the publication date ${dctText}`;
      if (spec.day !== null) {
        const r = resolveSpec(spec.day, ctx);
        const d = r.anchor?.day;
        if (d !== undefined) {
          day = d;
          words = r.how;
        }
      } else if ((ctx.narrative || ctx.anchorNear) && ctx.anchor !== null && ctx.anchor.precision === 'day') {
        day = ctx.anchor.day;
        words = `the day named just before, ${formatDay(day)}`;
      }
      const value = `${formatDay(day)}T${pad(spec.h, 2)}:${pad(spec.min, 2)}${spec.utc ? 'Z' : ''}`;
      return { type: 'TIME', value, how: `a time of day on ${words}`, anchor: { day, precision: 'day' } };
    }
    case 'quarterRef': {
      if (spec.y !== undefined) {
        // "the 1988 period": with no quarter named before, a period of that year is the year.
        if (spec.period === true && ctx.quarter === null) return { type: 'DATE', value: yearValue(spec.y), how: 'a period of a named year', anchor: null };
        const { index, how } = quarterInQuestion(ctx);
        const q = index - Math.floor(index / 4) * 4 + 1;
        return { type: 'DATE', value: `${yearValue(spec.y)}-Q${q}`, how: `${how}, in ${spec.y}`, anchor: null };
      }
      const { index, how } = quarterInQuestion(ctx);
      return { type: 'DATE', value: quarterValue(index), how, anchor: null };
    }
    case 'yearEnd': {
      // "at year-end" in a past clause: the last year-end before the publication date.
      const y = tense === 'past' && dct.m < 12 ? dct.y - 1 : dct.y;
      return { type: 'DATE', value: yearValue(y), how: `the end of ${y} ${tenseWords(tense)} of an article dated ${dctText}`, anchor: null };
    }
    case 'sameLastYear': {
      if (spec.quarter === 'quarter' || (spec.quarter === 'period' && ctx.quarter !== null)) {
        const { index, how } = quarterInQuestion(ctx);
        return { type: 'DATE', value: quarterValue(index - 4), how: `a year before ${how}`, anchor: null };
      }
      const a = spec.lastYear && ctx.anchor !== null && ctx.anchor.day.y !== dct.y ? null : ctx.anchor;
      if (a === null) return { type: 'DATE', value: yearValue(dct.y - 1), how: `the year before the publication date ${dctText}`, anchor: null };
      const y = a.day.y - 1;
      // "the same period": a stretch, never a single day; the year is all it keeps of a day.
      const value = spec.quarter === 'period' && a.precision === 'day' ? yearValue(y) : a.precision === 'day' ? formatDay({ ...a.day, y }) : a.precision === 'month' ? formatMonth(y, a.day.m) : yearValue(y);
      return { type: 'DATE', value, how: `a year before the last date mentioned, ${formatDay(a.day)}`, anchor: null };
    }
    case 'holiday': {
      const nth = spec.nth;
      const dayIn = (y: number): number => {
        if (nth === undefined) return spec.d;
        const last = daysInMonth(y, spec.m);
        if (nth.n < 0) return last - ((isoWeekday({ y, m: spec.m, d: last }) - nth.dow + 7) % 7) + nth.plus;
        return 1 + ((nth.dow - isoWeekday({ y, m: spec.m, d: 1 }) + 7) % 7) + 7 * (nth.n - 1) + nth.plus;
      };
      if (spec.y !== null) {
        const day = { y: spec.y, m: spec.m, d: dayIn(spec.y) };
        return { type: 'DATE', value: formatDay(day), how: `${spec.name} of a named year`, anchor: { day, precision: 'day' } };
      }
      const r = resolveSpec({ k: 'day', y: null, m: spec.m, d: dayIn(dct.y) }, ctx);
      const y = r.anchor?.day.y;
      if (nth === undefined || y === undefined || y === dct.y) return { ...r, how: `${spec.name}: ${r.how}` };
      const day = { y, m: spec.m, d: dayIn(y) };
      return { type: 'DATE', value: formatDay(day), how: `${spec.name} of ${y}: ${r.how}`, anchor: { day, precision: 'day' } };
    }
  }
  return { type: 'DATE', value: 'XXXX-XX-XX', how: 'unresolved', anchor: null };
}

// --- Intervals ------------------------------------------------------------------------------------------

export type Span = { start: Day; end: Day; precision: 'day' | 'week' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'decade' | 'century' };

function monthSpan(y: number, m1: number, m2: number, precision: Span['precision']): Span {
  const end = addMonths({ y, m: m1, d: 1 }, m2 - m1);
  return { start: { y, m: m1, d: 1 }, end: { y: end.y, m: end.m, d: daysInMonth(end.y, end.m) }, precision };
}

/** The calendar span a TimeML value covers, or null for references, durations and unresolved values. */
export function spanOfValue(value: string): Span | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    return { start: d, end: d, precision: 'day' };
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const jan4 = { y, m: 1, d: 4 };
    const monday = addDays(jan4, -(isoWeekday(jan4) - 1) + (Number(m[2]) - 1) * 7);
    if (m[3] !== undefined) return { start: addDays(monday, 5), end: addDays(monday, 6), precision: 'day' };
    return { start: monday, end: addDays(monday, 6), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return monthSpan(Number(m[1]), Number(m[2]), Number(m[2]), 'month');
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = Number(m[2]);
    return monthSpan(Number(m[1]), q * 3 - 2, q * 3, 'quarter');
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return monthSpan(Number(m[1]), m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12, 'half');
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const first = { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] as Season];
    return monthSpan(y, first, first + 2, 'season');
  }
  m = /^(?:FY)?(\d{4})$/.exec(value);
  if (m) return monthSpan(Number(m[1]), 1, 12, 'year');
  m = /^(\d{3})$/.exec(value);
  if (m) {
    const y = Number(m[1]) * 10;
    return { start: { y, m: 1, d: 1 }, end: { y: y + 9, m: 12, d: 31 }, precision: 'decade' };
  }
  m = /^(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]) * 100;
    return { start: { y, m: 1, d: 1 }, end: { y: y + 99, m: 12, d: 31 }, precision: 'century' };
  }
  return null;
}

/** A third of a span: the first (START), middle (MID) or last (END). */
export function partOfSpan(span: Span, part: 'START' | 'MID' | 'END'): Span {
  const a = toNumber(span.start);
  const b = toNumber(span.end);
  const third = Math.floor((b - a + 1) / 3);
  if (third < 1) return span;
  if (part === 'START') return { ...span, end: dayFromNumber(a + third - 1) };
  if (part === 'END') return { ...span, start: dayFromNumber(b - third + 1) };
  return { ...span, start: dayFromNumber(a + third), end: dayFromNumber(b - third) };
}
