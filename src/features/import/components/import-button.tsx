/**
 * The Import button for the toolbar, its dialog, and the page as a drop target: .txt files dropped anywhere on the
 * page open the dialog and are imported.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportOptions } from '../hooks/use-imported-dataset.ts';
import type { ImportDialog } from './import-dialog.tsx';
import './import-button.css';

type DialogComponent = typeof ImportDialog;

/** The dialog, its styles and the import's working parts load on first use (or when files are dragged in). */
let dialogModule: Promise<DialogComponent> | null = null;
function loadDialog(): Promise<DialogComponent> {
  dialogModule ??= import('./import-dialog.tsx').then((m) => m.ImportDialog);
  return dialogModule;
}

type Props = ImportOptions & { onShowEvent?: (eventId: string) => void };

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

export function ImportButton({ onShowEvent, published }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [Dialog, setDialog] = useState<DialogComponent | null>(null);

  const show = () => {
    void loadDialog().then((d) => {
      setDialog(() => d);
      setOpen(true);
    });
  };

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d || d.open) return;
    d.showModal();
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [open, Dialog]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const onClose = () => {
      setOpen(false);
      opener.current?.focus();
    };
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [open, Dialog]);

  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      void loadDialog().then((d) => setDialog(() => d));
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      setDropped([...(e.dataTransfer?.files ?? [])]);
      void loadDialog().then((d) => {
        setDialog(() => d);
        setOpen(true);
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <>
      <button ref={opener} type="button" className="button" aria-haspopup="dialog" onClick={show}>
        Import
      </button>
      {dragging && !open ? (
        <div className="page-drop-overlay" aria-hidden="true">
          <p>Drop articles (.txt, .html, feeds, exports) to import them</p>
        </div>
      ) : null}
      {open && Dialog ? (
        <Dialog
          dialogRef={dialog}
          droppedFiles={dropped}
          onDroppedFilesTaken={() => setDropped(null)}
          {...(published ? { published } : {})}
          {...(onShowEvent
            ? {
                onShowEvent: (id: string) => {
                  dialog.current?.close();
                  onShowEvent(id);
                },
              }
            : {})}
        />
      ) : null}
    </>
  );
}
