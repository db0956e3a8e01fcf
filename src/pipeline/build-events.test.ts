import { expect, test } from 'vitest';
import { buildEvents, labelFromClause, MAX_LABEL } from './build-events.ts';
import type { Citation, EventDetail, Interval, Timex } from './schema.ts';

/** A hand-made tagger result: the expression `text` found in `source`, with the given interval. */
function timex(source: string, text: string, value: string, interval: Interval | null, occurrence = 0): Timex {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = source.indexOf(text, start + 1);
  return { id: `t${start}`, start, end: start + text.length, text, type: 'DATE', value, mod: null, interval, derivation: 'test' };
}
const month = (m: string, days: number): Interval => ({ start: `${m}-01`, end: `${m}-${days}`, precision: 'month', approximate: false });
const year = (y: string): Interval => ({ start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year', approximate: false });

function eventsOf(body: string, timexes: (src: string) => Timex[], citations: Citation[] = [], publishedOn = '2022-03-10') {
  const title = 'A title';
  const text = `${title}\n${body}`;
  const bodyStart = title.length + 1;
  const sentences: { start: number; end: number; paragraph: number }[] = [];
  const re = /[^.!?]+[.!?]/g;
  for (const m of body.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    sentences.push({ start: bodyStart + (m.index ?? 0) + lead, end: bodyStart + (m.index ?? 0) + m[0].length, paragraph: 0 });
  }
  return buildEvents({
    articleId: 'a-1',
    text,
    publishedOn,
    title: { start: 0, end: title.length },
    paragraphs: [{ start: bodyStart, end: text.length }],
    sentences,
    citations,
    timexes: timexes(text),
  });
}

test('the article itself is an event on its publication day', () => {
  const [pub] = eventsOf('Nothing dated here.', () => []);
  expect(pub).toMatchObject({ kind: 'publication', start: '2022-03-10', end: '2022-03-10', precision: 'day' });
});

test('a dated sentence becomes an event with its interval, verbatim excerpt and derivation', () => {
  const events = eventsOf('The port reopened in May 2019 after repairs.', (t) => [timex(t, 'May 2019', '2019-05', month('2019-05', 31))]);
  const e = events.find((x) => x.kind === 'mention') as EventDetail;
  expect(e).toMatchObject({ start: '2019-05-01', end: '2019-05-31', precision: 'month' });
  expect(e.excerpts[0]?.text).toBe('The port reopened in May 2019 after repairs.');
  expect(e.label).toBe('The port reopened after repairs');
  expect(e.dating.explanation).toContain('‘May 2019’, in an article of 10 Mar 2022');
});

test('a sentence with two dated facts gives two events with their own clauses', () => {
  const body = 'The strike has gone on since 2016, mainly over the pay deal that was agreed back in 2012.';
  const events = eventsOf(body, (t) => [timex(t, '2016', '2016', year('2016')), timex(t, '2012', '2012', year('2012'))]).filter((e) => e.kind === 'mention');
  expect(events.map((e) => e.start)).toEqual(['2016-01-01', '2012-01-01']);
  expect(events[1]?.label).toBe('The pay deal was agreed');
  expect(events[0]?.excerpts[0]?.text).toBe('The strike has gone on since 2016');
});

test('a fronted time clause dates the main clause, which names who did what', () => {
  const body = 'After the vote in June, the council announced, citing local media, that the bridge would close.';
  const [e] = eventsOf(body, (t) => [timex(t, 'June', '2021-06', month('2021-06', 30))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('The council announced that the bridge would close');
});

test('references like PAST_REF and durations make no event', () => {
  const body = 'In the past, officials said it would take two weeks.';
  const events = eventsOf(body, (t) => [timex(t, 'the past', 'PAST_REF', null)]);
  expect(events.filter((e) => e.kind === 'mention')).toEqual([]);
});

test('an undated passage supported by a dated citation takes the citation date and says so', () => {
  const body = 'The minister rejected the claims about the harbour deal.';
  const cite: Citation = {
    id: 'c-1', url: 'https://news.example.org/2022/03/02/minister-rejects-harbour-deal-claims', start: 0, end: 1,
    host: 'news.example.org', date: '2022-03-02', headline: 'Minister rejects harbour deal claims',
    supports: { sentenceIndex: 0, start: 8, end: 8 + body.length, score: 0.8 },
  };
  const [e] = eventsOf(body, () => [], [cite]).filter((x) => x.kind === 'mention');
  expect(e).toMatchObject({ start: '2022-03-02', end: '2022-03-02', approximate: true, citationIds: ['c-1'] });
  expect(e?.dating.method).toBe('citation');
  expect(e?.dating.explanation).toContain('2 Mar 2022');
});

test('a report in the present perfect is news of the publication day; "Earlier, X reported" is on or before it', () => {
  const events = eventsOf('The mayor has announced new elections. Earlier, the Gazette reported a split in the party.', () => []);
  const mentions = events.filter((e) => e.kind === 'mention');
  expect(mentions[0]).toMatchObject({ start: '2022-03-10', end: '2022-03-10' });
  expect(mentions[1]).toMatchObject({ start: null, end: '2022-03-10', approximate: true });
  expect(mentions[1]?.label).toBe('The Gazette reported a split in the party');
});

test('an undated sentence in the simple past makes no event', () => {
  expect(eventsOf('The mayor denied everything.', () => []).filter((e) => e.kind === 'mention')).toEqual([]);
});

test('labels are at most 90 characters and cut at a word', () => {
  const long = 'x'.repeat(0) + 'The committee in charge of the regional railway network published a long report on delays and cancellations';
  const label = labelFromClause(long, { start: 0, end: long.length }, []);
  expect(label.length).toBeLessThanOrEqual(MAX_LABEL);
  expect(label.endsWith('…')).toBe(true);
  expect(label).not.toMatch(/\s…$/);
});

test('ids are stable: the same text gives the same ids, an added sentence leaves the others alone', () => {
  const one = eventsOf('The port reopened in May 2019.', (t) => [timex(t, 'May 2019', '2019-05', month('2019-05', 31))]);
  const two = eventsOf('Ships waited. The port reopened in May 2019.', (t) => [timex(t, 'May 2019', '2019-05', month('2019-05', 31))]);
  expect(two.map((e) => e.id)).toEqual(one.map((e) => e.id));
});

test('two dated facts in one clause split at the clause marker; a relative clause names its noun', () => {
  const body = 'The ferry sailed again on Monday after a storm that hit the coast on 3 March.';
  const events = eventsOf(body, (t) => [
    timex(t, 'Monday', '2022-03-07', { start: '2022-03-07', end: '2022-03-07', precision: 'day', approximate: false }),
    timex(t, '3 March', '2022-03-03', { start: '2022-03-03', end: '2022-03-03', precision: 'day', approximate: false }),
  ]).filter((e) => e.kind === 'mention');
  expect(events.map((e) => [e.start, e.label])).toEqual([
    ['2022-03-07', 'The ferry sailed again after a storm'],
    ['2022-03-03', 'A storm hit the coast'],
  ]);
});

test('a range of two expressions stays one event spanning both', () => {
  const body = 'The museum was closed from 2009 to 2011 for repairs.';
  const events = eventsOf(body, (t) => [timex(t, '2009', '2009', year('2009')), timex(t, '2011', '2011', year('2011'))]).filter((e) => e.kind === 'mention');
  expect(events.map((e) => [e.start, e.end, e.precision])).toEqual([['2009-01-01', '2011-12-31', 'year']]);
});

test('a participle phrase between commas tells what happened to the noun before it', () => {
  const body = 'Officials said the bridge, opened in 1932, will be replaced.';
  const [e] = eventsOf(body, (t) => [timex(t, '1932', '1932', year('1932'))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('The bridge was opened');
});

test('a clause that lost its subject is labelled by the whole sentence', () => {
  const body = 'The mayor said the plan, which critics oppose, cuts bus fares by half in 2023.';
  const [e] = eventsOf(body, (t) => [timex(t, '2023', '2023', year('2023'))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toMatch(/^The mayor said the plan/);
});

test('a fronted time phrase leaves a main clause that starts in lowercase, and that is fine', () => {
  const body = 'Since 2015, prices have doubled.';
  const [e] = eventsOf(body, (t) => [timex(t, '2015', '2015', year('2015'))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('Prices have doubled');
});

test('a wire dateline opening the sentence is not part of the label', () => {
  for (const lead of ['WASHINGTON — ', 'KYIV, Ukraine (AP) - ', 'LONDON (Reuters) – ']) {
    const body = `${lead}The minister resigned on Friday.`;
    const [e] = eventsOf(body, (t) => [timex(t, 'Friday', '2022-03-04', { start: '2022-03-04', end: '2022-03-04', precision: 'day', approximate: false })]).filter((x) => x.kind === 'mention');
    expect(e?.label).toBe('The minister resigned');
  }
  const [kept] = eventsOf('NATO - the alliance - met in May 2019.', (t) => [timex(t, 'May 2019', '2019-05', month('2019-05', 31))]).filter((x) => x.kind === 'mention');
  expect(kept?.label).toMatch(/^NATO/);
});

const day = (d: string): Interval => ({ start: d, end: d, precision: 'day', approximate: false });
const mentionsOf = (events: EventDetail[]) => events.filter((e) => e.kind === 'mention');

test('reported speech: the saying takes its own date, the announced happening its own, planned when after publication', () => {
  const body = 'The harbour board said on Tuesday that the talks would resume next month.';
  const events = mentionsOf(eventsOf(body, (t) => [timex(t, 'Tuesday', '2022-03-08', day('2022-03-08')), timex(t, 'next month', '2022-04', month('2022-04', 30))]));
  expect(events.map((e) => [e.start, e.label])).toEqual([
    ['2022-03-08', 'The harbour board said'],
    ['2022-04-01', 'The talks would resume'],
  ]);
  expect(events[1]?.dating.explanation).toMatch(/Reported.*After the publication date/);
  expect(events[0]?.dating.explanation).not.toMatch(/After the publication date/);
});

test('a date inside what was said dates what was said, not the saying', () => {
  const body = 'The union leader told reporters the strike began in January.';
  const events = mentionsOf(eventsOf(body, (t) => [timex(t, 'January', '2022-01', month('2022-01', 31))]));
  expect(events.map((e) => [e.start, e.label])).toEqual([['2022-01-01', 'The strike began']]);
  const noClause = mentionsOf(eventsOf('The airline reported a loss in 2021.', (t) => [timex(t, '2021', '2021', year('2021'))]));
  expect(noClause.map((e) => e.label)).toEqual(['The airline reported a loss']);
});

test('negated and hypothetical happenings make no event; "not until" and a negation inside what was said do', () => {
  const none = [
    ['The mayor did not sign the agreement on Monday.', 'Monday', day('2022-03-07')],
    ['The army could invade the valley in April.', 'April', month('2022-04', 30)],
    ['The council has never met in March.', 'March', month('2022-03', 31)],
  ] as const;
  for (const [body, when, interval] of none) {
    expect(mentionsOf(eventsOf(body, (t) => [timex(t, when, 'x', interval)]))).toEqual([]);
  }
  const until = mentionsOf(eventsOf('The plant did not reopen until May.', (t) => [timex(t, 'May', '2021-05', month('2021-05', 31))]));
  expect(until).toHaveLength(1);
  const said = mentionsOf(eventsOf('The mayor said on Friday he would not sign.', (t) => [timex(t, 'Friday', '2022-03-04', day('2022-03-04'))]));
  expect(said.map((e) => e.start)).toEqual(['2022-03-04']);
  const far = 'The ban would not apply to the shipments of grain loaded at the two ports before the 2019 floods.';
  expect(mentionsOf(eventsOf(far, (t) => [timex(t, '2019', '2019', year('2019'))]))).toHaveLength(1);
});

test('a date in a trailing reference dates what is referred to, not the clause before, which takes its date from the context', () => {
  const body =
    'The chief refuted the rumours on 3 March. The chief pointed out that such fears had proved wrong, apparently referring to similar warnings in June 2020.';
  const events = mentionsOf(eventsOf(body, (t) => [timex(t, '3 March', '2022-03-03', day('2022-03-03')), timex(t, 'June 2020', '2020-06', month('2020-06', 30))]));
  expect(events.map((e) => [e.start, e.label])).toEqual([
    ['2022-03-03', 'The chief refuted the rumours'],
    ['2022-03-03', 'The chief pointed out that such fears had proved wrong'],
  ]);
  expect(events[1]).toMatchObject({ approximate: true });
  expect(events[1]?.dating.explanation).toContain('‘June 2020’ dates what it refers to');
  // Without a passage about the same actor before it, the clause makes no event.
  const alone = mentionsOf(eventsOf('Ships waited. The chief said fears had proved wrong, citing warnings in June 2020.', (t) => [timex(t, 'June 2020', '2020-06', month('2020-06', 30))]));
  expect(alone).toEqual([]);
});

test('an absolute phrase with its own happening takes the date, not the clause before it', () => {
  const body = 'Nine states voted for the plan, with the first inspectors arriving on Tuesday.';
  const events = mentionsOf(eventsOf(body, (t) => [timex(t, 'Tuesday', '2022-03-08', day('2022-03-08'))]));
  expect(events.map((e) => e.label)).toEqual(['The first inspectors arriving']);
});

test('labels: a dropped date leaves no broken possessive, an apposition no "was", a fronted participle names the subject', () => {
  const label = (body: string, when: string, interval: Interval) => mentionsOf(eventsOf(body, (t) => [timex(t, when, 'x', interval)]))[0]?.label;
  expect(label('The council welcomed Tuesday’s announcement of new funding.', 'Tuesday', day('2022-03-08'))).toBe('The council welcomed the announcement of new funding');
  expect(label('Smith, a retired teacher, lived in the town since 1990.', '1990', year('1990'))).toBe('Smith, a retired teacher, lived in the town');
  expect(label('However, cited by police in December for speeding, Jones was ordered home.', 'December', month('2021-12', 31))).toBe('Jones was cited by police for speeding');
  expect(label('The minister, meanwhile, dismissed protests from farmers on Thursday.', 'Thursday', day('2022-03-10'))).toBe('The minister, meanwhile, dismissed protests from farmers');
});

test('a long label is cut at the end of a phrase, not inside one', () => {
  const long = 'The committee in charge of the regional railway network published a long report on delays and cancellations';
  expect(labelFromClause(long, { start: 0, end: long.length }, [])).toBe('The committee in charge of the regional railway network published a long report…');
});

test('a saying in the present perfect is news of the publication day; what it announces keeps its own date', () => {
  const body = 'The ministry has announced that the bridge will reopen next week.';
  const week: Interval = { start: '2022-03-14', end: '2022-03-20', precision: 'week', approximate: false };
  const events = mentionsOf(eventsOf(body, (t) => [timex(t, 'next week', '2022-W11', week)]));
  expect(events.map((e) => [e.start, e.label])).toEqual([
    ['2022-03-10', 'The ministry has announced that the bridge will reopen'],
    ['2022-03-14', 'The bridge will reopen'],
  ]);
  expect(events[0]?.dating).toMatchObject({ method: 'publication', expression: null });
});

test('a relative clause holding the date is the happening it dates; a pronoun in what was said names the sayer', () => {
  const label = (body: string, when: string, interval: Interval) => mentionsOf(eventsOf(body, (t) => [timex(t, when, 'x', interval)])).map((e) => e.label);
  expect(label('The airline blamed the losses on a strike that began in April.', 'April', month('2021-04', 30))).toEqual(['A strike began']);
  expect(label('The harbour company said it will sell the ferries in June.', 'June', month('2022-06', 30))).toEqual(['The harbour company will sell the ferries']);
  expect(label('Prices rose before Friday’s vote.', 'Friday', day('2022-03-04'))).toEqual(['Prices rose before the vote']);
});

test('labels leave out an aside in commas and start a noun phrase at its determiner', () => {
  const label = (body: string, when: string, interval: Interval) => mentionsOf(eventsOf(body, (t) => [timex(t, when, 'x', interval)])).map((e) => e.label);
  expect(label('The plant, which makes batteries, will close in May.', 'May', month('2022-05', 31))).toEqual(['The plant will close']);
  expect(label('Officials cosponsor the talks that began in May.', 'May', month('2021-05', 31))).toEqual(['The talks began']);
});

test('a participle right before the date, after its noun, is the happening the date dates', () => {
  const label = (body: string, when: string, interval: Interval) => mentionsOf(eventsOf(body, (t) => [timex(t, when, 'x', interval)])).map((e) => e.label);
  const week: Interval = { start: '2022-02-28', end: '2022-03-06', precision: 'week', approximate: false };
  expect(label('Both firms are allies in the fight against a takeover bid launched last week by a rival.', 'last week', week)).toEqual(['A takeover bid was launched by a rival']);
  // A verb of its own clause is not a participle: "The port reopened in May" is the port reopening.
  expect(label('The port reopened in May.', 'May', month('2021-05', 31))).toEqual(['The port reopened']);
  expect(label('He was elected in May.', 'May', month('2021-05', 31))).toEqual(['He was elected']);
});

test('the date of a figure compared with dates no happening; a subordinate clause before the main one is not its label', () => {
  const yearEarlier = year('2021');
  expect(mentionsOf(eventsOf('Revenue fell 8% to $85 million, from $93 million a year earlier.', (t) => [timex(t, 'a year earlier', '2021', yearEarlier)]))).toEqual([]);
  const events = mentionsOf(eventsOf('While there were no gains in the spring, there was a gain of $18 million in 2020.', (t) => [timex(t, '2020', '2020', year('2020'))]));
  expect(events.map((e) => e.label)).toEqual(['There was a gain of $18 million']);
  const said = mentionsOf(eventsOf('The analyst thinks several airlines will report losses in 2023.', (t) => [timex(t, '2023', '2023', year('2023'))]));
  expect(said.map((e) => e.label)).toEqual(['Several airlines will report losses']);
});

test('a debt\'s maturity ("notes due 2009") dates no happening; a payment due on a day does', () => {
  const notes = 'The utility sold $100 million of senior notes due 2009, priced at par.';
  expect(mentionsOf(eventsOf(notes, (t) => [timex(t, '2009', '2009', year('2009'))]))).toEqual([]);
  const bonds = 'The city will redeem its bonds maturing in 2031.';
  expect(mentionsOf(eventsOf(bonds, (t) => [timex(t, '2031', '2031', year('2031'))]))).toEqual([]);
  const payment = 'The first payment is due in April.';
  expect(mentionsOf(eventsOf(payment, (t) => [timex(t, 'April', '2022-04', month('2022-04', 30))]))).toHaveLength(1);
});

test('a label keeps "break even" whole when the date after it is dropped', () => {
  const text = 'The company expects to break even in the fourth quarter.';
  const at = text.indexOf('the fourth quarter');
  expect(labelFromClause(text, { start: 0, end: text.length }, [{ start: at, end: at + 'the fourth quarter'.length }])).toBe('The company expects to break even');
});

test('a trailing participle phrase holding the date tells what happened to the noun before it, not the main clause', () => {
  const body = 'The bomb was meant to wreck the peace talks, set to resume on Monday in Dublin.';
  const [e] = eventsOf(body, (t) => [timex(t, 'Monday', '2022-03-14', { start: '2022-03-14', end: '2022-03-14', precision: 'day', approximate: false })]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('The peace talks were set to resume in Dublin');
  expect(e?.start).toBe('2022-03-14');
});

test('a relative clause holding the date is its happening, also across a list in commas', () => {
  const body = 'She succeeds Ann Lee, who stepped down as chair, treasurer and secretary in March for health reasons.';
  const [e] = eventsOf(body, (t) => [timex(t, 'March', '2022-03', month('2022-03', 31))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('Ann Lee stepped down as chair, treasurer and secretary for health reasons');
  const main = 'The firm, which was founded by a chemist, said on Monday that it would grow.';
  const [m] = eventsOf(main, (t) => [timex(t, 'Monday', '2022-03-07', { start: '2022-03-07', end: '2022-03-07', precision: 'day', approximate: false })]).filter((x) => x.kind === 'mention');
  expect(m?.label).not.toMatch(/^A chemist|^The firm was founded/);
});

test('a trailing phrase after a subject without its verb is the verb of the sentence, not a participle phrase', () => {
  const body = 'The steelmaker, hammered by higher costs and weaker demand from carmakers, posted a 54% drop in third-quarter profit.';
  const [e] = eventsOf(body, (t) => [timex(t, 'third-quarter', '2021-Q3', { start: '2021-07-01', end: '2021-09-30', precision: 'quarter', approximate: false })]).filter((x) => x.kind === 'mention');
  expect(e?.label).not.toMatch(/were posted|was posted/);
});

test('after an apposition ("Sun, a maker of workstations, reported …") the verb is the sentence\'s, not a participle phrase', () => {
  const body = 'Acme Pumps, a maker of pumps, reported a sharp decline in net income for its third quarter, citing price cuts.';
  const [e] = eventsOf(body, (t) => [timex(t, 'third quarter', '2021-Q3', { start: '2021-07-01', end: '2021-09-30', precision: 'quarter', approximate: false })]).filter((x) => x.kind === 'mention');
  expect(e?.label).toMatch(/^Acme Pumps, a maker of pumps, reported a sharp decline in net income/);
});

test('a fronted date dates the main clause whose own date is only the period of a figure ("for the first half")', () => {
  const body = 'Last month, Acme posted a 38% jump in pretax profit for the first half to $54 million.';
  const events = eventsOf(body, (t) => [
    timex(t, 'Last month', '2022-02', month('2022-02', 28)),
    timex(t, 'the first half', '2021-H2', { start: '2021-07-01', end: '2021-12-31', precision: 'half', approximate: false }),
  ]).filter((x) => x.kind === 'mention');
  expect(events.map((e) => [e.start, e.label])).toEqual([['2022-02-01', 'Acme posted a 38% jump in pretax profit to $54 million']]);
});

test('a date alone in the last clause of a comparison of figures (", a year earlier.") makes no event; no label ends in "compared"', () => {
  const body = 'Acme had a net loss of $46 million, or 91 cents a share, in the third quarter, compared with a loss of $9 million, a year earlier.';
  const q3 = { start: '2021-07-01', end: '2021-09-30', precision: 'quarter' as const, approximate: false };
  const events = eventsOf(body, (t) => [timex(t, 'the third quarter', '2021-Q3', q3), timex(t, 'a year earlier', '2020-Q3', { ...q3, start: '2020-07-01', end: '2020-09-30' })]).filter((x) => x.kind === 'mention');
  expect(events.map((e) => e.label)).not.toContain('a year earlier.');
  expect(events.every((e) => !/compared$/.test(e.label))).toBe(true);
});

test('a date after "than" is the term of a comparison: no event of its own, and a fronted date keeps the clause', () => {
  const yr = (y: string) => year(y);
  expect(eventsOf('The raise left wages 4 percent higher than a year earlier.', (t) => [timex(t, 'a year earlier', '2021', yr('2021'))]).filter((x) => x.kind === 'mention')).toEqual([]);
  const body = 'In the 2021 period also, interest costs were lower than a year ago.';
  const events = eventsOf(body, (t) => [timex(t, 'the 2021 period', '2021', yr('2021')), timex(t, 'a year ago', '2020', yr('2020'))]).filter((x) => x.kind === 'mention');
  expect(events.map((e) => [e.start, e.label])).toEqual([['2021-01-01', 'Interest costs were lower']]);
});

test('a relative clause with its date right after the pronoun is the happening the date dates', () => {
  const body = 'The deal is a threat from the brewer, which last year accounted for 41% of all beer sales.';
  const [e] = eventsOf(body, (t) => [timex(t, 'last year', '2021', year('2021'))]).filter((x) => x.kind === 'mention');
  expect(e?.label).toBe('The brewer accounted for 41% of all beer sales');
});

test('a year that modifies a noun in a clause of the present dates no happening; with a past verb, it does', () => {
  const present = 'That 1978 treaty calls for the withdrawal of all troops.';
  expect(eventsOf(present, (t) => [timex(t, '1978', '1978', year('1978'))]).filter((x) => x.kind === 'mention')).toEqual([]);
  const past = 'Investors adopted defensive measures after the 1987 crash.';
  expect(eventsOf(past, (t) => [timex(t, '1987', '1987', year('1987'))]).filter((x) => x.kind === 'mention').map((e) => e.start)).toEqual(['1987-01-01']);
});
