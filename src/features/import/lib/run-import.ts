/**
 * The import as the CLI does it, for files and pasted texts in the browser: decode, extract, move into the reader's
 * id namespace. Pure (the tagger is injected); the Web Worker runs it off the main thread. Each item's problems come
 * back as diagnostics and as the CLI's `file:line:column: …` lines; a bad item never stops the good ones.
 */
import { extractItem, extractUnit, type Extraction, type Tagger } from '../../../pipeline/build-dataset.ts';
import { byteLimitOf, isMultiArticleFile, itemFileName, splitItemFileName } from '../../../pipeline/article-units.ts';
import type { StoredUnit } from '../../../pipeline/formats/compose.ts';
import type { ExportMapping } from '../../../pipeline/formats/export.ts';
import { isInputFile, MAPPING_FILE, parseInput } from '../../../pipeline/formats/parse-input.ts';
import { decodeText } from '../../../pipeline/decode-text.ts';
import { diagnosticAt, formatDiagnostic, hasErrors, type Diagnostic } from '../../../pipeline/diagnostic.ts';
import { toOwnExtraction } from './own-ids.ts';

export type ImportItem = {
  /** The file name, or a name given to a pasted text: diagnostics are reported against it. */
  file: string;
  /** A pasted text, or a file's bytes. */
  text?: string;
  bytes?: Uint8Array;
  /** The file's size when `bytes` holds only its start (a file past its limit, byteLimitOf: rejected for its size). */
  size?: number;
};

export type ImportOutcome = {
  file: string;
  /**
   * The source text (as decoded), kept so the article can be re-extracted by a later version of the pipeline; for an
   * article of a feed or an export, its item as the file's parse gave it (unitText), not the whole file again.
   */
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

/** What marks a stored article of a feed or an export (no feed, export or article text starts so). */
const UNIT_MARK = 'dateline-unit 1\n';

/** An article of a feed or an export as the import stores it: its item as parsed, with the file's problems if its first. */
export function unitText(unit: StoredUnit): string {
  return `${UNIT_MARK}${JSON.stringify(unit)}`;
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
      const decoded = decodeText(item.bytes, item.size ?? item.bytes.length, byteLimitOf(item.file));
      diagnostics = decoded.diagnostics;
      text = decoded.text;
    } else {
      diagnostics = [diagnosticAt('', 0, 'error', 'Unexpected empty import, expected a text or a file', 'import:empty')];
    }
    if (text !== null) {
      const r = text.startsWith(UNIT_MARK) ? fromUnit(item.file, text, tag) : extractUnit(item.file, text, tag, { mapping });
      diagnostics = [...diagnostics, ...r.diagnostics];
      if (r.extraction && !hasErrors(diagnostics)) extraction = toOwnExtraction(r.extraction);
    }
  } catch (error) {
    diagnostics = [...diagnostics, diagnosticAt('', 0, 'error', `Unexpected failure while importing (${String(error)}), expected an article`, 'import:crash')];
    extraction = null;
  }
  return { file: item.file, text, extraction, diagnostics, messages: diagnostics.map((d) => formatDiagnostic(splitItemFileName(item.file).file, d)) };
}

function fromUnit(file: string, text: string, tag: Tagger): ReturnType<typeof extractItem> {
  const unit = JSON.parse(text.slice(UNIT_MARK.length)) as StoredUnit;
  return extractItem(file, unit.item, unit.fileDiagnostics, tag);
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
 * Each item's articles: a file of several (a feed, an export; up to 64 MiB) becomes one item per article
 * ("feed.xml#0002", as the build names them), the file parsed once and each article stored as its item (unitText);
 * a `dateline.json` among the files maps the exports' keys.
 */
export function runImport(items: readonly ImportItem[], tag: Tagger): ImportOutcome[] {
  const isMapping = (i: ImportItem) => (i.file.split(/[\\/]/).pop() ?? '') === MAPPING_FILE;
  const mapping = mappingOf(items.find(isMapping));
  return items.filter((i) => !isMapping(i)).flatMap((item) => {
    if (!item.bytes || !isMultiArticleFile(item.file)) return [importOne(item, tag, mapping)];
    const decoded = decodeText(item.bytes, item.size ?? item.bytes.length, byteLimitOf(item.file));
    const parsed = decoded.text === null ? null : parseInput(item.file, decoded.text, { mapping });
    if (!parsed || parsed.items.length === 0) return [importOne(item, tag, mapping)];
    return parsed.items.map((found, k) => importOne({ file: itemFileName(item.file, k), text: unitText({ item: found, fileDiagnostics: k === 0 ? parsed.diagnostics : [] }) }, tag));
  });
}
