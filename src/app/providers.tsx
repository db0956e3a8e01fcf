import { QueryClient, QueryClientProvider, QueryErrorResetBoundary } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary.tsx';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The data is static files: fetch once, retry once quickly, then show the error with Retry.
        staleTime: Infinity,
        retry: 1,
        retryDelay: 400,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** `client`: one made beforehand (main.tsx starts the index's query before the first render); else a new one. */
export function Providers({ children, client: given }: { children: ReactNode; client?: QueryClient }) {
  const [client] = useState(() => given ?? makeQueryClient());
  return (
    <QueryClientProvider client={client}>
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <ErrorBoundary region="app" onReset={reset}>
            {children}
          </ErrorBoundary>
        )}
      </QueryErrorResetBoundary>
    </QueryClientProvider>
  );
}
