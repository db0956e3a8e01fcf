import { formatDayLong } from '../../../lib/calendar-date.ts';
import type { Dating } from '../../../pipeline/schema.ts';

/**
 * What the panel shows under "As written": the words that date the event, or, when the passage has none, where
 * its date was read instead: the cited source's address, or the article's publication.
 */
export function asWritten(dating: Dating): string {
  if (dating.expression) return `“${dating.expression}”`;
  if (dating.method === 'citation') {
    const day = dating.value && /^\d{4}-\d{2}-\d{2}$/.test(dating.value) ? formatDayLong(dating.value) : null;
    return day
      ? `No date in the passage; ${day} in the address of the source it cites`
      : 'No date in the passage; the date in the address of the source it cites';
  }
  if (dating.method === 'publication') return 'No date in the passage; the article’s publication date';
  return 'No date in the passage';
}
