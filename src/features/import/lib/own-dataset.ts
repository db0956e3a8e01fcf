/**
 * The reader's own articles as a dataset. Own articles are assembled together by the pipeline (`assembleDataset`:
 * events told by several of them merge); `mergeOwnDataset` (merge-own-dataset.ts) joins them to the built ones.
 */
import { assembleDataset, type Extraction } from '../../../pipeline/build-dataset.ts';
import { formatDiagnostic } from '../../../pipeline/diagnostic.ts';
import type { ArticleDetail, DatasetIndex } from '../../../pipeline/schema.ts';

export type OwnDataset = {
  index: DatasetIndex;
  articles: ReadonlyMap<string, ArticleDetail>;
  /** Diagnostics of own articles the pipeline rejected when assembling (duplicates). */
  messages: string[];
};

export function assembleOwn(extractions: readonly Extraction[]): OwnDataset {
  const { dataset, rejected } = assembleDataset(extractions);
  return {
    index: dataset.index,
    articles: dataset.articles,
    messages: rejected.flatMap((r) => r.diagnostics.map((d) => formatDiagnostic(r.file, d))),
  };
}
