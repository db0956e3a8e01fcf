/**
 * Events and their anchoring in TimeBank-style TimeML: the EVENT tags of <TEXT> (offsets into the same plain
 * text as `readTimeml`), their MAKEINSTANCE (polarity, modality) and the TLINKs between an event instance and a
 * TIMEX3. `placedHappenings` keeps the events a TLINK puts inside a dated time: the happenings the text dates.
 */
import { readTimeml, stripTimeml, type GoldTimex, type TimemlDocument } from './timeml.ts';
import { spanOfValue } from '../../src/pipeline/temporal/resolve.ts';
import { formatDay } from '../../src/pipeline/temporal/calendar.ts';

export type GoldEvent = { eid: string; start: number; end: number; text: string; eventClass: string };
export type GoldInstance = { eiid: string; eid: string; polarity: string; modality: string | null };
/** A TLINK between an event instance and a time, always read as "event relType time". */
export type EventTimeLink = { eiid: string; tid: string; relType: string };
export type TimemlEventsDocument = TimemlDocument & {
  dctTid: string | null;
  events: GoldEvent[];
  instances: GoldInstance[];
  links: EventTimeLink[];
};

/** The relation of B to A when A relType B: "time INCLUDES event" is "event IS_INCLUDED time". */
const INVERSE: Record<string, string> = {
  INCLUDES: 'IS_INCLUDED', IS_INCLUDED: 'INCLUDES', BEGINS: 'BEGUN_BY', BEGUN_BY: 'BEGINS', ENDS: 'ENDED_BY', ENDED_BY: 'ENDS',
  DURING: 'DURING_INV', DURING_INV: 'DURING', BEFORE: 'AFTER', AFTER: 'BEFORE', IBEFORE: 'IAFTER', IAFTER: 'IBEFORE',
  SIMULTANEOUS: 'SIMULTANEOUS', IDENTITY: 'IDENTITY',
};

/** "Event relType time" relations that put the event inside the time: the time dates it. */
export const PLACING_RELATIONS: ReadonlySet<string> = new Set(['IS_INCLUDED', 'DURING', 'SIMULTANEOUS', 'IDENTITY', 'BEGINS', 'ENDS']);

function attrsOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

/**
 * EVENT spans of an inline fragment, as offsets into the text `stripTimeml` makes of it: the TIMEX3 tags are
 * dropped and each EVENT is read as a TIMEX3, so both readings strip the same tags and decode the same entities.
 */
export function eventsOfFragment(fragment: string): GoldEvent[] {
  const asTimexes = fragment
    .replace(/<\/?TIMEX3\b[^>]*>/g, '')
    .replace(/<EVENT\b([^>]*)>/g, (_, attrs: string) => {
      const a = attrsOf(attrs);
      return `<TIMEX3 tid="${a['eid'] ?? ''}" type="${a['class'] ?? ''}">`;
    })
    .replace(/<\/EVENT>/g, '</TIMEX3>');
  return stripTimeml(asTimexes).timexes.map((t) => ({ eid: t.tid, start: t.start, end: t.end, text: t.text, eventClass: t.type }));
}

/** Reads a TimeML document with its events, instances and event-time links. */
export function readTimemlEvents(source: string): TimemlEventsDocument {
  const doc = readTimeml(source);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(source)?.[1] ?? '';
  const events = eventsOfFragment(body);
  const dctTid = /<DCT>[\s\S]*?tid\s*=\s*"([^"]*)"/.exec(source)?.[1] ?? null;
  const instances: GoldInstance[] = [];
  for (const m of source.matchAll(/<MAKEINSTANCE\b([^>]*)>/g)) {
    const a = attrsOf(m[1] ?? '');
    instances.push({ eiid: a['eiid'] ?? '', eid: a['eventID'] ?? '', polarity: a['polarity'] ?? 'POS', modality: a['modality'] ?? null });
  }
  const links: EventTimeLink[] = [];
  for (const m of source.matchAll(/<TLINK\b([^>]*)>/g)) {
    const a = attrsOf(m[1] ?? '');
    const rel = a['relType'] ?? '';
    if (a['eventInstanceID'] && a['relatedToTime']) links.push({ eiid: a['eventInstanceID'], tid: a['relatedToTime'], relType: rel });
    else if (a['timeID'] && a['relatedToEventInstance']) links.push({ eiid: a['relatedToEventInstance'], tid: a['timeID'], relType: INVERSE[rel] ?? rel });
  }
  return { ...doc, dctTid, events, instances, links };
}

/** An event a TLINK places inside a dated time, with that time's calendar interval (the narrowest, when several). */
export type Happening = {
  event: GoldEvent;
  instance: GoldInstance;
  /** The TIMEX3 of the text that dates it, or null when it is the document's creation time. */
  timex: GoldTimex | null;
  relType: string;
  start: string;
  end: string;
};

/**
 * Every event instance placed (PLACING_RELATIONS) in a TIMEX3 whose value is a calendar date (not a duration,
 * set or reference); `withDct` also keeps those placed only in the document's creation time.
 */
export function placedHappenings(doc: TimemlEventsDocument, withDct: boolean): Happening[] {
  const events = new Map(doc.events.map((e) => [e.eid, e]));
  const instances = new Map(doc.instances.map((i) => [i.eiid, i]));
  const timexes = new Map(doc.timexes.map((t) => [t.tid, t]));
  const best = new Map<string, { happening: Happening; days: number }>();
  for (const link of doc.links) {
    if (!PLACING_RELATIONS.has(link.relType)) continue;
    const instance = instances.get(link.eiid);
    const event = instance ? events.get(instance.eid) : undefined;
    if (!instance || !event) continue;
    const isDct = link.tid === doc.dctTid;
    const timex = timexes.get(link.tid) ?? null;
    if (isDct ? !withDct : timex === null || (timex.type !== 'DATE' && timex.type !== 'TIME')) continue;
    const value = isDct ? doc.dct : timex?.value;
    const span = value ? spanOfValue(value) : null;
    if (!span) continue;
    const start = formatDay(span.start);
    const end = formatDay(span.end);
    const days = Date.parse(end) - Date.parse(start) + (isDct ? 1 : 0); // a time of the text wins over the DCT
    const prev = best.get(instance.eiid);
    if (!prev || days < prev.days) best.set(instance.eiid, { happening: { event, instance, timex: isDct ? null : timex, relType: link.relType, start, end }, days });
  }
  return [...best.values()].map((b) => b.happening).sort((a, b) => a.event.start - b.event.start);
}
