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

function getSearch(): string {
  return window.location.search;
}

export function useUrlState(): UrlState {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  return useMemo(() => parseUrlState(search), [search]);
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
