import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { indexQueryOptions } from '../features/dataset/api/get-index.ts';
import { overviewQueryOptions } from '../features/dataset/api/get-overview.ts';
import { followDataChanges } from '../features/dataset/api/live-data.ts';
import { startImportCheck } from '../features/import/hooks/use-imported-dataset.ts';
import { App } from './app.tsx';
import { makeQueryClient, Providers } from './providers.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// What the first view waits for is asked for now, before React's first render, not from that render's effects: the
// overview (index.html preloads it, <link rel="preload" as="fetch">, and this fetch takes the preloaded response
// over), then, for a small archive, the whole index (a failure is kept in the query and shown by the app as any
// other), and whether this browser holds imported articles.
const client = makeQueryClient();
void client.fetchQuery(overviewQueryOptions()).then((view) => {
  if (view?.index !== null) void client.prefetchQuery(indexQueryOptions());
});
startImportCheck();
followDataChanges(client);

createRoot(root).render(
  <StrictMode>
    <Providers client={client}>
      <App />
    </Providers>
  </StrictMode>,
);
