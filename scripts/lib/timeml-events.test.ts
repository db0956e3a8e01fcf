import { expect, test } from 'vitest';
import { placedHappenings, readTimemlEvents } from './timeml-events.ts';

const DOC = `<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-04" functionInDocument="CREATION_TIME">March 4, 2020</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1" class="REPORTING">said</EVENT> the plant <EVENT eid="e2" class="OCCURRENCE">opened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2020-03-03">yesterday</TIMEX3> &amp; <EVENT eid="e3" class="OCCURRENCE">hired</EVENT> staff in <TIMEX3 tid="t2" type="DATE" value="2020">2020</TIMEX3>.
It did not <EVENT eid="e4" class="OCCURRENCE">close</EVENT> for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3>, and it <EVENT eid="e5" class="OCCURRENCE">ran</EVENT> before <TIMEX3 tid="t4" type="DATE" value="2019">2019</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" polarity="POS" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" polarity="POS" />
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST" polarity="POS" />
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="PAST" polarity="NEG" modality="could" />
<MAKEINSTANCE eventID="e5" eiid="ei5" tense="PAST" polarity="POS" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1" />
<TLINK lid="l3" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei3" />
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0" />
<TLINK lid="l5" relType="DURING" eventInstanceID="ei4" relatedToTime="t3" />
<TLINK lid="l6" relType="BEFORE" eventInstanceID="ei5" relatedToTime="t4" />
<TLINK lid="l7" relType="BEFORE" eventInstanceID="ei2" relatedToEventInstance="ei1" />
</TimeML>`;

test('events are offsets into the same plain text as the TIMEX3, entities decoded', () => {
  const doc = readTimemlEvents(DOC);
  expect(doc.events.map((e) => [e.eid, e.text, e.eventClass])).toEqual([
    ['e1', 'said', 'REPORTING'], ['e2', 'opened', 'OCCURRENCE'], ['e3', 'hired', 'OCCURRENCE'], ['e4', 'close', 'OCCURRENCE'], ['e5', 'ran', 'OCCURRENCE'],
  ]);
  for (const e of doc.events) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
  expect(doc.text).toContain('yesterday & hired');
  expect(doc.instances.find((i) => i.eiid === 'ei4')).toMatchObject({ polarity: 'NEG', modality: 'could' });
});

test('a link from a time to an event is read from the event: INCLUDES becomes IS_INCLUDED; event-event links are left out', () => {
  const doc = readTimemlEvents(DOC);
  expect(doc.links).toContainEqual({ eiid: 'ei3', tid: 't2', relType: 'IS_INCLUDED' });
  expect(doc.links.some((l) => l.relType === 'BEFORE' && l.eiid === 'ei2')).toBe(false);
});

test('happenings: placed inside a dated time; the narrowest time wins; durations and BEFORE do not place', () => {
  const doc = readTimemlEvents(DOC);
  const inText = placedHappenings(doc, false);
  expect(inText.map((h) => [h.event.text, h.start, h.end])).toEqual([
    ['opened', '2020-03-03', '2020-03-03'],
    ['hired', '2020-01-01', '2020-12-31'],
  ]);
  const withDct = placedHappenings(doc, true);
  expect(withDct.map((h) => [h.event.text, h.timex?.tid ?? 'DCT', h.start])).toEqual([
    ['said', 'DCT', '2020-03-04'],
    ['opened', 't1', '2020-03-03'],
    ['hired', 'DCT', '2020-03-04'],
  ]);
});
