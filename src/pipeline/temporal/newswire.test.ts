/**
 * Sentences of our own in the style of 1990s wire and business news (TimeBank/AQUAINT-like), with the extents,
 * types and values the TimeML/TempEval-3 guidelines give them: signals ("in", "since", "by") outside, determiners
 * and modifiers ("the", "last", "a year earlier", "ago") inside, the possessive 's outside.
 */
import { expect, test } from 'vitest';
import { tagTimexes } from './tag-timexes.ts';

// 1998-10-27 was a Tuesday (ISO week 44); 1989-11-02 a Thursday.
const OCT98 = '1998-10-27';
const NOV89 = '1989-11-02';

/** [publication date, sentence, expected "extent=TYPE:value" in order]. */
const cases: readonly (readonly [string, string, readonly string[]])[] = [
  // Financial periods
  [OCT98, 'Net income rose 12% in the third quarter, the company said.', ['the third quarter=DATE:1998-Q3']],
  [OCT98, 'Earnings in the quarter fell to $1.2 million.', ['the quarter=DATE:1998-Q3']],
  [OCT98, 'Sales rose 5% in the latest quarter.', ['the latest quarter=DATE:1998-Q3']],
  [NOV89, 'Third-quarter profit rose 8% from the year-earlier quarter.', ['Third-quarter=DATE:1989-Q3', 'the year-earlier quarter=DATE:1988-Q3']],
  [NOV89, 'Profit in the third quarter rose to $5 million from $4 million a year earlier.', ['the third quarter=DATE:1989-Q3', 'a year earlier=DATE:1988-Q3']],
  [OCT98, 'Revenue rose 10% from the year-ago period.', ['the year-ago period=DATE:1997']],
  [NOV89, 'Sales in the third quarter rose 5%. Profit rose 10% from the year-ago period.', ['the third quarter=DATE:1989-Q3', 'the year-ago period=DATE:1988-Q3']],
  [NOV89, 'Third-quarter net income fell to $10 million from $12 million a year ago.', ['Third-quarter=DATE:1989-Q3', 'a year ago=DATE:1988-Q3']],
  [NOV89, 'In the third quarter, the company, founded 25 years ago, earned $5 million.', ['the third quarter=DATE:1989-Q3', '25 years ago=DATE:1964']],
  [OCT98, 'Revenue was flat compared with a year ago.', ['a year ago=DATE:1997']],
  [OCT98, 'The company expects to break even in fiscal 1999.', ['fiscal 1999=DATE:1999']],
  [OCT98, 'Analysts expect growth in fiscal year 1999.', ['fiscal year 1999=DATE:1999']],
  [OCT98, 'Profit in the first half rose 20%.', ['the first half=DATE:1998-H1']],
  [OCT98, 'For the nine months, net income was $20 million.', ['the nine months=DURATION:P9M']],
  [OCT98, 'For the six months ended Sept. 30, sales fell.', ['the six months=DURATION:P6M', 'Sept. 30=DATE:1998-09-30']],
  [OCT98, 'In the first nine months, profit rose 8%.', ['the first nine months=DURATION:P9M']],
  [OCT98, 'Sales over the past 12 months rose 3%.', ['the past 12 months=DURATION:P12M']],
  [OCT98, 'Profit rose 8% from the previous year.', ['the previous year=DATE:1997']],
  [OCT98, 'Net fell 4% in the fourth quarter of 1997.', ['the fourth quarter of 1997=DATE:1997-Q4']],
  [OCT98, 'The company\'s 1997 earnings were restated.', ['1997=DATE:1997']],
  [OCT98, 'Growth will slow in the second half of next year.', ['the second half of next year=DATE:1999-H2']],
  [OCT98, 'The company reported a loss in its fiscal third quarter.', ['fiscal third quarter=DATE:1998-Q3']],
  [OCT98, 'The economy grew at a 3.3% annual rate in the July-September quarter.', ['annual=SET:P1Y', 'the July-September quarter=DATE:1998-Q3']],
  [OCT98, 'Earnings will rise this fiscal year and in the 1999 fiscal year.', ['this fiscal year=DATE:1998', 'the 1999 fiscal year=DATE:1999']],
  [OCT98, 'May sales rose 5%, the company said.', ['May=DATE:1998-05']],
  [OCT98, 'Car sales rebounded in the last week of March.', ['the last week of March=DATE:1998-W13']],
  [OCT98, 'Mr. Smith, 55 years old, was named chairman.', ['55 years old=DURATION:P55Y']],
  ['1999-01-15', 'For the year, the company earned $5 million; sales were up sharply at the end of the year.', ['the year=DATE:1998', 'the end of the year=DATE:1998']],
  ['1999-01-15', 'Profit rose in the fourth quarter.', ['the fourth quarter=DATE:1998-Q4']],
  // Possessives and deictic days and weeks
  [OCT98, 'Last year\'s results were weak, and this year\'s results are better.', ['Last year=DATE:1997', 'this year=DATE:1998']],
  [OCT98, 'Last month\'s decline was the steepest since 1987.', ['Last month=DATE:1998-09', '1987=DATE:1987']],
  [OCT98, 'Yesterday\'s decline was the largest since August.', ['Yesterday=DATE:1998-10-26', 'August=DATE:1998-08']],
  [OCT98, 'Monday\'s rally lifted the Dow 50 points.', ['Monday=DATE:1998-10-26']],
  [OCT98, 'Earlier this week, the Fed raised rates.', ['Earlier this week=DATE:1998-W44']],
  [OCT98, 'Late last week, the dollar fell against the yen.', ['Late last week=DATE:1998-W43']],
  [OCT98, 'The index rose 3% in the past week.', ['the past week=DURATION:P1W']],
  // 27 October 1998 is the Tuesday of ISO week 44: the weekend just gone (24–25 October) is the weekend of week 43.
  [OCT98, 'Talks continued over the weekend.', ['the weekend=DATE:1998-W43-WE']],
  [OCT98, 'The president spoke this morning and will speak again Monday night.', ['this morning=TIME:1998-10-27TMO', 'Monday night=TIME:1998-11-02TNI']],
  [OCT98, 'Trading resumes at 10 a.m. EST.', ['10 a.m. EST=TIME:1998-10-27T10:00']],
  // Year ends, months, decades, seasons
  [OCT98, 'The company expects to complete the sale by the end of the year.', ['the end of the year=DATE:1998']],
  [OCT98, 'The bank expects the ratio to improve by year-end.', ['year-end=DATE:1998']],
  [OCT98, 'Loans outstanding were higher at year end.', ['year end=DATE:1997']],
  [OCT98, 'The deal should close by the end of March.', ['the end of March=DATE:1999-03']],
  [OCT98, 'The merger is expected to close in mid-November.', ['mid-November=DATE:1998-11']],
  [OCT98, 'Prices fell in the early 1990s, after soaring in the 1980s.', ['the early 1990s=DATE:199', 'the 1980s=DATE:198']],
  [OCT98, 'The film opens this spring; it was shot last fall.', ['this spring=DATE:1998-SP', 'last fall=DATE:1997-FA']],
  // Durations and vague spans
  [OCT98, 'The stock could fall in the next few weeks.', ['the next few weeks=DURATION:PXW']],
  [OCT98, 'Prices have risen over the past few years.', ['the past few years=DURATION:PXY']],
  [OCT98, 'It took several years and a decade to finish the dam.', ['several years=DURATION:PXY', 'a decade=DURATION:P10Y']],
  [OCT98, 'She said two years of talks had failed. The plant closed two years ago.', ['two years=DURATION:P2Y', 'two years ago=DATE:1996']],
  [OCT98, 'Prices doubled over the past decade, but a decade ago they were low.', ['the past decade=DURATION:P10Y', 'a decade ago=DATE:1988']],
  [OCT98, 'The newsletter is published weekly, and the report annually.', ['weekly=SET:P1W', 'annually=SET:P1Y']],
  [OCT98, 'The company pays a dividend each year.', ['each year=SET:P1Y']],
  // Anaphora within the story
  [OCT98, 'The talks collapsed on Monday. The day before, officials had been optimistic.', ['Monday=DATE:1998-10-26', 'The day before=DATE:1998-10-25']],
  [OCT98, 'He joined the company in 1985 and became president two years later.', ['1985=DATE:1985', 'two years later=DATE:1987']],
  [OCT98, 'The board met on Oct. 5. Two days later, it rejected the offer.', ['Oct. 5=DATE:1998-10-05', 'Two days later=DATE:1998-10-07']],
  [OCT98, 'He was elected in November 1996 and took office in January.', ['November 1996=DATE:1996-11', 'January=DATE:1997-01']],
  [OCT98, 'Japan\'s economy shrank in the April-to-June period.', ['the April-to-June period=DATE:1998-Q2']],
  // Tense decides the direction of yearless dates
  [OCT98, 'The company said it expects sales to rise in December.', ['December=DATE:1998-12']],
  [OCT98, 'The company said sales rose in December.', ['December=DATE:1997-12']],
  [OCT98, 'The report, due Friday, is expected to show growth.', ['Friday=DATE:1998-10-30']],
  [OCT98, 'The company said Monday that it will cut 500 jobs by March.', ['Monday=DATE:1998-10-26', 'March=DATE:1999-03']],
  ['1998-10-30', 'The trip will begin Dec. 12 and last four days.', ['Dec. 12=DATE:1998-12-12', 'four days=DURATION:P4D']],
  ['1998-10-30', 'The Senate will vote before lawmakers leave for the Thanksgiving recess.', ['Thanksgiving=DATE:1998-11-26']],
  ['1998-10-30', 'The plant closed on Labor Day and reopened after Memorial Day.', ['Labor Day=DATE:1998-09-07', 'Memorial Day=DATE:1998-05-25']],
  // References to the present, past and future
  [OCT98, 'Prices are now higher than in the past, and may fall in the future.', ['now=DATE:PRESENT_REF', 'the past=DATE:PAST_REF', 'the future=DATE:FUTURE_REF']],
  [OCT98, 'The company recently cut prices, and currently sells 10 models.', ['recently=DATE:PAST_REF', 'currently=DATE:PRESENT_REF']],
  // Not time expressions
  [OCT98, 'The former chairman said the company once dominated the market and then lost share.', []],
  [OCT98, 'The measure was approved under Section 2014 of the tax code.', []],
  [OCT98, 'The airline ordered the 747 and two 767s, with options on 1,500 seats.', []],
  [OCT98, 'The stock closed at $1995 a share, and 2000 more shares changed hands.', []],
  [OCT98, 'May Smith, a spokeswoman, said the company may sell the unit.', []],
  [OCT98, 'Thousands of workers will March on Washington.', []],
  [OCT98, 'The Sunday Times reported the deal, citing the Fed\'s Beige Book.', []],
  [OCT98, 'The Dow Jones Industrial Average fell 19.72 to 1997.12.', []],
  [OCT98, 'He lives at 1990 Main Street.', []],
  [OCT98, 'USA Today reported the story, and he later appeared on NBC\'s Today show.', []],
  [OCT98, 'Shares of May Department Stores fell, and the March of Dimes raised money.', []],
  [OCT98, 'The chain owns 1,998 stores and 2000 acres of farmland.', []],
  [OCT98, 'The Nasdaq 100 and the Russell 2000 fell, and Microsoft shipped Windows 98.', []],
];

test.each(cases)('(%s) %s', (dct, sentence, expected) => {
  const found = tagTimexes(sentence, dct).map((t) => `${t.text}=${t.type}:${t.value}`);
  expect(found).toEqual(expected);
});

test('the newswire sentences number at least forty', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

test('an earnings story keeps track of the quarter it reports on', () => {
  const story = [
    'Acme Corp. said Tuesday its third-quarter profit fell 12%, hurt by a strike that began in late August.',
    'The pump maker earned $45.2 million in the quarter ended Sept. 30, compared with $51.4 million a year earlier.',
    'Sales for the quarter slipped to $610 million from $655 million in the year-earlier period.',
    'For the first nine months of the year, Acme earned $140 million, down from $152 million in the same period last year.',
    'The company, which was founded in 1921, cut 1,200 jobs last year and plans to eliminate 500 more by the end of March.',
    'In 1997, Acme earned a record $205 million. Two years earlier, it had lost money.',
  ].join(' ');
  expect(tagTimexes(story, OCT98).map((t) => `${t.text}=${t.value}`)).toEqual([
    'Tuesday=1998-10-27',
    'third-quarter=1998-Q3',
    'late August=1998-08',
    'the quarter=1998-Q3',
    'Sept. 30=1998-09-30',
    'a year earlier=1997-Q3',
    'the quarter=1998-Q3',
    'the year-earlier period=1997-Q3',
    'the first nine months=P9M',
    'the same period last year=1997',
    '1921=1921',
    'last year=1997',
    'the end of March=1999-03',
    '1997=1997',
    'Two years earlier=1995',
  ]);
});
