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
  /(?:\b(?:back|way|as|all|only|just|even|already|since|in|on|at|from|by|until|till|before|after|during|through|throughout|of|earlier|later|around|about|until|between|and|to|for|over|within|as early as|as late as|no later than)\s+)+$/i;
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
const TRAILING_JUNK = /(?:\s+(?:was|were|is|are|be|been|has|have|had|the|a|an|of|in|on|at|to|for|by|from|with|and|or|but|that|which|since|back|until|as|its|their|his|her))+\s*$/i;
const RELATIVE = /\b(?:that|which|who)\s+((?:was|were|is|are|has been|have been|had been|had|has|have)\s+)?(\w+)/i;

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
    out = out.replace(/[\s,;:\-–—(]+$/, '').replace(TRAILING_JUNK, '');
  }
  return out;
}

/** Cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(s: string, max = MAX_LABEL): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${tidyEnd(space > max * 0.5 ? cut.slice(0, space) : cut)}…`;
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
    s += text.slice(at, Math.max(at, d.start)).replace(SIGNAL_BEFORE, '');
    at = Math.max(at, d.end);
  }
  // What follows the dated part after a comma ("…, alleging it was…") is commentary, when enough stands before it.
  const comma = drop.length > 0 ? text.slice(at, clause.end).search(/[,;]/) : -1;
  s += comma >= 0 && s.replace(/\s+/g, ' ').trim().split(' ').length >= 5 ? text.slice(at, at + comma) : text.slice(at, clause.end);
  s = s.replace(/\s+/g, ' ').trim().replace(/^[,;:]\s*/, '');
  s = s.replace(/[.!?]+["”’]?$/, '').replace(TRAILING_ATTRIBUTION, '');
  s = s.replace(DATELINE, '').replace(LEADING_MARKERS, '').replace(/,\s*(?:citing|quoting|according to)\s[^,]{1,60},/gi, '');
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
  const words = head.trim().split(/\s+/);
  const np: string[] = [];
  for (let k = words.length - 1; k >= 0 && np.length < 5; k--) {
    const w = words[k] ?? '';
    if (np.length > 0 && NP_BOUNDARY.test(w)) break;
    np.unshift(w);
  }
  return np.join(' ').replace(/^[,;:(]+/, '');
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

/** The comma-enclosed participle phrase holding `t` ("…the deal, signed yesterday, raises…"), or null. */
function participlePhrase(text: string, segments: readonly Span[], t: Timex): Span | null {
  const k = segments.findIndex((seg) => seg.start <= t.start && t.start < seg.end);
  const seg = segments[k];
  if (k < 1 || !seg || text[seg.start - 1] !== ',') return null;
  const span = trimSpan(text, seg);
  return PARTICIPLE.test(text.slice(span.start, t.start)) ? span : null;
}

const DETERMINERS = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|some|many|most|several|all|both|each|every|no|one|two|three|four|five|ten|hundreds|thousands|millions|more|fewer|about|around|nearly|only|just|at)$/i;

/** A clause that starts with a lowercase word other than a determiner has lost its subject to the clause before. */
function isFragment(clause: string): boolean {
  const first = /^[\s,;:]*([\p{L}'’-]+)/u.exec(clause)?.[1] ?? '';
  return /^\p{Ll}/u.test(first) && !DETERMINERS.test(first);
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
      groups.forEach((g, gi) => {
        if (g.timexes.length === 0) return;
        let labelSpan = trimSpan(text, g.span);
        let fronted = false;
        // A fronted adverbial ("Soon after the reports in November, Bloomberg claimed…") dates the main clause.
        const firstSeg = segments[0];
        if (gi === 0 && firstSeg && g.timexes.every((t) => t.start < firstSeg.end) && segments.length > 1) {
          const lead = text.slice(firstSeg.start, firstSeg.end).trim();
          if (FRONTED.test(lead) || g.timexes.some((t) => lead.replace(/[\s,]+$/, '').endsWith(t.text) && lead.length - t.text.length < 12)) {
            const mainEnd = single ? sentence.end : (groups[1]?.span.start ?? sentence.end);
            const main = trimSpan(text, { start: firstSeg.end + 1, end: mainEnd });
            // Drop a parenthetical right after the subject's verb (", citing anonymous sources,").
            labelSpan = main;
            fronted = true;
          }
        }
        const excerptSpan = single ? sentence : trimSpan(text, g.span);
        const first = g.timexes[0] as Timex & { interval: Interval };
        const interval = spanIntervals(g.timexes);
        let label = labelFromClause(text, labelSpan, g.timexes);
        const participle = participlePhrase(text, segments, first);
        // A clause that opens with a relative pronoun ("that began on May 24") is about the noun before it.
        const opener = /^(?:that|which|who)\s+/i.exec(text.slice(labelSpan.start, labelSpan.end));
        if (opener) {
          const np = nounPhraseBefore(text.slice(sentence.start, labelSpan.start));
          const rest = labelFromClause(text, { start: labelSpan.start + opener[0].length, end: labelSpan.end }, g.timexes);
          if (np) label = clip(capitalise(`${np} ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`));
        } else if (participle) {
          // "the deal, signed yesterday, …": the participle phrase tells what happened to the noun before it.
          const np = nounPhraseBefore(text.slice(sentence.start, participle.start).replace(/[\s,;]+$/, ''));
          const phrase = labelFromClause(text, { start: participle.start, end: participle.end }, g.timexes);
          if (np) label = clip(capitalise(`${np} was ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`));
        } else if (!fronted && isFragment(text.slice(labelSpan.start, labelSpan.end))) {
          // A clause without its subject ("raises pay by 4.5% in 2020") or ending in a bare participle names
          // nobody: the whole sentence does.
          label = labelFromClause(text, trimSpan(text, sentence), g.timexes);
        }
        const expression = g.timexes.length === 1 ? first.text : text.slice(first.start, (g.timexes[g.timexes.length - 1] as Timex).end);
        events.push({
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
            explanation: explain(expression, published, g.timexes),
          },
          citationIds: supportingCitations(src.citations, excerptSpan).map((c) => c.id),
        });
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
    if (datedCite && datedCite.date) {
      const what = datedCite.headline ? `“${datedCite.headline}”` : datedCite.host;
      events.push({
        articleId,
        articleIds,
        aliases,
        id: idFor('citation', sentenceText, datedCite.url),
        kind: 'mention',
        label: labelOf(sentence),
        start: datedCite.date,
        end: datedCite.date,
        precision: 'day',
        approximate: true,
        openEnd: false,
        excerpts: [excerptOf(sentence, paragraph)],
        dating: {
          expression: null,
          start: null,
          end: null,
          value: datedCite.date,
          method: 'citation',
          explanation: `No date in the passage; the source it cites, ${what} (${datedCite.host}), is dated ${formatDayLong(datedCite.date)} in its address and matches this passage (score ${datedCite.supports?.score.toFixed(2) ?? '?'}).`,
        },
        citationIds: cites.map((c) => c.id),
      });
      continue;
    }

    // "X has stated that…": the present perfect of a report in the news means the day of publication.
    const opener = ANTERIOR_OPENER.exec(sentenceText);
    if (!opener && PRESENT_PERFECT_REPORT.test(sentenceText.slice(0, 160))) {
      events.push({
        articleId,
        articleIds,
        aliases,
        id: idFor('present-perfect', sentenceText),
        kind: 'mention',
        label: labelOf(sentence),
        start: publishedOn,
        end: publishedOn,
        precision: 'day',
        approximate: false,
        openEnd: false,
        excerpts: [excerptOf(sentence, paragraph)],
        dating: { expression: null, start: null, end: null, value: publishedOn, method: 'publication', explanation: `No date in the passage; a statement reported in the present perfect (“${PRESENT_PERFECT_REPORT.exec(sentenceText)?.[0]}”) is news of the publication day, ${published}.` },
        citationIds: cites.map((c) => c.id),
      });
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
