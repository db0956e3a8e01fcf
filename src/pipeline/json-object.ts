/**
 * `JSON.stringify(Object.fromEntries(entries))` without the object: a shard of the tiled layout has up to a few
 * hundred thousand keys, and building an object of them (in dictionary mode) cost more than encoding it. The same
 * text: keys that are array indices ("2021") first in ascending order, as an object orders them, then the others in
 * the order given; each key and value encoded by JSON.stringify.
 */

/** An array index ("0", "2021", at most 2^32 - 2 without leading zeros): a key an object puts first, in numeric order. */
function isArrayIndex(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const first = key.charCodeAt(0);
  if (first === 48) return n === 1;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

/**
 * The JSON of an object with these entries, in an object's key order. Keys must be distinct and not `__proto__`;
 * `encode` gives each value's JSON (never undefined).
 */
export function jsonObjectOf<T>(entries: readonly (readonly [string, T])[], encode: (value: T) => string = JSON.stringify): string {
  const indices: (readonly [string, T])[] = [];
  const parts: string[] = [];
  for (const entry of entries) {
    if (isArrayIndex(entry[0])) indices.push(entry);
    else parts.push(`${JSON.stringify(entry[0])}:${encode(entry[1])}`);
  }
  if (indices.length > 0) {
    indices.sort((a, b) => Number(a[0]) - Number(b[0]));
    parts.unshift(...indices.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`));
  }
  return `{${parts.join(',')}}`;
}
