import { formatDay } from '../../../lib/calendar-date.ts';
import type { SearchPosting } from '../../../pipeline/schema.ts';
import type { ArchiveResults as Results } from '../lib/search-archive.ts';

type Props = {
  data: Results | null;
  pending: boolean;
  error: Error | null;
  currentId: string | null;
  onOpen: (p: SearchPosting) => void;
};

/** The results of a search over a tiled archive (the events need not be loaded): each opens its event. */
export function ArchiveResults({ data, pending, error, currentId, onOpen }: Props) {
  const summary = error
    ? 'could not be loaded'
    : pending || !data
      ? 'searching…'
      : data.results.length === 0
        ? 'none'
        : data.total > data.results.length && data.results.length > 0
          ? `the latest ${data.results.length} of ${data.total}`
          : `${data.results.length}`;
  return (
    <>
      <h2 id="events-heading" className="region-heading">
        Search results <span className="muted">{summary}</span>
      </h2>
      {error ? (
        <p role="alert" className="notice notice-error">
          The search could not be loaded. {error.message}
        </p>
      ) : null}
      {data && data.results.length > 0 ? (
        <ol className="event-list" aria-label="Search results">
          {data.results.map((p) => (
            <li key={p[0]}>
              <button type="button" className="event-list-item" aria-current={p[0] === currentId ? 'true' : undefined} onClick={() => onOpen(p)}>
                <span className="muted">{p[2] ? formatDay(p[2]) : 'undated'}</span> {p[1]}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
