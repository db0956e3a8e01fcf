/**
 * A readable headline from a URL's slug, for a citation the build found no headline for:
 * https://x.com/20211112/pentagon-says-it-doesnt-assess-1090693296.html -> "Pentagon says it doesnt assess".
 */
export function headlineFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = path
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .map((s) => s.replace(/\.(s?html?|php|aspx?)$/i, ''))
    .filter((s) => /[a-z]/i.test(s) && s.includes('-'));
  const slug = segments.at(-1);
  if (!slug) return null;
  const words = slug
    .split(/[-_]+/)
    .filter((w) => w !== '' && !/^\d{5,}$/.test(w) && !/^[a-z0-9]{12,}$/i.test(w));
  if (words.length < 2) return null;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
