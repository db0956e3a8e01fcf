/**
 * The import dialog (a modal <dialog>: the page behind is inert, Esc closes it, focus returns to the opener). Paste
 * a text or choose/drop .txt files; a pasted text without a date line asks for the date and URL; every problem is
 * shown as the CLI prints it. Below, the reader's own articles with Remove. Article text is only ever text here.
 */
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { formatDay } from '../../../lib/calendar-date.ts';
import { byteLimitOf, unitLabel } from '../../../pipeline/article-units.ts';
import { checkDateLine, hasDateLine, withDateLine, type DateLineProblem } from '../lib/date-line.ts';
import type { ImportItem } from '../lib/run-import.ts';
import { useImportActions, useImportedDataset, type ImportFileReport, type ImportOptions } from '../hooks/use-imported-dataset.ts';
import './import.css';

export const PASTED_FILE = 'pasted.txt';

type Props = ImportOptions & {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Files dropped on the page while the dialog was closed: imported as soon as it opens. */
  droppedFiles: readonly File[] | null;
  onDroppedFilesTaken: () => void;
  onShowEvent?: (eventId: string) => void;
};

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([tabindex="-1"]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keep Tab and Shift+Tab inside the dialog: from the last control to the first and back. */
function trapTab(e: KeyboardEvent<HTMLDialogElement>): void {
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || !e.currentTarget.contains(document.activeElement))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * The files' bytes; of a file past its limit (the article cap; a feed's or an export's, 64 MiB) only its start is
 * read (it is rejected for its size).
 */
export async function itemsFromFiles(files: readonly File[]): Promise<ImportItem[]> {
  return Promise.all(
    files.map(async (f) => {
      const limit = byteLimitOf(f.name);
      return f.size > limit
        ? { file: f.name, bytes: new Uint8Array(await f.slice(0, limit + 1).arrayBuffer()), size: f.size }
        : { file: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    }),
  );
}

function Report({ reports, onShowEvent }: { reports: readonly ImportFileReport[]; onShowEvent?: (eventId: string) => void }) {
  return (
    <ul className="import-report">
      {reports.map((r, i) => (
        <li key={`${r.file}:${i}`} className={r.ok ? 'import-report-ok' : 'import-report-bad'}>
          {r.ok && r.article ? (
            <p>
              <span aria-hidden="true">✓ </span>
              <strong>{r.article.title}</strong> {r.article.replaced ? 'updated' : 'imported'} from {unitLabel(r.file)}: {r.article.eventCount}{' '}
              {r.article.eventCount === 1 ? 'event' : 'events'}.{' '}
              {r.article.firstEventId && onShowEvent ? (
                <button type="button" className="link-button" onClick={() => r.article?.firstEventId && onShowEvent(r.article.firstEventId)}>
                  Show on the timeline
                </button>
              ) : null}
            </p>
          ) : (
            <p>
              <span aria-hidden="true">✗ </span>
              <strong>{unitLabel(r.file)}</strong> was not imported:
            </p>
          )}
          {r.messages.length > 0 ? (
            <ul className="diagnostics" aria-label={`Problems in ${unitLabel(r.file)}`}>
              {r.messages.map((m, k) => (
                <li key={k}>
                  <code>{m}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function OwnArticles({ onRemoved }: { onRemoved: (title: string) => void }) {
  const imported = useImportedDataset();
  const { remove } = useImportActions();
  const [removing, setRemoving] = useState<string | null>(null);
  if (imported.isPending) return <p className="muted">Loading your articles…</p>;
  if (imported.isError) return <p className="notice notice-error">Your imported articles could not be read: {imported.error.message}</p>;
  const { records, own, persistent, unreadable } = imported.data;
  const summaries = new Map(own.index.articles.map((a) => [a.id, a]));
  return (
    <>
      {!persistent ? (
        <p className="notice notice-warn">This browser does not let Dateline keep data: imported articles last until you close the page.</p>
      ) : null}
      {unreadable > 0 ? <p className="muted">{unreadable} stored article(s) could not be read and are left out.</p> : null}
      {records.length === 0 ? (
        <p className="muted">No imported articles yet.</p>
      ) : (
        <ul className="own-articles" aria-label="Your imported articles">
          {records.map((r) => {
            const a = r.extraction.article;
            const count = summaries.get(r.id)?.eventCount ?? r.extraction.events.length;
            return (
              <li key={r.id} className="own-article">
                <div className="own-article-text">
                  <span className="own-article-title">{a.title}</span>
                  <span className="own-article-meta">
                    {a.source} · <time dateTime={a.publishedOn}>{formatDay(a.publishedOn)}</time> · {count} {count === 1 ? 'event' : 'events'} · {unitLabel(r.file)}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove “${a.title}”`}
                  disabled={removing === r.id}
                  onClick={async () => {
                    setRemoving(r.id);
                    try {
                      await remove(r.id);
                      onRemoved(a.title);
                    } finally {
                      setRemoving(null);
                    }
                  }}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export function ImportDialog({ dialogRef, droppedFiles, onDroppedFilesTaken, onShowEvent, published }: Props) {
  const { importItems } = useImportActions(published ? { published } : {});
  const [text, setText] = useState('');
  const [needsDate, setNeedsDate] = useState(false);
  const [date, setDate] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<DateLineProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [reports, setReports] = useState<ImportFileReport[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The import in progress: Cancel aborts it (the worker is stopped mid-article). */
  const importing = useRef<AbortController | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  const run = async (items: readonly ImportItem[]): Promise<ImportFileReport[]> => {
    const controller = new AbortController();
    importing.current = controller;
    setBusy(true);
    setStatus(items.length === 1 ? 'Importing 1 article…' : `Importing ${items.length} articles…`);
    try {
      const out = await importItems(items, controller.signal);
      const good = out.filter((r) => r.ok).length;
      const bad = out.length - good;
      setReports(out);
      setStatus(
        [good ? `${good} ${good === 1 ? 'article' : 'articles'} imported.` : '', bad ? `${bad} ${bad === 1 ? 'file' : 'files'} with problems.` : '']
          .filter(Boolean)
          .join(' ') || 'Nothing imported.',
      );
      return out;
    } catch (error) {
      setStatus(controller.signal.aborted ? 'Import cancelled: nothing was imported.' : `The import failed: ${String(error)}`);
      return [];
    } finally {
      importing.current = null;
      setBusy(false);
    }
  };

  const importFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    await run(await itemsFromFiles(files));
  };

  useEffect(() => {
    if (!droppedFiles) return;
    onDroppedFilesTaken();
    void importFiles(droppedFiles);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [droppedFiles]);

  useEffect(() => {
    if (needsDate) dateInput.current?.focus();
  }, [needsDate]);

  const submitText = async (ev: FormEvent) => {
    ev.preventDefault();
    if (text.trim() === '') {
      setStatus('Paste an article’s text first.');
      return;
    }
    if (!hasDateLine(text)) {
      setNeedsDate(true);
      return;
    }
    const out = await run([{ file: PASTED_FILE, text }]);
    if (out.some((r) => r.ok)) setText('');
  };

  const submitDate = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = checkDateLine(date, url);
    setProblems(found);
    if (found.length > 0) return;
    const out = await run([{ file: PASTED_FILE, text: withDateLine(text, date, url) }]);
    if (out.some((r) => r.ok)) {
      setText('');
      setNeedsDate(false);
      setDate('');
      setUrl('');
    }
  };

  const onDrop = (ev: DragEvent) => {
    ev.preventDefault();
    ev.stopPropagation();
    setDragging(false);
    void importFiles([...ev.dataTransfer.files]);
  };

  const problem = (field: DateLineProblem['field']) => problems.find((p) => p.field === field)?.message;

  return (
    <dialog ref={dialogRef} className="import-dialog" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-privacy`}
      // Keys typed in the dialog are its own: the page's shortcuts (arrows, /, Esc) stay out of it; Tab cycles inside.
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Tab') trapTab(e);
      }}
    >
      <div className="import-dialog-head">
        <h2 id={`${ids}-title`}>Import articles</h2>
        <button type="button" className="button button-quiet" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      <p id={`${ids}-privacy`} className="muted import-privacy">
        Imported articles stay in this browser: they are read here, kept in its storage and never sent anywhere.
      </p>

      <form className="import-paste" onSubmit={submitText}>
        <label htmlFor={`${ids}-text`} className="import-label">
          Article text
        </label>
        <textarea
          id={`${ids}-text`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setNeedsDate(false);
          }}
          rows={7}
          spellCheck={false}
          placeholder={' date 2021-11-20 https://example.com/story\n\nThe title\n\nThe text of the article…'}
          data-autofocus
        />
        {!needsDate ? (
          <button type="submit" className="button button-primary" disabled={busy}>
            Import text
          </button>
        ) : null}
      </form>

      {needsDate ? (
        <form className="import-date-form" onSubmit={submitDate} noValidate>
          <fieldset>
            <legend>This text has no date line</legend>
            <p className="muted">Give the article’s publication date and address; Dateline dates what the text says against them.</p>
            <div className="import-date-fields">
              <label className="field">
                <span>Publication date</span>
                <input
                  ref={dateInput}
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                  required
                  aria-invalid={problem('date') ? true : undefined}
                  aria-describedby={problem('date') ? `${ids}-date-error` : undefined}
                />
                {problem('date') ? (
                  <span id={`${ids}-date-error`} className="field-error">
                    {problem('date')}
                  </span>
                ) : null}
              </label>
              <label className="field">
                <span>Article URL</span>
                <input
                  type="url"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  placeholder="https://"
                  required
                  aria-invalid={problem('url') ? true : undefined}
                  aria-describedby={problem('url') ? `${ids}-url-error` : undefined}
                />
                {problem('url') ? (
                  <span id={`${ids}-url-error`} className="field-error">
                    {problem('url')}
                  </span>
                ) : null}
              </label>
            </div>
            <div className="import-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                Import with this date
              </button>
              <button type="button" className="button button-quiet" onClick={() => setNeedsDate(false)}>
                Cancel
              </button>
            </div>
          </fieldset>
        </form>
      ) : null}

      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          if (![...e.dataTransfer.types].includes('Files')) return;
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop articles (.txt, .html, feeds, exports) here, or</p>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          Choose article files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".txt,.html,.htm,.xml,.rss,.atom,.json,.jsonl,text/plain,text/html,application/xml,application/json"
          aria-label="Choose article files"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </div>

      <div className="import-progress">
        <p role="status" className="import-status" aria-busy={busy}>
          {status}
        </p>
        {busy ? (
          <button type="button" className="button" onClick={() => importing.current?.abort()}>
            Cancel import
          </button>
        ) : null}
      </div>
      {reports.length > 0 ? <Report reports={reports} {...(onShowEvent ? { onShowEvent } : {})} /> : null}

      <section aria-labelledby={`${ids}-own`} className="import-own">
        <h3 id={`${ids}-own`}>Your articles</h3>
        <OwnArticles onRemoved={(title) => setStatus(`“${title}” removed.`)} />
      </section>
    </dialog>
  );
}
