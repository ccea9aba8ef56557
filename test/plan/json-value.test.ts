// Canonical JSON is what fingerprints and plan signatures hash: it must be exactly the sorted-key JSON of the
// value's JSON copy, for any value, and equal texts must mean equal values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortKeys, toJsonValue } from '../../src/plan/diff-resource.js';
import { canonicalJson } from '../../src/util/canonical.js';

// "__proto__" as an own key cannot survive a plain-object copy; desired and live state never carry it. Keys that
// look like array indexes are left to the example below: an object enumerates them first, whatever their order.
const anyValue = fc.anything({ key: fc.string().filter((k) => k !== '__proto__' && !/^(0|[1-9]\d*)$/.test(k)), maxDepth: 4 });

describe('canonicalJson', () => {
  it('is JSON.stringify of the sorted-key JSON copy, for any value', () => {
    fc.assert(fc.property(anyValue, (value) => {
      expect(canonicalJson(value)).toBe(JSON.stringify(sortKeys(toJsonValue(value))));
    }), { numRuns: 2000 });
  });

  it('ignores key order and absent members, and keeps array order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: undefined, c: NaN }, e: 'x"y' })).toBe('{"a":{"c":null},"b":[2,1],"e":"x\\"y"}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined, () => 1, -0, Infinity])).toBe('[null,null,0,null]');
    expect(canonicalJson({ b: 1, 10: 2, '': 3, 9: 4 })).toBe('{"":3,"10":2,"9":4,"b":1}');
  });

  it('quotes keys correctly however many distinct keys it has met (its quoted-key memory is bounded)', () => {
    const many = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`k"${i}`, i]));
    expect(canonicalJson(many)).toBe(JSON.stringify(sortKeys(toJsonValue(many))));
    expect(canonicalJson({ 'k"7': 1, 'tab\t': 2 })).toBe('{"k\\"7":1,"tab\\t":2}');
  });
});
