import { expect, test } from 'vitest';
import { readTimeml, stripTimeml } from './timeml.ts';

const DOC = `<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-04" functionInDocument="CREATION_TIME">March 4, 2020</TIMEX3></DCT>
<TITLE>Plant opens <TIMEX3 tid="t9" type="DATE" value="2020-03-04">today</TIMEX3></TITLE>
<TEXT>
The plant opened <TIMEX3 tid="t1" type="DATE" value="2020-03-03">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> of work &amp; delays.
It ran <TIMEX3 tid="t3" type="DURATION" value="P3Y">from <TIMEX3 tid="t4" type="DATE" value="2009">2009</TIMEX3> to <TIMEX3 tid="t5" type="DATE" value="2011">2011</TIMEX3></TIMEX3>.
</TEXT>
</TimeML>`;

test('reads the DCT value and the plain text of TEXT with tags and entities removed', () => {
  const doc = readTimeml(DOC);
  expect(doc.dct).toBe('2020-03-04');
  expect(doc.text).toBe('\nThe plant opened yesterday after two years of work & delays.\nIt ran from 2009 to 2011.\n');
});

test('every TIMEX3 of TEXT is gold, nested ones included, with offsets into the plain text', () => {
  const doc = readTimeml(DOC);
  expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
    ['yesterday', 'DATE', '2020-03-03'],
    ['two years', 'DURATION', 'P2Y'],
    ['from 2009 to 2011', 'DURATION', 'P3Y'],
    ['2009', 'DATE', '2009'],
    ['2011', 'DATE', '2011'],
  ]);
  for (const t of doc.timexes) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
});

test('TIMEX3 in TITLE and DCT are not gold', () => {
  expect(readTimeml(DOC).timexes.some((t) => t.tid === 't0' || t.tid === 't9')).toBe(false);
});

test('a fragment without tags is its own text', () => {
  expect(stripTimeml('no tags here')).toEqual({ text: 'no tags here', timexes: [] });
});

test('TIMEX3 nested among EVENT and SIGNAL tags (TimeBank) keep their extents; the other tags leave only their text', () => {
  const doc = readTimeml(`<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>
<TEXT>It <EVENT eid="e1" class="REPORTING">said</EVENT> it would <EVENT eid="e2" class="OCCURRENCE">close</EVENT> the deal <SIGNAL sid="s1">by</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="1989-12-31">year-end</TIMEX3>, <EVENT eid="e3" class="OCCURRENCE">after <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3></EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>`);
  expect(doc.dct).toBe('1989-11-02');
  expect(doc.text).toBe('It said it would close the deal by year-end, after two years.');
  expect(doc.timexes.map((t) => [t.text, t.type, t.value, t.tid])).toEqual([
    ['year-end', 'DATE', '1989-12-31', 't1'],
    ['two years', 'DURATION', 'P2Y', 't2'],
  ]);
  for (const t of doc.timexes) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
});
