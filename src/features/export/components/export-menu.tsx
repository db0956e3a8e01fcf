/**
 * Export the current view (filters applied): TimelineJS JSON, CSV, iCalendar, Dateline's dataset JSON, or print the
 * chronology. A disclosure button with a list of buttons (Tab moves through them, Esc closes). Excerpts and cited
 * URLs need the articles' details: they are loaded (`loadDetails`) when an export asks for them; if that fails, the
 * export goes on with labels and article URLs, and says so.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ArticleDetail, ArticleSummary, EventSummary } from '../../../pipeline/schema.ts';
import { articleMap, articlesOf, extrasFromDetails, type EventExtras, type ExportInput } from '../lib/export-input.ts';
import { downloadText } from '../lib/download.ts';
import { toCsv } from '../lib/to-csv.ts';
import { toDatasetJson } from '../lib/to-dataset-json.ts';
import { toIcs } from '../lib/to-ics.ts';
import { toTimelineJs } from '../lib/to-timelinejs.ts';
import { PrintChronology } from './print-chronology.tsx';
import './export-menu.css';

type Props = {
  events: readonly EventSummary[];
  articles: readonly ArticleSummary[] | ReadonlyMap<string, ArticleSummary>;
  /** The details of these articles (excerpts, citations); cached by the caller. */
  loadDetails?: (articleIds: readonly string[]) => Promise<readonly ArticleDetail[]>;
  /** Load excerpts for the printed chronology up front when the view names at most this many articles. */
  eagerPrintArticles?: number;
};

type Format = { id: string; label: string; hint: string; file: string; type: string; make: (input: ExportInput) => string };

const FORMATS: readonly Format[] = [
  {
    id: 'timelinejs',
    label: 'TimelineJS (JSON)',
    hint: 'for Knight Lab’s TimelineJS',
    file: 'dateline-timelinejs.json',
    type: 'application/json',
    make: (i) => `${JSON.stringify(toTimelineJs(i), null, 2)}\n`,
  },
  { id: 'csv', label: 'Spreadsheet (CSV)', hint: 'one row per event', file: 'dateline-events.csv', type: 'text/csv;charset=utf-8', make: toCsv },
  { id: 'ics', label: 'Calendar (.ics)', hint: 'all-day events', file: 'dateline-events.ics', type: 'text/calendar;charset=utf-8', make: (i) => toIcs(i) },
  { id: 'dataset', label: 'Dateline dataset (JSON)', hint: 'index.json format', file: 'dateline-dataset.json', type: 'application/json', make: toDatasetJson },
];

export function ExportMenu({ events, articles, loadDetails, eagerPrintArticles = 30 }: Props) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [extras, setExtras] = useState<{ key: string; map: ReadonlyMap<string, EventExtras> } | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const byId = articleMap(articles);
  const articleIds = articlesOf(events, byId).map((a) => a.id);
  const key = articleIds.join(' ');

  /** Excerpts and cited URLs of the view's events, loaded once per set of articles. */
  const ensureExtras = useCallback(async (): Promise<{ map: ReadonlyMap<string, EventExtras> | undefined; failed: boolean }> => {
    if (!loadDetails || articleIds.length === 0) return { map: undefined, failed: false };
    if (extras?.key === key) return { map: extras.map, failed: false };
    try {
      const map = extrasFromDetails(await loadDetails(articleIds));
      setExtras({ key, map });
      return { map, failed: false };
    } catch {
      return { map: undefined, failed: true };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, extras, loadDetails]);

  // Small views get their excerpts ready for printing (Ctrl+P included); any view loads them before printing.
  useEffect(() => {
    if (articleIds.length > 0 && articleIds.length <= eagerPrintArticles) void ensureExtras();
    const onBeforePrint = () => void ensureExtras();
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

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
      const { map, failed } = await ensureExtras();
      downloadText(format.file, format.make({ events, articles: byId, ...(map ? { extras: map } : {}) }), format.type);
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
    const { map } = await ensureExtras();
    // Render the excerpts before the print dialog freezes the page.
    flushSync(() => {
      if (map) setExtras({ key, map });
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
      <PrintChronology events={events} articles={byId} extras={extras?.key === key ? extras.map : null} />
    </div>
  );
}
