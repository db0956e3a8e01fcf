/**
 * Words of the temporal grammar: month, weekday, season and number names, with regex sources built once.
 * Month and weekday names must be capitalised ("may", "march" are verbs); other words allow a capital first
 * letter only, so a sentence can start with them.
 */

/** `(?:[Ee]arly|[Ll]ate)`: the words, each with an optional capital first letter. */
export function ci(...words: string[]): string {
  return `(?:${words
    .map((w) => {
      const first = w.charAt(0);
      const lower = first.toLowerCase();
      const upper = first.toUpperCase();
      return lower === upper ? w : `[${upper}${lower}]${w.slice(1)}`;
    })
    .join('|')})`;
}

const MONTHS: readonly (readonly [string, number])[] = [
  ['January', 1], ['Jan.', 1], ['Jan', 1],
  ['February', 2], ['Feb.', 2], ['Feb', 2],
  ['March', 3], ['Mar.', 3], ['Mar', 3],
  ['April', 4], ['Apr.', 4], ['Apr', 4],
  ['May', 5],
  ['June', 6], ['Jun.', 6], ['Jun', 6],
  ['July', 7], ['Jul.', 7], ['Jul', 7],
  ['August', 8], ['Aug.', 8], ['Aug', 8],
  ['September', 9], ['Sept.', 9], ['Sep.', 9], ['Sept', 9], ['Sep', 9],
  ['October', 10], ['Oct.', 10], ['Oct', 10],
  ['November', 11], ['Nov.', 11], ['Nov', 11],
  ['December', 12], ['Dec.', 12], ['Dec', 12],
];

const monthByName = new Map<string, number>();
for (const [name, n] of MONTHS) {
  monthByName.set(name.replace('.', '').toLowerCase(), n);
}

/** Full names and abbreviations; longest first so that the alternation prefers "Sept." to "Sep". */
export const MONTH = `(?:${[...MONTHS]
  .map(([name]) => name)
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace('.', '\\.'))
  .join('|')})(?![a-z])`;

/** Full month names only (for bare mentions, where "Jan" or "Mar" would be too risky). */
export const MONTH_FULL = `(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])`;

export function monthNumber(name: string): number | null {
  return monthByName.get(name.replace('.', '').toLowerCase()) ?? null;
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const WEEKDAY = `(?:${ci(...WEEKDAY_NAMES.map((d) => d.toLowerCase()))})(?![a-z])`;

/** ISO weekday number (Monday 1) of a weekday name, or null. */
export function weekdayNumber(name: string): number | null {
  const i = WEEKDAY_NAMES.findIndex((d) => d.toLowerCase() === name.toLowerCase().replace(/s$/, ''));
  return i < 0 ? null : i + 1;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export function seasonCode(word: string): Season | null {
  switch (word.toLowerCase()) {
    case 'spring':
      return 'SP';
    case 'summer':
      return 'SU';
    case 'autumn':
    case 'fall':
      return 'FA';
    case 'winter':
      return 'WI';
    default:
      return null;
  }
}

export const SEASON_NAMES: Record<Season, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const SMALL_WORDS = Object.keys(SMALL).sort((a, b) => b.length - a.length).join('|');

/** A spelled or written cardinal: "3", "2.5", "twenty-five", "a", "several", "a few", "two and a half". */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|${ci(...Object.keys(TENS))}(?:[- ](?:${SMALL_WORDS}))?(?: and a half)?|${ci(
  ...Object.keys(SMALL).sort((a, b) => b.length - a.length),
)}(?: and a half)?|${ci(
  'a couple of',
  'a few',
  'several',
  'a dozen',
  'a half',
  'half an',
  'half a',
  'an',
  'a',
  'many',
  'few',
  'some',
  'dozens of',
  'hundreds of',
  'thousands of',
)})(?![a-z])`;

const ONES = 'one|two|three|four|five|six|seven|eight|nine';
/**
 * A year said in words, as broadcast transcripts write it: "nineteen ninety-four", "eighteen hundred", "nineteen
 * oh five", "two thousand and three". Its first word may be capitalised.
 */
export const SPELLED_YEAR = `(?:(?:[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)[- ](?:hundred|(?:${Object.keys(TENS).join('|')})(?:[- ](?:${ONES}))?|oh[- ](?:${ONES})|${SMALL_WORDS})|[Tt]wo thousand(?:(?: and)? (?:${SMALL_WORDS}))?)(?![\\w-])`;

/** The year a SPELLED_YEAR match says: "nineteen ninety-four" 1994, "two thousand and three" 2003. */
export function spelledYearValue(text: string): number | null {
  const t = text.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const words = t.split(' ');
  if (words[0] === 'two' && words[1] === 'thousand') {
    const rest = words.slice(2).filter((w) => w !== 'and');
    return 2000 + (rest.length === 0 ? 0 : (SMALL[rest[0] ?? ''] ?? 0));
  }
  const century = SMALL[words[0] ?? ''];
  if (century === undefined) return null;
  const rest = words.slice(1).filter((w) => w !== 'oh');
  if (rest[0] === 'hundred') return century * 100;
  const tens = TENS[rest[0] ?? ''];
  const n = tens !== undefined ? tens + (SMALL[rest[1] ?? ''] ?? 0) : SMALL[rest[0] ?? ''];
  return n === undefined ? null : century * 100 + n;
}

/** The value of a NUMBER match; null for vague amounts ("several"), which TimeML writes as X. */
export function numberValue(text: string): number | null {
  const t = text.toLowerCase().replace(/,/g, '');
  if (/^\d/.test(t)) return Number(t);
  let half = 0;
  let core = t;
  if (core.endsWith(' and a half')) {
    half = 0.5;
    core = core.slice(0, -' and a half'.length);
  }
  if (core === 'a' || core === 'an') return 1;
  if (core === 'a half' || core === 'half a' || core === 'half an') return 0.5;
  if (core === 'a dozen') return 12;
  if (core === 'a couple of') return 2;
  const small = SMALL[core];
  if (small !== undefined) return small + half;
  const parts = core.split(/[- ]/);
  const tens = TENS[parts[0] ?? ''];
  if (tens !== undefined) {
    const unit = parts.length > 1 ? SMALL[parts[1] ?? ''] : 0;
    if (unit !== undefined) return tens + unit + half;
  }
  return null;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, final: -1, last: -1,
};

export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${ci(...Object.keys(ORDINALS).sort((a, b) => b.length - a.length))})(?![a-z])`;

/** 1 for "first"/"1st"; -1 for "final"/"last". */
export function ordinalValue(text: string): number | null {
  const t = text.toLowerCase();
  const digits = /^(\d+)/.exec(t);
  if (digits) return Number(digits[1]);
  return ORDINALS[t] ?? null;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export const UNIT = `(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)(?![a-z])`;

export function unitOf(word: string): Unit | null {
  const w = word.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  switch (w) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'weekend':
    case 'fortnight':
    case 'month':
    case 'quarter':
    case 'year':
    case 'decade':
    case 'century':
      return w;
    case 'night':
      return 'day';
    default:
      return null;
  }
}
