import type { ArticleSummary } from '../../../pipeline/schema.ts';

export type FilterValues = { article: string | null; source: string | null; from: string | null; to: string | null };

type Props = {
  values: FilterValues;
  articles: readonly ArticleSummary[];
  sources: readonly string[];
  onChange: (patch: Partial<FilterValues>) => void;
};

/** Filters by article, by source and by date range. */
export function FilterControls({ values, articles, sources, onChange }: Props) {
  const active = [values.article, values.source, values.from, values.to].filter((v) => v !== null).length;
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filters</legend>
      <label className="field">
        <span>Article</span>
        <select value={values.article ?? ''} onChange={(e) => onChange({ article: e.target.value || null })}>
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 70 ? `${a.title.slice(0, 68)}…` : a.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Source</span>
        <select value={values.source ?? ''} onChange={(e) => onChange({ source: e.target.value || null })}>
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>From</span>
        <input type="date" value={values.from ?? ''} max={values.to ?? undefined} onChange={(e) => onChange({ from: e.target.value || null })} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" value={values.to ?? ''} min={values.from ?? undefined} onChange={(e) => onChange({ to: e.target.value || null })} />
      </label>
      {active > 0 ? (
        <button type="button" className="button button-quiet" onClick={() => onChange({ article: null, source: null, from: null, to: null })}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
