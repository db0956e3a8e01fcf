/**
 * Export the current view (filters applied): TimelineJS JSON, CSV, iCalendar, Dateline's dataset JSON, or print the
 * chronology. A disclosure button with a list of buttons (Tab moves through them, Esc closes). Excerpts and cited
 * URLs need the articles' details: they are loaded (`loadDetails`) when an export asks for them; if that fails, the
 * export goes on with labels and article URLs, and says so.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ArticleDetail, ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';
import { articleMap, articlesOf, extrasFromDetails, type EventExtras } from '../lib/export-input.ts';
import type { FormatId } from '../lib/export-formats.ts';
import type * as PrintChronologyModule from './print-chronology.tsx';
import './export-menu.css';

/** The converters load when an export is chosen; the printed chronology when printing (fetched ahead at idle time). */
const loadFormats = () => import('../lib/export-formats.ts');
type PrintModule = typeof PrintChronologyModule;
let printModule: PrintModule | null = null;
let printLoading: Promise<PrintModule> | null = null;
function loadPrint(): Promise<PrintModule> {
  printLoading ??= import('./print-chronology.tsx').then((m) => (printModule = m));
  return printLoading;
}

function whenIdle(fn: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, 500);
  return () => window.clearTimeout(id);
}

type Props = {
  events: readonly EventSummary[];
  articles: readonly ArticleSummary[] | ReadonlyMap<string, ArticleSummary>;
  /** The details of these articles (excerpts, citations); cached by the caller. */
  loadDetails?: (articleIds: readonly string[]) => Promise<readonly ArticleDetail[]>;
  /** Load excerpts for the printed chronology up front when the view names at most this many articles. */
  eagerPrintArticles?: number;
};

type Format = { id: FormatId; label: string; hint: string };

const FORMATS: readonly Format[] = [
  { id: 'timelinejs', label: 'TimelineJS (JSON)', hint: 'for Knight Lab’s TimelineJS' },
  { id: 'csv', label: 'Spreadsheet (CSV)', hint: 'one row per event' },
  { id: 'ics', label: 'Calendar (.ics)', hint: 'all-day events' },
  { id: 'dataset', label: 'Dateline dataset (JSON)', hint: 'index.json format' },
];

export function ExportMenu({ events, articles, loadDetails, eagerPrintArticles = 30 }: Props) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [extras, setExtras] = useState<{ key: string; map: ReadonlyMap<string, EventExtras> } | null>(null);
  /** The chronology is rendered only while printing (or about to): it lists every event of the view. */
  const [printing, setPrinting] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const byId = articleMap(articles);
  const view = useRef({ events, byId });
  view.current = { events, byId };

  /** Excerpts and cited URLs of the view's events, loaded once per set of articles. */
  const extrasRef = useRef(extras);
  extrasRef.current = extras;
  const ensureExtras = useCallback(async (): Promise<{ map: ReadonlyMap<string, EventExtras> | undefined; failed: boolean }> => {
    const articleIds = articlesOf(view.current.events, view.current.byId).map((a) => a.id);
    const key = articleIds.join(' ');
    if (!loadDetails || articleIds.length === 0) return { map: undefined, failed: false };
    const known = extrasRef.current;
    if (known?.key === key) return { map: known.map, failed: false };
    try {
      const map = extrasFromDetails(await loadDetails(articleIds));
      setExtras({ key, map });
      return { map, failed: false };
    } catch {
      return { map: undefined, failed: true };
    }
  }, [loadDetails]);

  // At idle time: the print view's code, and for small views their excerpts, so that Ctrl+P (which gives no time to
  // load anything) prints them. Printing (beforeprint, or the print media as emulated) renders the chronology.
  useEffect(
    () =>
      whenIdle(() => {
        void loadPrint();
        const { events: shown, byId: known } = view.current;
        const count = articlesOf(shown, known).length;
        if (count > 0 && count <= eagerPrintArticles) void ensureExtras();
      }),
    [events, eagerPrintArticles, ensureExtras],
  );
  useEffect(() => {
    const start = () => {
      void ensureExtras();
      if (printModule) flushSync(() => setPrinting(true));
      else void loadPrint().then(() => setPrinting(true));
    };
    const stop = () => setPrinting(false);
    const media = window.matchMedia('print');
    const onMedia = () => (media.matches ? start() : stop());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', stop);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', stop);
      media.removeEventListener('change', onMedia);
    };
  }, [ensureExtras]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const run = async (format: Format) => {
    setBusy(true);
    setStatus(`Preparing ${format.label}…`);
    try {
      const [{ map, failed }, { exportFile }] = await Promise.all([ensureExtras(), loadFormats()]);
      exportFile(format.id, { events, articles: byId, ...(map ? { extras: map } : {}) });
      setStatus(`${format.label}: ${events.length} ${events.length === 1 ? 'event' : 'events'} exported${failed ? ', without excerpts (the articles could not be loaded)' : ''}.`);
      setOpen(false);
      toggle.current?.focus();
    } catch (error) {
      setStatus(`The export failed: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    setBusy(true);
    setStatus('Preparing the chronology…');
    const [{ map }] = await Promise.all([ensureExtras(), loadPrint()]);
    const key = articlesOf(events, byId)
      .map((a) => a.id)
      .join(' ');
    // Render the chronology with its excerpts before the print dialog freezes the page.
    flushSync(() => {
      if (map) setExtras({ key, map });
      setPrinting(true);
      setBusy(false);
      setStatus('');
      setOpen(false);
    });
    window.print();
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </button>
      <div id={menuId} className="export-popover" hidden={!open}>
        <p className="export-scope">
          {events.length} {events.length === 1 ? 'event' : 'events'} in view
        </p>
        <ul aria-label="Export formats">
          {FORMATS.map((f) => (
            <li key={f.id}>
              <button type="button" className="export-item" disabled={busy} onClick={() => void run(f)}>
                <span className="export-item-label">{f.label}</span>
                <span className="export-item-hint">{f.hint}</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="export-item" disabled={busy} onClick={() => void print()}>
              <span className="export-item-label">Print…</span>
              <span className="export-item-hint">the chronology as a list</span>
            </button>
          </li>
        </ul>
      </div>
      <p role="status" className="export-status visually-hidden">
        {status}
      </p>
      {printing && printModule ? <printModule.PrintChronology events={events} articles={byId} extras={extras?.map ?? null} /> : null}
    </div>
  );
}
