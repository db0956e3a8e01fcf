/**
 * Where things are in a JSON text: JSON.parse tells no positions, so the elements of one array (a feed's items, an
 * export's records) are found by a scan of the text that knows strings, objects and arrays — for diagnostics that
 * name the record's line and column.
 */
import { positionAt } from '../diagnostic.ts';
import type { Position } from './compose.ts';

/**
 * The offsets of the elements of the array found at `path` (object keys from the root; [] is the root itself).
 * Assumes valid JSON (parse it first); returns [] when there is no array there.
 */
export function elementOffsets(json: string, path: readonly string[]): number[] {
  type Frame = { kind: 'object' | 'array'; path: string[]; key: string | null; target: boolean; expectValue: boolean };
  const out: number[] = [];
  const stack: Frame[] = [];
  let lastString = '';
  const samePath = (p: readonly string[]) => p.length === path.length && p.every((k, i) => k === path[i]);
  const valueStarts = (at: number) => {
    const top = stack[stack.length - 1];
    if (top?.target && top.expectValue) out.push(at);
    if (top) top.expectValue = false;
  };
  for (let i = 0; i < json.length; i++) {
    const c = json[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      const s = json.slice(i + 1, j);
      if (top?.kind === 'object' && top.key === null) lastString = s;
      else valueStarts(i);
      i = j;
      continue;
    }
    if (c === ':') {
      if (top) {
        top.key = lastString;
        top.expectValue = true;
      }
      continue;
    }
    if (c === ',') {
      if (top?.kind === 'object') top.key = null;
      else if (top) top.expectValue = true;
      continue;
    }
    if (c === '{' || c === '[') {
      valueStarts(i);
      const parentPath = top ? (top.kind === 'object' ? [...top.path, top.key ?? ''] : [...top.path, '#']) : [];
      stack.push({ kind: c === '{' ? 'object' : 'array', path: parentPath, key: null, target: c === '[' && samePath(parentPath), expectValue: c === '[' });
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'object') parent.key = null;
      continue;
    }
    // A number, true, false or null.
    valueStarts(i);
    while (i + 1 < json.length && /[^\s,\]}]/.test(json[i + 1] as string)) i++;
  }
  return out;
}

export function positionOfOffset(text: string, offset: number): Position {
  return positionAt(text, offset);
}
