/**
 * Stable ids derived from content: the same across rebuilds and whatever other articles are added or removed,
 * because deep links are made of them. A 64-bit hash (two independent 32-bit multiplicative hashes over the
 * UTF-16 code units), written as 12 base-36 characters; isomorphic and synchronous (no crypto API needed).
 */
export function hashId(...parts: readonly string[]): string {
  // Plain locals and loops, no helper closure: the hashes stay in registers (ids hash every sentence's text).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    if (k > 0) {
      // unit separator: ("ab","c") and ("a","bc") differ
      h1 = Math.imul(h1 ^ 0x1f, 2654435761);
      h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    }
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hi = (h2 >>> 0).toString(36).padStart(7, '0').slice(-6);
  const lo = (h1 >>> 0).toString(36).padStart(7, '0').slice(-6);
  return hi + lo;
}

/** An article is known by its URL (normalised: no fragment, no trailing slash, lowercase host). */
export function articleIdOf(url: string): string {
  let key = url;
  try {
    const u = new URL(url);
    u.hash = '';
    key = `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    // parse-article accepts only valid URLs; keep the raw string otherwise
  }
  return `a-${hashId('article', key)}`;
}
