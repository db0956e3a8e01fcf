/**
 * The steps of assembling on lean events that a clean build and an incremental one share, so that both write
 * the same bytes: a merge group's row of index.json, the order of rows, an article file's events, and the
 * fingerprint that tells whether an article file must be written again.
 */
import { createHash } from 'node:crypto';
import { compareEvents } from '../../src/pipeline/build-dataset.ts';
import { groupFieldsOf, summaryOfGroup, type GroupFields } from '../../src/pipeline/merge-events.ts';
import { eventRowOf, SCHEMA_VERSION, type ArticleSummary, type EventRow, type EventSummary } from '../../src/pipeline/schema.ts';
import type { EntryMeta, EventRef, LeanEvent } from './extract-entry.ts';

/** A merge group's row of index.json and, when it has more than one member, the fields its members take. */
export function groupRow(members: readonly EventSummary[], articleAt: (articleId: string) => number): { row: EventRow; fields: GroupFields | null } {
  if (members.length === 1) return { row: eventRowOf(members[0] as EventSummary, articleAt), fields: null };
  const summary = summaryOfGroup(members);
  return { row: eventRowOf(summary, articleAt), fields: groupFieldsOf(summary) };
}

/** An article's entry in index.json. */
export function articleSummaryOf(a: NonNullable<EntryMeta['article']>): ArticleSummary {
  return { id: a.id, title: a.title, url: a.url, publishedOn: a.publishedOn, source: a.source, eventCount: a.eventCount };
}

/** index.json's order of articles: by publication, then id. */
export function compareArticles(a: Pick<ArticleSummary, 'id' | 'publishedOn'>, b: Pick<ArticleSummary, 'id' | 'publishedOn'>): number {
  return a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id < b.id ? -1 : 1;
}

/** An article file's events: in the order of the file (compareEvents on the final ids), each as extracted or with its group's fields. */
export function refsOf(lean: readonly LeanEvent[], merged: ReadonlyMap<number, GroupFields> | undefined): EventRef[] {
  return lean
    .map((l, k) => ({ k, start: l[2], end: l[3], id: merged?.get(k)?.id ?? l[0] }))
    .sort(compareEvents)
    .map(({ k }) => {
      const g = merged?.get(k);
      return g ? { i: k, g } : k;
    });
}

/** What an article file's bytes depend on: the pipeline, the entry, the event count and the events. */
export function articleFingerprint(version: string, key: string, eventCount: number, refs: readonly EventRef[]): string {
  return createHash('sha256').update(`${version}\0${key}\0${SCHEMA_VERSION}\0${eventCount}\0`).update(JSON.stringify(refs)).digest('hex').slice(0, 32);
}
