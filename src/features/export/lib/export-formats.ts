/** The export formats' converters and file names, loaded when an export is chosen (not with the first view). */
import { downloadText } from './download.ts';
import type { ExportInput } from './export-input.ts';
import { toCsv } from './to-csv.ts';
import { toDatasetJson } from './to-dataset-json.ts';
import { toIcs } from './to-ics.ts';
import { toTimelineJs } from './to-timelinejs.ts';

export type FormatId = 'timelinejs' | 'csv' | 'ics' | 'dataset';

const FILES: Record<FormatId, { file: string; type: string; make: (input: ExportInput) => string }> = {
  timelinejs: { file: 'dateline-timelinejs.json', type: 'application/json', make: (i) => `${JSON.stringify(toTimelineJs(i), null, 2)}\n` },
  csv: { file: 'dateline-events.csv', type: 'text/csv;charset=utf-8', make: toCsv },
  ics: { file: 'dateline-events.ics', type: 'text/calendar;charset=utf-8', make: (i) => toIcs(i) },
  dataset: { file: 'dateline-dataset.json', type: 'application/json', make: toDatasetJson },
};

/** Convert the view and hand the file to the browser. */
export function exportFile(format: FormatId, input: ExportInput): void {
  const f = FILES[format];
  downloadText(f.file, f.make(input), f.type);
}
