/**
 * Dateline's own format: a `DatasetIndex` (src/pipeline/schema.ts) holding the events of the view and the articles
 * they name, exactly the shape of the built `data/index.json`, so it validates with the same zod schema.
 */
import { SCHEMA_VERSION, summarizeEvent, type DatasetIndex } from '../../../pipeline/schema.ts';
import { articleMap, articlesOf, type ExportInput } from './export-input.ts';

export function toDataset({ events, articles }: ExportInput): DatasetIndex {
  const byId = articleMap(articles);
  const used = articlesOf(events, byId).sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id < b.id ? -1 : 1));
  const counts = new Map<string, number>();
  for (const e of events) for (const id of e.articleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: used.map((a) => ({ id: a.id, title: a.title, url: a.url, publishedOn: a.publishedOn, source: a.source, eventCount: counts.get(a.id) ?? 0 })),
    events: events.map(summarizeEvent),
  };
}

export function toDatasetJson(input: ExportInput): string {
  return `${JSON.stringify(toDataset(input), null, 2)}\n`;
}
