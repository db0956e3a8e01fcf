/**
 * The article body as the reader shows it: paragraphs, with the section headings the build found (also those glued
 * to the next sentence, "…EuropeThe NYT's") as headings of their own, and sentences glued without a space
 * ("neighbour.Earlier") shown apart. Every block is a range of the original text: nothing is rewritten.
 */
import type { ArticleDetail } from '../../../pipeline/schema.ts';

export type ReaderBlock = {
  kind: 'paragraph' | 'heading';
  start: number;
  end: number;
  /** Where a sentence starts right after the previous one with no space: show a space there. */
  gluedStarts: number[];
};

type Article = Pick<ArticleDetail['article'], 'text' | 'paragraphs' | 'sections' | 'sentences' | 'titleStart' | 'titleEnd'>;

export function readerBlocks(article: Article): ReaderBlock[] {
  const { text } = article;
  const headings = article.sections.map((s) => ({ start: s.headingStart, end: s.headingEnd }));
  const glued = article.sentences
    .filter((s, i) => {
      const prev = article.sentences[i - 1];
      return prev !== undefined && prev.end === s.start && !/\s/.test(text[s.start - 1] ?? ' ');
    })
    .map((s) => s.start);
  const blocks: ReaderBlock[] = [];
  const push = (kind: ReaderBlock['kind'], start: number, end: number) => {
    if (end <= start || text.slice(start, end).trim() === '') return;
    blocks.push({ kind, start, end, gluedStarts: kind === 'paragraph' ? glued.filter((g) => g > start && g < end) : [] });
  };
  for (const p of article.paragraphs) {
    if (p.end <= article.titleEnd && p.start >= article.titleStart) continue;
    let at = p.start;
    for (const h of headings.filter((h) => h.start >= p.start && h.end <= p.end)) {
      push('paragraph', at, h.start);
      push('heading', h.start, h.end);
      at = h.end;
    }
    push('paragraph', at, p.end);
  }
  return blocks;
}
