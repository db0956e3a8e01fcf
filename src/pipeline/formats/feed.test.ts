import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { dayOfFeedDate, parseXmlFeed } from './feed.ts';
import { parseInput } from './parse-input.ts';
import { formatDiagnostic } from '../diagnostic.ts';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const problems = (file: string, r: ReturnType<typeof parseXmlFeed>) => [...r.diagnostics, ...r.items.flatMap((i) => i.diagnostics)].map((d) => formatDiagnostic(file, d));

test('RSS dates are the calendar day of their own offset; ISO and RFC 822 both read', () => {
  expect(dayOfFeedDate('Tue, 03 May 2022 23:15:00 -0400')).toBe('2022-05-03');
  expect(dayOfFeedDate('3 May 22 10:00 GMT')).toBe('2022-05-03');
  expect(dayOfFeedDate('2021-10-08T06:30:00Z')).toBe('2021-10-08');
  expect(dayOfFeedDate('Mon, 31 Feb 2022 10:00:00 GMT')).toBeNull();
  expect(dayOfFeedDate('soon')).toBeNull();
});

test('an RSS 2.0 feed: one article per item, full content when it has it, its summary otherwise; an item without a link is reported at its line', () => {
  const r = parseXmlFeed(read('rss-feed.xml'));
  expect(r.items).toHaveLength(3);
  const [full, summary, bad] = r.items;
  expect(full?.article?.publishedOn).toBe('2022-05-03');
  expect(full?.article?.title).toBe('Ferry service resumes after repairs');
  expect(full?.article?.origin).toEqual({ format: 'feed', fromSummary: false, outlet: 'Harbour Gazette', at: { line: 7, column: 1 } });
  expect(full?.article?.text).not.toMatch(/alert|<script/);
  expect(full?.article?.citedUrls.map((c) => [c.url, c.anchor])).toEqual([['https://operator.example.org/2022/04/12/ferry-repairs-begin', "the operator's notice"]]);
  expect(summary?.article?.publishedOn).toBe('2022-05-02');
  expect(summary?.article?.origin.fromSummary).toBe(true);
  expect(bad?.article).toBeNull();
  expect(problems('feed.xml', r)).toEqual(["feed.xml:20:1: error Unexpected an item without a link, expected the article's http(s) URL in it [feed:link]"]);
});

test('an Atom feed: xhtml content, rel=alternate links, an entry without a date reported at its line', () => {
  const r = parseXmlFeed(read('atom-feed.xml'));
  const a = r.items[0]?.article;
  expect(a?.url).toBe('https://valley.example.net/2021/10/08/bridge-reopens');
  expect(a && a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(['The old bridge reopened on Friday morning after a year of work.', 'It had been closed since October 2020.']);
  expect(problems('atom.xml', r)).toEqual(['atom.xml:10:3: error Unexpected an entry without a date, expected a publication date: pubDate, published, dc:date or date_published [feed:date]']);
});

test('a feed that is not XML is one error at the first bad character; an XML file that is not a feed says so', () => {
  expect(problems('f.xml', parseXmlFeed('<rss><channel><item></channel></rss>'))[0]).toMatch(/^f\.xml:1:\d+: error Unexpected .*, expected XML \(an RSS 2\.0 or Atom feed\) \[feed:xml\]$/);
  expect(problems('f.xml', parseXmlFeed('{"not": "xml"}'))[0]).toMatch(/^f\.xml:1:\d+: error Unexpected .*expected XML/);
  expect(problems('f.xml', parseXmlFeed('<html><body/></html>'))).toEqual(['f.xml:1:1: error Unexpected an XML document of <html>, expected a feed (<rss> or Atom <feed>) [feed:xml]']);
});

test('a JSON Feed: content_html, else content_text, else summary; items placed by line and column', () => {
  const json = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Dock Diary",
  "items": [
    { "id": "1", "url": "https://dock.example.org/a", "title": "A", "date_published": "2020-02-29T23:59:00-08:00", "content_html": "<p>Cranes arrived on <b>Saturday</b>, two days early.</p>" },
    { "id": "2", "url": "https://dock.example.org/b", "title": "B", "date_published": "2020-03-01", "summary": "Only a summary of the day, short." },
    { "id": "3", "title": "C", "date_published": "2020-03-01", "content_text": "No link." }
  ]
}`;
  const r = parseInput('dock.json', json);
  expect(r.items.map((i) => i.article?.publishedOn ?? null)).toEqual(['2020-02-29', '2020-03-01', null]);
  expect(r.items[1]?.article?.origin.fromSummary).toBe(true);
  expect(r.items[2]?.diagnostics.map((d) => formatDiagnostic('dock.json', d))).toEqual(["dock.json:7:5: error Unexpected an item without a link, expected the article's http(s) URL in it [feed:link]"]);
});
