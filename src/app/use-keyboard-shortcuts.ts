import { useEffect, useRef } from 'react';

export type ShortcutHandlers = {
  onStep: (step: -1 | 1) => void;
  onEnter: () => void;
  onEscape: () => void;
  onSlash: () => void;
};

/** Whether a key press belongs to the element that has focus (typing, choosing, pressing a control). */
export function isOwnedByTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return key !== 'Escape';
  if (key === 'Enter' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) return true;
  return false;
}

/** ←/→ walk events in time, Enter opens, Esc closes, `/` focuses search. */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (isOwnedByTarget(e.target, e.key)) return;
      const h = latest.current;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        h.onStep(e.key === 'ArrowLeft' ? -1 : 1);
      } else if (e.key === 'Enter') {
        h.onEnter();
      } else if (e.key === 'Escape') {
        h.onEscape();
      } else if (e.key === '/') {
        e.preventDefault();
        h.onSlash();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
