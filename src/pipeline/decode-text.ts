/**
 * Step 0: a file's bytes -> text. Bytes that are not UTF-8 are bad input: the diagnostic names the line and
 * column of the first bad byte (in the text decoded before it) and the byte offset.
 */
import { diagnosticAt, type Diagnostic } from './diagnostic.ts';
import { MAX_ARTICLE_BYTES, tooLarge } from './article-limit.ts';

/** Throws on bytes that are not well-formed UTF-8 (a BOM is dropped, as by the default decoder). */
const STRICT = new TextDecoder('utf-8', { fatal: true });

export type DecodeResult = { text: string | null; diagnostics: Diagnostic[] };

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * `size`: the file's size when `bytes` holds only its start (a reader need not read more than `limit` + 1 bytes of
 * a file: past that it is rejected, with the diagnostic where it crosses the limit). `limit`: the article cap, or a
 * feed's or an export's (byteLimitOf in article-units.ts).
 */
export function decodeText(bytes: Uint8Array, size = bytes.length, limit = MAX_ARTICLE_BYTES): DecodeResult {
  if (size > limit) {
    // Non-fatal decoding (a bad byte before the limit does not hide the size problem); streaming, so that a
    // character cut by the limit is left out: the diagnostic stands at that character.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, limit), { stream: true });
    return { text: null, diagnostics: [tooLarge(before, size, 'bytes', limit)] };
  }
  // Well-formed UTF-8 (nearly every file) is decoded natively; the scan below only names the first bad byte of a
  // file the strict decoder refuses (it refuses exactly what firstInvalidUtf8 finds: the WHATWG decoder's errors).
  try {
    return { text: STRICT.decode(bytes), diagnostics: [] };
  } catch {
    // not UTF-8: find where
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const hex = (bytes[bad] as number).toString(16).padStart(2, '0');
    return {
      text: null,
      diagnostics: [
        diagnosticAt(before, before.length, 'error', `Unexpected byte 0x${hex} at byte ${bad}, expected UTF-8 text`, 'decode-text:utf8'),
      ],
    };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), diagnostics: [] };
}
