/**
 * Calendar arithmetic on plain days (proleptic Gregorian, no time zones). Days are counted as integers
 * since 1970-01-01 so that adding, comparing and finding weekdays are cheap and exact.
 */

export type Day = { readonly y: number; readonly m: number; readonly d: number };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar day; months and days out of range roll over as in Date.UTC. */
export function dayNumber(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.floor(date.getTime() / DAY_MS);
}

export function dayFromNumber(n: number): Day {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function toNumber(day: Day): number {
  return dayNumber(day.y, day.m, day.d);
}

export function addDays(day: Day, n: number): Day {
  return dayFromNumber(toNumber(day) + n);
}

/** Adds months, clamping the day to the end of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, n: number): Day {
  const total = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return dayFromNumber(dayNumber(y, m + 1, 1) - 1).d;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const n = toNumber(day);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week-numbering year and week of a day. */
export function isoWeek(day: Day): { year: number; week: number } {
  const n = toNumber(day);
  const thursday = n - isoWeekday(day) + 4;
  const year = dayFromNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of ISO year `year`. */
export function mondayOfIsoWeek(year: number, week: number): Day {
  const jan4 = { y: year, m: 1, d: 4 };
  const mondayWeek1 = toNumber(jan4) - isoWeekday(jan4) + 1;
  return dayFromNumber(mondayWeek1 + (week - 1) * 7);
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

export function formatWeek(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** Parses `YYYY-MM-DD` (a real calendar day) or returns null. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDay(y, mo, d) ? { y, m: mo, d } : null;
}

export function compareDays(a: Day, b: Day): number {
  return toNumber(a) - toNumber(b);
}
