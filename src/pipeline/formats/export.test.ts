import { expect, test } from 'vitest';
import { parseJsonExport, parseJsonLines } from './export.ts';
import { parseInput } from './parse-input.ts';
import { elementOffsets } from './json-positions.ts';
import { formatDiagnostic } from '../diagnostic.ts';
import type { ItemsResult } from './compose.ts';

const problems = (file: string, r: ItemsResult) => [...r.diagnostics, ...r.items.flatMap((i) => i.diagnostics)].map((d) => formatDiagnostic(file, d));
const BODY = 'The mill closed on Friday after 120 years, its owners said. Workers were told in March.';

test('NewsAPI-like: {articles: [{publishedAt, url, title, content}]}; a truncated content is the summary', () => {
  const json = JSON.stringify({ status: 'ok', articles: [{ publishedAt: '2023-03-10T22:30:00-06:00', url: 'https://n.example.com/mill', title: 'Mill closes', content: `${BODY} [+2310 chars]` }] }, null, 2);
  const r = parseInput('news.json', json);
  const a = r.items[0]?.article;
  expect(a?.publishedOn).toBe('2023-03-10');
  expect(a?.origin).toEqual({ format: 'export', fromSummary: true, outlet: null, at: { line: 4, column: 5 } });
  expect(a?.text).not.toContain('chars]');
});

test('Guardian-like: {response: {results: [{webPublicationDate, webUrl, webTitle, fields.bodyText}]}}', () => {
  const r = parseInput('g.json', JSON.stringify({ response: { status: 'ok', results: [{ webPublicationDate: '2019-07-01T05:00:00Z', webUrl: 'https://g.example.co.uk/x', webTitle: 'T', fields: { bodyText: BODY } }] } }));
  expect(r.items[0]?.article?.url).toBe('https://g.example.co.uk/x');
  expect(r.items[0]?.article?.origin.fromSummary).toBe(false);
});

test('GDELT-like compact dates and a top-level array', () => {
  const r = parseJsonExport('', [{ seendate: '20220412T140500Z', url: 'https://gd.example.org/a', title: 'T', text: BODY }]);
  expect(r.items[0]?.article?.publishedOn).toBe('2022-04-12');
});

test('JSON Lines: one record a line; a record missing a mapped key names the keys tried, at its line', () => {
  const lines = [
    JSON.stringify({ date: '2021-01-05', link: 'https://l.example.com/1', headline: 'One', text: BODY }),
    '',
    JSON.stringify({ link: 'https://l.example.com/2', headline: 'Two', text: BODY }),
    '{not json',
  ].join('\n');
  const r = parseJsonLines(lines);
  expect(r.items.map((i) => i.article?.url ?? null)).toEqual(['https://l.example.com/1', null, null]);
  const p = problems('x.jsonl', r);
  expect(p[0]).toBe('x.jsonl:3:1: error Unexpected a record without its date, expected one of the keys "publishedAt", "webPublicationDate", "datePublished", "date_published", "published_at", "published", "pubDate", "seendate", "date" [export:date]');
  expect(p[1]).toMatch(/^x\.jsonl:4:1: error Unexpected a line that is not JSON \(.*\), expected one record a line \[export:json\]$/);
});

test('a mapping names the keys; dotted paths reach into objects', () => {
  const record = { meta: { when: '2020-06-01' }, address: 'https://m.example.com/a', heading: 'H', words: BODY };
  const mapped = parseJsonLines(JSON.stringify(record), { date: 'meta.when', url: 'address', title: 'heading', body: ['missing', 'words'] });
  expect(mapped.items[0]?.article?.publishedOn).toBe('2020-06-01');
  expect(problems('m.jsonl', parseJsonLines(JSON.stringify(record), { date: 'meta.when', url: 'link' }))).toEqual(['m.jsonl:1:1: error Unexpected a record without its url, expected the key "link" [export:url]']);
});

test('records in a .json are placed by their line and column; JSON that is not a list of records says what it expected', () => {
  const json = '{\n  "articles": [\n    {"url": "https://a.example.com/1", "title": "T", "content": "x"},\n    {"title": "no url"}\n  ]\n}';
  expect(elementOffsets(json, ['articles']).map((o) => json[o])).toEqual(['{', '{']);
  const p = problems('a.json', parseInput('a.json', json));
  expect(p[0]).toMatch(/^a\.json:3:5: error Unexpected a record without its date/);
  expect(p[1]).toMatch(/^a\.json:4:5: error Unexpected a record without its date/);
  expect(problems('b.json', parseInput('b.json', '{"hello": 1}'))[0]).toMatch(/^b\.json:1:1: error Unexpected JSON without a list of records/);
  expect(problems('c.json', parseInput('c.json', '{"a": }'))[0]).toMatch(/^c\.json:1:\d+: error Unexpected .*expected JSON \(a JSON Feed or a news export\) \[export:json\]$/);
});
