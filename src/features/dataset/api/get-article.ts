import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { articleDetail, type ArticleDetail } from '../../../pipeline/schema.ts';
import { fetchJson, validated } from './data-url.ts';

/** One article's text, citations, dated expressions and full events, loaded when an event or the reader needs it. */
export async function getArticle(articleId: string, signal?: AbortSignal): Promise<ArticleDetail> {
  const json = await fetchJson(`articles/${encodeURIComponent(articleId)}.json`, signal);
  return validated(articleDetail, json, `The article ${articleId}`);
}

export function articleQueryOptions(articleId: string) {
  return queryOptions({
    queryKey: ['article', articleId],
    queryFn: ({ signal }) => getArticle(articleId, signal),
    staleTime: Infinity,
  });
}

export function useArticle(articleId: string | null) {
  return useQuery({ ...articleQueryOptions(articleId ?? ''), enabled: articleId !== null });
}

/** Several articles at once (an event told by several articles; search over excerpts). */
export function useArticles(articleIds: readonly string[]) {
  return useQueries({ queries: articleIds.map((id) => articleQueryOptions(id)) });
}
