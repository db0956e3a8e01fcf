import type { ArticleDetail, EventDetail, Timex } from '../../../pipeline/schema.ts';

/** The event a dated expression dates: the one dated by exactly that expression, else one whose excerpt holds it. */
export function eventForTimex(detail: ArticleDetail, timex: Timex): EventDetail | null {
  const own = detail.events.filter((e) => e.excerpts.some((x) => x.articleId === detail.article.id));
  return (
    own.find((e) => e.dating.start === timex.start && e.dating.end === timex.end) ??
    own.find((e) => e.dating.start !== null && e.dating.start <= timex.start && (e.dating.end ?? 0) >= timex.end) ??
    own.find((e) => e.excerpts.some((x) => x.articleId === detail.article.id && x.start <= timex.start && x.end >= timex.end)) ??
    null
  );
}
