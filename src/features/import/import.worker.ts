/**
 * The import off the main thread: the same pipeline as `npm run build:data` (decodeText, extractArticle with
 * tagTimexes, then assembleDataset over the reader's own articles), so a long article never freezes the page and
 * the main thread never loads the pipeline. One request in, one response out, matched by id.
 */
import type { Extraction } from '../../pipeline/build-dataset.ts';
import { tagTimexes } from '../../pipeline/temporal/tag-timexes.ts';
import { assembleOwn, type OwnDataset } from './lib/own-dataset.ts';
import { runImport, type ImportItem, type ImportOutcome } from './lib/run-import.ts';

export type ImportRequest = { id: number; items: ImportItem[] } | { id: number; assemble: Extraction[] };
export type ImportResponse = { id: number; outcomes: ImportOutcome[] } | { id: number; own: OwnDataset } | { id: number; error: string };

type WorkerScope = {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  const { id } = request;
  try {
    if ('assemble' in request) scope.postMessage({ id, own: assembleOwn(request.assemble) });
    else scope.postMessage({ id, outcomes: runImport(request.items, tagTimexes) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
