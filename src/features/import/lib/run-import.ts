/**
 * The import as the CLI does it, for files and pasted texts in the browser: decode, extract, move into the reader's
 * id namespace. Pure (the tagger is injected); the Web Worker runs it off the main thread. Each item's problems come
 * back as diagnostics and as the CLI's `file:line:column: …` lines; a bad item never stops the good ones.
 */
import { extractArticle, type Extraction, type Tagger } from '../../../pipeline/build-dataset.ts';
import { decodeText } from '../../../pipeline/decode-text.ts';
import { diagnosticAt, formatDiagnostic, hasErrors, type Diagnostic } from '../../../pipeline/diagnostic.ts';
import { toOwnExtraction } from './own-ids.ts';

export type ImportItem = {
  /** The file name, or a name given to a pasted text: diagnostics are reported against it. */
  file: string;
  /** A pasted text, or a file's bytes. */
  text?: string;
  bytes?: Uint8Array;
  /** The file's size when `bytes` holds only its start (a file past the article limit: rejected for its size). */
  size?: number;
};

export type ImportOutcome = {
  file: string;
  /** The source text (as decoded), kept so the article can be re-extracted by a later version of the pipeline. */
  text: string | null;
  extraction: Extraction | null;
  diagnostics: Diagnostic[];
  /** The diagnostics as the CLI prints them. */
  messages: string[];
};

/** Text articles and saved pages, as the build reads them. */
const ARTICLE_FILE = /\.(?:txt|text|html?)$/i;

/** A file that is not an article file (by its name) is refused before reading it. */
export function checkFileName(file: string): Diagnostic | null {
  return ARTICLE_FILE.test(file)
    ? null
    : diagnosticAt('', 0, 'error', `Unexpected file "${file.split(/[\\/]/).pop() ?? file}", expected an article file ending in .txt, .html or .htm`, 'import:file-type');
}

export function importOne(item: ImportItem, tag: Tagger): ImportOutcome {
  let diagnostics: Diagnostic[] = [];
  let text: string | null = null;
  let extraction: Extraction | null = null;
  try {
    const badName = item.bytes ? checkFileName(item.file) : null;
    if (badName) diagnostics = [badName];
    else if (item.text !== undefined) text = item.text;
    else if (item.bytes) {
      const decoded = decodeText(item.bytes, item.size ?? item.bytes.length);
      diagnostics = decoded.diagnostics;
      text = decoded.text;
    } else {
      diagnostics = [diagnosticAt('', 0, 'error', 'Unexpected empty import, expected a text or a file', 'import:empty')];
    }
    if (text !== null) {
      const r = extractArticle(item.file, text, tag);
      diagnostics = [...diagnostics, ...r.diagnostics];
      if (r.extraction && !hasErrors(diagnostics)) extraction = toOwnExtraction(r.extraction);
    }
  } catch (error) {
    diagnostics = [...diagnostics, diagnosticAt('', 0, 'error', `Unexpected failure while importing (${String(error)}), expected an article`, 'import:crash')];
    extraction = null;
  }
  return { file: item.file, text, extraction, diagnostics, messages: diagnostics.map((d) => formatDiagnostic(item.file, d)) };
}

export function runImport(items: readonly ImportItem[], tag: Tagger): ImportOutcome[] {
  return items.map((item) => importOne(item, tag));
}
