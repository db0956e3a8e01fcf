/**
 * Six shapes of news page (wire service, paywalled newspaper, broadcaster's live updates, blog platform, a page
 * dated by Open Graph alone, an AMP page), each written here with its plain-text version: the page must give the
 * article its .txt gives (the .txt writes each link's address after its anchor text) — the same text (modulo whitespace and those addresses), the same events, the same cited sources — and its
 * links carry their anchor text and support the sentence that holds them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { extractArticle, type Extraction } from '../build-dataset.ts';
import { formatDiagnostic } from '../diagnostic.ts';
import { tagTimexes } from '../temporal/tag-timexes.ts';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** The text modulo whitespace and the addresses a .txt writes out where a page has a link. */
const squash = (s: string) => s.replace(/\s*\bhttps?:\/\/\S+?(?=[,.]*(?:\s|$))/g, '').replace(/\s+/g, ' ').trim();

function extract(name: string): Extraction {
  const r = extractArticle(name, read(name), tagTimexes);
  expect(r.diagnostics.map((d) => formatDiagnostic(name, d))).toEqual([]);
  if (!r.extraction) throw new Error(`${name} gave no article`);
  return r.extraction;
}

const body = (x: Extraction) => x.article.paragraphs.map((p) => squash(x.article.text.slice(p.start, p.end)));
/** An event as the statement it dates (its excerpts' text) and its dating; the label is a summary of the same words. */
const events = (x: Extraction) =>
  x.events.map((e) => [e.excerpts.map((t) => squash(t.text)).join(' | '), e.start, e.end, e.precision, e.kind, e.approximate, e.dating.method]).sort((a, b) => String(a).localeCompare(String(b)));

test.each(['wire-service', 'paywalled-newspaper', 'broadcaster-live', 'blog-platform', 'open-graph-only', 'amp-page'])('%s.html gives the article of its .txt', (kind) => {
  const page = extract(`${kind}.html`);
  const text = extract(`${kind}.txt`);
  expect(page.article.publishedOn).toBe(text.article.publishedOn);
  expect(page.article.url).toBe(text.article.url);
  expect(page.article.title).toBe(text.article.title);
  expect(body(page)).toEqual(body(text));
  expect(page.article.sections.map((s) => s.heading)).toEqual(text.article.sections.map((s) => s.heading));
  expect(events(page)).toEqual(events(text));
  expect(page.article.citations.map((c) => c.url)).toEqual(text.article.citations.map((c) => c.url));
  for (const c of page.article.citations) {
    expect(c.anchor, c.url).toBeTruthy();
    expect(page.article.text.slice(c.start, c.end)).toBe(c.anchor);
    // A link supports the sentence it stands in.
    const s = c.supports;
    expect(s && page.article.text.slice(s.start, s.end)).toContain(c.anchor);
  }
  expect(page.article.format).toBe('html');
  expect(text.article.format).toBeUndefined();
});
