/**
 * Slices of a text with marked ranges, for rendering highlights as React elements from plain strings
 * (never as HTML). Marks may overlap; a slice carries every mark that covers it.
 */
export type TextMark<K extends string = string> = { start: number; end: number; kind: K; id: string };

export type TextSegment<K extends string = string> = { start: number; end: number; text: string; marks: TextMark<K>[] };

export function segmentText<K extends string>(
  text: string,
  from: number,
  to: number,
  marks: readonly TextMark<K>[],
): TextSegment<K>[] {
  const lo = Math.max(0, Math.min(from, text.length));
  const hi = Math.max(lo, Math.min(to, text.length));
  const inside = marks.filter((m) => m.end > lo && m.start < hi && m.end > m.start);
  const cuts = new Set<number>([lo, hi]);
  for (const m of inside) {
    cuts.add(Math.max(lo, m.start));
    cuts.add(Math.min(hi, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment<K>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    segments.push({ start, end, text: text.slice(start, end), marks: inside.filter((m) => m.start <= start && m.end >= end) });
  }
  return segments;
}
