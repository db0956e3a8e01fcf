import { expect, test } from 'vitest';
import fc from 'fast-check';
import { parseArticle } from './parse-article.ts';
import { decodeText } from './decode-text.ts';
import { formatDiagnostic } from './diagnostic.ts';

const lines = (r: ReturnType<typeof parseArticle>) => r.diagnostics.map((d) => formatDiagnostic('a.txt', d));

test('reads the date line, title, body paragraphs and trailing cited URLs', () => {
  const text = ' date 2022-03-10 https://news.example.org/story\n\nThe title\n\nFirst paragraph. Still first.\n\nSecond one.\n\nhttps://cited.example.com/2022/03/01/a-b-c\nhttps://other.example.net/x\n';
  const { article, diagnostics } = parseArticle(text);
  expect(diagnostics).toEqual([]);
  expect(article?.publishedOn).toBe('2022-03-10');
  expect(article?.url).toBe('https://news.example.org/story');
  expect(article?.title).toBe('The title');
  expect(article?.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First paragraph. Still first.', 'Second one.']);
  expect(article?.citedUrls.map((u) => [u.url, u.trailing, text.slice(u.start, u.end)])).toEqual([
    ['https://cited.example.com/2022/03/01/a-b-c', true, 'https://cited.example.com/2022/03/01/a-b-c'],
    ['https://other.example.net/x', true, 'https://other.example.net/x'],
  ]);
});

test('the leading space is optional; CRLF, a byte-order mark and trailing spaces are fine', () => {
  const { article, diagnostics } = parseArticle('\uFEFFdate 2020-02-29 https://x.org/a  \r\nTitle  \r\nBody text here.  \r\n');
  expect(diagnostics).toEqual([]);
  expect(article?.title).toBe('Title');
  expect(article?.text.startsWith('date')).toBe(true);
  expect(article && article.text.slice(article.paragraphs[0]?.start, article.paragraphs[0]?.end)).toBe('Body text here.');
});

test('URLs inside the body are citations, without the sentence punctuation after them', () => {
  const { article } = parseArticle(' date 2022-03-10 https://x.org/a\nT\nSee https://src.example.org/report (https://a.org/b_(c)). Done.');
  expect(article?.citedUrls.map((u) => u.url)).toEqual(['https://src.example.org/report', 'https://a.org/b_(c)']);
});

test('an empty file is an error at 1:1', () => {
  expect(lines(parseArticle('  \n\n'))).toEqual(['a.txt:1:1: error Unexpected empty file, expected a date line " date YYYY-MM-DD URL" [parse-article:empty]']);
});

test('a missing date line names what it found', () => {
  expect(lines(parseArticle('Breaking news\nBody.'))).toEqual([
    'a.txt:1:1: error Unexpected "Breaking", expected a date line " date YYYY-MM-DD URL" [parse-article:header]',
  ]);
});

test('a malformed or impossible date points at the date', () => {
  expect(lines(parseArticle(' date 2021/11/20 https://x.org\nT\nB.'))[0]).toBe(
    'a.txt:1:7: error Unexpected "2021/11/20", expected the publication date as YYYY-MM-DD [parse-article:date]',
  );
  expect(lines(parseArticle(' date 2021-02-30 https://x.org\nT\nB.'))[0]).toBe(
    'a.txt:1:7: error Unexpected date "2021-02-30", expected a real calendar date [parse-article:date]',
  );
});

test('the article URL must be http(s)', () => {
  expect(lines(parseArticle('date 2021-01-05 javascript:alert(1)\nT\nB.'))[0]).toBe(
    'a.txt:1:17: error Unexpected a URL with the scheme "javascript:", expected an http(s) URL for the article [parse-article:url]',
  );
  expect(lines(parseArticle('date 2021-01-05\nT\nB.'))[0]).toContain("expected the article's URL after the date");
});

test('a cited URL with another scheme is reported and left out, the article still builds', () => {
  const r = parseArticle('date 2021-01-05 https://x.org\nT\nBody.\n\nftp://files.example.org/a\nhttps://ok.example.org/b\n');
  expect(lines(r)).toEqual([
    'a.txt:5:1: warning Unexpected a URL with the scheme "ftp:", expected an http(s) URL; this source is left out [parse-article:url]',
  ]);
  expect(r.article?.citedUrls.map((u) => u.url)).toEqual(['https://ok.example.org/b']);
});

test('a file without a body is an error after the title', () => {
  expect(lines(parseArticle('date 2021-01-05 https://x.org\nOnly a title\n\nhttps://a.org/b\n'))).toEqual([
    'a.txt:2:13: error Unexpected end of article, expected a body after the title [parse-article:body]',
  ]);
});

test('bytes that are not UTF-8 are reported with line and column', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('date 2021-01-05 https://x.org\nTi'), 0xff, 0x41]);
  const r = decodeText(bytes);
  expect(r.text).toBeNull();
  expect(r.diagnostics.map((d) => formatDiagnostic('a.txt', d))).toEqual([
    'a.txt:2:3: error Unexpected byte 0xff at byte 32, expected UTF-8 text [decode-text:utf8]',
  ]);
  expect(decodeText(new TextEncoder().encode('héllo ✓ 😀')).text).toBe('héllo ✓ 😀');
  expect(decodeText(new Uint8Array([0xe2, 0x82])).text).toBeNull(); // truncated sequence
  expect(decodeText(new Uint8Array([0xc0, 0xaf])).text).toBeNull(); // overlong
});

test('the parser never throws and every span is inside the text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), (body, withHeader) => {
      const text = withHeader ? ` date 2021-11-20 https://x.org/a\n${body}` : body;
      const { article } = parseArticle(text);
      if (!article) return;
      for (const s of [...article.paragraphs, ...article.citedUrls]) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(article.text.length);
        expect(s.start).toBeLessThanOrEqual(s.end);
      }
      for (const u of article.citedUrls) expect(article.text.slice(u.start, u.end)).toBe(u.url);
    }),
    { numRuns: 300 },
  );
});
