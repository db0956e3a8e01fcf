import { useMemo } from 'react';
import { articleQueryOptions } from '../features/dataset/api/get-article.ts';
import { useIndex } from '../features/dataset/api/get-index.ts';
import { useOverview } from '../features/dataset/api/get-overview.ts';
import { ImportButton } from '../features/import/components/import-button.tsx';
import { useImportedDataset } from '../features/import/hooks/use-imported-dataset.ts';
import { mergeOwnDataset } from '../features/import/lib/merge-own-dataset.ts';
import { TimelineScreen } from './timeline-screen.tsx';
import { useTiledDataset } from './use-tiled-dataset.ts';
import { useUrlState } from './use-url-state.ts';

function Masthead({ children }: { children?: React.ReactNode }) {
  return (
    <header className="masthead">
      <div className="brand">
        <h1>Dateline</h1>
        <p className="tagline">News, in the order it happened</p>
      </div>
      {children}
    </header>
  );
}

function LoadingView() {
  return (
    <>
      <Masthead />
      <main className="skeleton" aria-busy="true">
        <p role="status" className="visually-hidden">
          Loading the timeline…
        </p>
        <div className="skeleton-timeline">
          <div className="skeleton-axis" />
          <div className="skeleton-bar" style={{ width: '38%', marginLeft: '8%' }} />
          <div className="skeleton-bar" style={{ width: '22%', marginLeft: '40%' }} />
          <div className="skeleton-bar" style={{ width: '30%', marginLeft: '58%' }} />
        </div>
        <div className="skeleton-list">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="skeleton-line" />
          ))}
        </div>
      </main>
    </>
  );
}

export function App() {
  const url = useUrlState();
  // overview.json first: a small archive (or a dataset without one) is read whole from index.json; a large one by
  // tiles, those of the window shown (docs/dataset-layout.md).
  const overview = useOverview();
  const tiledView = overview.data?.index === null ? overview.data : null;
  const index = useIndex(overview.isSuccess && tiledView === null);
  const tiled = useTiledDataset(tiledView, url);
  // The reader's own (imported) articles, from this browser's storage, merged into the built dataset.
  const own = useImportedDataset({ articleQueryKey: (id) => articleQueryOptions(id).queryKey });
  const base = tiledView ? tiled.dataset : index.data;
  const dataset = useMemo(() => base && mergeOwnDataset(base, own.data?.own.index), [base, own.data]);
  const failure = tiledView ? tiled.error : index.isError ? index.error : null;
  const retrying = tiledView ? false : index.isFetching;
  const retry = () => (tiledView ? tiled.retry() : void index.refetch());
  if (overview.isPending || (tiledView ? tiled.pending && !failure : index.isPending) || own.isPending) return <LoadingView />;
  if (failure && (!tiledView || !dataset || dataset.events.length === 0)) {
    return (
      <>
        <Masthead />
        <main className="state-page">
          <div role="alert" className="notice notice-error state-card">
            <h2>The timeline could not be loaded</h2>
            <p>{failure.message}</p>
            <p className="muted">Check your connection, then try again.</p>
            <button type="button" className="button button-primary" onClick={retry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        </main>
      </>
    );
  }
  if (!dataset || (dataset.articles.length === 0 && !tiledView)) {
    return (
      <>
        <Masthead>
          <ImportButton />
        </Masthead>
        <main className="state-page">
          <div className="state-card">
            <h2>No articles yet</h2>
            <p>Dateline builds its timeline from plain-text news articles.</p>
            <ol>
              <li>
                Put articles in the <code>articles/</code> folder, one <code>.txt</code> file each, starting with a line such as{' '}
                <code>date 2021-11-20 https://example.com/story</code>, then the title and the text.
              </li>
              <li>
                Run <code>npm run build:data</code> (or <code>npm start</code>, which builds the data and opens the app).
              </li>
              <li>Reload this page.</li>
            </ol>
          </div>
        </main>
      </>
    );
  }
  return <TimelineScreen dataset={dataset} archive={tiledView ? tiled.archive : null} url={url} masthead={Masthead} />;
}
