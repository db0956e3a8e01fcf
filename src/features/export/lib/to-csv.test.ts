import { expect, test } from 'vitest';
import { CSV_HEADER, csvCell, toCsv } from './to-csv.ts';
import { ARTICLES, EVENTS, EXTRAS } from './fixtures.test-data.ts';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

test('a plain cell is written as is', () => {
  expect(csvCell('Riga')).toBe('Riga');
});

test('a cell with a comma, a quote or a line break is quoted and its quotes doubled', () => {
  expect(csvCell('a, b')).toBe('"a, b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
});

test('a cell starting with = + - @ tab or CR is prefixed with an apostrophe so it is never a formula', () => {
  for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v).replace(/^"/, '').startsWith(`'`)).toBe(true);
  expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
  expect(csvCell('a=b')).toBe('a=b');
});

test('the export has a BOM, a header, one CRLF-ended row per event, undated ones included', () => {
  const text = toCsv({ events: EVENTS, articles: ARTICLES, extras: EXTRAS });
  expect(text.startsWith('\uFEFFid,start,end,')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual([...CSV_HEADER]);
  expect(rows).toHaveLength(EVENTS.length + 1);
  expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
});

test('cells keep the text verbatim, with the excerpt, the articles and every source URL', () => {
  const rows = parseCsv(toCsv({ events: EVENTS, articles: ARTICLES, extras: EXTRAS }).slice(1));
  const day = rows[1] ?? [];
  expect(day.slice(0, 7)).toEqual(['e-day', '2021-11-20', '2021-11-20', 'day', 'false', 'publication', 'Blinken spoke, in Riga; then left']);
  expect(day[7]).toBe('Blinken said, "We have real concerns".\nHe left.');
  expect(day[8]).toBe('Blinken, "concerns"; allies');
  expect(day[10]).toBe('https://example.com/2021/11/20/blinken https://nytimes.com/2021/11/19/x.html ftp://nope');
  const month = rows[2] ?? [];
  expect(month[8]).toBe(`Blinken, "concerns"; allies | =HYPERLINK("http://evil")`);
  expect(rows[5]?.[8]).toBe(`'=HYPERLINK("http://evil")`);
  const before = rows[4] ?? [];
  expect(before.slice(1, 3)).toEqual(['', '2015-12-31']);
  expect(before[6]).toBe(`'-Minsk accords`);
});

test('an empty view exports the header alone', () => {
  expect(toCsv({ events: [], articles: [] })).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
});
