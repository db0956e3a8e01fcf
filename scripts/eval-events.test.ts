import { expect, test } from 'vitest';
import { emptyEventCounts, formatEventReport, judge, names, scoreDocument, timelineOf } from './eval-events.ts';
import { placedHappenings, readTimemlEvents } from './lib/timeml-events.ts';

const DOC = `<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-06-10">June 10, 2021</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2021-06-08">Tuesday</TIMEX3> that the bridge had <EVENT eid="e2" class="OCCURRENCE">closed</EVENT> in <TIMEX3 tid="t2" type="DATE" value="2019-05">May 2019</TIMEX3>.

The ferry <EVENT eid="e3" class="OCCURRENCE">sailed</EVENT> in <TIMEX3 tid="t3" type="DATE" value="2020">2020</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" polarity="POS" />
<MAKEINSTANCE eventID="e2" eiid="ei2" polarity="POS" />
<MAKEINSTANCE eventID="e3" eiid="ei3" polarity="NEG" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2" />
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t3" />
</TimeML>`;

test('a label names an event when its trigger is a whole word of it', () => {
  const g = { eid: 'e', start: 0, end: 4, text: 'said', eventClass: 'REPORTING' };
  expect(names('The council said', g)).toBe(true);
  expect(names('The council unsaid it', g)).toBe(false);
});

test('an event is judged by the happening its label names, not by another one its excerpt holds', () => {
  const doc = readTimemlEvents(DOC);
  const hs = placedHappenings(doc, true);
  const sentence = { start: doc.text.indexOf('The council'), end: doc.text.indexOf('2019.') + 5 };
  const wrong = judge({ label: 'The council said that the bridge had closed', start: '2019-05-01', end: '2019-05-31', excerpts: [sentence] }, hs);
  // Both triggers are named: either date agrees.
  expect(wrong?.compatible).toBe(true);
  const said = judge({ label: 'The council said', start: '2019-05-01', end: '2019-05-31', excerpts: [sentence] }, hs);
  expect(said).toMatchObject({ compatible: false, exact: false });
  const closed = judge({ label: 'The bridge had closed', start: '2019-05-01', end: '2019-05-31', excerpts: [sentence] }, hs);
  expect(closed).toMatchObject({ compatible: true, exact: true });
  expect(judge({ label: 'x', start: null, end: null, excerpts: [{ start: 0, end: 1 }] }, hs)).toBeNull();
});

test('the pipeline runs on the document: happenings on compatible dates are found, counts add up', () => {
  const doc = readTimemlEvents(DOC);
  const timeline = timelineOf(doc, 'doc.tml');
  expect(timeline).not.toBeNull();
  const counts = emptyEventCounts();
  const { missed } = scoreDocument(doc, timeline ?? [], counts);
  expect(counts.happenings).toBe(3);
  expect(counts.found + missed.length).toBe(3);
  // "sailed in 2020" is dated by its own year, and a timeline event names it (a negated instance in the gold).
  expect(missed.map((h) => h.event.text)).not.toContain('sailed');
  expect(counts.negated).toBe(1);
  expect(formatEventReport(counts)).toMatch(/^precision \d+\.\d %/);
});
