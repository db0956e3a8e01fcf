import { expect, test } from 'vitest';
import fc from 'fast-check';
import { dayOfTimestamp, parseHtml } from './html.ts';
import { formatDiagnostic } from '../diagnostic.ts';

const BODY = '<p>The committee met on Tuesday and agreed, after a long debate, to publish its findings in March.</p><p>Its chair said the report would be short.</p>';
const page = (head: string, body = `<article>${BODY}</article>`) =>
  `<!doctype html>\n<html>\n<head>\n<title>A title</title>\n<link rel="canonical" href="https://news.example.org/a/story">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
const lines = (html: string) => parseHtml(html).diagnostics.map((d) => formatDiagnostic('p.html', d));
const one = (html: string) => {
  const r = parseHtml(html);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const a = r.articles[0];
  if (!a) throw new Error('no article');
  return a;
};

test('JSON-LD datePublished is trusted before article:published_time and <time datetime>', () => {
  const a = one(page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-01T10:00:00Z"}</script><meta property="article:published_time" content="2020-05-02T10:00:00Z">', `<article><time datetime="2020-05-03">May 3</time>${BODY}</article>`));
  expect(a.publishedOn).toBe('2020-05-01');
});

test('JSON-LD in an array or an @graph is found', () => {
  expect(one(page('<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["Thing","BlogPosting"],"datePublished":"2019-01-09"}]}</script>')).publishedOn).toBe('2019-01-09');
});

test('article:published_time comes before <time datetime>', () => {
  expect(one(page('<meta property="article:published_time" content="2020-05-02T10:00:00Z">', `<article><time datetime="2020-05-03">May 3</time>${BODY}</article>`)).publishedOn).toBe('2020-05-02');
});

test('<time datetime> dates a page with no other metadata', () => {
  expect(one(page('', `<article><time datetime="2018-12-31T08:00">Dec 31</time>${BODY}</article>`)).publishedOn).toBe('2018-12-31');
});

test("a timestamp near midnight is dated by its own offset's calendar day", () => {
  expect(dayOfTimestamp('2021-11-20T23:30:00-05:00')).toBe('2021-11-20');
  expect(dayOfTimestamp('2021-11-21T00:15:00+09:00')).toBe('2021-11-21');
  expect(dayOfTimestamp('2021-02-30T10:00:00Z')).toBeNull();
  expect(dayOfTimestamp('Nov 20, 2021')).toBeNull();
  expect(one(page('<meta property="article:published_time" content="2021-11-20T23:30:00-05:00">')).publishedOn).toBe('2021-11-20');
});

test('a bad date is named and the next source is tried', () => {
  const html = page('<meta property="article:published_time" content="yesterday">', `<article><time datetime="2020-01-02">x</time>${BODY}</article>`);
  expect(parseHtml(html).articles[0]?.publishedOn).toBe('2020-01-02');
  expect(lines(html)).toEqual(['p.html:6:1: warning Unexpected article:published_time "yesterday", expected an ISO 8601 date (YYYY-MM-DD…); the next source is tried [html:date]']);
});

test('no date anywhere on the page is an error at the <head> tag', () => {
  expect(lines(page(''))).toEqual(['p.html:3:1: error Unexpected a page without a publication date, expected a publication date: JSON-LD datePublished, article:published_time or <time datetime> [html:date]']);
});

test('the canonical link gives the URL, relative links resolve against it, og:url is next', () => {
  const a = one(page('<meta property="article:published_time" content="2020-05-02">', `<article><p>The minister said on Monday, in a <a href="/2020/05/01/minister-statement-on-budget">statement</a>, that the budget would pass.</p><p>Another paragraph of the article is here.</p></article>`));
  expect(a.url).toBe('https://news.example.org/a/story');
  expect(a.citedUrls.map((c) => [c.url, c.anchor, a.text.slice(c.start, c.end)])).toEqual([['https://news.example.org/2020/05/01/minister-statement-on-budget', 'statement', 'statement']]);
  const og = one(`<html><head><title>T</title><meta property="og:url" content="https://o.example.com/x"><meta property="article:published_time" content="2020-05-02"></head><body><article>${BODY}</article></body></html>`);
  expect(og.url).toBe('https://o.example.com/x');
});

test('a page without its address is an error', () => {
  expect(lines(`<html><head><meta property="article:published_time" content="2020-05-02"></head><body><article>${BODY}</article></body></html>`)).toEqual([
    "p.html:1:7: error Unexpected a page without its address, expected the article's http(s) URL: <link rel=canonical>, og:url or JSON-LD url [html:url]",
  ]);
});

test('title: JSON-LD headline, then og:title, then <h1>, then <title> without the outlet', () => {
  const date = '<meta property="article:published_time" content="2020-05-02">';
  expect(one(page(`${date}<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title"}</script><meta property="og:title" content="OG title">`)).title).toBe('LD title');
  expect(one(page(`${date}<meta property="og:title" content="OG title">`)).title).toBe('OG title');
  expect(one(page(date, `<h1>H1 title</h1><article>${BODY}</article>`)).title).toBe('H1 title');
  const t = page(`${date}<meta property="og:site_name" content="The Outlet">`).replace('<title>A title</title>', '<title>Plain title | The Outlet</title>');
  expect(one(t).title).toBe('Plain title');
  expect(one(t).origin.outlet).toBe('The Outlet');
  // A page whose title is the outlet alone ("| The Outlet", an empty headline and <h1>) has no title.
  const bare = page(`${date}<meta property="og:site_name" content="The Outlet">`, `<h1></h1><article>${BODY}</article>`).replace('<title>A title</title>', '<title> | The Outlet</title>');
  expect(lines(bare)).toEqual(["p.html:3:1: error Unexpected a page without a title, expected JSON-LD headline, og:title, <h1> or <title> [html:title]"]);
});

test('a front page or a search page is not an article', () => {
  expect(lines(page('<meta property="og:type" content="website">'))).toEqual([
    'p.html:6:1: error Unexpected a page that is not an article (og:type "website"), expected an article page (og:type article or a schema.org NewsArticle) [html:not-article]',
  ]);
  expect(lines(page('<script type="application/ld+json">{"@type":"SearchResultsPage"}</script>'))[0]).toMatch(/^p\.html:6:1: error Unexpected a page that is not an article \(a schema\.org SearchResultsPage\)/);
  const links = `<div>${Array.from({ length: 30 }, (_, i) => `<p><a href="/s/${i}">Story number ${i} of the day</a></p>`).join('')}</div>`;
  expect(lines(page('<meta property="article:published_time" content="2020-05-02">', links))[0]).toMatch(/error Unexpected a page with 0 characters of article text, expected the text of an article .* \[html:not-article\]$/);
});

test('script, style, iframes, comments, captions, navigation and ads never reach the text; only http(s) links are citations', () => {
  const a = one(
    page(
      '<meta property="article:published_time" content="2020-05-02"><style>p{}</style>',
      `<nav><p>Home World Sports and many more sections of the site</p></nav><article><figure><img src="x" onerror="alert(1)"><figcaption>A caption that describes the photo shown</figcaption></figure>${BODY}<p>Links: <a href="javascript:alert(1)">run</a>, <a href="data:text/html,x">data</a> and <a href="https://ok.example.com/" onclick="x()">fine</a> here.</p><script>document.write("<p>injected text</p>")</script><iframe src="https://ads.example"></iframe><div class="comments"><p>A reader's comment, which is long enough to score.</p></div><div class="ad">Buy now, buy now, this is an advertisement.</div></article>`,
    ),
  );
  expect(a.text).not.toMatch(/caption|injected|comment|advertisement|Home World|<|alert/);
  expect(a.citedUrls.map((c) => [c.url, c.anchor])).toEqual([['https://ok.example.com/', 'fine']]);
});

test('paragraphs and sub-headings come from the markup; entities are decoded', () => {
  const a = one(page('<meta property="article:published_time" content="2020-05-02">', `<article><p>First  paragraph\n of the story, spread over lines &amp; spaces.</p><h2>A sub-heading</h2><p>Second paragraph&nbsp;here, after the heading.</p></article>`));
  expect(a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(['First paragraph of the story, spread over lines & spaces.', 'A sub-heading', 'Second paragraph here, after the heading.']);
});

test('JSON-LD that is not JSON is a warning; the page still reads', () => {
  const html = page('<script type="application/ld+json">{not json</script><meta property="article:published_time" content="2020-05-02">');
  expect(parseHtml(html).articles).toHaveLength(1);
  expect(lines(html)).toEqual(['p.html:6:1: warning Unexpected text that is not JSON in <script type="application/ld+json">, expected schema.org JSON-LD; it is left out [html:json-ld]']);
});

test('never throws, and the text never holds markup from the input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (junk) => {
      const r = parseHtml(page('<meta property="article:published_time" content="2020-05-02">', `<article>${BODY}<p>${junk}</p></article>`));
      for (const a of r.articles) expect(a.text).not.toMatch(/<script|<iframe|<style/i);
    }),
    { numRuns: 200 },
  );
});
