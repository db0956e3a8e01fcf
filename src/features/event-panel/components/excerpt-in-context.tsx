import { segmentText, type TextMark } from '../../../lib/text-segments.ts';

type Props = {
  text: string;
  paragraphStart: number;
  paragraphEnd: number;
  excerpt: { start: number; end: number };
  /** The dated expression, underlined where it falls in the paragraph. */
  expression: { start: number; end: number } | null;
};

/** The excerpt's paragraph with the excerpt marked (one `<mark>`); built from text slices, never from HTML. */
export function ExcerptInContext({ text, paragraphStart, paragraphEnd, excerpt, expression }: Props) {
  const marks: TextMark<'expression'>[] = expression ? [{ ...expression, kind: 'expression', id: 'expression' }] : [];
  const from = Math.max(paragraphStart, Math.min(excerpt.start, paragraphEnd));
  const to = Math.max(from, Math.min(excerpt.end, paragraphEnd));
  const part = (a: number, b: number) =>
    segmentText(text, a, b, marks).map((s) =>
      s.marks.length ? (
        <span key={s.start} className="excerpt-expression">
          {s.text}
        </span>
      ) : (
        <span key={s.start}>{s.text}</span>
      ),
    );
  return (
    <blockquote className="excerpt">
      <p>
        {from > paragraphStart ? <span className="excerpt-context">{part(paragraphStart, from)}</span> : null}
        <mark className="excerpt-mark">{part(from, to)}</mark>
        {paragraphEnd > to ? <span className="excerpt-context">{part(to, paragraphEnd)}</span> : null}
      </p>
    </blockquote>
  );
}
