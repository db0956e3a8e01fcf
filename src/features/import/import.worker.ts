/**
 * The import off the main thread: the same pipeline as `npm run build:data` (decodeText, extractArticle with
 * tagTimexes), so a long article never freezes the page. One request in, one response out, matched by id.
 */
import { tagTimexes } from '../../pipeline/temporal/tag-timexes.ts';
import { runImport, type ImportItem, type ImportOutcome } from './lib/run-import.ts';

export type ImportRequest = { id: number; items: ImportItem[] };
export type ImportResponse = { id: number; outcomes: ImportOutcome[] } | { id: number; error: string };

type WorkerScope = {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, items } = event.data;
  try {
    scope.postMessage({ id, outcomes: runImport(items, tagTimexes) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
