import { expect, test } from 'vitest';
import { parseArticle } from '../src/pipeline/parse-article.ts';
import { parseInput } from '../src/pipeline/formats/parse-input.ts';
import { generateArticle } from './generate-corpus.ts';
import { generatePage } from './generate-pages.ts';

test("a bench page reads as its corpus article: the same title, date and address, the body's paragraphs, about 100 KB", () => {
  for (const i of [0, 1, 7, 42]) {
    const { text } = generateArticle(42, i);
    const page = generatePage(42, i);
    const fromText = parseArticle(text).article;
    const fromPage = parseInput(page.name, page.html).items[0]?.article;
    expect(fromText).not.toBeNull();
    expect(fromPage?.title).toBe(fromText?.title);
    expect(fromPage?.publishedOn).toBe(fromText?.publishedOn);
    expect(fromPage?.url).toBe(fromText?.url);
    // The title is not repeated as the body's first paragraph.
    expect(fromPage?.text).not.toContain(`${fromText?.title}\n\n${fromText?.title}`);
    expect(page.html.length).toBeGreaterThan(90_000);
  }
});
