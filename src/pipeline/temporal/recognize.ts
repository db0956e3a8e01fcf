/**
 * The grammar: regex rules that find temporal expressions and say what they mean (a Spec). Rules may
 * overlap; tag-timexes.ts keeps the longest. Every regex is compiled once, at module load.
 */
import {
  MONTH,
  MONTH_FULL,
  NUMBER,
  ORDINAL,
  SPELLED_YEAR,
  UNIT,
  WEEKDAY,
  ci,
  monthNumber,
  numberValue,
  ordinalValue,
  seasonCode,
  spelledYearValue,
  unitOf,
  weekdayNumber,
} from './lexicon.ts';
import type { Candidate, Mod, PartOfDay, Rel, Spec } from './spec.ts';
import { isValidDay } from './calendar.ts';

type Groups = Record<string, string | undefined>;
type Build = (g: Groups, text: string, start: number, end: number) => Spec | null;
/**
 * Where a rule can match: every match contains a hit of `re` (a keyword, found by a cheap scan) and starts at a
 * token boundary at most `before` tokens before the hit, or inside it, or at most `after` tokens after it (for a
 * keyword in a lookbehind). Only those boundaries are tried, with a sticky regex: the same matches as a scan of
 * the whole text, at a fraction of the cost. `slot`: the gate's index in GATES (rules with the same keyword
 * regex share one).
 */
type Gate = { re: RegExp; before: number; after: number; slot: number };
type Rule = { gate: Gate; re: RegExp; build: Build; priority: number };

/** The distinct keyword regexes of the gates, by source; their hits are found by one scan (gateHits). */
const GATES: RegExp[] = [];

function near(re: RegExp, before: number, after = 0): Gate {
  // gateHits joins the gates' sources into one regex: they must share its flags.
  if (re.flags !== 'g') throw new Error(`Unexpected gate flags /${re.source}/${re.flags}, expected g`);
  let slot = GATES.findIndex((g) => g.source === re.source);
  if (slot < 0) slot = GATES.push(re) - 1;
  return { re, before, after, slot };
}

/** A month name or abbreviation as a whole word ("Mar", not "Market"): the keyword of the date rules. */
function monthGate(): RegExp {
  return /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])/g;
}

const DAYNUM = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR4 = String.raw`\d{4}`;
const POD = String.raw`(?:morning|afternoon|evening|night)`;

function podCode(word: string | undefined): PartOfDay | null {
  switch (word?.toLowerCase()) {
    case 'morning':
      return 'MO';
    case 'afternoon':
      return 'AF';
    case 'evening':
      return 'EV';
    case 'night':
    case 'tonight':
      return 'NI';
    default:
      return null;
  }
}

function relOf(word: string | undefined): Rel | null {
  if (word === undefined) return null;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:last|past|previous|this past|the past|the previous|the last|late|the latest|the most recent)$/.test(w)) return -1;
  if (/^(?:next|coming|this coming|the coming|the next|upcoming|the upcoming)$/.test(w)) return 1;
  if (/^(?:this|current|the current|this year's|the|earlier this|later this)$/.test(w)) return 0;
  return null;
}

function yearOf(g: Groups, key = 'y'): number | null {
  const y = g[key];
  return y === undefined ? null : Number(y);
}

function before(text: string, start: number, n = 30): string {
  return text.slice(Math.max(0, start - n), start);
}

/** A temporal preposition or modifier just before a bare number or month name makes it a date. */
const DATE_CONTEXT = new RegExp(
  String.raw`(?:\b(?:in|since|by|until|till|from|to|between|and|before|after|during|of|early|late|mid|around|circa|throughout|through|as of|beginning|end|start|summer|winter|spring|autumn|fall|year|years|January|February|March|April|May|June|July|August|September|October|November|December)|-)\s*(?:the\s+(?:year\s+)?)?$`,
  'i',
);

/** Words after a number that say it counts things ("2000 troops", "1500 people"). */
const COUNTED = /^\s+(?:[a-z]+s|people|men|women|children|staff|personnel|police|cattle|feet|foot|km|mph|kg|lb|lbs|metres|meters|miles|tons|tonnes|barrels|units|jobs|votes|seats|shares|points|pounds|dollars|euros|yen|cars|vehicles|aircraft|planes|jets|troops|soldiers|employees|workers|members|residents|hectares|acres|square|per|percent|million|billion|times|hp|cc|gb|mb|pixels)\b/;

const NOT_YEAR_BEFORE = /(?:[$£€¥#№]|\b(?:flight|no\.?|number|route|highway|interstate|room|model|version|windows|boeing|airbus|about|around|some|nearly|almost|over|under|than|top|page|pages|item|article|section|rule|resolution|chapter|verse|suite|apt\.?|unit|p\.|pp\.|vol\.?|issue|code|ext\.?|call|dial|pin|zip|box|gate|platform|bus|train|car|level|row|seat|hall|pier|exit|mile|km|grade|class|type|series|model|mark|mk\.?|version|v\.?)\s*)$/i;

/** Nouns of the accounts after a year or month: "1998 earnings", "May sales". */
const ACCOUNTS = /^\s+(?:earnings|sales|results|profits?|revenues?|losses|levels?|figures|budgets?|elections?|forecasts?|estimates?|crop|harvest|prices|rates|lows?|highs?|peaks?|returns|deficits?|surplus|dividends?|shipments|deliveries|taxes|payments|bonuses|models?|campaigns?|season|quarters?|period|net|income|spending|output|volume|total|average|contract|agreement|law|act|crash|census|survey|report|plan|meeting|summit|race|games|olympics|world cup)\b/i;

const rules: Rule[] = [];

function rule(gate: Gate, source: string, build: Build, priority = 0): void {
  rules.push({ gate, re: new RegExp(source, 'y'), build, priority });
}

// --- Explicit calendar dates -------------------------------------------------------------------------

const WD_PREFIX = String.raw`(?:(?<wd>${WEEKDAY}),?\s+(?:the\s+)?)?`;

/** A day of a month, with the weekday named before it ("Saturday, April 25") when there is one. */
function daySpec(g: Groups, y: number | null, m: number, d: number): Spec {
  const dow = weekdayNumber(g['wd'] ?? '');
  return dow === null ? { k: 'day', y, m, d } : { k: 'day', y, m, d, dow };
}

// "Nov. 12, 2021", "November 12", "Friday, June 1st", "March 12 2009"
rule(near(monthGate(), 4), String.raw`(?<![\w])${WD_PREFIX}(?<mon>${MONTH})\s+(?<d>${DAYNUM})(?![\d:,.]\d|\w)(?:(?:,\s*|\s+)(?<y>${YEAR4})(?!\d))?`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const d = Number.parseInt(g['d'] ?? '', 10);
  const y = yearOf(g);
  if (m === null || !isValidDay(y ?? 2000, m, d)) return null;
  return daySpec(g, y, m, d);
}, 3);

// "12 November 2021", "the 12th of November", "Friday 12 November"
rule(near(monthGate(), 8), String.raw`(?<![\w.,])${WD_PREFIX}(?:the\s+)?(?<d>${DAYNUM})(?:\s+of)?\s+(?<mon>${MONTH})(?:,?\s+(?<y>${YEAR4})(?!\d))?`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const d = Number.parseInt(g['d'] ?? '', 10);
  const y = yearOf(g);
  if (m === null || !isValidDay(y ?? 2000, m, d)) return null;
  return daySpec(g, y, m, d);
}, 3);

// Day ranges: "January 25-29" (the second day), "22-25 April 1951" and "22 to 24 February" (the first day)
rule(near(monthGate(), 0, 4), String.raw`(?<=(?<![\w])(?<mon>${MONTH})\s+\d{1,2}\s?[-–]\s?)(?<d>${DAYNUM})(?![\w:]|[.,]\d)(?:,?\s+(?<y>${YEAR4})(?!\d))?`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const d = Number.parseInt(g['d'] ?? '', 10);
  const y = yearOf(g);
  return m === null || !isValidDay(y ?? 2000, m, d) ? null : { k: 'day', y, m, d };
}, 3);

rule(near(monthGate(), 6), String.raw`(?<![\w.,$£€-])(?<d>${DAYNUM})(?=\s?(?:[-–]|to|and)\s?\d{1,2}(?:st|nd|rd|th)?\s+(?<mon>${MONTH})(?:,?\s+(?<y>${YEAR4})(?!\d))?)`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const d = Number.parseInt(g['d'] ?? '', 10);
  const y = yearOf(g);
  return m === null || !isValidDay(y ?? 2000, m, d) ? null : { k: 'day', y, m, d };
}, 3);

// "2021-11-12", "2021/11/12"
rule(near(/\d[-/]\d{2}[-/]\d/g, 6), String.raw`(?<![\w.-])(?<y>\d{4})([-/])(?<m>\d{2})\2(?<d>\d{2})(?![\w-])`, (g) => {
  const y = Number(g['y']);
  const m = Number(g['m']);
  const d = Number(g['d']);
  return isValidDay(y, m, d) ? { k: 'day', y, m, d } : null;
}, 3);

// "11/12/2021", "7/8/07": month first (US) unless the first number cannot be a month.
rule(near(/\d[/.]\d/g, 4), String.raw`(?<![\w./-])(?<a>\d{1,2})([/.])(?<b>\d{1,2})\2(?<y>\d{4}|\d{2})(?![\w/]|\.\d)`, (g) => {
  const a = Number(g['a']);
  const b = Number(g['b']);
  let y = Number(g['y']);
  if ((g['y'] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
  const [m, d] = a > 12 ? [b, a] : [a, b];
  return isValidDay(y, m, d) ? { k: 'day', y, m, d } : null;
}, 2);

// "April 2021", "November, 2008", "May of 2008"
rule(near(monthGate(), 1), String.raw`(?<![\w])(?<mon>${MONTH})(?:,|\s+of)?\s+(?<y>${YEAR4})(?!\d|,\d)`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  return m === null ? null : { k: 'month', y: Number(g['y']), m, rel: null };
}, 2);

// "October of next year", "March of last year"
rule(near(/year/g, 4), String.raw`(?<![\w-])(?<mon>${MONTH_FULL})\s+(?:of\s+)?(?<rel>this|last|next)\s+year(?!\w)`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const rel = relOf(g['rel']);
  return m === null || rel === null ? null : { k: 'monthOfYear', m, offset: rel };
}, 2);

// "November", "last September", "next March", "this May"
rule(near(/\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])|Sept\.)/g, 3), String.raw`(?:(?<![\w-])|(?<=\b[Mm]id-))(?:(?<rel>${ci('last', 'next', 'this', 'this past', 'this coming', 'past', 'coming')})\s+)?(?<mon>${MONTH_FULL}|Sept\.)(?!\s*\d)`, (g, text, start, end) => {
  const name = g['mon'] ?? '';
  const m = monthNumber(name);
  if (m === null) return null;
  const rel = relOf(g['rel']);
  if (rel === null) {
    const prev = before(text, start);
    const context = DATE_CONTEXT.test(prev);
    const next = text.slice(end, end + 20);
    // "May" is also a modal verb: only after a temporal preposition.
    if (name === 'May' && !context && (!ACCOUNTS.test(next) || /[A-Z][a-z]+\s+$/.test(prev))) return null;
    // "will March on", "to March": the verb (a capital at a headline's word start).
    if (name === 'March' && /\b(?:will|would|could|might|should|shall|must|can|they|we|and)\s+$/.test(prev) && /^\s+(?:on|to|through|into|in|against|from)\b/.test(next)) return null;
    // "June Carter", "April Smith": a name, unless a preposition says it is a date.
    const weakContext = !context || /\b(?:and|to|of)\s*$/i.test(prev);
    if (weakContext && /^\s+[A-Z][a-z]/.test(next) && !/^\s+(?:The|This|It|In|On|At|By)\b/.test(next)) return null;
    if (/^['’]s\s/.test(next) && !context) return null;
    // "March of the Iron Will": a name.
    if (/^\s+of\s+(?:the\s+)?[A-Z]/.test(next)) return null;
  }
  return { k: 'month', y: null, m, rel };
}, 1);

// --- Years, decades, centuries, fiscal years ----------------------------------------------------------

// Bare years "2015", "1991"; "490 BC"
rule(near(/[12]\d{3}/g, 1), String.raw`(?:(?<![\w.,/$£€¥#-])|(?<=\b(?:[Mm]id|[Pp]re|[Pp]ost)-))(?<y>1\d{3}|20\d{2})(?![\w%]|[.,]\d|[-–](?!(?:\d{2}|\d{4})(?![\d-]))|\s*(?:%|per\s?cent|BC|AD|B\.C\.|A\.D\.))`, (g, text, start, end) => {
  const y = Number(g['y']);
  const prev = before(text, start);
  const next = text.slice(end, end + 24);
  if (NOT_YEAR_BEFORE.test(prev)) return null;
  // "1861-1865": a range of years is a date whatever stands around it.
  const context = DATE_CONTEXT.test(prev) || /^\s?[-–]\s?(?:1\d|20)\d{2}(?!\d)/.test(next);
  // "1990 Main Street": a house number.
  if (/^\s+(?:[A-Z][a-z]+\s+)?(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Dr\.|Place|Plaza|Parkway)(?!\w)/.test(next)) return null;
  // "2000 more", "1998 hours": a count, whatever stands before it.
  if (/^\s+(?:more|fewer|others|additional|(?:seconds|minutes|hours|days|weeks|months|years)\b)/.test(next)) return null;
  // "the company's 1998 earnings", "its 1997 sales": a year before a noun of the accounts.
  const accounts = ACCOUNTS.test(next);
  const determiner = /(?:['’]s|\b(?:its|their|his|her|our|the|this|that|a)\b)\s+$/i.test(prev);
  if (!context && COUNTED.test(next) && !(accounts && (determiner || y >= 1900))) return null;
  // "1,998 stores and 2000 acres": 'and' between two counts is no date context.
  if (/\band\s*$/i.test(prev) && !/[-–]\s*$/.test(prev) && COUNTED.test(next) && !accounts) return null;
  if (!context && y < 1800) return null;
  // "Russell 2000", "Windows 2000", "Flight 2014": a name followed by a number.
  if (!context && /\b[A-Z]\w*\s+$/.test(prev) && !/(?:^|[.!?]\s+|\n)[A-Z]\w*\s+$/.test(prev)) return null;
  return { k: 'year', y, bc: false };
}, 0);

// The second year of a range: "1947-54", "1985-1986"
rule(near(/\d[-–]\d/g, 1), String.raw`(?<=(?<![\w.,/$£€#-])(?<c>1\d|20)\d{2}[-–])(?<y>\d{2}|\d{4})(?![\w%-]|[.,]\d)`, (g) => {
  const raw = g['y'] ?? '';
  const y = raw.length === 2 ? Number(g['c']) * 100 + Number(raw) : Number(raw);
  return y < 1000 || y > 2099 ? null : { k: 'year', y, bc: false };
}, 1);

rule(near(/\d\s*(?:BC|B\.C\.|AD|A\.D\.|CE)/g, 2), String.raw`(?<![\w.,/$£€#-])(?<y>\d{1,4})\s*(?<era>BC|BCE|B\.C\.|AD|A\.D\.|CE)(?!\w)`, (g) => {
  const y = Number(g['y']);
  if (y === 0) return null;
  return { k: 'year', y, bc: /^B/.test(g['era'] ?? '') };
}, 1);

rule(near(/[Ff]iscal|[Ff]inancial|FY/g, 1), String.raw`(?<![\w-])(?:${ci('fiscal', 'financial')}\s+(?:year\s+)?|FY\s?)(?<y>\d{4}|\d{2})(?!\d)`, (g) => {
  let y = Number(g['y']);
  if ((g['y'] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
  return { k: 'fy', y };
}, 2);

// "the 1990s", "the '90s", "1960s"
rule(near(/0['’]?s/g, 4), String.raw`(?:(?<![\w-])|(?<=\b[Mm]id-))(?:${ci('the')}\s+)?(?:(?<c>1\d|20)(?<d>\d)0|['’](?<s>\d)0)['’]?s(?!\w)`, (g) => {
  const c = g['c'];
  if (c !== undefined) return { k: 'decade', decade: Number(c) * 10 + Number(g['d']) };
  const d = Number(g['s']);
  return { k: 'decade', decade: 190 + d };
}, 2);

// "the 70s and 80s", "mid-80s": two-digit decades after "the", "and", "mid-", "early", "late"
rule(near(/[1-9]0s/g, 1), String.raw`(?<=\b(?:the|and|mid-|early|late|or)\s?)(?<d>[1-9]0)s(?!\w)`, (g) => ({ k: 'decade', decade: 190 + Number(g['d']) / 10 }), 1);

// "the 19th century", "the twentieth century"
rule(near(/[Cc]entury/g, 6), String.raw`(?<![\w-])(?:${ci('the')}\s+)?(?<o>${ORDINAL})[- ][Cc]entury(?!\w)`, (g) => {
  const n = ordinalValue(g['o'] ?? '');
  return n === null || n < 1 ? null : { k: 'century', century: n - 1 };
}, 2);

// --- Seasons, quarters, halves --------------------------------------------------------------------------

rule(near(/\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?!\w)/g, 3), String.raw`(?<![\w])(?:(?<rel>${ci('last', 'next', 'this', 'this past', 'this coming', 'the', 'past', 'coming')})\s+)?(?<s>${ci('spring', 'summer', 'autumn', 'fall', 'winter')})(?:(?:\s+of)?\s+(?<y>${YEAR4})(?:[-–/](?:\d{2}|\d{4}))?(?!\d))?(?!\w)`, (g, text, start, end) => {
  const s = seasonCode(g['s'] ?? '');
  if (s === null) return null;
  const y = yearOf(g);
  const relWord = g['rel'];
  const rel = relWord !== undefined && relWord.toLowerCase() !== 'the' ? relOf(relWord) : null;
  if (y === null && rel === null) {
    // Bare season: only after a temporal preposition ("in the spring"), never "fall" the verb.
    const prev = before(text, start);
    if (!/\b(?:in|during|by|until|since|this|through|throughout|over|early|late|mid|of|last|next)\s*-?\s*$/i.test(prev)) {
      // "their autumn meetings", "a hot summer": summer, winter and autumn are seasons wherever they stand, but
      // not in names ("Winter Olympics", "Donna Summer"); spring and fall need a preposition.
      const word = (g['s'] ?? '').toLowerCase();
      if (word === 'spring' || word === 'fall') return null;
      if (/^\s+[A-Z]/.test(text.slice(end, end + 3)) || /[A-Z][\w.]*\s+$/.test(prev) || /^-/.test(text.slice(end, end + 1))) return null;
    }
    if ((g['s'] ?? '').toLowerCase() === 'fall' && relWord === undefined) return null;
  }
  return { k: 'season', s, y, rel };
}, 1);

rule(near(/quarter/g, 7), String.raw`(?<![\w-])(?:${ci('the')}\s+(?:(?:(?<y0>${YEAR4})|(?<ago>year-(?:earlier|ago)|comparable|year-before|prior-year))\s+)?(?:fiscal\s+)?|(?<=\b(?:its|their)\s)fiscal\s+)?(?<o>${ORDINAL})[- ](?:fiscal\s+)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?<y>${YEAR4})|(?<rel>this|last|next|the|the current|the previous)\s+(?:fiscal\s+|financial\s+)?year))?(?!\w)`, (g, _text, start, end) => {
  const q = ordinalValue(g['o'] ?? '');
  if (q === null || q > 4 || q === 0) return null;
  void start;
  void end;
  const relWord = g['rel'];
  const y = yearOf(g) ?? yearOf(g, 'y0');
  // "the year-ago third quarter": that quarter, a year back ("comparable" only with a year-ago sense).
  const ago = g['ago'];
  if (ago !== undefined && ago !== 'comparable' && y === null && relWord === undefined) return { k: 'quarter', q, y: null, rel: null, yearAgo: true };
  return { k: 'quarter', q, y, rel: relWord === undefined ? null : relWord === 'the' ? 0 : relOf(relWord) };
}, 2);

// "the 1988 period", "the 1989 quarter": the quarter the story is about, of that year; "the latest period".
rule(near(/period|quarter/g, 4), String.raw`(?<![\w-])${ci('the')}\s+(?:(?<y>${YEAR4})|latest)\s+(?:fiscal\s+)?(?<w>period|quarter)(?![\w-])`, (g) => {
  const y = yearOf(g);
  if (y === null) return g['w'] === 'period' ? { k: 'quarterRef' } : null;
  return { k: 'quarterRef', y, period: g['w'] === 'period' };
}, 3);

// "year-earlier profit", "year-ago results": the same period a year back (a quarter when the story is about one)
// (a year before the publication year's period, not before the last date named: "in the 1988 period. The year-ago
// results" are 1988's; "the year-earlier nine months" is a length of time, left to the duration rules).
rule(near(/[Yy]ear-(?:earlier|ago)/g, 1), String.raw`(?<![\w-])(?:${ci('year')})-(?:earlier|ago)(?=\s+[a-z])(?!\s+(?:[a-z]+\s+)?(?:months|weeks|years|days|quarters)\b)`, () => ({ k: 'sameLastYear', quarter: 'period', lastYear: true }), 1);

rule(near(/Q[1-4]/g, 2), String.raw`(?<![\w-])(?:(?<y1>${YEAR4})\s*)?Q(?<q>[1-4])(?:(?:\s+|-|/|\s+of\s+)(?:FY\s?)?(?<y>${YEAR4}|['’]\d{2}))?(?!\w)`, (g) => {
  const raw = g['y'] ?? g['y1'];
  let y: number | null = null;
  if (raw !== undefined) y = raw.length === 3 ? 2000 + Number(raw.slice(1)) : Number(raw);
  return { k: 'quarter', q: Number(g['q']), y, rel: null };
}, 2);

// "the first half of 2009", "the second half of this year", "the second half" (of the year in question)
rule(near(/half/g, 4), String.raw`(?<![\w-])(?:(?<the>${ci('the')})\s+)?(?<o>first|second|1st|2nd)[- ]half(?:\s+of\s+(?:(?<y>${YEAR4})|(?<rel>this|last|next|the)\s+year)(?!\w)|(?<bare>)(?![\w-]|\s+of\b|\s+(?:time|century|decade|season|game|match|inning|innings|the)\b))`, (g) => {
  if (g['bare'] !== undefined && g['the'] === undefined) return null;
  const h = (g['o'] ?? '').startsWith('f') || g['o'] === '1st' ? 1 : 2;
  const relWord = g['rel'];
  return { k: 'half', h, y: yearOf(g), rel: relWord === undefined ? null : relWord === 'the' ? 0 : relOf(relWord) };
}, 2);

// "the July-September quarter", "the April-to-June period": the calendar quarter those months span
rule(near(/quarter|period/g, 6), String.raw`(?<![\w-])(?:${ci('the')}\s+)?(?<m1>${MONTH_FULL}|${MONTH})\s?(?:[-–](?:to[-–])?|\s+to\s+|\s+through\s+)\s?(?<m2>${MONTH_FULL}|${MONTH})\s+(?:(?<y>${YEAR4})\s+)?(?:quarter|period)(?!\w)`, (g) => {
  const m1 = monthNumber(g['m1'] ?? '');
  const m2 = monthNumber(g['m2'] ?? '');
  if (m1 === null || m2 === null || (m1 - 1) % 3 !== 0 || m2 !== m1 + 2) return null;
  return { k: 'quarter', q: (m1 + 2) / 3, y: yearOf(g), rel: null };
}, 3);

// "this fiscal year", "the current fiscal year", "last fiscal year", "the 1999 fiscal year"
rule(near(/fiscal\s+year/g, 3), String.raw`(?<![\w-])(?:(?<rel>${ci('this', 'last', 'next', 'the current', 'the previous', 'the prior', 'the coming', 'the next', 'the new', 'the past', 'the last', 'the latest', 'the')})\s+|(?:${ci('the')}\s+)?(?<y>${YEAR4})\s+)fiscal\s+year(?![\w-])`, (g, text, _start, end) => {
  if (g['y'] !== undefined) return { k: 'fy', y: Number(g['y']) };
  // "in the fiscal year ended Jan. 31": a year of accounts, a length of time.
  if (/^\s+(?:ended|ending)\b/.test(text.slice(end, end + 8))) return { k: 'duration', n: 1, unit: 'year', frame: 0 };
  const w = (g['rel'] ?? '').toLowerCase();
  // "the latest fiscal year": the last one closed.
  const offset = /last|latest|previous|prior|past/.test(w) ? -1 : /next|coming|new/.test(w) ? 1 : 0;
  return { k: 'fyRel', offset };
}, 2);

// "the last week of March", "the first week of May 1998"
rule(near(/week\s+of/g, 3, 3), String.raw`(?<![\w-])${ci('the')}\s+(?<o>first|second|third|fourth|last|final)\s+week\s+of\s+(?<mon>${MONTH_FULL})(?:,?\s+(?<y>${YEAR4}))?(?![\w-])`, (g) => {
  const m = monthNumber(g['mon'] ?? '');
  const o = (g['o'] ?? '').toLowerCase();
  const n = o === 'last' || o === 'final' ? -1 : ordinalValue(o);
  return m === null || n === null ? null : { k: 'weekOfMonth', n, m, y: yearOf(g) };
}, 3);

rule(near(/H[12]/g, 1), String.raw`(?<![\w-])H(?<h>[12])\s+(?<y>${YEAR4})(?!\w)`, (g) => ({ k: 'half', h: g['h'] === '1' ? 1 : 2, y: yearOf(g), rel: null }), 2);

// "nineteen ninety-six", "January nineteen ninety-seven", "the winter of nineteen ninety-four", "the year two
// thousand": years said in words (broadcast transcripts). "Two thousand" alone is a number unless "the year" or
// "in" goes before it.
rule(near(/\b(?:[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wo thousand)\b/g, 5), String.raw`(?<![\w-])(?:(?<m>${MONTH_FULL})\s+|(?:${ci('the')}\s+)?(?<s>${ci('spring', 'summer', 'fall', 'autumn', 'winter')})\s+of\s+|(?<yr>${ci('the year')})\s+)?(?<sy>${SPELLED_YEAR})`, (g, text, start) => {
  const sy = g['sy'] ?? '';
  const y = spelledYearValue(sy);
  if (y === null) return null;
  const m = g['m'];
  const s = g['s'];
  if (/^two/i.test(sy) && m === undefined && s === undefined && g['yr'] === undefined && !/\b[Ii]n\s+$/.test(before(text, start, 4))) return null;
  if (m !== undefined) {
    const month = monthNumber(m);
    return month === null ? null : { k: 'month', y, m: month, rel: null };
  }
  if (s !== undefined) {
    const season = seasonCode(s);
    return season === null ? null : { k: 'season', s: season, y, rel: null };
  }
  return { k: 'year', y, bc: false };
}, 2);

// --- Deictic days, weeks, months, years -----------------------------------------------------------------

rule(near(/\b(?:[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday)(?!\w)/g, 5), String.raw`(?<![\w-])(?:(?<pre>${ci('earlier', 'later', 'early', 'late')})\s+)?(?<w>${ci('today', 'tonight', 'tomorrow', 'yesterday', 'the day before yesterday', 'the day after tomorrow')})(?:\s+(?<pod>${POD}))?(?!\w)`, (g, text, start) => {
  const w = (g['w'] ?? '').toLowerCase();
  // "USA Today", "NBC's Today show", "The Tonight Show": a capital inside a sentence makes a name.
  if (g['pre'] === undefined && /^(?:Today|Tonight)$/.test(g['w'] ?? '') && !/(?:^|[.!?:;]["'’”)]*\s+|\n\s*|["'“‘(`]\s*|[-–—]\s+)$/.test(before(text, start, 4))) return null;
  // "today's GM", "in today's world", "today's dollars": the present of things, not the day of publication.
  if (w === 'today' && g['pod'] === undefined && TODAYS_GENERIC.test(text.slice(start + 5, start + 40))) return { k: 'ref', ref: 'PRESENT_REF', window: null };
  // "the people of tomorrow", "the cars of today": the future or the present of things, not a day.
  if ((w === 'today' || w === 'tomorrow') && g['pre'] === undefined && g['pod'] === undefined && /\b(?:the|a|an)\s+(?:[a-z-]+\s+)?[a-z-]+\s+of\s+$/i.test(before(text, start, 40)) && !/\b(?:end|start|beginning|close|rest|middle|part|course|morning|afternoon|evening|night|events|news)\s+of\s+$/i.test(before(text, start, 16)) && !/^['’]/.test(text.slice(start + w.length, start + w.length + 1))) {
    return { k: 'ref', ref: w === 'today' ? 'PRESENT_REF' : 'FUTURE_REF', window: null };
  }
  let offset = 0;
  if (w === 'yesterday') offset = -1;
  else if (w === 'tomorrow') offset = 1;
  else if (w === 'the day before yesterday') offset = -2;
  else if (w === 'the day after tomorrow') offset = 2;
  const pod = w === 'tonight' ? 'NI' : podCode(g['pod']);
  return { k: 'relDay', offset, pod };
}, 2);

rule(near(/\b(?:morning|afternoon|evening|night)(?!\w)/g, 3), String.raw`(?<![\w-])(?<rel>${ci('this', 'last', 'early this', 'late this', 'earlier this', 'later this')})\s+(?<pod>${POD})(?!\w)`, (g) => {
  const rel = (g['rel'] ?? '').toLowerCase();
  const pod = podCode(g['pod']);
  if (rel === 'last') return { k: 'relDay', offset: pod === 'NI' || pod === 'EV' ? -1 : -1, pod };
  return { k: 'relDay', offset: 0, pod };
}, 2);

const TODAYS_GENERIC = /^['’]s\s+(?:(?:[a-z]+\s+)?(?:world|society|economy|markets?|generation|youth|children|standards|terms|prices|dollars|money|technology|computers|industry|culture|politics|media|environment|climate|teenagers|consumers)\b|[A-Z])/;

const REL_WORDS = ci('this', 'last', 'next', 'the latest', 'the most recent', 'this past', 'this coming', 'the past', 'the coming', 'the current', 'the previous', 'past', 'coming', 'current', 'earlier this', 'later this', 'early this', 'late this', 'previous');

rule(near(/\b(?:week|weekend|month|year|quarter|decade)(?!\w)/g, 3), String.raw`(?<![\w-])(?<rel>${REL_WORDS})\s+(?<u>week|month|year|quarter|weekend|decade)(?!\w|(?<=year)['’]s\s+\w)`, (g, text, start) => {
  const relWord = (g['rel'] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const unit = g['u'] as 'week' | 'month' | 'year' | 'quarter' | 'weekend' | 'decade';
  let part: 'earlier' | 'later' | null = null;
  let offset = relOf(relWord) ?? 0;
  if (relWord.startsWith('earlier') || relWord.startsWith('early')) {
    part = 'earlier';
    offset = 0;
  } else if (relWord.startsWith('later') || relWord.startsWith('late')) {
    part = 'later';
    offset = 0;
  }
  // "the past week", "the coming year": a stretch of time reaching to or from the publication date.
  if (relWord === 'the past' || relWord === 'past' || relWord === 'the coming' || relWord === 'coming') {
    return { k: 'duration', n: 1, unit, frame: offset < 0 ? -1 : 1 };
  }
  // "the previous year", "the previous month": before the time the story is at (the publication date when it has
  // named none), as "the following year" is after it.
  if (relWord === 'the previous' && (unit === 'year' || unit === 'month' || unit === 'week')) return { k: 'anaphor', unit, offset: -1, pod: null };
  // "the next year" is the year after the story's time (an anaphor, below); "next year" the one after publication.
  if (unit === 'year' && offset === 1 && /\bthe\s+$/i.test(before(text, start, 8))) return null;
  if (unit === 'year') return { k: 'yearRel', offset };
  return { k: 'relUnit', unit, offset, part };
}, 2);

// "the next decade", "over the last decade": ten years reaching from or to the publication date, not the 2020s
rule(near(/decade/g, 3), String.raw`(?<![\w-])${ci('the')}\s+(?<rel>next|last|previous|past|coming)\s+decade(?![\w-])`, (g) => ({ k: 'duration', n: 1, unit: 'decade', frame: /next|coming/.test(g['rel'] ?? '') ? 1 : -1 }), 3);

// "this year's", "last year's" (possessive) — same meaning
rule(near(/year['’]s/g, 2), String.raw`(?<![\w-])(?<rel>${ci('this', 'last', 'next')})\s+year(?=['’]s\b)`, (g) => ({ k: 'yearRel', offset: relOf(g['rel']) ?? 0 }), 2);

// "Thursday", "last Friday", "next Tuesday", "Friday morning"
rule(near(/\b(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)(?![a-z])/g, 3), String.raw`(?<![\w-])(?:(?<rel>${ci('last', 'next', 'this', 'this past', 'this coming', 'past', 'coming')})\s+)?(?<wd>${WEEKDAY})(?:\s+(?<pod>${POD}))?(?!\w)`, (g, text, start, end) => {
  const dow = weekdayNumber(g['wd'] ?? '');
  if (dow === null) return null;
  const rel = relOf(g['rel']);
  // "Sunday Times", "Black Friday" style names.
  if (rel === null && /^\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Bloody|Mail|Night Live)\b/.test(text.slice(end, end + 15))) return null;
  if (/\b(?:Black|Good|Cyber|Super|Ash|Palm|Easter)\s+$/.test(before(text, start, 8))) return null;
  return { k: 'weekday', dow, rel, pod: podCode(g['pod']) };
}, 1);

// --- Offsets: "three days ago", "two weeks from now", "a year earlier" ------------------------------------

rule(near(/\b(?:ago|earlier|later|before|after|from now|hence|prior)(?![\w-])/g, 12), String.raw`(?<![\w-])(?:${ci('about', 'around', 'nearly', 'almost', 'some', 'roughly', 'just', 'only', 'more than', 'less than')}\s+)?(?<n>${NUMBER})\s+(?<u>${UNIT})\s+(?<dir>ago|earlier|later|before|after|from now|hence|prior)(?![\w-])`, (g, text, _start, end) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  const dirWord = g['dir'] ?? '';
  // "three days after the vote": a duration followed by a preposition, not an anchored date.
  if ((dirWord === 'before' || dirWord === 'after' || dirWord === 'prior') && !/^\s*(?:[,.;:)]|$|and\b|but\b)/.test(text.slice(end, end + 6))) return null;
  const dir = dirWord === 'ago' || dirWord === 'earlier' || dirWord === 'before' || dirWord === 'prior' ? -1 : 1;
  const anchor = dirWord === 'ago' || dirWord === 'from now' || dirWord === 'hence' ? 'dct' : 'text';
  // "arrives on Nov. 11, three days later than planned": a comparison with the plan, not a step from Nov. 11.
  if ((dirWord === 'later' || dirWord === 'earlier') && /^\s+than\b/.test(text.slice(end, end + 6))) return { k: 'offset', n: numberValue(g['n'] ?? ''), unit, dir, anchor, than: true };
  return { k: 'offset', n: numberValue(g['n'] ?? ''), unit, dir, anchor };
}, 3);

// --- Anaphoric: "that day", "the next day", "the following year", "the same month" ------------------------

rule(near(/\b(?:day|week|month|year|morning|afternoon|evening|night)(?!\w)/g, 4), String.raw`(?<![\w-])(?<rel>${ci('that', 'the same', 'the next', 'the following', 'the previous', 'the preceding', 'the prior', 'later that', 'earlier that', 'later in the', 'earlier in the', 'that same')})\s+(?<u>day|week|month|year|morning|afternoon|evening|night)(?!\w)`, (g, text, _start, end) => {
  const rel = (g['rel'] ?? '').toLowerCase();
  const u = (g['u'] ?? '').toLowerCase();
  const pod = podCode(u);
  const unit = pod !== null ? 'day' : (u as 'day' | 'week' | 'month' | 'year');
  // "the next day" is anaphoric; "the next year" after "in" may be a stretch; keep both as anaphors.
  let offset = 0;
  if (/next|following/.test(rel)) offset = 1;
  else if (/previous|preceding|prior/.test(rel)) offset = -1;
  // "that year's", "that day when": fine; "that week-long": not a date.
  if (/^-/.test(text.slice(end, end + 1))) return null;
  return { k: 'anaphor', unit, offset, pod };
}, 1);

// "ended the day", "for the day", "the rest of the week", "the entire year": the day/week/year of the story
rule(near(/\b(?:day|week|weekend|month|year)(?![\w-])/g, 3), String.raw`(?<![\w-])(?:${ci('the')}\s+(?:(?<whole>entire|whole|full|same)\s+)?)(?<u>day|week|weekend|month|year)(?!\w|-)`, (g, text, start, end) => {
  const u = g['u'] as 'day' | 'week' | 'weekend' | 'month' | 'year';
  const prev = before(text, start, 24);
  // "for the year ended March 31": a year of accounts, a length of time that ends on the date named.
  if (u === 'year' && /^\s+(?:ended|ending)\b/.test(text.slice(end, end + 8))) return { k: 'duration', n: 1, unit: 'year', frame: 0 };
  if (g['whole'] === undefined && !/\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|during|of|in|throughout|through|on|over)\s+$/i.test(prev)) return null;
  // "earlier in the year", "so far in the quarter"
  if (/\b(?:earlier|later|early|late|so far)\s+in\s+$/i.test(prev)) return u === 'weekend' ? null : { k: 'anaphor', unit: u, offset: 0, pod: null };
  // "of the year" only after "beginning/end/rest …" (a modifier), never "car of the year".
  if (/\bof\s+$/i.test(prev) && !/\b(?:beginning|start|end|middle|rest|remainder|close|half|part|course|turn)\s+of\s+$/i.test(prev)) return null;
  if (/\b(?:in|on|during|over)\s+$/i.test(prev) && u !== 'day' && u !== 'weekend' && g['whole'] === undefined) return null;
  if (u === 'weekend') return { k: 'relUnit', unit: 'weekend', offset: 0, part: null };
  return { k: 'anaphor', unit: u, offset: 0, pod: null };
}, 0);

rule(near(/\b(?:before|after|earlier|later|previous)(?!\w)/g, 3), String.raw`(?<![\w-])(?<rel>${ci('the day', 'the week', 'the month', 'the year', 'a day', 'a week', 'a month', 'a year')})\s+(?<dir>before|after|earlier|later|previous)(?=\s*[,.;)]|\s+(?:and|but|when|as|that)\b)`, (g) => {
  const unit = (g['rel'] ?? '').toLowerCase().split(/\s+/)[1] as 'day' | 'week' | 'month' | 'year';
  const dir = /before|earlier|previous/.test(g['dir'] ?? '') ? -1 : 1;
  return { k: 'offset', n: 1, unit, dir, anchor: 'text' };
}, 2);

// "the same period last year", "the same month a year ago", "the year-earlier quarter"
rule(near(/[Tt]he same|year-(?:earlier|ago|before)|prior-year/g, 2), String.raw`(?<![\w-])(?:${ci('the same')}\s+(?:period|month|quarter|week|day|time)(?:\s+of)?\s+(?:a year (?:ago|earlier|before)|(?:the\s+)?(?:last|previous|prior) year|the year before)|${ci('the')}\s+(?:(?:comparable|corresponding)\s+)?(?:year-(?:earlier|ago)|prior-year|year-before)\s+(?:period|quarter|month|level|figure))(?!\w)`, (_g, text, start, end) => {
  const extent = text.slice(start, end);
  return { k: 'sameLastYear', quarter: /quarter/i.test(extent) ? 'quarter' : /period/i.test(extent) ? 'period' : null, lastYear: /last year$/i.test(extent) };
}, 3);

// "in the quarter", "for the fiscal quarter", "the quarter ended Sept. 30": the quarter the story is about
rule(near(/quarter/g, 3), String.raw`(?<=\b(?:[Ii]n|[Ff]or|[Dd]uring|[Oo]f|[Tt]hrough|[Oo]ver|[Ff]rom|[Tt]hroughout|[Ss]ince|[Ww]ith)\s)the\s+(?:(?:fiscal|financial|latest|current|same)\s+)?quarter(?![\w-]|\s+of\b|\s+(?:point|percent|percentage|century)\b)`, (_g, text, start) => {
  // "the latest quarter", "the current quarter" have rules of their own; "a quarter of".
  if (/latest|current/.test(text.slice(start, start + 16))) return null;
  return { k: 'quarterRef' };
}, 1);

// "year-end", "at year end": the end of the year in question
rule(near(/[Yy]ear[- ]end/g, 1), String.raw`(?<![\w-])(?:(?<the>${ci('the')})\s+)?${ci('year')}(?:-|(?<sp>\s))end(?![\w-])`, (g, text, start) => {
  // "year end" in two words only after a preposition ("at year end"), not "the fiscal year end date".
  if (g['sp'] !== undefined && g['the'] === undefined && !/\b(?:at|by|before|until|till|since|of|from|after|toward|towards|through)\s+$/i.test(before(text, start, 12))) return null;
  return { k: 'yearEnd' };
}, 2);

// "by the end of year", "by year's end": the end of the year in question, as "year-end"
rule(near(/\b(?:end of year|[Yy]ear['’]s end)\b/g, 2), String.raw`(?<![\w-])(?:(?:${ci('the')}\s+)?${ci('end')}\s+of\s+year|${ci('year')}['’]s\s+end)(?![\w-])`, () => ({ k: 'yearEnd' }), 2);

// "at the same time", "by that time", "at the time": the time of the story
rule(near(/time/g, 3), String.raw`(?<=\b(?:[Aa]t|[Bb]y|until|till|since|from|around)\s)(?<w>the same|that|the) time(?!\w)`, (g, text, _start, end) => {
  // "at the time," stands alone; "at the time of the vote", "by the time he left" are tied to an event.
  const alone = g['w'] !== 'the same' && /^\s*(?:[,.;:!?)'"’”]|$)/.test(text.slice(end, end + 2));
  return { k: 'anaphor', unit: alone ? 'time' : 'same', offset: 0, pod: null };
}, 1);

// "Years later", "many months earlier", "weeks before"
rule(near(/\b(?:later|earlier)(?!\w)/g, 4), String.raw`(?<![\w-])(?:(?<q>${ci('many', 'several', 'a few', 'some')})\s+)?(?<u>${ci('years', 'months', 'weeks', 'days', 'decades')})\s+(?<dir>later|earlier)(?!\w)`, (g) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  return { k: 'offset', n: null, unit, dir: g['dir'] === 'earlier' ? -1 : 1, anchor: 'text' };
}, 2);

// --- Durations ------------------------------------------------------------------------------------------

// "the past two weeks", "the next six months", "the last 12 months"
rule(near(new RegExp(String.raw`\b${UNIT}`, 'g'), 12), String.raw`(?<![\w-])(?<rel>${ci('the past', 'the last', 'the next', 'the coming', 'the previous', 'the following', 'the first', 'the final', 'the past few', 'the next few', 'the last few', 'past', 'next', 'last', 'the first', 'the remaining')})\s+(?<n>${NUMBER})\s+(?:(?:consecutive|straight|full|trading|business|working|calendar)\s+)?(?<u>${UNIT})(?!\w)`, (g, text, start) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  const rel = (g['rel'] ?? '').toLowerCase();
  // "will begin Dec. 12 and last four days": 'last' the verb.
  if (rel === 'last' && /\b(?:will|would|could|may|might|should|must|can|to|and|which|that|it|they|would not|won['’]t)\s+$/i.test(before(text, start, 16))) return null;
  const frame = /past|last|previous/.test(rel) ? -1 : /next|coming|following|remaining/.test(rel) ? 1 : 0;
  return { k: 'duration', n: numberValue(g['n'] ?? ''), unit, frame };
}, 2);

// "two weeks", "12-year", "33 years", "six straight days", "two and a half years"
rule(near(new RegExp(String.raw`\b${UNIT}`, 'g'), 12), String.raw`(?<![\w$£€.-])(?:${ci('the')}\s+(?=(?:\d{1,3}|${ci('two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'eighteen', 'twenty', 'thirty')})\s))?(?<n>${NUMBER})(?:\s+|-)(?:(?:consecutive|straight|full|more|additional|further|trading|business|working|calendar|long)\s+)?(?<u>${UNIT})(?:-long|\s+old(?![\w-]))?(?!\w|-old)`, (g, text, start, end) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  const n = g['n'] ?? '';
  // "twice a day", "$5 a month": a frequency, handled as a set.
  if (/^an?$/i.test(n) && /\b(?:once|twice|times|per|[\d%])\s*$/i.test(before(text, start, 12))) return null;
  // "a day of protests" is fine; "the day" never reaches here. "one day" alone is vague.
  if (/^(?:some|few|many)$/i.test(n) && !/s$/.test(g['u'] ?? '')) return null;
  // "a second A380", "a second day": an ordinal; "about a quarter of": a fraction.
  if (/^an?$/i.test(n) && unit === 'second') return null;
  // "if there ever came a day when", "a day will come when": some day of the story's past or of the future, not a length.
  if (/^an?$/i.test(n) && unit === 'day') {
    const after = text.slice(end, end + 24);
    if (/^\s+(?:will|would|may|might|could)\s+come\s+when\b/i.test(after)) return { k: 'ref', ref: 'FUTURE_REF', window: null };
    const come = /\b(?:if\s+)?(?:[a-z]+\s+){0,2}(?:come|comes|came)\s+$/i.exec(before(text, start, 40));
    if (come !== null && /^\s+(?:when|that)\b/i.test(after)) {
      return { k: 'ref', ref: /^if\b|\bcomes?\s+$/i.test(come[0]) ? 'FUTURE_REF' : 'PAST_REF', window: null };
    }
  }
  // "three-quarters of its food": a fraction.
  if (unit === 'quarter' && /-quarters$/i.test(text.slice(start, end)) && /^\s+of\b/.test(text.slice(end, end + 4))) return null;
  if (/^(?:an?|one)$/i.test(n) && unit === 'quarter' && (/^\s+of\b/.test(text.slice(end, end + 4)) || !/\b(?:for|in|within|per|than|over|each|every|last|past|next)\s+$/i.test(before(text, start, 12)))) return null;
  return { k: 'duration', n: numberValue(n), unit, frame: 0 };
}, 1);

// "between 60 and 90 days", "between two to six days": the first number counts the unit named after the second.
rule(near(new RegExp(String.raw`\b${UNIT}`, 'g'), 8), String.raw`(?<=\b[Bb]etween\s)(?<n>${NUMBER})(?=\s+(?:and|to)\s+(?:${NUMBER})\s+(?<u>${UNIT}))`, (g) => {
  const unit = unitOf(g['u'] ?? '');
  const n = numberValue(g['n'] ?? '');
  return unit === null || n === null ? null : { k: 'duration', n, unit, frame: 0 };
}, 1);

// "several years", "recent years", "decades", "for years"
rule(near(/\b(?:years|decades|months|weeks|days|hours|minutes|centuries|quarters)(?!\w)/g, 5), String.raw`(?<![\w-])(?:(?<q>${ci('the following', 'the succeeding', 'the preceding', 'the previous', 'the early', 'the first', 'the final', 'the last', 'the remaining', 'the next', 'the past', 'several', 'many', 'recent', 'coming', 'future', 'the past few', 'the last few', 'the next few', 'the coming', 'over the', 'a few')})\s+)?(?<u>years|decades|months|weeks|days|hours|minutes|centuries|quarters)(?<long>-long)?(?!\w)`, (g, text, start) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  const q = g['q']?.toLowerCase();
  if (q === undefined) {
    // "a decades-long dispute", "a months-long siege": a length of unsaid count.
    if (g['long'] !== undefined) return { k: 'duration', n: null, unit, frame: 0 };
    if (!/\b(?:for|over|in|within|past|takes?|took|lasted|last|spent|just|only|mere)\s+$/i.test(before(text, start, 12))) return null;
    return { k: 'duration', n: null, unit, frame: 0 };
  }
  // "in recent weeks": the recent past, when something happened (TimeML: PAST_REF, as "recently"), not a length;
  // "the past few weeks" is one.
  if (q === 'recent') return { k: 'ref', ref: 'PAST_REF', window: unit };
  if (q === 'the coming' || q === 'coming' || q === 'future') return { k: 'ref', ref: 'FUTURE_REF', window: unit };
  if (q === 'for') return null;
  const frame = /past|last|previous|preceding/.test(q) ? -1 : /next|following|succeeding|remaining/.test(q) ? 1 : 0;
  return { k: 'duration', n: null, unit, frame };
}, 1);

// --- Sets -----------------------------------------------------------------------------------------------

rule(near(/\b(?:[Ee]very|[Ee]ach|[Dd]aily|[Ww]eekly|[Mm]onthly|[Aa]nnual|[Yy]early|[Qq]uarterly|[Hh]ourly|[Nn]ightly|[Bb]iweekly|[Ff]ortnightly|[Bb]iannually|[Oo]nce|[Tt]wice|[Tt]hree times|[Ff]our times)/g, 1), String.raw`(?<![\w-])(?:(?<every>${ci('every', 'each')})\s+(?:(?<other>other)\s+)?(?:(?<n>${NUMBER})\s+)?(?<u>${UNIT}|${WEEKDAY}|${POD}|${MONTH_FULL}|${ci('spring', 'summer', 'autumn', 'fall', 'winter')})|(?<adv>${ci('daily', 'weekly', 'monthly', 'annually', 'yearly', 'quarterly', 'hourly', 'nightly', 'biweekly', 'fortnightly', 'biannually', 'annual')})|(?<freq>${ci('once', 'twice', 'three times', 'four times')})\s+(?:a|per|every|each)\s+(?<fu>day|week|month|year|quarter))(?!\w)`, (g) => {
  const adv = g['adv']?.toLowerCase();
  if (adv !== undefined) {
    // Adjectives ("daily newspaper") are tagged as well: TimeML marks both.
    const map: Record<string, string> = {
      daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H',
      nightly: 'P1D', annual: 'P1Y', biweekly: 'P2W', fortnightly: 'P2W', biannually: 'P6M',
    };
    return { k: 'set', value: map[adv] ?? 'P1D' };
  }
  const fu = g['fu'];
  if (fu !== undefined) return { k: 'set', value: durationValue(1, unitOf(fu) ?? 'day') };
  const u = g['u'] ?? '';
  const dow = weekdayNumber(u);
  if (dow !== null) return { k: 'set', value: `XXXX-WXX-${dow}` };
  const pod = podCode(u);
  if (pod !== null) return { k: 'set', value: `XXXX-XX-XXT${pod}` };
  // "each July", "every summer"
  const month = monthNumber(u);
  if (month !== null) return { k: 'set', value: `XXXX-${month < 10 ? '0' : ''}${month}` };
  const season = seasonCode(u);
  if (season !== null) return { k: 'set', value: `XXXX-${season}` };
  const unit = unitOf(u);
  if (unit === null) return null;
  const n = g['n'] === undefined ? 1 : numberValue(g['n']) ?? 1;
  return { k: 'set', value: durationValue(g['other'] !== undefined ? 2 : n, unit) };
}, 2);

// "per day", "a year" after an amount ("$600 million per year")
rule(near(/\b(?:day|week|month|year|hour)(?!\w)/g, 3), String.raw`(?<![\w-])(?:per|a)\s+(?<u>day|week|month|year|hour)(?!\w)`, (g, text, start) => {
  const unit = unitOf(g['u'] ?? '');
  if (unit === null) return null;
  const word = text.slice(start, start + 3).toLowerCase();
  if (word !== 'per' && !/(?:\d|million|billion|thousand|dollars|euros|pounds|percent|%|times|once|twice)\s*$/i.test(before(text, start, 20))) return null;
  return { k: 'set', value: durationValue(1, unit) };
}, 0);

// "on Mondays", "Sundays"
rule(near(/days/g, 1), String.raw`(?<![\w-])(?<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)(?!\w)`, (g) => ({ k: 'set', value: `XXXX-WXX-${weekdayNumber(g['wd'] ?? '') ?? 1}` }), 1);

// --- Vague references -------------------------------------------------------------------------------------

rule(near(/\b(?:[Nn]ow|[Cc]urrent|[Pp]resent|[Tt]hese days|[Aa]t the moment|[Tt]he time being|[Rr]ecent|[Ll]ately|[Tt]he past|[Tt]he future|[Tt]he near|term|[Tt]he coming|ahead|[Ss]oon)/g, 3), String.raw`(?<![\w-])(?<w>${ci('as soon as possible', 'very soon', 'soon', 'now', 'right now', 'currently', 'presently', 'at present', 'nowadays', 'these days', 'at the moment', 'the present', 'the time being', 'recently', 'lately', 'more recently', 'most recently', 'the past', 'the future', 'the near future', 'the near term', 'the short term', 'the long term', 'the medium term', 'the coming days', 'the coming weeks', 'the coming months', 'the coming years', 'the days ahead', 'the weeks ahead', 'the months ahead', 'the years ahead', 'recent', 'current', 'ongoing')})(?![\w-])`, (g, text, start, end) => {
  const w = (g['w'] ?? '').toLowerCase();
  const prev = before(text, start, 12);
  const next = text.slice(end, end + 12);
  // "recent losses", "the current crisis": the adjectives before a noun (TimeML: PAST_REF, PRESENT_REF), not
  // "current account", "the current" (a flow) or "ongoing" alone.
  if (w === 'recent' || w === 'current') {
    if (!/^\s+[A-Za-z]/.test(next) || /^\s+(?:accounts?|assets|liabilities|affairs|flows?|ratio|prices?|dollars?|events)\b/i.test(next)) return null;
    if (w === 'current' && /\b(?:electric|electrical|ocean|strong|alternating|direct)\s+$/i.test(prev)) return null;
    // "its most recent model": the latest of things, not a time.
    if (/\b(?:most|more)\s+$/i.test(prev)) return null;
    return { k: 'ref', ref: w === 'recent' ? 'PAST_REF' : 'PRESENT_REF', window: null };
  }
  if (w === 'ongoing') return null;
  if (w === 'now') {
    // "now-defunct", "now that" are still present; "know", handled by \b.
    return { k: 'ref', ref: 'PRESENT_REF', window: null };
  }
  if (w === 'the past') {
    if (!/\b(?:in|of|from|into|over|during)\s+$/i.test(prev)) return null;
    if (/^\s+(?:\d|few|several|year|month|week|decade|day)/i.test(next)) return null;
    return { k: 'ref', ref: 'PAST_REF', window: null };
  }
  if (w.endsWith('soon')) {
    // "soon after the war", "as soon as they left", "sooner": a link between events, not a time.
    if (/^\s+(?:after|before|afterwards?|thereafter|as|enough|than)\b/i.test(next) || /\bas\s+$/i.test(prev)) return null;
    // "prices will soon rise": the near future, from the publication date; "the Germans soon intervened" is a
    // story's sequence, dropped in a past clause (tag-timexes).
    return { k: 'ref', ref: 'FUTURE_REF', window: null, aheadOnly: true };
  }
  if (w === 'the present' && !/\b(?:at|until|to)\s+$/i.test(prev)) return null;
  if (w.startsWith('the coming') || w.endsWith('ahead')) {
    const unit = unitOf(w.split(' ')[2] ?? (w.split(' ')[1] ?? 'day'));
    return { k: 'ref', ref: 'FUTURE_REF', window: unit ?? 'day' };
  }
  if (/future|term|soon|shortly/.test(w)) return { k: 'ref', ref: 'FUTURE_REF', window: null };
  if (/recent|lately/.test(w)) return { k: 'ref', ref: 'PAST_REF', window: null };
  return { k: 'ref', ref: 'PRESENT_REF', window: null };
}, 1);

// --- Times of day ---------------------------------------------------------------------------------------

const DAY_AFTER = String.raw`(?:\s+(?<day>${ci('today', 'tonight', 'yesterday', 'tomorrow')}|${WEEKDAY})|(?:,\s*|\s+)(?<mon>${MONTH})\s+(?<dd>${DAYNUM})(?!\d))?`;
const TZ = String.raw`(?:\s*(?<tz>UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|ET|PT)(?:\s*[+-]\s*\d{1,2})?)?(?:\s*\((?:GMT|UTC)\s*[+-]\s*\d{1,2}\))?`;

function timeSpec(g: Groups, h: number, min: number): Spec | null {
  if (h > 23 || min > 59) return null;
  const dayWord = g['day'];
  let day: Spec | null = null;
  const mon = monthNumber(g['mon'] ?? '');
  if (mon !== null) day = { k: 'day', y: null, m: mon, d: Number.parseInt(g['dd'] ?? '1', 10) };
  else if (dayWord !== undefined) {
    const dow = weekdayNumber(dayWord);
    if (dow !== null) day = { k: 'weekday', dow, rel: null, pod: null };
    else {
      const w = dayWord.toLowerCase();
      day = { k: 'relDay', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0, pod: null };
    }
  }
  const tz = g['tz'];
  return { k: 'time', h, min, utc: tz === 'UTC' || tz === 'GMT' || tz === 'Z', day };
}

rule(near(/(?<![A-Za-z])[aApP]\.?\s?[mM](?![a-zA-Z])|o['’]clock/g, 4), String.raw`(?<![\w.:])(?<h>1[0-2]|0?[1-9])(?:[:.](?<mi>[0-5]\d))?\s*(?<ap>[ap]\.\s?m\.|[ap]m|[AP]M|[AP]\.M\.|o['’]clock)(?![a-zA-Z])${TZ}${DAY_AFTER}(?!\w)`, (g) => {
  let h = Number(g['h']);
  const ap = (g['ap'] ?? '').toLowerCase();
  if (ap.startsWith('p') && h < 12) h += 12;
  if (ap.startsWith('a') && h === 12) h = 0;
  return timeSpec(g, h, Number(g['mi'] ?? '0'));
}, 3);

rule(near(/\d:\d/g, 2), String.raw`(?<![\w.:$£€])(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?![\d:]|\.\d)(?:\s*(?:hrs?|hours)\b)?${TZ}${DAY_AFTER}(?!\w)`, (g) => timeSpec(g, Number(g['h']), Number(g['mi'])), 2);

// "won in 3:07:35", "a time of 2:05:11": hours, minutes and seconds of a race or a session are a length of time,
// unless a preposition of a point in time ("at", "until") or a time zone / a.m. says it is a time of day.
rule(near(/\d:\d\d:\d/g, 1), String.raw`(?<![\w.:$£€])(?<h>\d{1,2}):(?<mi>[0-5]\d):(?<s>[0-5]\d)(?:\.\d+)?(?![\d:]|\.\d|\s*(?:[ap]\.?m\b|[AP]\.?M\b|UTC|GMT|EST|EDT|CET|BST|PST|PDT|hrs?\b|hours\b))`, (g, text, start) => {
  if (/\b(?:at|from|until|till|by|since|before|after|around|about|approximately|to)\s+$/i.test(before(text, start, 16))) return null;
  const h = Number(g['h']);
  const mi = Number(g['mi']);
  const sec = Number(g['s']);
  return { k: 'clockDuration', h, min: mi, s: sec };
}, 3);

rule(near(/UTC|GMT|hours|hrs/g, 2), String.raw`(?<![\w.:$£€])(?<h>[01]\d|2[0-3])(?<mi>[0-5]\d)\s*(?:(?<tz>UTC|GMT)|hours|hrs)${DAY_AFTER}(?!\w)`, (g) => timeSpec(g, Number(g['h']), Number(g['mi'])), 2);

rule(near(/[Nn]oon|[Mm]idnight|[Mm]idday/g, 1), String.raw`(?<![\w-])(?<w>${ci('noon', 'midnight', 'midday')})${DAY_AFTER}(?!\w)`, (g) => timeSpec(g, (g['w'] ?? '').toLowerCase() === 'midnight' ? 0 : 12, 0), 1);

// --- Holidays ---------------------------------------------------------------------------------------------

const HOLIDAYS: Record<string, [number, number]> = {
  christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31],
  'new year’s day': [1, 1], 'new year’s eve': [12, 31], halloween: [10, 31], "valentine's day": [2, 14], 'valentine’s day': [2, 14],
  'boxing day': [12, 26], 'independence day': [7, 4], 'bastille day': [7, 14],
};

/** US holidays on a weekday of a month: [month, nth (-1 the last), ISO weekday, days after it]. */
const FLOATING: Record<string, [number, number, number, number]> = {
  thanksgiving: [11, 4, 4, 0], 'thanksgiving day': [11, 4, 4, 0], 'labor day': [9, 1, 1, 0], 'memorial day': [5, -1, 1, 0],
  'election day': [11, 1, 1, 1],
};

rule(near(/Christmas|New Year|Halloween|Valentine|Boxing Day|Bastille Day|Thanksgiving|Labor Day|Memorial Day|Election Day|Fourth of July/g, 1), String.raw`(?<![\w-])(?<h>Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Halloween|Valentine['’]s Day|Boxing Day|Bastille Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day|Election Day|(?:the\s+)?Fourth of July)(?:,?\s+(?<y>${YEAR4}))?(?!\w)`, (g) => {
  const name = g['h'] ?? '';
  const key = name.toLowerCase();
  if (key.endsWith('fourth of july')) return { k: 'holiday', name, m: 7, d: 4, y: yearOf(g) };
  const f = FLOATING[key];
  if (f !== undefined) return { k: 'holiday', name, m: f[0], d: 1, y: yearOf(g), nth: { n: f[1], dow: f[2], plus: f[3] } };
  const md = HOLIDAYS[key];
  if (md === undefined) return null;
  return { k: 'holiday', name, m: md[0], d: md[1], y: yearOf(g) };
}, 2);

export function durationValue(n: number | null, unit: string): string {
  const count = n === null ? 'X' : String(n);
  switch (unit) {
    case 'second':
      return `PT${count}S`;
    case 'minute':
      return `PT${count}M`;
    case 'hour':
      return `PT${count}H`;
    case 'day':
      return `P${count}D`;
    case 'week':
      return `P${count}W`;
    case 'weekend':
      return `P${count}WE`;
    case 'fortnight':
      return n === null ? 'PXW' : `P${n * 2}W`;
    case 'month':
      return `P${count}M`;
    case 'quarter':
      return `P${count}Q`;
    case 'year':
      return `P${count}Y`;
    case 'decade':
      // ISO 8601 has no decade designator: decades, counted or not, are years ("two decades" P20Y, "decades" PXY).
      return n === null ? 'PXY' : `P${n * 10}Y`;
    case 'century':
      return n === null ? 'PXCE' : `P${n * 100}Y`;
    default:
      return `P${count}D`;
  }
}

// --- Modifiers inside the extent ------------------------------------------------------------------------

const MOD_PREFIX = new RegExp(
  String.raw`(?:^|[^\w-])(?<all>(?:${ci('the')}\s+)?(?:very\s+)?(?<mod>${ci(
    'early in',
    'late in',
    'earlier in',
    'later in',
    'early',
    'late',
    'mid',
    'the beginning of',
    'beginning of',
    'the start of',
    'start of',
    'the end of',
    'end of',
    'the middle of',
    'middle of',
    'the close of',
    'close of',
    'the turn of',
    'turn of',
    'the dawn of',
    'the first half of',
    'the second half of',
    'the first part of',
    'the latter part of',
    'the latter half of',
    'the rest of',
    'the remainder of',
    'around',
    'about',
    'approximately',
    'roughly',
    'circa',
    'nearly',
    'almost',
    'more than',
    'less than',
    'over',
    'under',
    'at least',
    'at most',
    'up to',
    'just over',
    'just under',
    'well over',
    'some',
    'only',
    'just',
    'the last',
    'the first',
  )})(?:\s+|-|\s*-\s*)(?:the\s+)?)$`,
);

function modOf(word: string): Mod | null {
  const w = word.toLowerCase().replace(/^the\s+/, '');
  if (w === 'early' || w.startsWith('beginning') || w.startsWith('start') || w.startsWith('dawn') || w.startsWith('first')) return 'START';
  if (w === 'late' || w.startsWith('end') || w.startsWith('close') || w.startsWith('latter') || w.startsWith('second half') || w.startsWith('rest') || w.startsWith('remainder') || w === 'last') return 'END';
  if (w === 'mid' || w.startsWith('middle') || w.startsWith('turn')) return 'MID';
  if (w === 'early in' || w === 'earlier in') return 'START';
  if (w === 'late in' || w === 'later in') return 'END';
  if (/^(?:around|about|approximately|roughly|circa|some)$/.test(w)) return 'APPROX';
  if (/^(?:nearly|almost|less than|under|just under|up to|at most)$/.test(w)) return w === 'up to' || w === 'at most' ? 'EQUAL_OR_LESS' : 'LESS_THAN';
  if (/^(?:more than|over|just over|well over)$/.test(w)) return 'MORE_THAN';
  if (w === 'at least') return 'EQUAL_OR_MORE';
  return null;
}

const POINT_KINDS = new Set<Spec['k']>(['weekday', 'day', 'month', 'monthOfYear', 'year', 'yearRel', 'decade', 'century', 'season', 'quarter', 'half', 'relUnit', 'fy', 'anaphor', 'holiday', 'relDay']);

const POD_PREFIX = new RegExp(String.raw`(?:^|[^\w-])(?<all>${ci('the', 'in the', 'on the')}\s+(?:(?:early|late)\s+)?(?<pod>morning|afternoon|evening|night)(?:\s+hours)?\s+of\s+)$`);

/** Extends a candidate leftwards over "early", "the end of", "around", "nearly" … and sets its mod. */
function applyModifier(text: string, c: Candidate): Candidate {
  if (c.spec.k === 'day') {
    const p = POD_PREFIX.exec(before(text, c.start, 40));
    const all = p?.groups?.['all'];
    const pod = podCode(p?.groups?.['pod']);
    if (all !== undefined && pod !== null) {
      const skip = /^(?:in|on) /i.test(all) ? 3 : 0;
      return { ...c, start: c.start - all.length + skip, pod };
    }
  }
  const prev = before(text, c.start, 40);
  const m = MOD_PREFIX.exec(prev);
  const all = m?.groups?.['all'];
  const word = m?.groups?.['mod'];
  if (m === null || all === undefined || word === undefined) return c;
  const mod = modOf(word);
  if (mod === null) return c;
  const isDuration = c.spec.k === 'duration';
  const lw = word.toLowerCase();
  if (isDuration) {
    if (mod === 'START' || mod === 'END' || mod === 'MID') return c;
    // "over the past two weeks": "over" is a signal there, not "more than".
    if (/^the\b/i.test(text.slice(c.start, c.start + 4))) return c;
    if (lw === 'some' || lw === 'only' || lw === 'just') return { ...c, start: c.start - all.length };
  } else {
    if (!POINT_KINDS.has(c.spec.k)) return c;
    if (mod === 'LESS_THAN' || mod === 'MORE_THAN' || mod === 'EQUAL_OR_LESS' || mod === 'EQUAL_OR_MORE') return c;
    if (lw === 'some' || lw === 'only' || lw === 'just' || lw === 'the last' || lw === 'the first') return c;
    // "about 2015" is fine; "about March" too. "over" never reaches here.
    if (c.spec.k === 'relDay' && mod !== 'START' && mod !== 'END') return c;
  }
  return { ...c, start: c.start - all.length, mod };
}

const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;

/** Character classes of the text, for token boundaries: \s, [A-Za-z_], [0-9], anything else. */
function charClasses(text: string): Uint8Array {
  const classes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) classes[i] = LETTER;
    else if (c >= 48 && c <= 57) classes[i] = DIGIT;
    else if (c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) classes[i] = SPACE;
    else classes[i] = OTHER;
  }
  return classes;
}

/** A token starts at `i`: not a space, and the first of its class (every other character is a token of its own). */
function isBoundary(classes: Uint8Array, i: number): boolean {
  const c = classes[i] as number;
  return c !== SPACE && (i === 0 || c === OTHER || classes[i - 1] !== c);
}

/** The token boundaries in order (`bounds`) and, for each offset i ≤ length, how many lie before it (`rank[i]`). */
function tokenBoundaries(classes: Uint8Array): { bounds: Int32Array; rank: Int32Array } {
  const rank = new Int32Array(classes.length + 1);
  let count = 0;
  for (let i = 0; i < classes.length; i++) {
    rank[i] = count;
    if (isBoundary(classes, i)) count++;
  }
  rank[classes.length] = count;
  const bounds = new Int32Array(count);
  for (let i = 0, k = 0; i < classes.length; i++) if (isBoundary(classes, i)) bounds[k++] = i;
  return { bounds, rank };
}

/**
 * The gates' keyword regexes joined, for gateHits: `any` finds (zero-width) each position where some gate matches;
 * `each`, sticky at such a position, has one capture per gate holding that gate's match there (an optional
 * lookahead per gate, so it always matches). `groups[g]`: the capture number of gate g.
 */
type GateScan = { any: RegExp; each: RegExp; groups: number[] };
let gateScan: GateScan | null = null;

function compileGateScan(): GateScan {
  const groups: number[] = [];
  let group = 1;
  for (const re of GATES) {
    groups.push(group);
    // The gate's own capturing groups (if any) come after its wrapping one.
    group += 1 + ((new RegExp(`${re.source}|`).exec('')?.length ?? 1) - 1);
  }
  return {
    any: new RegExp(`(?=${GATES.map((re) => `(?:${re.source})`).join('|')})`, 'g'),
    each: new RegExp(GATES.map((re) => `(?:(?=(${re.source}))|)`).join(''), 'y'),
    groups,
  };
}

/**
 * Every gate's hits as flat [start, length, start, length, …] lists, indexed by slot: the matches a global scan
 * of the text with the gate's own regex finds (non-overlapping, leftmost first). Scanning the text once for all
 * gates, then reading off at each position where one matches which ones do, costs far less than ~45 full scans.
 */
function gateHits(text: string): number[][] {
  const scan = (gateScan ??= compileGateScan());
  const hits: number[][] = GATES.map(() => []);
  // Where each gate's own scan would resume: after its last match (after an empty one, one further).
  const resume = GATES.map(() => 0);
  scan.any.lastIndex = 0;
  for (let m = scan.any.exec(text); m !== null; m = scan.any.exec(text)) {
    const at = m.index;
    scan.any.lastIndex = at + 1;
    scan.each.lastIndex = at;
    const each = scan.each.exec(text);
    if (each === null) continue; // cannot happen: every part of `each` may match empty
    for (let g = 0; g < GATES.length; g++) {
      const hit = each[scan.groups[g] as number];
      if (hit === undefined || at < (resume[g] as number)) continue;
      (hits[g] as number[]).push(at, hit.length);
      resume[g] = at + Math.max(1, hit.length);
    }
  }
  return hits;
}

/** Every candidate expression in `text`, possibly overlapping. */
export function recognize(text: string): Candidate[] {
  const out: Candidate[] = [];
  let classes: Uint8Array | null = null;
  let bounds: Int32Array = new Int32Array(0);
  let rank: Int32Array = new Int32Array(0);
  const n = text.length;
  const gates = gateHits(text);
  for (const { gate, re, build, priority } of rules) {
    const hits = gates[gate.slot] as number[];
    if (hits.length === 0) continue;
    if (classes === null) {
      classes = charClasses(text);
      ({ bounds, rank } = tokenBoundaries(classes));
    }
    // `tried`: candidates below it were tried; `end`: the end of the last match (matches do not overlap).
    let tried = 0;
    let end = 0;
    for (let h = 0; h < hits.length; h += 2) {
      const hitStart = hits[h] as number;
      const hitEnd = hitStart + Math.max(1, hits[h + 1] as number);
      // `before` token boundaries back from the hit (or the text's start), the `after`+1-th at or after its end (or
      // the text's end): read off the boundaries' list, not walked, so a hit inside a long run of digits or
      // letters costs no walk to the run's ends (that made a line of 100k digits quadratic).
      const back = (rank[hitStart] as number) - gate.before;
      const from = gate.before === 0 ? hitStart : back >= 0 ? (bounds[back] as number) : 0;
      const to = bounds[(rank[hitEnd] as number) + gate.after] ?? n;
      // [from, to]: the last candidate is the boundary after `after` tokens past the hit (or the text's end).
      for (let p = Math.max(from, tried, end); p <= to && p < n; p++) {
        // Every rule starts with a lookbehind that puts its start at a token boundary.
        if (!isBoundary(classes, p)) continue;
        re.lastIndex = p;
        const m = re.exec(text);
        if (m === null || m[0].length === 0) continue;
        const start = m.index;
        const stop = start + m[0].length;
        end = stop;
        const spec = build(m.groups ?? {}, text, start, stop);
        if (spec !== null) out.push(applyModifier(text, { start, end: stop, spec, mod: spec.k === 'yearEnd' ? 'END' : null, priority }));
        p = stop - 1;
      }
      tried = Math.max(tried, to + 1);
    }
  }
  return out;
}
