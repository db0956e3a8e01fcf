/**
 * Calendar days, never instants. A `YYYY-MM-DD` string names a day in every time zone alike, so it is never
 * handed to `new Date(string)` (which reads it as UTC midnight: the day before in Los Angeles). Days become
 * local `Date`s only to be drawn or formatted, built from their parts.
 */
import { format } from 'date-fns';

export type CalendarDay = { year: number; month: number; day: number };

const ISO_DAY = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The parts of `YYYY-MM-DD`, or null when the string is not a real calendar day. */
export function parseDay(iso: string): CalendarDay | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 of a calendar day: a plain integer, the same in every time zone (for sorting and arithmetic). */
export function dayNumber(iso: string): number {
  const d = parseDay(iso);
  if (!d) throw new Error(`Not a calendar day: ${iso}`);
  return dayNumberOf(d);
}

export function dayNumberOf({ year, month, day }: CalendarDay): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** The calendar day of a day number. */
export function dayFromNumber(n: number): CalendarDay {
  const t = new Date(n * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function isoFromNumber(n: number): string {
  return isoOf(dayFromNumber(n));
}

export function isoOf({ year, month, day }: CalendarDay): string {
  const y = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local `Date` at `hour` o'clock of a calendar day: how a day is drawn on a timeline in the reader's zone. */
export function localDateOf(d: CalendarDay, hour = 0): Date {
  const t = new Date(0);
  t.setFullYear(d.year, d.month - 1, d.day);
  t.setHours(hour, 0, 0, 0);
  return t;
}

/** The local `Date` (midnight + hours) of a day number. */
export function localDateOfNumber(n: number, hours = 0): Date {
  const whole = Math.floor(n);
  const t = localDateOf(dayFromNumber(whole), 0);
  if (hours !== 0 || n !== whole) t.setTime(t.getTime() + (hours + (n - whole) * 24) * 3_600_000);
  return t;
}

/** The calendar day a local `Date` falls on, in the reader's zone. */
export function calendarDayOfLocal(date: Date): CalendarDay {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/**
 * A local `Date` as a fractional day number (the local calendar day plus the fraction of it elapsed): the inverse
 * of `localDateOfNumber`, for reading a timeline's window back into days.
 */
export function fractionalDayOfLocal(date: Date): number {
  const whole = dayNumberOf(calendarDayOfLocal(date));
  const midnight = localDateOf(calendarDayOfLocal(date), 0);
  return whole + (date.getTime() - midnight.getTime()) / MS_PER_DAY;
}

/** Today's calendar day in the reader's zone. */
export function todayNumber(now: Date = new Date()): number {
  return dayNumberOf(calendarDayOfLocal(now));
}

/** `20 Nov 2021` */
export function formatDay(iso: string): string {
  const d = parseDay(iso);
  return d ? format(localDateOf(d), 'd MMM yyyy') : iso;
}

/** `Saturday, 20 November 2021`: for screen readers and titles. */
export function formatDayLong(iso: string): string {
  const d = parseDay(iso);
  return d ? format(localDateOf(d), 'EEEE, d MMMM yyyy') : iso;
}

/** A fractional day number as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` when it is not at midnight (to the minute). */
export function formatDayTime(n: number): string {
  const minutes = Math.round(n * 1440);
  const whole = Math.floor(minutes / 1440);
  const rest = minutes - whole * 1440;
  const iso = isoFromNumber(whole);
  if (rest === 0) return iso;
  return `${iso}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}

/** The inverse of `formatDayTime`; null for anything else. */
export function parseDayTime(text: string): number | null {
  const m = /^(-?\d{4,}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
  if (!m || m[1] === undefined) return null;
  const d = parseDay(m[1]);
  if (!d) return null;
  const h = Number(m[2] ?? 0);
  const min = Number(m[3] ?? 0);
  if (h > 23 || min > 59) return null;
  return dayNumberOf(d) + (h * 60 + min) / 1440;
}
