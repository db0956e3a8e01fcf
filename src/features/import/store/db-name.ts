/** The IndexedDB database of this published copy of the app (apart from the store, so it can be named without loading it). */
export const DB_NAME = 'dateline-imports';

/**
 * One database per published copy of the app: two Dateline sites under sub-paths of one host (one origin, as on
 * GitHub Pages) keep their readers' imports apart.
 */
export function importDatabaseName(): string {
  const base = new URL(import.meta.env.BASE_URL, window.location.href).pathname;
  return base === '/' ? DB_NAME : `${DB_NAME}:${base}`;
}
