/**
 * The reader's own articles live in a namespace of ids: `own-a-…` for an article, `own-e-…` for its events. The ids
 * stay stable (the pipeline derives them from the URL and the text), never collide with the built dataset's, and a
 * deep link tells by its id alone that it points at an article imported in some browser — so another device can say
 * so instead of "not found".
 */
import type { Extraction } from '../../../pipeline/build-dataset.ts';

export const OWN_PREFIX = 'own-';

export function isOwnId(id: string | null | undefined): boolean {
  return typeof id === 'string' && id.startsWith(OWN_PREFIX);
}

export function ownId(id: string): string {
  return isOwnId(id) ? id : `${OWN_PREFIX}${id}`;
}

/** The id the built dataset would give the same article or event. */
export function builtId(id: string): string {
  return isOwnId(id) ? id.slice(OWN_PREFIX.length) : id;
}

/** The same extraction with its article and event ids moved into the reader's namespace. */
export function toOwnExtraction(x: Extraction): Extraction {
  return {
    file: x.file,
    article: { ...x.article, id: ownId(x.article.id) },
    events: x.events.map((e) => ({
      ...e,
      id: ownId(e.id),
      articleId: ownId(e.articleId),
      articleIds: e.articleIds.map(ownId),
      aliases: e.aliases.map(ownId),
      excerpts: e.excerpts.map((ex) => ({ ...ex, articleId: ownId(ex.articleId) })),
    })),
  };
}
