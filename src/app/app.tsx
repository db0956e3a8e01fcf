import { useMemo } from 'react';
import { articleQueryOptions } from '../features/dataset/api/get-article.ts';
import { useIndex } from '../features/dataset/api/get-index.ts';
import { ImportButton } from '../features/import/components/import-button.tsx';
import { useImportedDataset } from '../features/import/hooks/use-imported-dataset.ts';
import { mergeOwnDataset } from '../features/import/lib/merge-own-dataset.ts';
import { TimelineScreen } from './timeline-screen.tsx';
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
  const index = useIndex();
  // The reader's own (imported) articles, from this browser's storage, merged into the built dataset.
  const own = useImportedDataset({ articleQueryKey: (id) => articleQueryOptions(id).queryKey });
  const dataset = useMemo(() => index.data && mergeOwnDataset(index.data, own.data?.own.index), [index.data, own.data]);
  if (index.isPending || own.isPending) return <LoadingView />;
  if (index.isError) {
    return (
      <>
        <Masthead />
        <main className="state-page">
          <div role="alert" className="notice notice-error state-card">
            <h2>The timeline could not be loaded</h2>
            <p>{index.error.message}</p>
            <p className="muted">Check your connection, then try again.</p>
            <button type="button" className="button button-primary" onClick={() => void index.refetch()} disabled={index.isFetching}>
              {index.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        </main>
      </>
    );
  }
  if (!dataset || dataset.articles.length === 0) {
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
  return <TimelineScreen dataset={dataset} url={url} masthead={Masthead} />;
}
