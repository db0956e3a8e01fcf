import { expect, test } from 'vitest';
import fc from 'fast-check';
import { jsonObjectOf } from './json-object.ts';

const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^e-[a-z0-9]{4}$/),
  fc.nat().map(String),
  fc.constantFrom('0', '00', '01', '-1', '1.5', '1e3', ' 1', '4294967294', '4294967295', '4294967296', '99999999999', '2021', 'constructor', 'toString', '"', '\\', '\u2028', '\ud800'),
);
const value = fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 }), fc.record({ n: fc.nat(), e: fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 2 }) }));

test('jsonObjectOf writes what JSON.stringify writes of the object made of the same entries, keys in an object’s order', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 20 }), (entries) => {
      expect(jsonObjectOf(entries)).toBe(JSON.stringify(Object.fromEntries(entries)));
    }),
    { numRuns: 3000 },
  );
});

test('jsonObjectOf puts array-index keys first, ascending, the others as given', () => {
  expect(jsonObjectOf([['b', 1], ['10', 2], ['a', 3], ['9', 4], ['09', 5]])).toBe('{"9":4,"10":2,"b":1,"a":3,"09":5}');
  expect(jsonObjectOf([['x', 'y']], (v) => `"<${v}>"`)).toBe('{"x":"<y>"}');
});
