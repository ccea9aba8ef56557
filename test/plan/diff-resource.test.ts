import { describe, expect, it } from 'vitest';
import { diffResource } from '../../src/plan/diff-resource.js';
import type { ResourceBody } from '../../src/plan/types.js';
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

  it('compares ordered lists as whole values', () => {
    const filters = [{ name: 'Platform Name', comparator: 'EQUALS', values: ['Windows'] }];
    const before = config({ productInformation: [{ resourceType: 'SSM_MANAGED', filters }] });
    const after = config({ productInformation: [] });
    expect(diffResource(before, after)).toEqual([
      { path: 'productInformation', before: [{ resourceType: 'SSM_MANAGED', filters }], after: [] },
    ]);
  });

  it('compares sets without regard to order, and reports them whole', () => {
    expect(diffResource(share({ principals: ['b', 'a'] }), share({ principals: ['a', 'b'] }))).toEqual([]);
    expect(diffResource(share({ principals: ['a'] }), share({ principals: ['a', 'c'] }))).toEqual([
      { path: 'principals', before: ['a'], after: ['a', 'c'] },
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
});
