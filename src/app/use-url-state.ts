/**
 * The URL as the app's state store: components read it with `useUrlState()` and change it with `navigate()`.
 * `push` for selections (Back/Forward walk them), `replace` for everything else.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

export type NavigationCause = 'app' | 'history';

const listeners = new Set<() => void>();
let lastCause: NavigationCause = 'history';

function notify(): void {
  for (const l of listeners) l();
}

function onPopState(): void {
  lastCause = 'history';
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

/**
 * The query string without the timeline window: the window changes with every pan and zoom, and only the timeline
 * (which is the one changing it) and the first render read it, so a window change re-renders nothing.
 */
function getSearch(): string {
  const search = window.location.search;
  return search.includes('win=') ? search.replace(/([?&])win=[^&]*&?/, '$1').replace(/[?&]$/, '') : search;
}

/** The URL's state. `win` is the window as of the last other change (the first render reads it: deep links). */
export function useUrlState(): UrlState {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => parseUrlState(window.location.search), [search]);
}

/** What caused the URL's last change: the app itself, or the browser (first load, Back, Forward). */
export function lastNavigationCause(): NavigationCause {
  return lastCause;
}

export function navigate(patch: Partial<UrlState>, mode: 'push' | 'replace'): void {
  const next = serializeUrlState({ ...parseUrlState(window.location.search), ...patch });
  if (next === window.location.search) return;
  const url = `${window.location.pathname}${next}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
  lastCause = 'app';
  notify();
}
