import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { assembleDataset, extractArticle, type Extraction } from './build-dataset.ts';
import { tagTimexes } from './temporal/tag-timexes.ts';
import { articleDetail, datasetIndex, type EventSummary } from './schema.ts';
import { formatDiagnostic } from './diagnostic.ts';

const SAMPLE = readFileSync(new URL('../../articles/000_333c5da2cf6edd5b.txt', import.meta.url), 'utf8');

function build(files: Record<string, string>) {
  const extractions: Extraction[] = [];
  const diagnostics: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const r = extractArticle(file, text, tagTimexes);
    diagnostics.push(...r.diagnostics.map((d) => formatDiagnostic(file, d)));
    if (r.extraction) extractions.push(r.extraction);
  }
  const { dataset, rejected } = assembleDataset(extractions);
  for (const r of rejected) diagnostics.push(...r.diagnostics.map((d) => formatDiagnostic(r.file, d)));
  return { dataset, diagnostics };
}

const find = (events: readonly EventSummary[], label: RegExp) => events.filter((e) => label.test(e.label));

test('the sample article gives each of its dated facts its own date, by general rules', () => {
  const { dataset, diagnostics } = build({ 'sample.txt': SAMPLE });
  expect(diagnostics).toEqual([]);
  const events = dataset.index.events;
  const at = (re: RegExp) => find(events, re).map((e) => [e.start, e.end, e.precision]);
  expect(at(/military build-up$/)).toEqual([['2021-04-01', '2021-04-30', 'month']]);
  expect(at(/^Bloomberg claimed/)).toEqual([['2021-11-01', '2021-11-30', 'month']]);
  expect(at(/Milley seemingly refuted/)).toEqual([['2021-11-12', '2021-11-12', 'day']]);
  expect(at(/New York Times reported/)).toEqual([[null, '2021-11-20', 'day']]);
  expect(at(/Haines travelled to Europe/)).toEqual([['2021-11-15', '2021-11-21', 'week']]);
  expect(at(/Blinken has stated/)).toEqual([['2021-11-20', '2021-11-20', 'day']]);
  expect(at(/internal conflict has been ongoing/i)).toEqual([['2014-01-01', '2021-11-20', 'year']]);
  expect(at(/Minsk accords were signed/)).toEqual([['2015-01-01', '2015-12-31', 'year']]);
  expect(events.filter((e) => e.kind === 'publication').map((e) => e.start)).toEqual(['2021-11-20']);
});

test('the output validates against the schema and excerpts are verbatim slices of the article', () => {
  const { dataset } = build({ 'sample.txt': SAMPLE });
  datasetIndex.parse(dataset.index);
  for (const detail of dataset.articles.values()) {
    articleDetail.parse(detail);
    for (const e of detail.events) for (const x of e.excerpts) expect(detail.article.text.slice(x.start, x.end)).toBe(x.text);
    for (const t of detail.article.timexes) expect(detail.article.text.slice(t.start, t.end)).toBe(t.text);
  }
});

test('the sample article cites the Pentagon article, tied to the Milley passage', () => {
  const { dataset } = build({ 'sample.txt': SAMPLE });
  const [detail] = [...dataset.articles.values()];
  const [cite] = detail?.article.citations ?? [];
  expect(cite?.date).toBe('2021-11-12');
  expect(cite?.headline).toBe("Pentagon says it doesn't assess Russia's troop movements as plan to invade Ukraine in coming days");
  expect(detail?.article.text.slice(cite?.supports?.start, cite?.supports?.end)).toMatch(/^Soon after Bloomberg released its report/);
  expect(detail?.article.sections.map((s) => s.heading)).toEqual(['Joint Action With Europe', "Pentagon Seemingly Dispels 'Russia Invasion' Scares"]);
});

test('ids are stable when other articles are added, and the same input gives the same bytes', () => {
  const other = ' date 2022-01-05 https://example.org/other\nOther\nThe ministry opened a new office in March 2020.\n';
  const one = build({ 'a.txt': SAMPLE });
  const two = build({ 'a.txt': SAMPLE, 'b.txt': other });
  const ids = (d: typeof one) => new Set(d.dataset.index.events.map((e) => e.id));
  for (const id of ids(one)) expect(ids(two).has(id)).toBe(true);
  expect(JSON.stringify(build({ 'b.txt': other, 'a.txt': SAMPLE }).dataset.index)).toBe(JSON.stringify(two.dataset.index));
});

test('a duplicate article is rejected with its position, the first one kept', () => {
  const { dataset, diagnostics } = build({ 'a.txt': SAMPLE, 'b.txt': SAMPLE });
  expect(dataset.index.articles).toHaveLength(1);
  expect(diagnostics).toEqual([
    expect.stringMatching(/^b\.txt:1:18: error Unexpected duplicate of the article https:\/\/sputniknews\.com\/.*, expected each article once \(first read from a\.txt\) \[build-dataset:duplicate\]$/),
  ]);
});

test('the pipeline never throws and every excerpt is verbatim, whatever the body', () => {
  const word = fc.constantFrom('The', 'army', 'said', 'on', 'Monday', 'in', 'April', '2019', 'since', '2014', 'this', 'week', 'U.S.', 'Dr.', 'X.', 'reported', 'Earlier,', 'has', 'stated', '.', ',', '"', 'https://a.org/2020/01/02/x-y-z', '\n\n', 'yesterday', 'next', 'month', 'ago', 'two', 'days');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 60 }), fc.string({ maxLength: 40 }), (words, noise) => {
      const text = ` date 2021-11-20 https://x.org/a\nTitle\n${words.join(' ')}${noise}\n`;
      const r = extractArticle('p.txt', text, tagTimexes);
      if (!r.extraction) return;
      const t = r.extraction.article.text;
      for (const e of r.extraction.events) {
        for (const x of e.excerpts) expect(t.slice(x.start, x.end)).toBe(x.text);
        expect(e.label.length).toBeLessThanOrEqual(90);
      }
    }),
    { numRuns: 200 },
  );
});

test('an event told by two articles lists both; each article file holds its own excerpts; search.json holds them all', () => {
  const a = ' date 2022-01-05 https://example.org/a\nA\nThe central bank raised interest rates sharply in March 2021 to fight inflation.\n';
  const b = ' date 2022-02-07 https://example.net/b\nB\nIn March 2021, the central bank raised interest rates sharply to fight inflation.\n';
  const { dataset } = build({ 'a.txt': a, 'b.txt': b });
  const merged = dataset.index.events.filter((e) => e.articleIds.length === 2);
  expect(merged).toHaveLength(1);
  const id = merged[0]?.id;
  for (const detail of dataset.articles.values()) {
    const e = detail.events.find((x) => x.id === id);
    expect(e?.excerpts.map((x) => x.articleId)).toEqual([detail.article.id]);
  }
  // search.json: each mention under its own id; the merged event is known by its id and its aliases.
  const names = new Set([id, ...(merged[0]?.aliases ?? [])]);
  const text = dataset.search.events.filter(([eid]) => names.has(eid)).map(([, t]) => t).join('\n');
  expect(text).toContain('raised interest rates sharply in March 2021');
  expect(text).toContain('In March 2021, the central bank');
  const known = new Set(dataset.index.events.flatMap((e) => [e.id, ...e.aliases]));
  expect(dataset.search.events.every(([eid]) => known.has(eid))).toBe(true);
  expect(dataset.search.events).toHaveLength(dataset.index.events.length + 1);
});
