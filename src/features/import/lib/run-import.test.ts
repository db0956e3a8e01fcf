import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { tagTimexes } from '../../../pipeline/temporal/tag-timexes.ts';
import { checkFileName, importOne, runImport } from './run-import.ts';

const ARTICLE = ` date 2021-11-20 https://example.com/2021/11/20/talks

Talks resume in Geneva

The delegations met again on Friday after talks broke down in April 2021. The ceasefire was signed in 2015.
`;

test('a good article becomes an extraction in the reader’s id namespace, with no diagnostic', () => {
  const out = importOne({ file: 'talks.txt', text: ARTICLE }, tagTimexes);
  expect(out.messages).toEqual([]);
  expect(out.extraction?.article.id).toMatch(/^own-a-/);
  expect(out.extraction?.events.length).toBeGreaterThan(1);
  for (const e of out.extraction?.events ?? []) {
    expect(e.id).toMatch(/^own-e-/);
    expect(e.articleIds.every((id) => id.startsWith('own-a-'))).toBe(true);
    expect(e.excerpts.every((x) => x.articleId === out.extraction?.article.id)).toBe(true);
  }
});

test('the same text imported twice gives the same ids (deep links stay stable)', () => {
  const a = importOne({ file: 'a.txt', text: ARTICLE }, tagTimexes);
  const b = importOne({ file: 'b.txt', text: ARTICLE }, tagTimexes);
  expect(b.extraction?.events.map((e) => e.id)).toEqual(a.extraction?.events.map((e) => e.id));
});

test('a bad date line is reported as the CLI reports it, file:line:column', () => {
  const out = importOne({ file: 'bad.txt', text: ' date 2021-02-30 https://example.com/x\n\nTitle\n\nText.\n' }, tagTimexes);
  expect(out.extraction).toBeNull();
  expect(out.messages).toEqual(['bad.txt:1:7: error Unexpected date "2021-02-30", expected a real calendar date [parse-article:date]']);
});

test('bytes that are not UTF-8 are reported with their position and the good item still imports', () => {
  const bytes = new Uint8Array([0x20, 0x64, 0x61, 0x74, 0x65, 0x0a, 0x41, 0xff]);
  const [bad, good] = runImport([{ file: 'latin1.txt', bytes }, { file: 'good.txt', bytes: new TextEncoder().encode(ARTICLE) }], tagTimexes);
  expect(bad?.extraction).toBeNull();
  expect(bad?.messages).toEqual(['latin1.txt:2:2: error Unexpected byte 0xff at byte 7, expected UTF-8 text [decode-text:utf8]']);
  expect(good?.extraction).not.toBeNull();
  expect(good?.text).toBe(ARTICLE);
});

test('a tagger that throws becomes a diagnostic, not an exception', () => {
  const out = importOne({ file: 'x.txt', text: ARTICLE }, () => {
    throw new Error('boom');
  });
  expect(out.extraction).toBeNull();
  expect(out.messages[0]).toMatch(/^x\.txt:\d+:\d+: error Unexpected failure of the date tagger \(Error: boom\)/);
});

test('only .txt and .html files are accepted', () => {
  expect(checkFileName('story.txt')).toBeNull();
  expect(checkFileName('STORY.TXT')).toBeNull();
  expect(checkFileName('photo.png')?.message).toBe('Unexpected file "photo.png", expected an article file: .txt, .html, .htm, a feed (.xml, .rss, .atom, .json) or a news export (.json, .jsonl)');
  expect(checkFileName('saved-page.html')).toBeNull();
  expect(checkFileName('saved-page.HTM')).toBeNull();
});

test('a dropped file that is not .txt is refused without being read', () => {
  const out = importOne({ file: 'photo.png', bytes: new Uint8Array([0x89, 0x50]) }, tagTimexes);
  expect(out.text).toBeNull();
  expect(out.messages).toEqual(['photo.png:1:1: error Unexpected file "photo.png", expected an article file: .txt, .html, .htm, a feed (.xml, .rss, .atom, .json) or a news export (.json, .jsonl) [import:file-type]']);
});

test('a saved page is imported as the build reads it: its article, with its links as citations carrying their anchor text', () => {
  const html = readFileSync(new URL('../../../pipeline/formats/fixtures/wire-service.html', import.meta.url), 'utf8');
  const out = importOne({ file: 'wire.html', bytes: new TextEncoder().encode(html) }, tagTimexes);
  expect(out.messages).toEqual([]);
  expect(out.extraction?.article.title).toBe('Port workers end strike after nine days');
  expect(out.extraction?.article.format).toBe('html');
  expect(out.extraction?.article.citations.map((c) => c.anchor)).toEqual(['statement published by the union', 'an update last Friday']);
});

test('a feed is imported as one article per item, named as the build names them; a bad item is reported at its line', () => {
  const xml = readFileSync(new URL('../../../pipeline/formats/fixtures/rss-feed.xml', import.meta.url), 'utf8');
  const out = runImport([{ file: 'gazette.xml', bytes: new TextEncoder().encode(xml) }], tagTimexes);
  expect(out.map((o) => o.file)).toEqual(['gazette.xml#0001', 'gazette.xml#0002', 'gazette.xml#0003']);
  expect(out.map((o) => o.extraction?.article.title ?? null)).toEqual(['Ferry service resumes after repairs', 'Council to vote on harbour budget', null]);
  expect(out[1]?.extraction?.article.fromSummary).toBe(true);
  expect(out[2]?.messages).toEqual(["gazette.xml:20:1: error Unexpected an item without a link, expected the article's http(s) URL in it [feed:link]"]);
  // Each article is stored as its item (the file parsed once), not the whole file again, and re-extracted from it;
  // an article stored by an earlier version, with the file's text, is re-extracted by its name.
  expect(out.map((o) => o.text?.startsWith('dateline-unit 1\n'))).toEqual([true, true, true]);
  expect(out.every((o) => (o.text?.length ?? 0) < xml.length)).toBe(true);
  const again = importOne({ file: 'gazette.xml#0002', text: out[1]?.text ?? '' }, tagTimexes);
  expect(again.extraction).toEqual(out[1]?.extraction);
  expect(importOne({ file: 'gazette.xml#0003', text: out[2]?.text ?? '' }, tagTimexes).messages).toEqual(out[2]?.messages);
  expect(importOne({ file: 'gazette.xml#0002', text: xml }, tagTimexes).extraction?.article.title).toBe('Council to vote on harbour budget');
});

test('a feed past 1 MiB imports item by item; an item past the article cap is reported at its line, the others import', () => {
  const sentence = 'The harbour board said on 11 April 2022 that the cranes would run again. ';
  const item = (k: number, body: string) => `<item><title>Update ${k}</title><link>https://gazette.example.org/${k}</link>\n<pubDate>Tue, 12 Apr 2022 09:00:00 GMT</pubDate>\n<description>${body}</description></item>\n`;
  const xml = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Gazette</title>\n${[
    item(1, sentence.repeat(5000)),
    item(2, sentence.repeat(15_000)),
    item(3, sentence),
  ].join('')}</channel></rss>\n`;
  const bytes = new TextEncoder().encode(xml);
  expect(bytes.length).toBeGreaterThan(1024 * 1024);
  const out = runImport([{ file: 'big.xml', bytes }], tagTimexes);
  expect(out.map((o) => o.extraction?.article.url ?? null)).toEqual(['https://gazette.example.org/1', null, 'https://gazette.example.org/3']);
  expect(out[1]?.messages).toEqual([expect.stringMatching(/^big\.xml:6:1: error Unexpected an article of [\d,]+ characters, expected an article of at most 1,048,576 characters \(1 MiB\); the item is left out, the file's other items are read \[article:size\]$/)]);
}, 60_000);
