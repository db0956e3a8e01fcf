/** The URL of a file under the built `data/` folder, relative to the app's base, so the app works under any sub-path. */
export function dataUrl(path: string): string {
  const base = new URL(import.meta.env.BASE_URL, window.location.href);
  return new URL(`data/${path}`, base).href;
}

export class DataFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'DataFetchError';
  }
}

/** GET a JSON file; throws a `DataFetchError` with a readable message on a network or HTTP failure. */
export async function fetchJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(dataUrl(path), signal ? { signal } : {});
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DataFetchError(`Could not reach ${path}: the network request failed.`, null);
  }
  if (!res.ok) throw new DataFetchError(`Could not load ${path}: the server answered ${res.status} ${res.statusText}.`.replace(/ \.$/, '.'), res.status);
  try {
    return await res.json();
  } catch {
    throw new DataFetchError(`${path} is not valid JSON.`, res.status);
  }
}

/**
 * The first problem zod found, for a message: `at events.0.start: expected a date YYYY-MM-DD`. The schemas use
 * `zod/mini`, which carries no English messages of its own (only "Invalid input"): the issue's code says the rest.
 */
export function describeIssue(issues: readonly { code: string; path: readonly PropertyKey[]; message: string; expected?: unknown }[]): string {
  const issue = issues[0];
  if (!issue) return '';
  const what = issue.message !== 'Invalid input' ? issue.message : issue.code === 'invalid_type' ? `expected ${String(issue.expected)}` : issue.code.replace(/_/g, ' ');
  return ` at ${issue.path.map(String).join('.')}: ${what}`;
}

/** What a zod schema's `safeParse` gives: the data, or the issues. */
type SafeParse<T> = { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: { issues: Parameters<typeof describeIssue>[0] } } };

/** `json` as the schema says it is, or a `DataFetchError` naming `what` and the first problem. */
export function validated<T>(schema: SafeParse<T>, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DataFetchError(`${what} does not match the schema${describeIssue(parsed.error.issues)}.`, null);
  return parsed.data;
}
