/**
 * Shapes of hostile article bodies, for the tests and the benchmark (bench/run.ts --only hostile): long runs of one
 * kind of character, one-line megabyte sentences, many dates, deep nesting of quotes and brackets, many URLs.
 * Pure and deterministic.
 */
export const HOSTILE_SHAPES = [
  'dots',
  'question marks',
  'digits',
  'digits and dots',
  'colons and digits',
  'slashes and digits',
  'dashes',
  'spaces',
  'one-line sentences with a date',
  'a run-on of dates',
  'short sentences with a date',
  'nested quotes and brackets',
  'inline URLs',
  'trailing URLs',
  'capitalised words',
] as const;

export type HostileShape = (typeof HOSTILE_SHAPES)[number];

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** About `size` characters of the shape (a body: no date line, no title). */
export function hostileBody(shape: HostileShape, size: number): string {
  switch (shape) {
    case 'dots':
      return fill('.', size);
    case 'question marks':
      return fill('?', size);
    case 'digits':
      return fill('1', size);
    case 'digits and dots':
      return fill('1.', size);
    case 'colons and digits':
      return fill('1:', size);
    case 'slashes and digits':
      return fill('1/', size);
    case 'dashes':
      return fill('-', size);
    case 'spaces':
      return `a${' '.repeat(size)}b.`;
    case 'one-line sentences with a date':
      return fill('On 12 March 2020 the minister said it would end by May. ', size);
    case 'a run-on of dates':
      return fill('12 March 2020, 3 April 2019, May 2018, 2017-01-02, last week, on Monday; ', size);
    case 'short sentences with a date':
      return fill('It rose on 3 May 2020. ', size);
    case 'nested quotes and brackets': {
      const depth = Math.floor(size / 8);
      return `${'(“[\''.repeat(depth)}x${'\']”)'.repeat(depth)}`;
    }
    case 'inline URLs':
      return fill('See https://example.org/2020/03/12/a-b-c and ', size);
    case 'trailing URLs': {
      // Half the size in URLs of at most 70 characters with their line breaks, the rest in prose.
      const n = Math.floor(size / 2 / 70);
      const urls = Array.from({ length: n }, (_, i) => `https://news.example/2020/01/02/officials-talks-port-strike-${i.toString(36)}`).join('\n');
      return `${fill('Officials said talks on the port strike went on. ', size - urls.length - 3)}\n\n${urls}\n`;
    }
    case 'capitalised words':
      return fill('Word ', size);
  }
}
