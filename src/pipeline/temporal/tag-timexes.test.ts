import fc from 'fast-check';
import { expect, test } from 'vitest';
import { tagTimexes, type TaggedTimex } from './tag-timexes.ts';

const DCT = '2021-11-20'; // a Saturday, ISO week 46

function tag(text: string, dct = DCT): TaggedTimex[] {
  return tagTimexes(text, dct);
}

function only(text: string, dct = DCT): TaggedTimex {
  const found = tag(text, dct);
  expect(found.map((t) => t.text)).toHaveLength(1);
  return found[0] as TaggedTimex;
}

function values(text: string, dct = DCT): string[] {
  return tag(text, dct).map((t) => `${t.text}=${t.value}`);
}

// --- Sample-article shapes ----------------------------------------------------------------------------

test('"in April 2021" is the month April 2021', () => {
  const t = only('The build-up was reported in April 2021, officials said.');
  expect(t).toMatchObject({ text: 'April 2021', type: 'DATE', value: '2021-04', mod: null });
  expect(t.interval).toEqual({ start: '2021-04-01', end: '2021-04-30', precision: 'month', approximate: false });
});

test('"in November" in a past-tense sentence is the November of the publication year', () => {
  const t = only('Soon after the emergence of similar reports in November, Bloomberg claimed it.');
  expect(t).toMatchObject({ text: 'November', value: '2021-11' });
  expect(t.derivation).toContain('past-tense');
});

test('"in March" in a past-tense sentence is the most recent March; in a future one, the next March', () => {
  expect(only('The ministers met in March to talk.').value).toBe('2021-03');
  expect(only('The ministers will meet in March to talk.').value).toBe('2022-03');
  expect(only('The company is expected to report in March.').value).toBe('2022-03');
});

test('"this week" is the ISO week of the publication date, Monday to Sunday', () => {
  const t = only('Haines travelled to Europe this week in order to brief partners.');
  expect(t).toMatchObject({ text: 'this week', value: '2021-W46' });
  expect(t.interval).toEqual({ start: '2021-11-15', end: '2021-11-21', precision: 'week', approximate: false });
  expect(t.derivation).toBe('‘this week’: the ISO week of the publication date 2021-11-20');
});

test('"since 2014" keeps the signal outside, runs from 2014 to the publication date', () => {
  const t = only('A conflict has been ongoing there since 2014, largely due to failures.');
  expect(t).toMatchObject({ text: '2014', value: '2014', mod: 'SINCE' });
  expect(t.interval).toEqual({ start: '2014-01-01', end: '2021-11-20', precision: 'year', approximate: false });
});

test('"back in 2015" is the year 2015', () => {
  const t = only('The accords were signed back in 2015 by both sides.');
  expect(t).toMatchObject({ text: '2015', value: '2015', mod: null });
  expect(t.interval).toMatchObject({ start: '2015-01-01', end: '2015-12-31', precision: 'year' });
});

test('"in the coming days" is an approximate window after the publication date', () => {
  const t = only('Moscow was not planning to invade Ukraine in the coming days.');
  expect(t).toMatchObject({ text: 'the coming days', value: 'FUTURE_REF' });
  expect(t.interval).toEqual({ start: '2021-11-20', end: '2021-11-27', precision: 'day', approximate: true });
});

test('"in the past" is PAST_REF with no interval', () => {
  const t = only('Milley pointed out that in the past, such concerns had been unfounded.');
  expect(t).toMatchObject({ text: 'the past', value: 'PAST_REF', interval: null });
});

test('the sample article sentences give exactly the expected expressions', () => {
  const text =
    'The last time the media reported such a build-up was in April 2021. Soon after the emergence of similar reports in November, Bloomberg claimed it. An internal conflict has been ongoing there since 2014, under accords that were signed back in 2015.';
  expect(values(text)).toEqual(['April 2021=2021-04', 'November=2021-11', '2014=2014', '2015=2015']);
});

// --- Explicit dates --------------------------------------------------------------------------------------

test('news forms of full dates resolve to the day', () => {
  expect(values('It happened on Nov. 12, 2021.')).toEqual(['Nov. 12, 2021=2021-11-12']);
  expect(values('It happened on 12 November 2021.')).toEqual(['12 November 2021=2021-11-12']);
  expect(values('It happened on 2021-11-12.')).toEqual(['2021-11-12=2021-11-12']);
  expect(values('It happened on Friday, November 12, 2021.')).toEqual(['Friday, November 12, 2021=2021-11-12']);
});

test('a numeric date reads month first unless the first number cannot be a month', () => {
  expect(values('Filed 11/12/2021.')).toEqual(['11/12/2021=2021-11-12']);
  expect(values('Filed 25/12/2021.')).toEqual(['25/12/2021=2021-12-25']);
});

test('a day without a year follows the tense', () => {
  expect(only('The talks took place on November 12.').value).toBe('2021-11-12');
  expect(only('The talks will take place on December 3.').value).toBe('2021-12-03');
});

test('a month named with "of next year" is in the year after publication', () => {
  expect(only('Dealers whose franchises end after October of next year get a letter.').value).toBe('2022-10');
});

// --- Years, decades, seasons, quarters ----------------------------------------------------------------

test('bare years are found, numbers that are not years are not', () => {
  expect(values('Sales fell in 2015 and rose in 2016.')).toEqual(['2015=2015', '2016=2016']);
  expect(tag('The index rose 12.53% on the day of trading 2,000 shares.').filter((t) => /\d/.test(t.text))).toEqual([]);
  expect(tag('Russia has massed 2,000 troops near the border.')).toEqual([]);
  expect(tag('The ticket cost $1995 last summer.').map((t) => t.text)).toEqual(['last summer']);
  expect(tag('About 1500 people protested.')).toEqual([]);
  expect(tag('Passengers of Flight 2014 landed safely.')).toEqual([]);
});

test('"before 2015" is open before 2015, approximate', () => {
  const t = only('The deal was struck before 2015.');
  expect(t).toMatchObject({ text: '2015', mod: 'BEFORE' });
  expect(t.interval).toEqual({ start: null, end: '2014-12-31', precision: 'year', approximate: true });
});

test('"by 20 November" bounds the end; "until March" leaves the start open', () => {
  const by = only('Troops must withdraw by 30 November.');
  expect(by).toMatchObject({ text: '30 November', mod: 'ON_OR_BEFORE' });
  expect(by.interval).toMatchObject({ start: null, end: '2021-11-30' });
  const until = only('The markets stayed closed until March.');
  expect(until.interval?.start).toBeNull();
});

test('"early", "mid-" and "late" take the first, middle and last third of the year, approximately', () => {
  const early = only('Prices rose in early 2020.');
  expect(early).toMatchObject({ text: 'early 2020', value: '2020', mod: 'START' });
  expect(early.interval).toMatchObject({ start: '2020-01-01', end: '2020-05-01', approximate: true });
  expect(only('The plant opens in mid-2022.')).toMatchObject({ text: 'mid-2022', value: '2022', mod: 'MID' });
  expect(only('It closed in late 2019.').interval).toMatchObject({ end: '2019-12-31', approximate: true });
});

test('decades, seasons and quarters', () => {
  expect(only('Factories closed in the 1990s.')).toMatchObject({ text: 'the 1990s', value: '199' });
  expect(only('The deal closed in the summer of 2019.')).toMatchObject({ value: '2019-SU' });
  expect(only('Profits rose in the third quarter.')).toMatchObject({ text: 'the third quarter', value: '2021-Q3' });
  expect(only('Profits rose in Q3 2020.')).toMatchObject({ value: '2020-Q3' });
});

// --- Deictic expressions -----------------------------------------------------------------------------------

test('yesterday, today, tomorrow and tonight are days around the publication date', () => {
  expect(values('Yesterday he left; today he speaks; tomorrow he flies.')).toEqual([
    'Yesterday=2021-11-19',
    'today=2021-11-20',
    'tomorrow=2021-11-21',
  ]);
  expect(only('He speaks tonight.')).toMatchObject({ type: 'TIME', value: '2021-11-20TNI' });
});

test('last/next week, month and year', () => {
  expect(values('Last week they met, next month they vote and next year they leave.')).toEqual([
    'Last week=2021-W45',
    'next month=2021-12',
    'next year=2022',
  ]);
});

test('"earlier this month" is this month up to the publication date', () => {
  const t = only('The report was released earlier this month.');
  expect(t).toMatchObject({ text: 'earlier this month', value: '2021-11' });
  expect(t.interval).toEqual({ start: '2021-11-01', end: '2021-11-20', precision: 'month', approximate: true });
});

test('"N days ago" counts back from the publication date', () => {
  expect(only('The ship sank three days ago.')).toMatchObject({ text: 'three days ago', value: '2021-11-17' });
  expect(only('The law passed two years ago.')).toMatchObject({ value: '2019' });
});

test('"on Thursday" is the Thursday before in past tense and the one after in future tense', () => {
  expect(only('The minister resigned on Thursday.').value).toBe('2021-11-18');
  expect(only('The minister will resign on Thursday.').value).toBe('2021-11-25');
});

test('"recently" is PAST_REF and "now"/"currently" PRESENT_REF', () => {
  const recently = only('He recently visited Kiev.');
  expect(recently).toMatchObject({ value: 'PAST_REF' });
  expect(recently.interval).toMatchObject({ end: '2021-11-20', approximate: true });
  expect(only('He is currently in Kiev.')).toMatchObject({ value: 'PRESENT_REF' });
  expect(only('He is now in Kiev.')).toMatchObject({ value: 'PRESENT_REF' });
});

test('"the past two weeks" is a duration ending at the publication date', () => {
  const t = only('Prices have risen over the past two weeks.');
  expect(t).toMatchObject({ text: 'the past two weeks', type: 'DURATION', value: 'P2W' });
  expect(t.interval).toMatchObject({ start: '2021-11-06', end: '2021-11-20' });
});

// --- Times, durations, sets -------------------------------------------------------------------------------

test('times of day', () => {
  expect(only('The vote starts at 3 p.m. sharp.')).toMatchObject({ text: '3 p.m.', type: 'TIME', value: '2021-11-20T15:00' });
  expect(only('It landed at 16:15 UTC.')).toMatchObject({ value: '2021-11-20T16:15Z' });
});

test('durations', () => {
  expect(only('The talks lasted two weeks.')).toMatchObject({ type: 'DURATION', value: 'P2W', interval: null });
  expect(only('He served three years in prison.')).toMatchObject({ value: 'P3Y' });
  expect(only('It was a 12-year project.')).toMatchObject({ text: '12-year', value: 'P12Y' });
});

test('sets', () => {
  expect(only('They meet every week.')).toMatchObject({ type: 'SET', value: 'P1W' });
  expect(only('The report is published annually.')).toMatchObject({ type: 'SET', value: 'P1Y' });
  expect(only('Elections are held each year.')).toMatchObject({ type: 'SET', value: 'P1Y' });
});

// --- Negative cases --------------------------------------------------------------------------------------------

test('"may" the verb is not a month', () => {
  expect(tag('Moscow may invade Ukraine.')).toEqual([]);
  expect(tag('May the best team win.')).toEqual([]);
});

test('"march" the noun or verb in lowercase is not a month', () => {
  expect(tag('Thousands joined the march on the capital; they march again.')).toEqual([]);
});

test('names are not dates', () => {
  expect(tag('US Director of National Intelligence Avril D. Haines travelled to Europe.')).toEqual([]);
  expect(tag('April Smith and June Carter sang.')).toEqual([]);
});

test('percentages and counts are not dates', () => {
  expect(tag('Shares fell 12.53% in trading.')).toEqual([]);
  expect(tag('The army sent 2,000 troops.')).toEqual([]);
});

test('an invalid publication date is a programmer error', () => {
  expect(() => tagTimexes('today', '2021-02-30')).toThrow(RangeError);
});

// --- Properties ---------------------------------------------------------------------------------------------------

test('never throws; results are verbatim, sorted and non-overlapping', () => {
  const words = fc.constantFrom('in', 'March', 'May', '2014', 'since', 'last', 'week', 'the', '12', 'Nov.', ',', '-', 'ago', 'three', 'days', 'mid-', '1990s', 'Q3', '3 p.m.', 'tonight', '\n', '.', ' ');
  const texts = fc.oneof(fc.string(), fc.array(words, { maxLength: 30 }).map((ws) => ws.join(' ')), fc.array(words, { maxLength: 30 }).map((ws) => ws.join('')));
  fc.assert(
    fc.property(texts, (text) => {
      const found = tagTimexes(text, DCT);
      let last = 0;
      for (const t of found) {
        expect(t.text).toBe(text.slice(t.start, t.end));
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.end).toBeGreaterThan(t.start);
        last = t.end;
      }
    }),
    { numRuns: 400 },
  );
});

// --- Modals and bounds that look ahead --------------------------------------------------------------------

test('a modal governing the clause makes a bare month future, even after a reporting verb', () => {
  expect(values('Dr. Lee told the Gazette the backlog could last until July.', '2019-06-14')).toEqual(['July=2019-07']);
  expect(values('Officials said the report may be released in September.', '2019-06-14')).toEqual(['September=2019-09']);
  expect(values('The board might meet in May.', '2019-06-14')).toEqual(['May=2020-05']);
});

test('a modal with a perfect, or a new clause after the modal, looks back', () => {
  expect(values('The plant could have been finished in March.', '2019-06-14')).toEqual(['March=2019-03']);
  expect(values('The company said it would close the plant, which opened in March.', '2019-06-14')).toEqual(['March=2019-03']);
});

test('"until" or "by" a month in a present-tense clause looks ahead; in a past one, back', () => {
  expect(values('The store is closed until July.', '2019-06-14')).toEqual(['July=2019-07']);
  expect(values('The backlog lasted until March.', '2019-06-14')).toEqual(['March=2019-03']);
});

test('a percentage after "by" is no date; a year after it is', () => {
  expect(values('The deal, signed yesterday, raises pay by 4.5% in 2020.', '2019-06-14')).toEqual(['yesterday=2019-06-13', '2020=2020']);
});

// --- TimeBank-style news phrases ---------------------------------------------------------------------------

test('"recent" and "current" before a noun are the past and present references (TimeML), not "current account"', () => {
  expect(values('Analysts blame recent losses on the current crisis.')).toEqual(['recent=PAST_REF', 'current=PRESENT_REF']);
  expect(tag('The current account deficit widened; the electric current failed.')).toEqual([]);
  expect(tag('Its most recent model sold well.')).toEqual([]);
});

test('"in recent years" leaves the signal "in" outside the extent', () => {
  expect(values('Growth has slowed in recent years.')).toEqual(['recent years=PXY']);
});

test('"the latest quarter" is the quarter before the publication date', () => {
  expect(values('Earnings in the latest quarter rose.', '1998-10-30')).toEqual(['the latest quarter=1998-Q3']);
});

test('"the second half" alone is a half of the current year; "the second half of the game" is none', () => {
  expect(values('Earnings in the second half will improve, but fell in the first half.', '1998-10-30')).toEqual([
    'the second half=1998-H2',
    'the first half=1998-H1',
  ]);
  expect(tag('The team scored in the second half of the game.')).toEqual([]);
});

test('summer, winter and autumn are seasons without a preposition, but not in names or as "fall" the verb', () => {
  expect(values('The IMF held their Autumn meetings.', '2008-10-13')).toEqual(['Autumn=2008-FA']);
  expect(values('Athletes trained for the Winter Olympics after a hot summer.', '2008-10-13')).toEqual(['summer=2008-SU']);
  expect(tag('Prices fall when spring water is cheap.', '2008-10-13')).toEqual([]);
});
