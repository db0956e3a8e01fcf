/**
 * The timeline's dataset with the reader's own events merged in. Apart from the pipeline (own-dataset.ts) so the
 * first view loads without it. An own article that the built dataset has too (same URL) is left out: the published
 * one wins.
 */
import { summarizeEvent, type DatasetIndex } from '../../../pipeline/schema.ts';
import { buildDataset, type Dataset } from '../../../lib/dataset.ts';
import { builtId } from './own-ids.ts';

/** The built dataset with the reader's own events merged in (the built one itself when there are none). */
export function mergeOwnDataset(built: Dataset, own: DatasetIndex | null | undefined): Dataset {
  if (!own || own.articles.length === 0) return built;
  const hidden = new Set(own.articles.filter((a) => built.articlesById.has(builtId(a.id))).map((a) => a.id));
  const articles = [...built.articles, ...own.articles.filter((a) => !hidden.has(a.id))].sort((a, b) =>
    a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id < b.id ? -1 : 1,
  );
  const events = [
    ...built.events.map(summarizeEvent),
    ...own.events.filter((e) => !hidden.has(e.articleId)),
  ];
  return buildDataset({ schemaVersion: own.schemaVersion, articles, events });
}
