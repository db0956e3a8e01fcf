/** The dev server's event (scripts/lib/live-data.ts): the dataset in public/data was written again. */
export const DATA_CHANGED_EVENT = 'dateline:data-changed';
