/**
 * A small reader for TempEval-3-style inline TimeML: the document creation time and the plain text of
 * <TEXT> with every TIMEX3 in it (nested ones too), as offsets into that plain text.
 */

export type GoldTimex = { start: number; end: number; text: string; type: string; value: string; tid: string };

export type TimemlDocument = { dct: string | null; text: string; timexes: GoldTimex[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    attrs[m[1] ?? ''] = (m[2] ?? m[3] ?? '').replace(/&(#?\w+);/g, (_, n: string) => decodeEntity(n));
  }
  return attrs;
}

/** Strips the tags of an inline-annotated fragment; returns the plain text and every TIMEX3 in it. */
export function stripTimeml(fragment: string): { text: string; timexes: GoldTimex[] } {
  const re = /<(\/?)([\w:-]+)([^>]*?)(\/?)>|&(#?\w+);|<!--[\s\S]*?-->/g;
  let text = '';
  let last = 0;
  const open: { start: number; attrs: Record<string, string> }[] = [];
  const timexes: GoldTimex[] = [];
  for (let m = re.exec(fragment); m !== null; m = re.exec(fragment)) {
    text += fragment.slice(last, m.index);
    last = m.index + m[0].length;
    const entity = m[5];
    if (entity !== undefined) {
      text += decodeEntity(entity);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      const top = open.pop();
      if (top === undefined) continue;
      timexes.push({
        start: top.start,
        end: text.length,
        text: text.slice(top.start, text.length),
        type: top.attrs['type'] ?? '',
        value: top.attrs['value'] ?? '',
        tid: top.attrs['tid'] ?? '',
      });
    } else if (m[4] !== '/') {
      open.push({ start: text.length, attrs: attributes(m[3] ?? '') });
    }
  }
  text += fragment.slice(last);
  timexes.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, timexes };
}

/** Reads a TimeML document: the DCT value and the gold TIMEX3s of <TEXT>. */
export function readTimeml(source: string): TimemlDocument {
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/.exec(source)?.[1] ?? '';
  const dctValue = /value\s*=\s*"([^"]*)"/.exec(dctBlock)?.[1] ?? null;
  const dct = dctValue !== null && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(source)?.[1] ?? '';
  const { text, timexes } = stripTimeml(body);
  return { dct, text, timexes };
}
