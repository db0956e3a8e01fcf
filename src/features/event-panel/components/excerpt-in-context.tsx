import { segmentText, type TextMark } from '../../../lib/text-segments.ts';

type Props = {
  text: string;
  paragraphStart: number;
  paragraphEnd: number;
  excerpt: { start: number; end: number };
  /** The dated expression, underlined where it falls in the paragraph. */
  expression: { start: number; end: number } | null;
};

/** The excerpt's paragraph with the excerpt marked; built from text slices, never from HTML. */
export function ExcerptInContext({ text, paragraphStart, paragraphEnd, excerpt, expression }: Props) {
  const marks: TextMark<'excerpt' | 'expression'>[] = [{ ...excerpt, kind: 'excerpt', id: 'excerpt' }];
  if (expression) marks.push({ ...expression, kind: 'expression', id: 'expression' });
  const segments = segmentText(text, paragraphStart, paragraphEnd, marks);
  return (
    <blockquote className="excerpt">
      <p>
        {segments.map((s) => {
          const inExcerpt = s.marks.some((m) => m.kind === 'excerpt');
          const inExpr = s.marks.some((m) => m.kind === 'expression');
          const inner = inExpr ? <span className="excerpt-expression">{s.text}</span> : s.text;
          return inExcerpt ? (
            <mark key={s.start} className="excerpt-mark">
              {inner}
            </mark>
          ) : (
            <span key={s.start} className="excerpt-context">
              {inner}
            </span>
          );
        })}
      </p>
    </blockquote>
  );
}
