/**
 * What a recognised expression means before it is resolved against the publication date: the output of
 * the grammar (recognize.ts) and the input of the resolver (resolve.ts).
 */
import type { Season, Unit } from './lexicon.ts';

export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

/** Relative position: -1 last/previous, 0 this/current, 1 next/coming; null when the text does not say. */
export type Rel = -1 | 0 | 1;

export type Spec =
  /** A day of a month, the year given or not ("12 November 2021", "June 1"); `dow`: the weekday named with it. */
  | { k: 'day'; y: number | null; m: number; d: number; dow?: number }
  /** A month, the year given, relative ("last September") or not ("in March"). */
  | { k: 'month'; y: number | null; m: number; rel: Rel | null }
  /** "October of next year". */
  | { k: 'monthOfYear'; m: number; offset: number }
  | { k: 'year'; y: number; bc: boolean }
  /** Fiscal year. */
  | { k: 'fy'; y: number }
  /** "this fiscal year" (0), "last fiscal year" (-1), "next fiscal year" (1). */
  | { k: 'fyRel'; offset: number }
  /** "the last week of March" (n -1), "the first week of May 1998" (n 1). */
  | { k: 'weekOfMonth'; n: number; m: number; y: number | null }
  /** "this year", "last year", "next year". */
  | { k: 'yearRel'; offset: number }
  /** The 1990s: decade = 199. */
  | { k: 'decade'; decade: number }
  /** The 20th century: century = 19 (its years start with 19). */
  | { k: 'century'; century: number }
  | { k: 'season'; s: Season; y: number | null; rel: Rel | null }
  /** q: 1..4, or -1 for "the final quarter". */
  /** `yearAgo`: "the year-earlier third quarter", that quarter a year before the one the year would give. */
  | { k: 'quarter'; q: number; y: number | null; rel: Rel | null; yearAgo?: boolean }
  | { k: 'half'; h: 1 | 2; y: number | null; rel: Rel | null }
  /** today (0), yesterday (-1), tomorrow (1), optionally a part of the day ("tonight"). */
  | { k: 'relDay'; offset: number; pod: PartOfDay | null }
  /** this/last/next week, month, quarter, weekend, decade. */
  | { k: 'relUnit'; unit: 'week' | 'month' | 'quarter' | 'weekend' | 'decade'; offset: number; part: 'earlier' | 'later' | null }
  | { k: 'weekday'; dow: number; rel: Rel | null; pod: PartOfDay | null }
  /**
   * "3 days ago", "two weeks from now" (anchor dct); "three days later" (anchor: the last date in the text).
   * `than`: "three days later than planned", how far a date moved from a plan: the date just named, not one after it.
   */
  | { k: 'offset'; n: number | null; unit: Unit; dir: -1 | 1; anchor: 'dct' | 'text'; than?: boolean }
  /** "that day", "the next day", "the following year", "the same month": relative to the last date in the text. */
  /** `time`: "at the time", "by that time": the date just named, else the past (or present) of the story. */
  | { k: 'anaphor'; unit: 'day' | 'week' | 'month' | 'year' | 'same' | 'time'; offset: number; pod: PartOfDay | null }
  /** `aheadOnly`: "soon", a time only from the present: in a past clause a step of the story, no expression. */
  | { k: 'ref'; ref: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'; window: Unit | null; aheadOnly?: boolean }
  /** A length of time; frame -1 for "the past two weeks" (ending at dct), 1 for "the next two weeks". */
  | { k: 'duration'; n: number | null; unit: Unit; frame: -1 | 0 | 1 }
  /** "the same period last year", "the same month a year ago": the last date mentioned, a year back. */
  /**
   * `quarter`: "the year-earlier quarter", the quarter a year before the quarter in question; `period`: "the
   * year-ago period", the same, when the text has named a quarter. `lastYear`: "the same period last year", a year
   * before the publication year whatever date the text named last.
   */
  | { k: 'sameLastYear'; quarter: 'quarter' | 'period' | null; lastYear: boolean }
  /** "the quarter", "the fiscal quarter": the quarter the text is about (the last one it named). */
  /** `y`: "the 1988 period", "the 1988 quarter": the quarter in question, of that year (`period`: or the year). */
  | { k: 'quarterRef'; y?: number; period?: boolean }
  /** "year-end", "at year end": the end of the year in question. */
  | { k: 'yearEnd' }
  | { k: 'set'; value: string }
  | { k: 'time'; h: number; min: number; utc: boolean; day: Spec | null }
  /** "3:07:35" after "in", "a time of": hours, minutes and seconds as a length of time. */
  | { k: 'clockDuration'; h: number; min: number; s: number }
  /** `nth`: a holiday on the nth (-1 last) weekday of its month, `plus` days after it (Thanksgiving, Election Day). */
  | { k: 'holiday'; name: string; m: number; d: number; y: number | null; nth?: { n: number; dow: number; plus: number } };

/** TimeML modifiers. */
export type Mod =
  | 'START'
  | 'MID'
  | 'END'
  | 'APPROX'
  | 'BEFORE'
  | 'AFTER'
  | 'ON_OR_BEFORE'
  | 'ON_OR_AFTER'
  | 'SINCE'
  | 'LESS_THAN'
  | 'MORE_THAN'
  | 'EQUAL_OR_LESS'
  | 'EQUAL_OR_MORE';

/** A recognised expression: its extent and meaning, before resolution. */
/** `pod`: a part of the day put before a date ("the night of May 13"). */
export type Candidate = { start: number; end: number; spec: Spec; mod: Mod | null; priority: number; pod?: PartOfDay };
