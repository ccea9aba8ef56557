import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detailOf, fieldChanges } from '../../src/plan/field-changes.js';
import type { JsonValue } from '../../src/plan/types.js';
import { canonicalJson } from '../../src/util/canonical.js';

const seats = { name: 'seats', unit: 'Count', maxCount: 50, value: null, overage: false, allowCheckIn: true };
const filter = (values: string[]) => ({ name: 'Platform Name', comparator: 'EQUALS', values });

describe('fieldChanges', () => {
  it('says a set element by element, added and removed, whatever the order on either side', () => {
    expect(fieldChanges({ path: 'principals', before: ['333344445555', '111122223333'], after: ['222233334444', '111122223333'] })).toEqual([{
      type: 'elements', path: 'principals', before: ['333344445555', '111122223333'], after: ['222233334444', '111122223333'],
      elements: [{ op: '-', value: '333344445555' }, { op: '+', value: '222233334444' }],
    }]);
    expect(fieldChanges({ path: 'rules.allowedTenancy', before: ['EC2-Default'], after: ['EC2-DedicatedHost', 'EC2-Default'] })[0])
      .toMatchObject({ type: 'elements', path: 'rules.allowedTenancy', elements: [{ op: '+', value: 'EC2-DedicatedHost' }] });
  });

  it('says an ordered list of values element by element too, keeping its order', () => {
    expect(fieldChanges({ path: 'include', before: ['a/*.yaml', 'b/*.yaml'], after: ['b/*.yaml', 'a/*.yaml'] })[0])
      .toMatchObject({ type: 'elements', elements: [{ op: '-', value: 'a/*.yaml' }, { op: '+', value: 'a/*.yaml' }] });
  });

  it('pairs a list of objects by key: entitlements[seats].maxCount', () => {
    expect(fieldChanges({ path: 'entitlements', before: [seats], after: [{ ...seats, maxCount: 75 }] })).toEqual([
      { type: 'value', path: 'entitlements[seats].maxCount', before: 50, after: 75 },
    ]);
  });

  it('lists the fields of an element added or removed, without repeating its key', () => {
    const cores = { name: 'cores', unit: 'Count', maxCount: 8, value: null, overage: false, allowCheckIn: false };
    expect(fieldChanges({ path: 'entitlements', before: [seats], after: [cores] })).toEqual([
      { type: 'value', path: 'entitlements[cores].allowCheckIn', before: null, after: false },
      { type: 'value', path: 'entitlements[cores].maxCount', before: null, after: 8 },
      { type: 'value', path: 'entitlements[cores].overage', before: null, after: false },
      { type: 'value', path: 'entitlements[cores].unit', before: null, after: 'Count' },
      { type: 'value', path: 'entitlements[seats].allowCheckIn', before: true, after: null },
      { type: 'value', path: 'entitlements[seats].maxCount', before: 50, after: null },
      { type: 'value', path: 'entitlements[seats].overage', before: false, after: null },
      { type: 'value', path: 'entitlements[seats].unit', before: 'Count', after: null },
    ]);
  });

  it('spells members as the documents do: a filter\'s value, a grant\'s licenseArn', () => {
    const info = (values: string[]) => [{ resourceType: 'SSM_MANAGED', filters: [filter(values)] }];
    expect(fieldChanges({ path: 'productInformation', before: info(['Windows']), after: info(['Windows', 'Linux']) })).toEqual([{
      type: 'elements', path: 'productInformation[SSM_MANAGED].filters[Platform Name].value', before: ['Windows'], after: ['Windows', 'Linux'],
      elements: [{ op: '+', value: 'Linux' }],
    }]);
    const arn = 'arn:aws:license-manager::999988887777:license:l-1';
    expect(fieldChanges({ path: 'license', before: 'analytics-pro', after: arn })).toEqual([
      { type: 'value', path: 'license', before: 'analytics-pro', after: null },
      { type: 'value', path: 'licenseArn', before: null, after: arn },
    ]);
    expect(fieldChanges({ path: 'license', before: null, after: arn })).toEqual([{ type: 'value', path: 'licenseArn', before: null, after: arn }]);
  });

  it('says a list whole when only its order changed, or when its elements have no distinct key', () => {
    const a = { resourceType: 'SSM_MANAGED', filters: [] };
    const b = { resourceType: 'RDS', filters: [] };
    expect(fieldChanges({ path: 'productInformation', before: [a, b], after: [b, a] })).toEqual([{ type: 'value', path: 'productInformation', before: [a, b], after: [b, a] }]);
    const twins = [seats, { ...seats, maxCount: 1 }];
    expect(fieldChanges({ path: 'entitlements', before: twins, after: [seats] })).toEqual([{ type: 'value', path: 'entitlements', before: twins, after: [seats] }]);
  });

  it('says a multi-line or long string line by line, and a short one whole', () => {
    expect(fieldChanges({ path: 'description', before: 'BYOL\nhosts only\napproved 2025', after: 'BYOL\nhosts only\napproved 2026' })).toEqual([{
      type: 'lines', path: 'description', before: 'BYOL\nhosts only\napproved 2025', after: 'BYOL\nhosts only\napproved 2026',
      lines: [{ op: ' ', value: 'BYOL' }, { op: ' ', value: 'hosts only' }, { op: '-', value: 'approved 2025' }, { op: '+', value: 'approved 2026' }],
    }]);
    const long = 'x'.repeat(81);
    expect(fieldChanges({ path: 'description', before: long, after: 'short' })[0]).toMatchObject({ type: 'lines', lines: [{ op: '-', value: long }, { op: '+', value: 'short' }] });
    expect(fieldChanges({ path: 'description', before: null, after: 'a\nb' })[0]).toMatchObject({ type: 'lines', lines: [{ op: '+', value: 'a' }, { op: '+', value: 'b' }] });
    expect(fieldChanges({ path: 'description', before: 'a', after: 'b' })).toEqual([{ type: 'value', path: 'description', before: 'a', after: 'b' }]);
    expect(fieldChanges({ path: 'description', before: null, after: long })[0]!.type).toBe('value');
  });

  it('walks into a record that appears or goes, and says an empty one whole', () => {
    expect(fieldChanges({ path: 'consumptionConfiguration.provisionalConfiguration', before: null, after: { maxTimeToLiveInMinutes: 60 } })).toEqual([
      { type: 'value', path: 'consumptionConfiguration.provisionalConfiguration.maxTimeToLiveInMinutes', before: null, after: 60 },
    ]);
    expect(fieldChanges({ path: 'rules', before: null, after: {} })).toEqual([{ type: 'value', path: 'rules', before: null, after: {} }]);
  });

  it('never throws, and says something exactly when the two sides differ (sets: in their members)', () => {
    const paths = fc.constantFrom('principals', 'entitlements', 'productInformation', 'license', 'description', 'rules', 'tags.a');
    const text = (path: string, v: unknown) => (['principals', 'entitlements'].includes(path) && Array.isArray(v) ? canonicalJson(v.map(canonicalJson).sort()) : canonicalJson(v));
    fc.assert(fc.property(paths, fc.jsonValue(), fc.jsonValue(), (path, before, after) => {
      const changes = fieldChanges({ path, before: before as JsonValue, after: after as JsonValue });
      expect(changes.length > 0).toBe(text(path, before) !== text(path, after));
    }), { numRuns: 500 });
  });
});

describe('detailOf', () => {
  it('adds added and removed to a list of values, changes to a field said in parts, and nothing to a plain value', () => {
    expect(detailOf({ path: 'principals', before: ['a', 'b'], after: ['a', 'c'] })).toEqual({ added: ['c'], removed: ['b'] });
    expect(detailOf({ path: 'entitlements', before: [seats], after: [{ ...seats, maxCount: 75 }] })).toEqual({
      changes: [{ path: 'entitlements[seats].maxCount', before: 50, after: 75 }],
    });
    const info = (values: string[]) => [{ resourceType: 'RDS', filters: [filter(values)] }];
    expect(detailOf({ path: 'productInformation', before: info(['a']), after: info(['b']) })).toEqual({
      changes: [{ path: 'productInformation[RDS].filters[Platform Name].value', before: ['a'], after: ['b'], added: ['b'], removed: ['a'] }],
    });
    expect(detailOf({ path: 'licenseCount', before: 1, after: 2 })).toEqual({});
    expect(detailOf({ path: 'description', before: 'a\nb', after: 'a\nc' })).toEqual({});
  });
});
