/**
 * The import as the CLI does it, for files and pasted texts in the browser: decode, extract, move into the reader's
 * id namespace. Pure (the tagger is injected); the Web Worker runs it off the main thread. Each item's problems come
 * back as diagnostics and as the CLI's `file:line:column: …` lines; a bad item never stops the good ones.
 */
import { extractUnit, itemFileName, splitItemFileName, type Extraction, type Tagger } from '../../../pipeline/build-dataset.ts';
import type { ExportMapping } from '../../../pipeline/formats/export.ts';
import { isInputFile, isMultiArticleFile, MAPPING_FILE, parseInput } from '../../../pipeline/formats/parse-input.ts';
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


/** A file that is not an article file (by its name) is refused before reading it. */
export function checkFileName(file: string): Diagnostic | null {
  return isInputFile(splitItemFileName(file).file) || /\.text$/i.test(file)
    ? null
    : diagnosticAt('', 0, 'error', `Unexpected file "${file.split(/[\\/]/).pop() ?? file}", expected an article file: .txt, .html, .htm, a feed (.xml, .rss, .atom, .json) or a news export (.json, .jsonl)`, 'import:file-type');
}

export function importOne(item: ImportItem, tag: Tagger, mapping: ExportMapping = {}): ImportOutcome {
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
      const r = extractUnit(item.file, text, tag, { mapping });
      diagnostics = [...diagnostics, ...r.diagnostics];
      if (r.extraction && !hasErrors(diagnostics)) extraction = toOwnExtraction(r.extraction);
    }
  } catch (error) {
    diagnostics = [...diagnostics, diagnosticAt('', 0, 'error', `Unexpected failure while importing (${String(error)}), expected an article`, 'import:crash')];
    extraction = null;
  }
  return { file: item.file, text, extraction, diagnostics, messages: diagnostics.map((d) => formatDiagnostic(splitItemFileName(item.file).file, d)) };
}

/** The export mapping of a dropped `dateline.json` (as the build reads it from the articles folder), or {}. */
function mappingOf(item: ImportItem | undefined): ExportMapping {
  if (!item) return {};
  try {
    const text = item.text ?? (item.bytes ? new TextDecoder().decode(item.bytes) : '');
    const m = (JSON.parse(text) as Record<string, unknown>)['export'];
    return m && typeof m === 'object' && !Array.isArray(m) ? (m as ExportMapping) : {};
  } catch {
    return {};
  }
}

/**
 * Each item's articles: a file of several (a feed, an export) becomes one item per article ("feed.xml#0002", as
 * the build names them), each stored with the file's text; a `dateline.json` among the files maps the exports' keys.
 */
export function runImport(items: readonly ImportItem[], tag: Tagger): ImportOutcome[] {
  const isMapping = (i: ImportItem) => (i.file.split(/[\\/]/).pop() ?? '') === MAPPING_FILE;
  const mapping = mappingOf(items.find(isMapping));
  return items.filter((i) => !isMapping(i)).flatMap((item) => {
    if (!item.bytes || !isMultiArticleFile(item.file)) return [importOne(item, tag, mapping)];
    const decoded = decodeText(item.bytes);
    const count = decoded.text === null ? 0 : parseInput(item.file, decoded.text, { mapping }).items.length;
    if (count === 0 || decoded.text === null) return [importOne(item, tag, mapping)];
    const text = decoded.text;
    return Array.from({ length: count }, (_, k) => importOne({ file: itemFileName(item.file, k), text }, tag, mapping));
  });
}
