/**
 * Step 4: dated statements -> events. Each sentence or clause that tells of something, with a resolved date,
 * becomes an event with a short label, its interval, the verbatim excerpt, the expression it was dated by and
 * how, and the citations that support it. Then the same event told by several articles becomes one.
 */
import type { Citation, EventDetail, Interval, Precision, Span, Timex } from './schema.ts';
import { hashId } from './ids.ts';
import { formatDayLong } from './format-day.ts';

export type EventSource = {
  articleId: string;
  text: string;
  publishedOn: string;
  title: Span;
  paragraphs: readonly Span[];
  sentences: readonly (Span & { paragraph: number })[];
  citations: readonly Citation[];
  timexes: readonly Timex[];
};

export const MAX_LABEL = 90;

/** Signal words before an expression that belong to the phrase the label drops with it. */
const SIGNAL_BEFORE =
  /(?:\b(?:back|way|as|all|only|just|(?<!\bbreak(?:s|ing)?\s)even|already|since|in|on|at|from|by|until|till|before|after|during|through|throughout|of|earlier|later|around|about|until|between|and|to|for|over|within|as early as|as late as|no later than)\s+)+$/i;
const FRONTED = /^(?:soon\s+|shortly\s+|just\s+|long\s+)?(?:after|before|when|while|following|since|during|in|on|at|by|earlier|later|last|this|next|until|as of|throughout|over|within|back in)\b/i;
const REPORTING_VERBS =
  'said|stated|claimed|reported|announced|warned|told|revealed|confirmed|added|noted|argued|insisted|denied|wrote|published|alleged|suggested|declared|accused|urged|pointed out';
const PRESENT_PERFECT_REPORT = new RegExp(`\\b(?:has|have)\\s+(?:\\w+ly\\s+)?(?:${REPORTING_VERBS})\\b`, 'i');
const PAST_REPORT = new RegExp(`\\b(?:${REPORTING_VERBS})\\b`, 'i');
const ANTERIOR_OPENER = /^(?:earlier|previously|before that|prior to that|beforehand)\b\s*,?/i;
const TRAILING_ATTRIBUTION = new RegExp(`,\\s*(?:[^,]{1,40}?)\\s+(?:${REPORTING_VERBS})\\s*[.!?]?["”’]?$`, 'i');
const LEADING_MARKERS =
  /^(?:(?:however|meanwhile|moreover|furthermore|still|also|instead|nevertheless|indeed|now|then|earlier|later|previously|separately|in addition|at the same time|in the meantime)\s*,\s*|according to [^,]{1,60},\s*)+/i;
/** A wire dateline opening the first sentence: "WASHINGTON —", "KYIV, Ukraine (AP) -", "LONDON (Reuters) –". */
const DATELINE = /^\p{Lu}[\p{Lu} .'-]{1,30}(?:,\s*\p{Lu}[\p{L} .'-]{1,30})?\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s+(?=\p{Lu})/u;
const TRAILING_JUNK = /(?:\s+(?:was|were|is|are|be|been|has|have|had|the|a|an|of|in|on|at|to|for|by|from|with|and|or|but|that|which|since|back|until|as|than|its|their|his|her))+\s*$/i;
const RELATIVE = /\b(?:that|which|who)\s+((?:was|were|is|are|has been|have been|had been|had|has|have)\s+)?(\w+)/i;

/** Verbs that report speech or thought: what follows them is the reported happening, with a date of its own. */
const REPORT_VERB =
  /\b(?:said|says|told|tells|announced|announces|stated|claimed|reported|warned|warns|added|adds|noted|argued|argues|insisted|insists|confirmed|confirms|revealed|wrote|writes|declared|predicted|predicts|promised|pledged|vowed|vows|acknowledged|admitted|explained|estimated|expects|expected|believes|believed|thinks|thought|hopes|hoped|pointed out|points out)\b/gi;
/** A word that makes a clause finite: an auxiliary or modal, a regular past, or a common irregular past. */
const FINITE =
  /\b(?:was|were|is|are|will|would|could|can|may|might|should|must|had|has|have|did|does|do|\p{Ll}{2,}ed|began|went|came|made|took|gave|rose|fell|won|lost|left|met|held|saw|got|ran|sold|bought|told|said|found|built|sent|kept|grew|became|broke|spoke|wrote|struck|paid|led|hit|cut|set|put)\b/u;
const CLAUSE_START = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|he|she|it|they|we|i|you|there|several|many|some|most|all|no|both|each|every|few|other|more|fewer|\p{Lu}[\p{L}'’.-]*|\d)/u;
const VERB_AFTER_THAT = /^(?:was|were|is|are|will|would|could|can|may|might|should|had|has|have|did|does|do|\p{Ll}+ed)\b/u;

/** Where the reported clause starts in `clause` ("X said on Tuesday [that] the talks would resume…"), or -1. */
export function complementStart(text: string, clause: Span, timexes: readonly Span[]): number {
  const s = text.slice(clause.start, clause.end);
  REPORT_VERB.lastIndex = 0;
  const m = REPORT_VERB.exec(s);
  if (!m || m.index === 0 || m.index > 160) return -1;
  let at = m.index + m[0].length;
  const rest = s.slice(at);
  const that = /^[^,;]{0,60}?\bthat\s+/.exec(rest);
  if (that && !VERB_AFTER_THAT.test(rest.slice(that[0].length))) return clause.start + at + that[0].length;
  // Without "that": skip the object of "told" and a date right after the verb, then a clause must follow.
  if (/^told|^tells/i.test(m[0])) {
    const obj = /^\s+(?:(?!the\b|a\b|an\b|he\b|she\b|it\b|they\b|we\b|its\b|their\b|his\b|her\b)[\p{L}'’.-]+\s+){1,3}?(?=(?:the|a|an|he|she|it|they|we|its|their|his|her)\b)/iu.exec(rest);
    if (!obj) return -1;
    at += obj[0].length;
  }
  for (let moved = true; moved; ) {
    moved = false;
    const lead = s.slice(at).match(/^\s*(?:on|in|at|last|this|earlier)?\s*/)?.[0].length ?? 0;
    const t = timexes.find((x) => x.start === clause.start + at + lead);
    if (t) {
      at = t.end - clause.start;
      moved = true;
    }
  }
  const tail = s.slice(at).replace(/^\s+/, '');
  if (!CLAUSE_START.test(tail) || !FINITE.test(tail.slice(0, 80))) return -1;
  return clause.end - tail.length;
}

/** A trailing phrase that names what the main clause refers to: the date inside it dates that, not the clause. */
const REFERENCE_PHRASE =
  /^(?:\p{Ll}+ly\s+)?(?:referring|citing|recalling|quoting|alluding|pointing|harking|echoing|invoking|mentioning|in reference|with reference|in response)\s+(?:back\s+)?(?:to\s+)?/iu;
/** "with the vanguard arriving on Tuesday": an absolute phrase with a happening of its own. */
const ABSOLUTE_PHRASE =
  /^with\s+(?!whom\b|which\b)(?=(?:[\p{L}'’.-]+\s+){1,6}?\p{Ll}{2,}ing\s+(?:on|in|at|by|from|to|into|for|since|after|before|during|last|this|next|early|late|\p{Lu}|\d))/u;
const LOCAL_CLAUSE = /[,;]|\b(?:that|which|who|because|when|while|after|before|although|though|if|as|and|but|where)\b/gi;
const NOT_OR_MODAL = /\b(?:not|never|no longer)\b|n't\b|\b(?:could|might|may|can|should|would)\b/g;
const AUXILIARY = /^(?:be|been|being|have|has|had|ever|yet|also|even|only|really|actually|\p{Ll}+ly)$/u;
const VERB_FORM = /^\p{Ll}+(?:ed|ing|en)$|^(?:began|went|came|made|took|gave|rose|fell|won|lost|left|met|held|saw|got|ran|sold|bought|told|said|found|built|sent|kept|grew|became|broke|spoke|wrote|struck|paid|led)$/u;

/**
 * True when the happening a date stands with is negated ("did not sign the deal on Monday") or hypothetical
 * ("could invade in April"): a "not" or modal in the date's own clause, with no other verb between it and the
 * date ("would not lift the sanctions imposed after the 1990 invasion" dates the invasion). "Not … until May"
 * says when it did happen; "would" in reported speech is what was announced.
 */
export function isNegatedOrHypothetical(beforeDate: string, reported: boolean): boolean {
  let from = 0;
  for (const m of beforeDate.matchAll(LOCAL_CLAUSE)) from = m.index + m[0].length;
  const local = beforeDate.slice(from);
  if (/\b(?:until|till|unless)\b/i.test(local)) return false;
  let last: RegExpExecArray | null = null;
  for (const m of local.matchAll(NOT_OR_MODAL)) last = m;
  if (!last || (reported && last[0] === 'would')) return false;
  const words = local.slice(last.index + last[0].length).trim().split(/\s+/).filter((w) => w !== '' && !AUXILIARY.test(w) && !/^(?:not|n't|never)$/.test(w));
  return words.length <= 10 && !words.slice(1).some((w) => VERB_FORM.test(w));
}
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we)\b/i;
/** A clause opened by a subordinator: the main clause after its comma is the one a later date dates. */
const SUBORDINATE_OPENER = /^(?:while|although|though|whereas|because|if|even though|even as|despite)\b/i;
/** "…to $85.7 million, from $93.3 million a year earlier": the date of the figure compared with, not of a happening. */
const COMPARISON_BASE = /\bfrom\s+(?:about\s+|nearly\s+|almost\s+)?[$£€#]?\d[\d.,]*\s*(?:%|percent|(?:million|billion|trillion)\b)?\s*(?:(?:or\s+)?[$£€#]?\d[\d.,]*\s*(?:cents?\s+)?a\s+share\s*)?$/i;
/** "for the first half", "for its third quarter": the period a figure is for, not when something happened. */
const PERIOD_OF_FIGURE = /\b(?:for|than|compared\s+(?:with|to))\s+(?:the\s+|its\s+|their\s+)?$/i;
/** A determiner right before a year that modifies the noun after it ("that 1978 resolution", "its 1990 invasion"). */
const ATTRIBUTIVE_YEAR_BEFORE = /\b(?:the|that|this|its|their|his|her|our|a|an)\s+$/i;
/** "…were lower than a year ago", "higher than in 1988": the term of a comparison, the date of no happening. */
const THAN_DATE = /\bthan\s+(?:in\s+|at\s+|during\s+)?(?:the\s+)?$/i;
/** A debt and its maturity before a date: "notes due", "debentures maturing in", "bonds due in". */
const MATURITY = /\b(?:notes|bonds|debentures|securities|certificates|obligations|loans?|debt|paper|issues?)\s+(?:(?:are|is|were|was)\s+)?(?:due|maturing|that mature|which mature)\s+(?:in\s+|on\s+)?$/i;

/** "a takeover bid launched last week": a past participle right before the date, after its noun. */
const REDUCED_RELATIVE =
  /([\p{L}\d'’.-]+)\s+(\p{Ll}+ed|made|held|built|won|sold|taken|given|seen|done|written|chosen|drawn|known|shown|begun|paid|sent|spent|brought|bought|caught|fought|found|lost|led|kept|set|put|cut|hit|struck)\s*$/u;
const NOT_A_NOUN = /^(?:was|were|is|are|be|been|being|has|have|had|not|never|also|and|or|but|that|which|who|to|\p{Ll}+ly)$/iu;

/** A relative pronoun with the verb of its clause, with no comma before the date: "that began", "which was signed". */
const RELATIVE_BEFORE_DATE =
  /\b(?:that|which|who)\s+(?=(?:was|were|is|are|has|have|had|will|would|\p{Ll}+ed|began|went|came|made|took|gave|rose|fell|won|lost|left|met|held|saw|got|ran|sold|bought|told|said|found|built|sent|kept|grew|became|broke|spoke|wrote|struck|paid|led)\b)[^,;]*$/gu;
/** The same, where commas may separate the items of a list ("who stepped down as chair, treasurer and secretary in"). */
const RELATIVE_WITH_LIST =
  /\b(?:that|which|who)\s+(?=(?:was|were|is|are|has|have|had|will|would|\p{Ll}+ed|began|went|came|made|took|gave|rose|fell|won|lost|left|met|held|saw|got|ran|sold|bought|told|said|found|built|sent|kept|grew|became|broke|spoke|wrote|struck|paid|led)\b)/gu;

/**
 * The last relative clause before the date, as RELATIVE_BEFORE_DATE finds it, or one whose commas only separate
 * the items of a list: no part after a comma opens with a verb or a subject ("…, which was founded by a chemist,
 * said on Monday" is the main clause's date).
 */
function relativeBeforeDate(head: string): { index: number } | null {
  let relative: RegExpExecArray | null = null;
  for (const m of head.matchAll(RELATIVE_BEFORE_DATE)) relative = m;
  if (relative) return relative;
  let last: RegExpExecArray | null = null;
  for (const m of head.matchAll(RELATIVE_WITH_LIST)) last = m;
  if (!last) return null;
  const parts = head.slice(last.index).split(',');
  if (parts.length < 2 || head.includes(';', last.index)) return null;
  const listLike = parts.slice(1).every((p) => {
    const first = /^\s*(?:and\s+|or\s+)?([\p{L}'’-]+)/u.exec(p)?.[1] ?? '';
    return first !== '' && !FINITE.test(first) && !PRONOUN_SUBJECT.test(first) && !/^(?:that|which|who|when|while|because|although|but)$/i.test(first);
  });
  return listLike ? last : null;
}
const REPORTED_BEFORE = new RegExp(`(?:${REPORT_VERB.source})[^,;.!?]{0,60}$`, 'i');

/** The subject that opens a clause: its words up to the verb, at most five ("Jones was ordered home" -> "Jones"). */
export function subjectAfter(clause: string): string {
  const words = clause.replace(LEADING_MARKERS, '').trim().split(/\s+/);
  const np: string[] = [];
  for (const w of words) {
    if (np.length >= 5 || (np.length > 0 && NP_BOUNDARY.test(w))) break;
    np.push(w);
  }
  return np.length > 0 && np.length < 5 && !/[,;]$/.test(np[np.length - 1] ?? '') ? np.join(' ') : '';
}

/** TimeML mods after which the event goes on past the interval's end. */
const OPEN_END_MODS = new Set(['SINCE', 'AFTER', 'ON_OR_AFTER']);

const PRECISION_RANK: Record<Precision, number> = {
  day: 0, week: 1, month: 2, quarter: 3, season: 3, half: 4, year: 5, decade: 6, century: 7,
};

function isDatable(t: Timex): t is Timex & { interval: Interval } {
  return (t.type === 'DATE' || t.type === 'TIME') && t.interval !== null && !t.value.endsWith('_REF');
}

/** Segments of a sentence between commas and semicolons (not inside quotes, not "2,000"). */
function segmentsOf(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  let inQuote = false;
  for (let i = s.start; i < s.end; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”') inQuote = c === '“' ? true : c === '”' ? false : !inQuote;
    if (inQuote) continue;
    if ((c === ',' || c === ';') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: s.end });
  return out;
}

const RANGE_CONNECTOR = /^\s*(?:-|–|—|to|and|or|through|until|till|into)\s*$/i;
const CLAUSE_MARKER = /\s(?:after|before|that|which|who|when|while|because|whereas|although|but|and then|since|as)\s/gi;

/**
 * Two dated expressions in one comma segment are two facts when a clause marker stands between them
 * ("returned on Friday after a strike that began on May 24"), one when they make a range ("from May to June").
 */
function splitClauses(text: string, segments: readonly Span[], dated: readonly Timex[]): Span[] {
  const out: Span[] = [];
  for (const seg of segments) {
    const inSeg = dated.filter((t) => t.start >= seg.start && t.start < seg.end);
    let start = seg.start;
    for (let k = 1; k < inSeg.length; k++) {
      const prev = inSeg[k - 1] as Timex;
      const next = inSeg[k] as Timex;
      const gap = text.slice(prev.end, next.start);
      if (RANGE_CONNECTOR.test(gap)) continue;
      let cut = -1;
      for (const m of gap.matchAll(CLAUSE_MARKER)) cut = m.index ?? -1;
      if (cut < 0) continue;
      out.push({ start, end: prev.end + cut });
      start = prev.end + cut;
    }
    out.push({ start, end: seg.end });
  }
  return out;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:]/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Drops dangling punctuation and function words at the end ("…build-up was,"). */
function tidyEnd(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    // "Production costs, compared" once "with a year ago" is dropped: the comparison goes with its term.
    out = out.replace(/[\s,;:\-–—(]+$/, '').replace(TRAILING_JUNK, '').replace(/,\s*(?:as\s+)?compared$/i, '');
  }
  return out;
}

/** Where a phrase ends inside a label: at a comma, or before a preposition, conjunction or relative word. */
const PHRASE_BOUNDARY =
  /,\s|\s(?=(?:that|which|who|whose|where|when|while|because|after|before|as|and|but|or|to|in|on|at|for|from|with|by|about|over|under|against|amid|during|including|into|of|since|through|than|despite|without|between)\s)/g;

/** Cut at the end of a phrase (else at a word) to at most `max` characters, with an ellipsis when cut. */
export function clip(s: string, max = MAX_LABEL): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  let phrase = -1;
  for (const m of cut.matchAll(PHRASE_BOUNDARY)) if (m.index > max * 0.4) phrase = m.index;
  const space = cut.lastIndexOf(' ');
  return `${tidyEnd(phrase > 0 ? cut.slice(0, phrase) : space > max * 0.5 ? cut.slice(0, space) : cut)}…`;
}

/**
 * A short label from a clause: the dating expression and its signal words removed, discourse markers and
 * trailing attributions dropped, a relative clause ("the accords that were signed") turned into a statement
 * ("The accords were signed"), purpose clauses cut, at most MAX_LABEL characters.
 */
export function labelFromClause(text: string, clause: Span, drop: readonly Span[]): string {
  let s = '';
  let at = clause.start;
  for (const d of [...drop].sort((a, b) => a.start - b.start)) {
    if (d.end <= clause.start || d.start >= clause.end) continue;
    // "welcomed Tuesday's announcement" -> "welcomed the announcement", not "welcomed 's announcement"; the words
    // before a possessive date belong to the noun after it ("before Friday's purchases").
    const possessive = /^['’]s?(?=\s)/.exec(text.slice(d.end, Math.min(clause.end, d.end + 3)));
    const before = text.slice(at, Math.max(at, d.start));
    s += possessive ? before : before.replace(SIGNAL_BEFORE, '');
    at = Math.max(at, d.end);
    if (possessive) {
      at += possessive[0].length;
      if (!/\b(?:the|a|an|this|that|its|their|his|her|our)\s*$/i.test(s)) s += s.endsWith(' ') ? 'the' : ' the';
    }
  }
  // What follows the dated part after a comma ("…, alleging it was…") is commentary, when enough stands before it.
  const comma = drop.length > 0 ? text.slice(at, clause.end).search(/[,;](?!\d)/) : -1;
  s += comma >= 0 && s.replace(/\s+/g, ' ').trim().split(' ').length >= 5 ? text.slice(at, at + comma) : text.slice(at, clause.end);
  s = s.replace(/\s+/g, ' ').trim().replace(/^[,;:]\s*/, '');
  s = s.replace(/[.!?]+["”’]?$/, '').replace(TRAILING_ATTRIBUTION, '');
  s = s.replace(DATELINE, '').replace(LEADING_MARKERS, '').replace(/,\s*(?:citing|quoting|according to)\s[^,]{1,60},/gi, '');
  // "The plant, which makes batteries, will close" -> "The plant will close": the aside is not the happening.
  s = s.replace(/,\s+(?:which|who)\s[^,;]{1,120},\s*/gi, ' ');
  const rel = RELATIVE.exec(s);
  if (rel && rel.index > 0) {
    const np = nounPhraseBefore(s.slice(0, rel.index));
    const tail = s.slice(rel.index + rel[0].length - (rel[2]?.length ?? 0));
    const verb = rel[1]?.trim() ?? '';
    if (np && verb && /\b(?:was|were|is|are|had been|has been|have been)\b/.test(verb)) s = `${np} ${verb} ${tail}`;
  }
  s = s.replace(/\s+in order to\b.*$/i, '').replace(/\s*[,;:]\s*$/, '');
  s = s.replace(/\s+([,;:.])/g, '$1').replace(/([,;:])(?:\s*[,;:])+/g, '$1').replace(/\(\s*\)/g, '');
  // A second clause joined by ", and"/", but" is another statement; keep the first when it says enough.
  const joined = /[,;]\s+(?:and|but|while|whereas)\s/i.exec(s);
  if (joined && s.slice(0, joined.index).split(' ').length >= 4) s = s.slice(0, joined.index);
  return clip(capitalise(tidyEnd(s.replace(/\s+/g, ' ').trim())));
}

const NP_BOUNDARY =
  /^(?:to|under|of|with|for|on|in|at|by|about|from|over|against|into|as|than|due|after|before|during|since|said|says|say|is|are|was|were|has|have|had|will|would|could|should|may|might|that|which|who|\w+ed)$/i;

/** The noun phrase that ends `head`: back to a preposition or verb, at most five words ("after a strike" -> "a strike"). */
export function nounPhraseBefore(head: string): string {
  const words = head.trim().replace(/[\s,;:]+$/, '').split(/\s+/);
  const np: string[] = [];
  for (let k = words.length - 1; k >= 0 && np.length < 5; k--) {
    const w = words[k] ?? '';
    // "the park, although conceptual drawings": a noun phrase ends at a comma or a subordinator.
    if (np.length > 0 && (NP_BOUNDARY.test(w) || /[,;:]$/.test(w) || /^(?:although|though|while|whereas|because|unless|if|when|where)$/i.test(w))) break;
    np.unshift(w);
  }
  // "cosponsor the multi-party talks" -> "the multi-party talks": a noun phrase starts at its determiner.
  const det = np.findLastIndex((w, k) => k < np.length - 1 && /^(?:the|a|an|its|their|his|her|our|this|that|these|those)$/i.test(w));
  if (det > 0) return np.slice(det).join(' ').replace(/^[,;:(]+/, '');
  // "She succeeds Ann Lee" -> "Ann Lee": a name after a verb the boundary words do not know is the noun phrase.
  let name = np.length;
  while (name > 0 && /^\p{Lu}[\p{L}'’.-]*$/u.test(np[name - 1] ?? '')) name--;
  const subject = name < 2 || /^(?:he|she|it|they|we|\p{Lu}[\p{L}'’.-]*)$/u.test(np[name - 2] ?? '');
  const verbBefore = name > 0 && name < np.length && /^\p{Ll}+s$/u.test(np[name - 1] ?? '') && subject;
  return (verbBefore ? np.slice(name) : np).join(' ').replace(/^[,;:(]+/, '');
}

/** "‘in April 2021’, in an article of 20 Nov 2021: a month named with a year", from the tagger's derivations. */
function explain(expression: string, published: string, timexes: readonly Timex[]): string {
  const parts = timexes.map((t) => {
    const m = /^‘([^’]*)’:\s*(.*)$/s.exec(t.derivation);
    const how = (m ? m[2] ?? '' : t.derivation).replace(/ (?:of|in) an article dated -?\d{4,}-\d{2}-\d{2}/g, '');
    return { phrase: m ? m[1] ?? t.text : t.text, how };
  });
  const phrase = parts.length === 1 ? (parts[0]?.phrase ?? expression) : expression;
  return `‘${phrase}’, in an article of ${published}: ${parts.map((p) => p.how).join('; ')}`;
}

const PARTICIPLE =
  /^\s*(?:\p{Ll}+ed|made|held|built|won|sold|taken|given|seen|done|written|chosen|drawn|known|shown|begun|set|put|cut|hit|struck|paid|sent|spent|brought|bought|caught|fought|found|lost|met|led|left|told|kept|born)\b[^,;]*$/u;

/**
 * The participle phrase holding `t`: enclosed by commas after a noun ("…the deal, signed yesterday, raises…"),
 * or fronted before the subject ("Cited by police in December, Jones was…"), or null. A past tense after an
 * apposition ("Smith, a teacher, lived in…") is the verb of the sentence, not a participle phrase.
 */
function participlePhrase(text: string, segments: readonly Span[], t: Timex): { span: Span; fronted: boolean } | null {
  const k = segments.findIndex((seg) => seg.start <= t.start && t.start < seg.end);
  const seg = segments[k];
  const next = segments[k + 1];
  if (!seg) return null;
  const span = trimSpan(text, seg);
  const lead = text.slice(span.start, t.start);
  const head = lead.replace(LEADING_MARKERS, '');
  if (k === 0 || (k === 1 && LEADING_MARKERS.test(text.slice(segments[0]?.start ?? 0, seg.start)))) {
    const fronted = next !== undefined && FRONTED_PARTICIPLE.test(head) && (k === 0 ? /^\s*\p{Lu}/u.test(head) : PARTICIPLE.test(head));
    return fronted && !isFragment(text.slice(next.start, next.end)) ? { span, fronted: true } : null;
  }
  // Between commas ("the deal, signed yesterday, raises …"), or ending the sentence ("…the peace talks, set to
  // resume on Monday."); not a period of accounts ("for the quarter, ended Sept. 30").
  if (text[seg.start - 1] !== ',' || (next !== undefined && !isFragment(text.slice(next.start, next.end)))) return null;
  // "Sun, a maker of workstations, reported sales …": after an apposition, the verb of the sentence.
  const prev = segments[k - 1];
  // ("Oshkosh Truck Corp., Oshkosh, Wis., reported …": after a place, the same.)
  const prevText = prev ? text.slice(prev.start, prev.end) : '';
  if (k >= 2 && (/^\s*(?:a|an|the)\s/i.test(prevText) || /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*$/u.test(prevText)) && !hasVerb(prevText)) return null;
  // "costs, compared with a year ago, rose": a comparison, not what happened to the costs.
  if (/^\s*compared\b/i.test(lead)) return null;
  if (next === undefined && (/^\s*(?:ended|ending|adjusted|restated)\b/i.test(lead) || !hasVerb(text.slice(segments[0]?.start ?? seg.start, segments[0]?.end ?? seg.start)))) return null;
  return PARTICIPLE.test(lead) ? { span, fronted: false } : null;
}

/** A noun phrase whose head is a common noun in the plural ("the peace talks"; not "Jones", "the process", "the news"). */
function isPlural(np: string): boolean {
  const head = /(\S+)$/.exec(np)?.[1] ?? '';
  return /^\p{Ll}[\p{L}'’-]*[^siu'’]s$/u.test(head) && head !== 'news';
}

const FINITE_ALL = new RegExp(FINITE.source, 'gu');

/** A match of `verbs` in `s` that is not an adjective after a determiner ("a retired teacher", "the proposed merger"). */
function hasVerbOf(s: string, verbs: RegExp): boolean {
  for (const m of s.matchAll(verbs)) {
    if (!/\b(?:a|an|the|its|their|his|her|our|this|that|these|those|newly|recently)\s+$/i.test(s.slice(Math.max(0, m.index - 12), m.index))) return true;
  }
  return false;
}

/** A finite verb in `s`: the sentence has its verb. */
function hasVerb(s: string): boolean {
  return hasVerbOf(s, FINITE_ALL);
}

const PAST_VERB_ALL =
  /(?<![\p{L}-])(?:was|were|had|did|\p{Ll}{2,}ed|began|went|came|made|took|gave|rose|fell|won|lost|left|met|held|saw|got|ran|sold|bought|told|said|found|built|sent|kept|grew|became|broke|spoke|wrote|struck|paid|led)\b/gu;

/** A verb in the past in `s`: a clause of the past. */
function hasPastVerb(s: string): boolean {
  return hasVerbOf(s, PAST_VERB_ALL);
}

/** A participle that opens the sentence, with the preposition after it ("Cited by", "Born in"). */
const FRONTED_PARTICIPLE =
  /^\s*(?:\p{L}\p{Ll}+ed|made|held|built|won|sold|taken|given|seen|chosen|known|shown|struck|sent|brought|caught|found|led|left|told|born)\s+(?:by|in|on|at|for|from|with|as|after|during|to|into|over|under|since)\b[^,;]*$/iu;

const DETERMINERS = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|some|many|most|several|all|both|each|every|no|one|two|three|four|five|ten|hundreds|thousands|millions|more|fewer|about|around|nearly|only|just|at)$/i;

/** A clause that starts with a lowercase word other than a determiner has lost its subject to the clause before. */
function isFragment(clause: string): boolean {
  const first = /^[\s,;:]*([\p{L}'’-]+)/u.exec(clause)?.[1] ?? '';
  return /^\p{Ll}/u.test(first) && !DETERMINERS.test(first) && !/^(?:there|it|he|she|they|we|i|you)$/i.test(first);
}

function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

function spanIntervals(timexes: readonly (Timex & { interval: Interval })[]): Interval {
  const first = timexes[0] as Timex & { interval: Interval };
  if (timexes.length === 1) return first.interval;
  const starts = timexes.map((t) => t.interval.start);
  const ends = timexes.map((t) => t.interval.end);
  return {
    start: starts.includes(null) ? null : (starts as string[]).reduce((a, b) => (a < b ? a : b)),
    end: ends.includes(null) ? null : (ends as string[]).reduce((a, b) => (a > b ? a : b)),
    precision: timexes.map((t) => t.interval.precision).reduce(coarser),
    approximate: timexes.some((t) => t.interval.approximate),
  };
}

function supportingCitations(citations: readonly Citation[], s: Span): Citation[] {
  return citations.filter((c) => c.supports && c.supports.start < s.end && s.start < c.supports.end);
}

function isSortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if ((spans[i - 1] as Span).start > (spans[i] as Span).start) return false;
  return true;
}

/** Every event one article tells, before merging with other articles. Pure. */
export function buildEvents(src: EventSource): EventDetail[] {
  const { articleId, text, publishedOn } = src;
  const published = formatDayLong(publishedOn);
  const events: EventDetail[] = [];
  const used = new Map<string, number>();
  const idFor = (...parts: string[]) => {
    const key = parts.join('\u0000');
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return `e-${hashId(articleId, ...parts, String(n))}`;
  };
  const excerptOf = (s: Span, paragraph: Span) => ({
    articleId,
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    paragraphStart: paragraph.start,
    paragraphEnd: paragraph.end,
  });
  // Every event's first fields, written out in each literal below (not spread from an object: a literal with a
  // spread is built property by property, which cost more than anything else here).
  const articleIds = [articleId];
  const aliases: string[] = [];

  // The article's own publication is an event of its own.
  events.push({
    articleId,
    articleIds,
    aliases,
    id: idFor('publication'),
    kind: 'publication',
    label: clip(`Published: ${text.slice(src.title.start, src.title.end)}`),
    start: publishedOn,
    end: publishedOn,
    precision: 'day',
    approximate: false,
    openEnd: false,
    excerpts: [excerptOf(src.title, src.title)],
    dating: { expression: null, start: null, end: null, value: publishedOn, method: 'publication', explanation: `The article's date line: published ${published}.` },
    citationIds: [],
  });

  /** An undated passage that a dated citation supports takes the citation's date, and says so. */
  const citationEvent = (sentence: Span, paragraph: Span, sentenceText: string, cite: Citation & { date: string }, label: string, cites: readonly Citation[], why: string): EventDetail => {
    const what = cite.headline ? `“${cite.headline}”` : cite.host;
    return {
      articleId,
      articleIds,
      aliases,
      id: idFor('citation', sentenceText, cite.url),
      kind: 'mention',
      label,
      start: cite.date,
      end: cite.date,
      precision: 'day',
      approximate: true,
      openEnd: false,
      excerpts: [excerptOf(sentence, paragraph)],
      dating: {
        expression: null,
        start: null,
        end: null,
        value: cite.date,
        method: 'citation',
        explanation: `${why}; the source it cites, ${what} (${cite.host}), is dated ${formatDayLong(cite.date)} in its address and matches this passage (score ${cite.supports?.score.toFixed(2) ?? '?'}).`,
      },
      citationIds: cites.map((c) => c.id),
    };
  };
  /** "X has stated that…": the present perfect of a report in the news means the day of publication. */
  const presentPerfectEvent = (sentence: Span, paragraph: Span, sentenceText: string, label: string, cites: readonly Citation[], explanation: string): EventDetail => ({
    articleId,
    articleIds,
    aliases,
    id: idFor('present-perfect', sentenceText),
    kind: 'mention',
    label,
    start: publishedOn,
    end: publishedOn,
    precision: 'day',
    approximate: false,
    openEnd: false,
    excerpts: [excerptOf(sentence, paragraph)],
    dating: { expression: null, start: null, end: null, value: publishedOn, method: 'publication', explanation },
    citationIds: cites.map((c) => c.id),
  });
  let ti = 0;
  // The tagger gives them sorted; sort (a stable sort: same order) only when they are not.
  const timexes = isSortedByStart(src.timexes) ? src.timexes : [...src.timexes].sort((a, b) => a.start - b.start);
  for (const sentence of src.sentences) {
    const paragraph = src.paragraphs[sentence.paragraph] ?? sentence;
    while (ti < timexes.length && (timexes[ti] as Timex).end <= sentence.start) ti++;
    const inSentence: Timex[] = [];
    for (let k = ti; k < timexes.length && (timexes[k] as Timex).start < sentence.end; k++) inSentence.push(timexes[k] as Timex);
    const dated = inSentence.filter(isDatable);
    const sentenceText = text.slice(sentence.start, sentence.end);
    const cites = supportingCitations(src.citations, sentence);

    if (dated.length > 0) {
      // Group the expressions by clause: the comma/semicolon segments, each without one joining the one before.
      const segments = splitClauses(text, segmentsOf(text, sentence), dated);
      const groups: { span: Span; timexes: (Timex & { interval: Interval })[] }[] = [];
      for (const seg of segments) {
        const inSeg = dated.filter((t) => t.start >= seg.start && t.start < seg.end);
        const last = groups[groups.length - 1];
        if (inSeg.length === 0 || !last) {
          if (last) last.span = { start: last.span.start, end: seg.end };
          else groups.push({ span: seg, timexes: inSeg });
          continue;
        }
        if (last.timexes.length === 0) {
          last.span = { start: last.span.start, end: seg.end };
          last.timexes.push(...inSeg);
        } else groups.push({ span: seg, timexes: inSeg });
      }
      const single = groups.length === 1;
      /**
       * The main clause whose only date dates what it refers to takes the date its context gives: the cited
       * source supporting the sentence, or the passage before it about the same actor; else it makes no event.
       */
      const pushContextEvent = (main: Span, t: Timex, referent: Span, said: boolean) => {
        // The saying is labelled with what was said ("X has announced that ships will be cleared").
        const label = said ? labelFromClause(text, { start: main.start, end: referent.end }, [t]) : labelFromClause(text, main, []);
        const why = `No date of its own: ‘${t.text}’ dates ${said ? 'what was said' : 'what it refers to'} (${labelFromClause(text, referent, [t]).toLowerCase()})`;
        const cite = cites.find((c) => c.date !== null);
        if (cite?.date) {
          events.push(citationEvent(sentence, paragraph, sentenceText, { ...cite, date: cite.date }, label, cites, why));
          return;
        }
        const perfect = PRESENT_PERFECT_REPORT.exec(text.slice(main.start, main.end));
        if (perfect) {
          events.push(presentPerfectEvent(sentence, paragraph, sentenceText, label, cites, `${why}; a statement reported in the present perfect (“${perfect[0]}”) is news of the publication day, ${published}.`));
          return;
        }
        let prev: EventDetail | undefined;
        for (let k = events.length - 1; k >= 0 && !prev; k--) {
          const x = (events[k] as EventDetail).excerpts[0];
          if (x && x.start < sentence.start) prev = x.paragraphStart === paragraph.start && events[k]?.kind === 'mention' ? events[k] : undefined;
          if (x && x.start < sentence.start) break;
        }
        const subject = subjectAfter(text.slice(main.start, main.end));
        // The same actor: a pronoun, or the subject's head word in the passage before ("Milley", "the chief").
        const head = /([\p{L}'’-]{3,})$/u.exec(subject)?.[1];
        const named = head === undefined ? null : new RegExp(`(?<![\\p{L}])${head.replace(/[’'-]/g, '.')}(?![\\p{L}])`, 'iu');
        const continues = PRONOUN_SUBJECT.test(subject) || (named !== null && prev?.excerpts.some((x) => named.test(x.text)) === true);
        if (!prev || !continues) return;
        const p = prev;
        events.push({
          articleId,
          articleIds,
          aliases,
          id: idFor('context', sentenceText, t.text),
          kind: 'mention',
          label,
          start: p.start,
          end: p.end,
          precision: p.precision,
          approximate: true,
          openEnd: p.openEnd,
          excerpts: [excerptOf(sentence, paragraph)],
          dating: {
            expression: null,
            start: null,
            end: null,
            value: p.dating.value,
            method: p.dating.method,
            explanation: `${why}; it goes on from the passage before it (“${p.label}”): ${p.dating.explanation}`,
          },
          citationIds: cites.map((c) => c.id),
        });
      };
      // A group whose dates the fronted date's event took in ("Last month, X posted profit for the first half").
      let absorbedGroup = -1;
      groups.forEach((g, gi) => {
        if (g.timexes.length === 0 || gi === absorbedGroup) return;
        let labelSpan = trimSpan(text, g.span);
        let fronted = false;
        let absorbed: readonly Timex[] = [];
        // A fronted adverbial ("Soon after the reports in November, Bloomberg claimed…") dates the main clause.
        const firstSeg = segments[0];
        if (gi === 0 && firstSeg && g.timexes.every((t) => t.start < firstSeg.end) && segments.length > 1) {
          const lead = text.slice(firstSeg.start, firstSeg.end).trim();
          if (FRONTED.test(lead) || g.timexes.some((t) => lead.replace(/[\s,]+$/, '').endsWith(t.text) && lead.length - t.text.length < 12)) {
            let mainEnd = single ? sentence.end : (groups[1]?.span.start ?? sentence.end);
            const next = groups[1];
            // The main clause has a date of its own only after "for": the period of a figure ("posted a jump in profit
            // for the first half"); the fronted date dates the clause's verb, the period no happening of its own.
            if (!single && next && mainEnd <= firstSeg.end + 1 && next.timexes.every((t) => PERIOD_OF_FIGURE.test(text.slice(Math.max(next.span.start, t.start - 16), t.start)))) {
              mainEnd = next.span.end;
              absorbed = next.timexes;
              absorbedGroup = 1;
            }
            labelSpan = trimSpan(text, { start: firstSeg.end + 1, end: mainEnd });
            fronted = true;
          }
        }
        const excerptSpan = single ? sentence : trimSpan(text, absorbed.length > 0 ? { start: g.span.start, end: labelSpan.end } : g.span);
        const first = g.timexes[0] as Timex & { interval: Interval };
        const interval = spanIntervals(g.timexes);
        const seg = segments.find((x) => x.start <= first.start && first.start < x.end);
        // "While there were no gains in the period, there was a gain in 1988": the main clause holds the date.
        if (!fronted && seg && seg.start > labelSpan.start && SUBORDINATE_OPENER.test(text.slice(labelSpan.start, seg.start))) {
          labelSpan = trimSpan(text, { start: seg.start, end: labelSpan.end });
        }
        // A date of the figure compared with ("from $93.3 million a year earlier") dates no happening.
        if (seg && g.timexes.every((t) => COMPARISON_BASE.test(text.slice(Math.max(seg.start, labelSpan.start), t.start))) && !/\bwhen\b/.test(text.slice(first.end, g.span.end))) return;
        // "That 1978 resolution calls for …", "by the opening of the 2000 Olympics": a year that modifies a noun dates
        // that thing, not the happening of the clause.
        if (!hasPastVerb(text.slice(g.span.start, g.span.end)) && g.timexes.every((t) => /^\d{4}$/.test(t.text) && ATTRIBUTIVE_YEAR_BEFORE.test(text.slice(Math.max(sentence.start, t.start - 6), t.start)) && /^\s+\p{L}/u.test(text.slice(t.end, t.end + 3)) && !/^\s+(?:and|or|to|through|until|when|after|before|as|for|in|on|at|of|was|were|is|are|had|has)\b/i.test(text.slice(t.end, t.end + 10)))) return;
        if (g.timexes.every((t) => THAN_DATE.test(text.slice(Math.max(sentence.start, t.start - 24), t.start)))) return;
        // "$100 million of notes due Nov. 1, 2009": a maturity, the date of a debt, not of a happening.
        if (g.timexes.every((t) => MATURITY.test(text.slice(Math.max(sentence.start, t.start - 40), t.start)))) return;
        // The date belongs to the clause it stands in; the event is the happening of that clause.
        let dated: Span | null = null;
        let reported = false;
        if (!fronted && seg && seg.start > labelSpan.start && g.timexes.every((t) => t.start >= seg.start && t.start < seg.end)) {
          // "…, apparently referring to similar reports in April 2021": the date dates the reports, not the clause
          // before it, which takes the date its context gives. What is referred to is told elsewhere: no event of
          // its own. "…, with the first troops arriving on Tuesday" has a happening of its own: an event.
          const phrase = trimSpan(text, seg);
          const reference = REFERENCE_PHRASE.exec(text.slice(phrase.start, phrase.end));
          const lead = reference ?? ABSOLUTE_PHRASE.exec(text.slice(phrase.start, phrase.end));
          if (lead && /\p{L}/u.test(text.slice(phrase.start + lead[0].length, first.start))) {
            dated = { start: phrase.start + lead[0].length, end: phrase.end };
            pushContextEvent(trimSpan(text, { start: labelSpan.start, end: seg.start - 1 }), first, dated, false);
            if (reference) return;
          }
        }
        const cs = complementStart(text, labelSpan, g.timexes);
        if (!dated && cs >= 0 && g.timexes.every((t) => t.start >= cs)) {
          // "X told reporters the strike began in January": the date is the strike's, not the telling's.
          dated = { start: cs, end: labelSpan.end };
          reported = true;
          // The saying takes the date its context gives ("has announced": the publication day), or makes no event.
          if (!participlePhrase(text, segments, first)) pushContextEvent(trimSpan(text, { start: labelSpan.start, end: cs }), first, dated, true);
        }
        const thatOpener = /^that\s+/i.exec(text.slice(labelSpan.start, labelSpan.end));
        if (!dated && thatOpener && REPORTED_BEFORE.test(text.slice(sentence.start, labelSpan.start))) {
          // "X said on Tuesday | that the talks would resume next month": the second clause is what was said.
          dated = { start: labelSpan.start + thatOpener[0].length, end: labelSpan.end };
          reported = true;
        }
        // "…a strike that began last spring": a relative clause holding the date is the happening it dates.
        const region = dated ?? labelSpan;
        // (Also with the date right after the pronoun: "the brewer, which last year accounted for 41% of sales".)
        const dateFirst = /,\s*(?:which|who)\s+$/.exec(text.slice(region.start, first.start));
        const relative = fronted ? null : dateFirst !== null && /^\s+(?:\p{Ll}+ed|was|were|had|has|have|is|are)\b/u.test(text.slice((g.timexes[g.timexes.length - 1] as Timex).end, g.span.end)) ? { index: dateFirst.index + dateFirst[0].search(/which|who/) } : relativeBeforeDate(text.slice(region.start, first.start));
        if (relative && relative.index > 0) {
          labelSpan = { start: region.start + relative.index, end: region.end };
          dated = null;
        }
        // "…allies in its fight against a hostile bid launched last week": the participle before the date is the
        // happening it dates, when a verb of the clause stands before its noun.
        const reduced = relative ? null : REDUCED_RELATIVE.exec(text.slice(region.start, first.start).replace(SIGNAL_BEFORE, ''));
        let passive: { np: string; from: number } | null = null;
        // "the systems Sun shipped in the quarter": a name after a noun is the subject of an object relative, not a
        // noun with its participle.
        const activeRelative = reduced !== null && /^\p{Lu}/u.test(reduced[1] ?? '') && /\p{Ll}\s+$/u.test(text.slice(Math.max(region.start, region.start + reduced.index - 3), region.start + reduced.index));
        if (reduced && !activeRelative && !NOT_A_NOUN.test(reduced[1] ?? '')) {
          const headText = text.slice(region.start, region.start + reduced.index + (reduced[1]?.length ?? 0));
          const np = nounPhraseBefore(headText);
          const beforeNp = headText.slice(0, headText.length - np.length);
          if (np && FINITE.test(beforeNp) && !REPORTED_BEFORE.test(beforeNp)) passive = { np, from: region.start + reduced.index + (reduced[1]?.length ?? 0) };
        }
        // Negated and hypothetical happenings ("did not sign", "could invade") are not events.
        if (isNegatedOrHypothetical(text.slice((dated ?? labelSpan).start, first.start), reported)) return;

        let label = labelFromClause(text, dated ?? labelSpan, absorbed.length > 0 ? [...g.timexes, ...absorbed] : g.timexes);
        // "Hudson's Bay said it will redeem…": what was said names who, not "it".
        const pronoun = reported && dated && cs >= 0 ? /^(?:He|She|It)\s/.exec(label) : null;
        const sayer = pronoun ? subjectAfter(text.slice(labelSpan.start, cs)) : '';
        if (pronoun && sayer && !PRONOUN_SUBJECT.test(sayer)) label = clip(`${capitalise(sayer)} ${label.slice(pronoun[0].length)}`);
        const participle = dated && !reported ? null : participlePhrase(text, segments, first);
        // A clause that opens with a relative pronoun ("that began on May 24") is about the noun before it.
        const opener = dated ? null : /^(?:that|which|who)\s+/i.exec(text.slice(labelSpan.start, labelSpan.end));
        if (passive) {
          const phrase = labelFromClause(text, trimSpan(text, { start: passive.from, end: region.end }), g.timexes);
          label = clip(capitalise(`${passive.np} ${isPlural(passive.np) ? 'were' : 'was'} ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`));
        } else if (opener) {
          const np = nounPhraseBefore(text.slice(sentence.start, labelSpan.start));
          const rest = labelFromClause(text, { start: labelSpan.start + opener[0].length, end: labelSpan.end }, g.timexes);
          if (np) label = clip(capitalise(`${np} ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`));
        } else if (participle) {
          // "the deal, signed yesterday, …": the participle phrase tells what happened to the noun before it;
          // "Cited by police in December, Jones…": a fronted one, to the subject after it.
          const np = participle.fronted
            ? subjectAfter(text.slice(participle.span.end + 1, sentence.end))
            : nounPhraseBefore(text.slice(sentence.start, participle.span.start).replace(/[\s,;]+$/, ''));
          const phrase = labelFromClause(text, participle.span, g.timexes);
          if (np) label = clip(capitalise(`${np} ${isPlural(np) ? 'were' : 'was'} ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`));
        } else if (!fronted && !dated && isFragment(text.slice(labelSpan.start, labelSpan.end))) {
          // A clause without its subject ("raises pay by 4.5% in 2020") or ending in a bare participle names
          // nobody: the whole sentence does.
          label = labelFromClause(text, trimSpan(text, sentence), g.timexes);
        }
        // ", a year earlier." closing a comparison of figures: a date alone in its clause, with nothing to label.
        if (!label && !single) {
          let rest = text.slice(g.span.start, g.span.end);
          for (const t of [...g.timexes].reverse()) rest = rest.slice(0, t.start - g.span.start) + rest.slice(t.end - g.span.start);
          if (!/\p{L}/u.test(rest)) return;
        }
        const expression = g.timexes.length === 1 ? first.text : text.slice(first.start, (g.timexes[g.timexes.length - 1] as Timex).end);
        const planned = (interval.start ?? interval.end ?? '') > publishedOn;
        const event: EventDetail = {
          articleId,
          articleIds,
          aliases,
          id: idFor('mention', sentenceText, expression),
          kind: 'mention',
          label: label || clip(text.slice(excerptSpan.start, excerptSpan.end)),
          start: interval.start,
          end: interval.end,
          precision: interval.precision,
          approximate: interval.approximate,
          openEnd: interval.end === null || g.timexes.some((t) => t.mod !== null && OPEN_END_MODS.has(t.mod)),
          excerpts: [excerptOf(excerptSpan, paragraph)],
          dating: {
            expression,
            start: first.start,
            end: (g.timexes[g.timexes.length - 1] as Timex).end,
            value: g.timexes.map((t) => t.value).join('/'),
            method: 'expression',
            explanation: `${explain(expression, published, g.timexes)}${reported ? '. Reported: the date is that of what was said, not of the saying' : ''}${planned ? '. After the publication date: announced or expected, not yet happened' : ''}`,
          },
          citationIds: supportingCitations(src.citations, excerptSpan).map((c) => c.id),
        };
        events.push(event);
      });
      continue;
    }

    const labelOf = (s: Span) => {
      const segs = segmentsOf(text, s);
      const lead = segs[0] ? text.slice(segs[0].start, segs[0].end).trim() : '';
      const from = segs.length > 1 && segs[0] && FRONTED.test(lead) ? segs[0].end + 1 : s.start;
      return labelFromClause(text, trimSpan(text, { start: from, end: s.end }), []);
    };

    // An undated passage that a dated citation supports takes the citation's date, and says so.
    const datedCite = cites.find((c) => c.date !== null);
    if (datedCite?.date) {
      events.push(citationEvent(sentence, paragraph, sentenceText, { ...datedCite, date: datedCite.date }, labelOf(sentence), cites, 'No date in the passage'));
      continue;
    }

    // "X has stated that…": the present perfect of a report in the news means the day of publication.
    const opener = ANTERIOR_OPENER.exec(sentenceText);
    if (!opener && PRESENT_PERFECT_REPORT.test(sentenceText.slice(0, 160))) {
      events.push(presentPerfectEvent(sentence, paragraph, sentenceText, labelOf(sentence), cites, `No date in the passage; a statement reported in the present perfect (“${PRESENT_PERFECT_REPORT.exec(sentenceText)?.[0]}”) is news of the publication day, ${published}.`));
      continue;
    }
    // "Earlier, the Times reported…": it happened on or before the publication date.
    if (opener && PAST_REPORT.test(sentenceText)) {
      events.push({
        articleId,
        articleIds,
        aliases,
        id: idFor('anterior', sentenceText),
        kind: 'mention',
        label: labelOf(sentence),
        start: null,
        end: publishedOn,
        precision: 'day',
        approximate: true,
        openEnd: false,
        excerpts: [excerptOf(sentence, paragraph)],
        dating: { expression: opener[0].replace(/,\s*$/, ''), start: sentence.start, end: sentence.start + opener[0].replace(/,\s*$/, '').length, value: null, method: 'publication', explanation: `‘${opener[0].replace(/,\s*$/, '')}’ with a report in the past tense, in an article of ${published}: on or before the publication date.` },
        citationIds: cites.map((c) => c.id),
      });
    }
  }
  return events;
}
