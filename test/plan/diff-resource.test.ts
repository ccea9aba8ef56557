import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffResource, toJsonValue } from '../../src/plan/diff-resource.js';
import { SET_PATHS } from '../../src/plan/field-changes.js';
import { canonicalJson, isRecord } from '../../src/util/canonical.js';
import type { FieldDiff, ResourceBody } from '../../src/plan/types.js';
import { specOf } from '../helpers/builders.js';

const config = (spec: Parameters<typeof specOf<'LicenseConfiguration'>>[2] = {}, tags = {}): ResourceBody =>
  ({ tags, spec: specOf('LicenseConfiguration', 'windows-server', spec) });
const share = (spec: Parameters<typeof specOf<'ResourceShare'>>[2] = {}): ResourceBody =>
  ({ tags: {}, spec: specOf('ResourceShare', 'to-dev', spec) });

describe('diffResource', () => {
  it('finds nothing between equal bodies', () => {
    expect(diffResource(config(), config())).toEqual([]);
  });

  it('reports a changed scalar under its field name', () => {
    expect(diffResource(config({ licenseCount: 128 }), config({ licenseCount: 256 }))).toEqual([
      { path: 'licenseCount', before: 128, after: 256 },
    ]);
  });

  it('reports tags one key at a time, null standing for absent', () => {
    const diff = diffResource(config({}, { team: 'platform', old: 'x' }), config({}, { team: 'security', cost: 'it' }));
    expect(diff).toEqual([
      { path: 'tags.cost', before: null, after: 'it' },
      { path: 'tags.old', before: 'x', after: null },
      { path: 'tags.team', before: 'platform', after: 'security' },
    ]);
  });

  it('walks into rules, and treats an undefined rule as absent', () => {
    const before = config({ rules: { minimumCores: undefined, allowedTenancy: ['EC2-DedicatedHost'] } });
    const after = config({ rules: { minimumCores: 8, allowedTenancy: ['EC2-DedicatedHost'] } });
    expect(diffResource(before, after)).toEqual([{ path: 'rules.minimumCores', before: null, after: 8 }]);
  });

  it('compares ordered lists as whole values, and details a list of objects by key in document spelling', () => {
    const filters = [{ name: 'Platform Name', comparator: 'EQUALS', values: ['Windows'] }];
    const before = config({ productInformation: [{ resourceType: 'SSM_MANAGED', filters }] });
    const after = config({ productInformation: [] });
    expect(diffResource(before, after)).toEqual([{
      path: 'productInformation', before: [{ resourceType: 'SSM_MANAGED', filters }], after: [],
      changes: [
        { path: 'productInformation[SSM_MANAGED].filters[Platform Name].comparator', before: 'EQUALS', after: null },
        { path: 'productInformation[SSM_MANAGED].filters[Platform Name].value', before: ['Windows'], after: null },
      ],
    }]);
  });

  it('compares sets without regard to order, and reports them whole with the elements added and removed', () => {
    expect(diffResource(share({ principals: ['b', 'a'] }), share({ principals: ['a', 'b'] }))).toEqual([]);
    expect(diffResource(share({ principals: ['a', 'b'] }), share({ principals: ['c', 'a'] }))).toEqual([
      { path: 'principals', before: ['a', 'b'], after: ['c', 'a'], added: ['c'], removed: ['b'] },
    ]);
  });

  it('sorts entries by path', () => {
    const diff = diffResource(config({ status: 'AVAILABLE', description: 'a', hardLimit: false }, { z: '1' }), config({ status: 'DISABLED', description: 'b', hardLimit: true }, { z: '2' }));
    expect(diff.map((d) => d.path)).toEqual(['description', 'hardLimit', 'status', 'tags.z']);
  });

  it('never mutates its inputs', () => {
    const before = structuredClone(config({ licenseCount: 1 }, { a: '1' }));
    const after = structuredClone(config({ licenseCount: 2 }, { b: '2' }));
    const snapshot = structuredClone([before, after]);
    diffResource(Object.freeze(before), Object.freeze(after));
    expect([before, after]).toEqual(snapshot);
  });

  it('agrees with comparing every field by canonical JSON, for any pair of bodies', () => {
    fc.assert(fc.property(bodyPair, ([before, after]) => {
      // The element-wise detail is fieldChanges' (test/plan/field-changes.test.ts); here, which fields and their values.
      const fields = diffResource(before, after).map(({ path, before: b, after: a }) => ({ path, before: b, after: a }));
      expect(fields).toEqual(referenceDiff(before, after));
    }), { numRuns: 1500 });
  });
});

// The definition the fast paths must keep: the union of keys at every level, and every leaf (an array being a
// leaf) compared by canonical JSON, set paths as sorted members.
function referenceDiff(before: ResourceBody, after: ResourceBody): FieldDiff[] {
  const out: FieldDiff[] = [];
  const walk = (path: string, a: unknown, b: unknown): void => {
    if (isRecord(a) && isRecord(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path === '' ? key : `${path}.${key}`, a[key], b[key]);
      return;
    }
    const text = (v: unknown) => (SET_PATHS.has(path) && Array.isArray(v) ? canonicalJson(v.map(canonicalJson).sort()) : canonicalJson(v));
    if (text(a) !== text(b)) out.push({ path, before: toJsonValue(a), after: toJsonValue(b) });
  };
  walk('tags', before.tags, after.tags);
  walk('', before.spec, after.spec);
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

// Few distinct values, so that the two sides often agree; lists of strings (the fast path), of mixed members,
// and of objects, under set paths and ordered ones; absent, undefined and null members.
const scalar = fc.oneof(fc.constantFrom('a', 'b', 'c', '1', 1, 0, true, null, undefined), fc.string({ maxLength: 2 }));
const list = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', 'c', 'B'), { maxLength: 4 }),
  fc.array(scalar, { maxLength: 3 }),
  fc.array(fc.record({ k: scalar }), { maxLength: 2 }),
);
const leaf = fc.oneof(scalar, list);
const spec = fc.dictionary(fc.constantFrom('principals', 'allowedOperations', 'name', 'values', 'count'), leaf, { maxKeys: 5 })
  .chain((top) => fc.dictionary(fc.constantFrom('allowedTenancy', 'minimumCores', 'other'), leaf, { maxKeys: 3 })
    .map((rules) => ({ ...top, rules })));
const body = fc.record({ tags: fc.dictionary(fc.constantFrom('team', 'cost', 'x'), fc.constantFrom('p', 'q'), { maxKeys: 3 }), spec })
  .map((b) => b as unknown as ResourceBody);
const bodyPair = fc.oneof(
  fc.tuple(body, body),
  body.map((b) => [b, structuredClone(b)] as const),
  body.map((b) => [b, { ...b, spec: shuffledLists(b.spec) }] as const),
);

/** The same body with every list reversed: equal at set paths, different at ordered ones (unless symmetric). */
function shuffledLists(value: unknown): never {
  if (Array.isArray(value)) return [...value].reverse() as never;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shuffledLists(v)])) as never;
  return value as never;
}

