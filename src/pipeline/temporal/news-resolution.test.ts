/**
 * Sentences of our own, one group per class of resolution error seen on news nobody here had seen: each checks a
 * general rule of news style, not a document.
 */
import { expect, test } from 'vitest';
import { tagTimexes } from './tag-timexes.ts';

function values(text: string, dct: string): string[] {
  return tagTimexes(text, dct).map((t) => `${t.text}=${t.type}:${t.value}`);
}

// 2013-02-15 was a Friday; 1991-02-25 a Monday; 1989-11-02 a Thursday.
test('a bare weekday that is the publication day is that day, in a past or a future clause', () => {
  expect(values('The board approved the plan on Friday.', '2013-02-15')).toEqual(['Friday=DATE:2013-02-15']);
  expect(values('The minister will speak on Friday.', '2013-02-15')).toEqual(['Friday=DATE:2013-02-15']);
  expect(values('The minister will speak on Monday.', '2013-02-15')).toEqual(['Monday=DATE:2013-02-18']);
  expect(values('The minister will speak next Friday.', '2013-02-15')).toEqual(['next Friday=DATE:2013-02-22']);
});

test('a day without a year is in the year of publication when it lies within two months of it, whatever the tense', () => {
  expect(values('The agency has invited the ministers to talks on March 12.', '1999-02-16')).toEqual(['March 12=DATE:1999-03-12']);
  expect(values('The company extended its offer to Nov. 20.', '1989-11-02')).toEqual(['Nov. 20=DATE:1989-11-20']);
  expect(values('The board declared a dividend, payable Dec. 7 to holders of record Nov. 22.', '1989-11-02')).toEqual([
    'Dec. 7=DATE:1989-12-07',
    'Nov. 22=DATE:1989-11-22',
  ]);
});

test('a day without a year across the turn of the year follows the tense', () => {
  expect(values('The plane crashed on Dec. 28, killing 40.', '2014-01-05')).toEqual(['Dec. 28=DATE:2013-12-28']);
  expect(values('Talks will resume on Jan. 6.', '2013-12-20')).toEqual(['Jan. 6=DATE:2014-01-06']);
  expect(values('The factory was sold on Aug. 4.', '1998-03-10')).toEqual(['Aug. 4=DATE:1997-08-04']);
});

test('a weekday named with a day picks the year in which they agree', () => {
  // 25 April 1998 was a Saturday, 25 April 1997 a Friday.
  expect(values('The paper said in an editorial on Saturday, April 25, that the court erred.', '1998-04-24')).toEqual(['Saturday, April 25=DATE:1998-04-25']);
});

test('"the weekend" in a weekday paper: the one just gone in a past clause, the coming one in a future clause', () => {
  expect(values('Officials said over the weekend that the talks had failed.', '1991-02-25')).toEqual(['the weekend=DATE:1991-W08-WE']);
  expect(values('The talks will resume over the weekend.', '1991-02-27')).toEqual(['the weekend=DATE:1991-W09-WE']);
});

test('seasons: winter runs into the next year, so last fall in February is the fall just gone', () => {
  expect(values('Hiring picked up last fall.', '1998-02-06')).toEqual(['last fall=DATE:1997-FA']);
  expect(values('Heating bills soared this winter.', '1998-02-06')).toEqual(['this winter=DATE:1997-WI']);
  expect(values('The army will attack next spring.', '2009-12-19')).toEqual(['next spring=DATE:2010-SP']);
});

test('a quarter without a year is reported after it closes: this year\'s, even in a future clause', () => {
  expect(values('The company expects to report a third-quarter loss.', '1989-11-02')).toEqual(['third-quarter=DATE:1989-Q3']);
  expect(values('The company expects to return to profit in the second quarter.', '1989-11-02')).toEqual(['the second quarter=DATE:1990-Q2']);
  expect(values('Profit fell in the fourth quarter.', '1990-02-10')).toEqual(['the fourth quarter=DATE:1989-Q4']);
});

test('in news that tells its own days, a month without a year does not take a year named far earlier', () => {
  const story = [
    'The firm was founded in 1995. It grew in 1996 and 1997, and it listed its shares in 1998.',
    'Its founder still runs it.',
    'Rivals have come and gone.',
    'Its shares are widely held.',
    'Analysts like the stock.',
    'The company employs 2,000 people.',
    'It makes pumps and valves.',
    'The chief executive spoke on Monday and again on Tuesday, and he will meet investors on Thursday.',
    'The new plant opened in May.',
  ].join(' ');
  expect(values(story, '2013-06-20').at(-1)).toBe('May=DATE:2013-05');
});

test('in a history told from afar, a month without a year keeps the year of the story', () => {
  const story = [
    'The war began in 1920. The army crossed the river in 1920 and 1921, and peace came in 1921.',
    'The cavalry moved north.',
    'The infantry followed.',
    'Supplies ran short.',
    'The generals argued.',
    'Winter came early.',
    'Many soldiers deserted.',
    'The city fell in May.',
  ].join(' ');
  expect(values(story, '2009-12-19').at(-1)).toBe('May=DATE:1921-05');
});

test('durations are lengths of time, not dates: only "ago" and "from now" place them', () => {
  expect(values('He has worked there for eight years.', '2013-02-15')).toEqual(['eight years=DURATION:P8Y']);
  expect(values('The deal took a month to negotiate.', '2013-02-15')).toEqual(['a month=DURATION:P1M']);
  expect(values('Prices will double over the next decade.', '2013-02-15')).toEqual(['the next decade=DURATION:P10Y']);
  expect(values('Costs fell over the last decade.', '2013-02-15')).toEqual(['the last decade=DURATION:P10Y']);
  expect(values('The plant closed eight years ago.', '2013-02-15')).toEqual(['eight years ago=DATE:2005']);
  expect(values('In recent weeks, sales have slowed.', '2013-02-15')).toEqual(['recent weeks=DURATION:PXW']);
});

test('hours, minutes and seconds of a race are a length of time; a clock time after "at" is a time of day', () => {
  expect(values('She won the marathon in 3:07:35.', '2013-02-15')).toEqual(['3:07:35=DURATION:PT3H7M35S']);
  expect(values('The bell rang at 10:30:00 GMT.', '2013-02-15')).toEqual([]);
});

test('centuries, capitalised or not', () => {
  expect(values('In the 20th Century, steel was king.', '2013-02-15')).toEqual(['the 20th Century=DATE:19']);
  expect(values('The church dates from the twelfth century.', '2013-02-15')).toEqual(['the twelfth century=DATE:11']);
});

test('fiscal years take the value of the year they are named by; a year of accounts "ended" is a length of time', () => {
  expect(values('Elco earned $7.8 million in fiscal 1989.', '1989-11-02')).toEqual(['fiscal 1989=DATE:1989']);
  expect(values('Sales will rise in the current fiscal year.', '1989-11-02')).toEqual(['the current fiscal year=DATE:1989']);
  expect(values('Sales rose in the latest fiscal year.', '1989-11-02')).toEqual(['the latest fiscal year=DATE:1988']);
  expect(values('The unit had revenue of $76 million for the year ended March 31.', '1989-11-02')).toEqual(['the year=DURATION:P1Y', 'March 31=DATE:1989-03-31']);
});

test('"at the time" alone is the date just named, else the past of a past clause', () => {
  expect(values('The vote was held on May 3. At the time, the party led the polls.', '2013-06-20')).toEqual(['May 3=DATE:2013-05-03', 'the time=DATE:2013-05-03']);
  expect(values('The firm was small. Its founder was poor. At the time, nobody noticed it.', '2013-06-20')).toEqual(['the time=DATE:PAST_REF']);
});

test('recurring times: parts of the day, months and seasons', () => {
  expect(values('He jogs every morning.', '2013-02-15')).toEqual(['every morning=SET:XXXX-XX-XXTMO']);
  expect(values('Orangemen march each July.', '2013-02-15')).toEqual(['each July=SET:XXXX-07']);
  expect(values('The fund pays dividends annually.', '2013-02-15')).toEqual(['annually=SET:P1Y']);
});

test('an earnings story compares with the same quarter a year back, wherever "a year earlier" stands', () => {
  const story = 'Third-quarter profit rose 8% to $5 million. A year earlier, the company earned $4 million. Year-earlier sales were restated.';
  expect(values(story, '1989-11-02')).toEqual(['Third-quarter=DATE:1989-Q3', 'A year earlier=DATE:1988-Q3', 'Year-earlier=DATE:1988-Q3']);
  expect(values('In the year-ago third quarter, it earned $2 million.', '1989-11-02')).toEqual(['the year-ago third quarter=DATE:1988-Q3']);
  expect(values('Net rose in the third quarter, against a loss in the 1988 quarter.', '1989-11-02')).toEqual(['the third quarter=DATE:1989-Q3', 'the 1988 quarter=DATE:1988-Q3']);
  expect(values('Without a quarter named, year-ago results were weak.', '1989-11-02')).toEqual(['year-ago=DATE:1988']);
});

test('"the previous year" is the year before the story\'s time, and a look back does not move the story', () => {
  const story = 'Unrest grew in 1918, and the war began in 1919. The army attacked in 1920, repeating its successes from the previous year. It took the city on 12 October.';
  expect(values(story, '2009-12-19')).toEqual(['1918=DATE:1918', '1919=DATE:1919', '1920=DATE:1920', 'the previous year=DATE:1919', '12 October=DATE:1920-10-12']);
  expect(values('Profit rose 8% from the previous year.', '1998-10-27')).toEqual(['the previous year=DATE:1997']);
});

test('in a history, "tomorrow" in a quotation does not become the time of the story', () => {
  const story = 'The army crossed the river in 1935. It took the town in 1936 and the capital in 1936. He warned: "It will be you tomorrow." On May 4, he sailed.';
  expect(values(story, '2009-12-19').at(-1)).toBe('May 4=DATE:1936-05-04');
});

test('in news, "at the same time" links events and is no time expression', () => {
  expect(values('The bank cut rates. At the same time, it raised fees.', '2013-02-15')).toEqual([]);
});

test('"the year previous" after a year named since the quarter compares years, not quarters', () => {
  const story = 'Ford lost money in the fourth quarter. It earned $2.7 billion last year, and lost $14.6 billion the year previous.';
  expect(values(story, '2010-01-28')).toEqual(['the fourth quarter=DATE:2009-Q4', 'last year=DATE:2009', 'the year previous=DATE:2008']);
});

test('"in recent weeks" is a stretch up to now with a perfect, else a time in the recent past', () => {
  expect(values('Prices have climbed in recent weeks.', '2013-02-15')).toEqual(['recent weeks=DURATION:PXW']);
  expect(values('The shares fell sharply in recent days.', '2013-02-15')).toEqual(['recent days=DATE:PAST_REF']);
  expect(values('Banks have paid for the lending boom of recent years.', '2013-02-15')).toEqual(['recent years=DATE:PAST_REF']);
  expect(values('The county has no plans to hire, after losses in recent months.', '2013-02-15')).toEqual(['recent months=DATE:PAST_REF']);
});

test('"the coming months", "coming weeks", "future quarters": the vague future', () => {
  expect(values('The mill expects orders to recover in coming months.', '2013-02-15')).toEqual(['coming months=DATE:FUTURE_REF']);
  expect(values('Tax credits will lower payments in future quarters.', '2013-02-15')).toEqual(['future quarters=DATE:FUTURE_REF']);
  expect(values('The country imports about three-quarters of its grain.', '2013-02-15')).toEqual([]);
});

test('"soon" is the near future in a clause of the present or future, a step of the story in a past one', () => {
  expect(values('The ministry will soon publish the figures.', '2013-02-15')).toEqual(['soon=DATE:FUTURE_REF']);
  expect(values('Officials expect a decision very soon.', '2013-02-15')).toEqual(['very soon=DATE:FUTURE_REF']);
  expect(values('The union wants the talks to resume as soon as possible.', '2013-02-15')).toEqual(['as soon as possible=DATE:FUTURE_REF']);
  expect(values('The rebels soon withdrew to the hills.', '2013-02-15')).toEqual([]);
  expect(values('Soon after the vote, the cabinet resigned.', '2013-02-15')).toEqual([]);
  expect(values('Traders will sell as soon as the market opens.', '2013-02-15')).toEqual([]);
});

test('"a few years later", "weeks earlier": an unsaid stretch from the story\'s time is the vague past or future', () => {
  expect(values('The colony rebelled in 1804. A few years later, the governor fled.', '2009-12-19')).toEqual(['1804=DATE:1804', 'A few years later=DATE:FUTURE_REF']);
  expect(values('The fort fell in 1790. Its commander had left many months earlier.', '2009-12-19')).toEqual(['1790=DATE:1790', 'many months earlier=DATE:PAST_REF']);
});

test('"the next year" follows the story; "next year" counts from the publication date', () => {
  expect(values('The rebels took the port in 1921, and a truce was signed early the next year.', '2009-12-19')).toEqual(['1921=DATE:1921', 'early the next year=DATE:1922']);
  expect(values('The agency will hire more staff next year.', '2013-02-15')).toEqual(['next year=DATE:2014']);
});

test('a year in the name of a thing ("the 1954 Treaty of Paris") does not set the year of the story', () => {
  const story = 'The war began in 1950. Fighting spread in 1951, and in 1952 the army retreated. The rebels cited the 1949 Accord of Lima. They entered the capital on March 3.';
  expect(values(story, '2009-12-19').at(-1)).toBe('March 3=DATE:1952-03-03');
});

test('"the day" is the last day named, even when a month was named since', () => {
  const story = 'Shares rose on Friday, even though a report on the same day said 600,000 jobs were lost in March. The index gained 1%, ending the day at 8,000.';
  expect(values(story, '2009-04-04')).toEqual(['Friday=DATE:2009-04-03', 'the same day=DATE:2009-04-03', 'March=DATE:2009-03', 'the day=DATE:2009-04-03']);
});

test('a state "until" a day looks ahead from a present or perfect clause', () => {
  // 2013-02-14 was a Thursday.
  expect(values('The government has kept the exchanges closed until Monday.', '2013-02-14')).toEqual(['Monday=DATE:2013-02-18']);
  expect(values('The ports will stay shut until Sunday.', '2013-02-14')).toEqual(['Sunday=DATE:2013-02-17']);
  expect(values('The talks lasted until Sunday.', '2013-02-14')).toEqual(['Sunday=DATE:2013-02-10']);
});

test('passive and attributive participles carry no past tense: the future clause keeps its month ahead', () => {
  expect(values('The dividend will be paid on a still unspecified date in January.', '1995-10-20')).toEqual(['January=DATE:1996-01']);
  expect(values('The talks are supposed to conclude by May.', '1998-03-22')).toEqual(['May=DATE:1998-05']);
});

test('the month after the publication month is this year\'s in a past clause of telling or of a deadline', () => {
  expect(values('The ministry told refiners of a cut in supplies in September.', '1995-08-16')).toEqual(['September=DATE:1995-09']);
  expect(values('The regulator gave the firm until mid-September to reply.', '1995-08-16')).toEqual(['mid-September=DATE:1995-09']);
  expect(values('The ministry said the bonds were issued in September.', '1995-08-16')).toEqual(['September=DATE:1994-09']);
  expect(values('The ministry reduced supplies in June.', '1995-08-16')).toEqual(['June=DATE:1995-06']);
  expect(values('The ministry reduced supplies in October.', '1995-08-16')).toEqual(['October=DATE:1994-10']);
  expect(values('The ministry will reduce supplies in July.', '1995-08-16')).toEqual(['July=DATE:1996-07']);
});

test('whole weeks "ago" land on a day, the weekday of publication', () => {
  expect(values('The storm hit the coast a week ago.', '2013-02-15')).toEqual(['a week ago=DATE:2013-02-08']);
  expect(values('The party invited them back two weeks ago.', '2013-02-15')).toEqual(['two weeks ago=DATE:2013-02-01']);
});

test('"today\'s" before a generic noun or a name is the present, not the day', () => {
  expect(values('Savings buy less in today\'s economy.', '2013-02-15')).toEqual(['today=DATE:PRESENT_REF']);
  expect(values('This is a proud moment for today\'s Ford.', '2013-02-15')).toEqual(['today=DATE:PRESENT_REF']);
  expect(values('Today\'s vote was postponed.', '2013-02-15')).toEqual(['Today=DATE:2013-02-15']);
});

test('durations of unsaid count: "decades-long", a range "between 60 and 90 days"', () => {
  expect(values('The firm settled its decades-long feud with the union.', '2013-02-15')).toEqual(['decades-long=DURATION:PXY']);
  expect(values('The audit should take between 60 and 90 days.', '2013-02-15')).toEqual(['60=DURATION:P60D', '90 days=DURATION:P90D']);
  expect(values('Repairs take between two and three weeks.', '2013-02-15')).toEqual(['two=DURATION:P2W', 'three weeks=DURATION:P3W']);
});

test('a fronted date takes the tense of the main clause after it, even a verb of reporting', () => {
  // 1995-08-14 was a Monday.
  expect(values('Over the weekend, officials confirmed that a second ship will sail.', '1995-08-14')).toEqual(['the weekend=DATE:1995-W32-WE']);
  expect(values('Officials confirmed that a second ship will sail over the weekend.', '1995-08-14')).toEqual(['the weekend=DATE:1995-W33-WE']);
});

test('a past perfect puts a weekday before the publication day, even "due" or "scheduled"', () => {
  // 1995-08-14 was a Monday, 1995-08-18 a Friday.
  expect(values('The offer had been due to expire Friday.', '1995-08-14')).toEqual(['Friday=DATE:1995-08-11']);
  expect(values('The offer had been scheduled to expire Friday.', '1995-08-18')).toEqual(['Friday=DATE:1995-08-11']);
  expect(values('The offer is due to expire Friday.', '1995-08-14')).toEqual(['Friday=DATE:1995-08-18']);
});

test('"likely to" looks ahead', () => {
  expect(values('The board is likely to approve the merger in September.', '1995-10-20')).toEqual(['September=DATE:1996-09']);
});

test('"last year" as the term of a comparison of a quarter\'s figures is that quarter a year back', () => {
  expect(values('Third-quarter net rose to $40 million, compared with $33 million last year.', '1995-10-30')).toEqual(['Third-quarter=DATE:1995-Q3', 'last year=DATE:1994-Q3']);
  expect(values('Third-quarter net was 20 cents, lower than the 16 cents it reported last year.', '1995-10-30')).toEqual(['Third-quarter=DATE:1995-Q3', 'last year=DATE:1994']);
  expect(values('Sales rose 13% from last year.', '1995-10-30')).toEqual(['last year=DATE:1994']);
});

test('a time of day with a date after it, with or without a comma', () => {
  expect(values('The offer runs until 5 p.m. EST Nov. 9.', '1995-11-02')).toEqual(['5 p.m. EST Nov. 9=TIME:1995-11-09T17:00']);
});

test('"set for" looks ahead', () => {
  expect(values('The ministers agreed on a summit set for Geneva in January.', '1995-10-20')).toEqual(['January=DATE:1996-01']);
});

test('"N days later than planned" compares a date with its plan: the day just named, else how far it slipped', () => {
  expect(values('The ship docks on June 9, two days later than scheduled.', '2013-06-01')).toEqual(['June 9=DATE:2013-06-09', 'two days later=DATE:2013-06-09']);
  expect(values('The bridge opened three weeks later than planned.', '2013-06-01')).toEqual(['three weeks later=DURATION:P3W']);
  expect(values('The ship docked on June 9. Two days later, it sailed.', '2013-06-20')).toEqual(['June 9=DATE:2013-06-09', 'Two days later=DATE:2013-06-11']);
});

test('"the end of year" and "year\'s end" are the end of the year, as "year-end"', () => {
  expect(values('The merger should close by the end of year.', '2013-06-01')).toEqual(['the end of year=DATE:2013']);
  expect(tagTimexes('Rates will be lower at year’s end.', '2013-06-01')).toMatchObject([{ text: 'year’s end', value: '2013', mod: 'END' }]);
});

test('"a day when" after "came" is some day of the past, or of the future after "if" or "will come"', () => {
  expect(values('If there ever came a day when he could not lead, he would quit.', '2013-06-01')).toEqual(['a day=DATE:FUTURE_REF']);
  expect(values('A day will come when the debt is paid.', '2013-06-01')).toEqual(['A day=DATE:FUTURE_REF']);
  expect(values('Then there came a day when the money ran out.', '2013-06-01')).toEqual(['a day=DATE:PAST_REF']);
  expect(values('The strike lasted a day.', '2013-06-01')).toEqual(['a day=DURATION:P1D']);
});

test('a comma after the date closes its clause: a relative clause looking ahead keeps its tense before a past main verb', () => {
  expect(values('The envoys, who cosponsor the talks that are supposed to conclude by May, invited the party back.', '1998-03-22')).toEqual(['May=DATE:1998-05']);
  expect(values('Over the weekend, officials confirmed the deal.', '1991-02-25')).toEqual(['the weekend=DATE:1991-W08-WE']);
});

test('"the people of tomorrow", "the cars of today" are the future and the present of things, not a day', () => {
  expect(values('The firm must hire the leaders of tomorrow.', '1989-11-02')).toEqual(['tomorrow=DATE:FUTURE_REF']);
  expect(values('The cars of today burn less fuel.', '1989-11-02')).toEqual(['today=DATE:PRESENT_REF']);
  expect(values('Talks will go on until the end of today.', '1989-11-02')).toEqual(['the end of today=DATE:1989-11-02']);
  expect(values('The vote is set for tomorrow.', '1989-11-02')).toEqual(['tomorrow=DATE:1989-11-03']);
});

test('years said in words, as transcripts write them; "two thousand" alone is a number', () => {
  expect(values('In nineteen ninety-one the banker was convicted.', '1998-01-15')).toEqual(['nineteen ninety-one=DATE:1991']);
  expect(values('Oil fell to a level we saw in the winter of nineteen ninety-four.', '1998-02-23')).toEqual(['the winter of nineteen ninety-four=DATE:1994-WI']);
  expect(values('January nineteen ninety-seven. The city was hit again.', '1998-02-27')).toEqual(['January nineteen ninety-seven=DATE:1997-01']);
  expect(values('He promised to halve unemployment by the year two thousand.', '1998-02-05')).toEqual(['the year two thousand=DATE:2000']);
  expect(values('About two thousand people marched.', '1998-02-05')).toEqual([]);
});
