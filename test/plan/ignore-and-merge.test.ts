// Ignored fields (metadata.ignore, the project's spec.ignore, normalised onto DesiredResource.ignore) and the
// project's spec.tags: merge, as the planner reads them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute-plan.js';
import { compareChange, createChange } from '../../src/plan/plan-change.js';
import type { DesiredResource } from '../../src/model/index.js';
import { desiredStates, liveStates } from './arbitraries.js';
import { desiredConfig, desiredGrant, desiredState, liveConfig, liveGrant, liveState, planContext } from '../helpers/builders.js';

const ignoring = (resource: DesiredResource, ...ignore: string[]): DesiredResource => ({ ...resource, ignore: ignore.sort() });
/** A plan diff path as a document spells it (the inverse of planPathsOf). */
const documentPath = (path: string): string => (path === 'tags' || path.startsWith('tags.') ? `metadata.${path}` : `spec.${path}`);
const merging = (resource: DesiredResource): DesiredResource => ({ ...resource, mergeTags: true });

describe('ignored fields', () => {
  it('an update whose only differences are ignored is a no-op, and says what it ignored', () => {
    const change = compareChange(
      ignoring(desiredConfig('windows', { licenseCount: 256 }, { tags: { CostCenter: '42' } }), 'metadata.tags.CostCenter', 'spec.licenseCount'),
      liveConfig('windows', { licenseCount: 300 }, { tags: { CostCenter: '17' } }),
    );
    expect(change.action).toBe('no-op');
    expect(change.diff).toEqual([]);
    expect(change.ignored).toEqual([
      { path: 'licenseCount', before: 300, after: 256 },
      { path: 'tags.CostCenter', before: '17', after: '42' },
    ]);
  });

  it('an update keeps the live value of ignored fields in what apply sends', () => {
    const change = compareChange(
      ignoring(desiredConfig('windows', { licenseCount: 256, description: 'new' }), 'spec.licenseCount'),
      liveConfig('windows', { licenseCount: 300, description: 'old' }),
    );
    expect(change.action).toBe('update');
    expect(change.diff.map((d) => d.path)).toEqual(['description']);
    expect(change.after!.spec).toMatchObject({ licenseCount: 300, description: 'new' });
    expect(change.ignored).toEqual([{ path: 'licenseCount', before: 300, after: 256 }]);
  });

  it('a parent path ignores every field under it; metadata.tags ignores every user tag', () => {
    const change = compareChange(
      ignoring(desiredConfig('windows', { rules: { minimumCores: 8, licenseAffinityToHost: 90 } }, { tags: { team: 'a' } }), 'metadata.tags', 'spec.rules'),
      liveConfig('windows', { rules: { minimumCores: 4, licenseAffinityToHost: 30 } }, { tags: { team: 'b', other: 'x' } }),
    );
    expect(change.action).toBe('no-op');
    expect(change.ignored!.map((d) => d.path)).toEqual(['rules.licenseAffinityToHost', 'rules.minimumCores', 'tags.other', 'tags.team']);
  });

  it('ignoring a field that forces replacement stops the replace', () => {
    const desired = desiredConfig('windows', { countingType: 'Socket' });
    const live = liveConfig('windows', { countingType: 'Core' });
    expect(compareChange(desired, live).action).toBe('replace');
    const change = compareChange(ignoring(desired, 'spec.countingType'), live);
    expect(change.action).toBe('no-op');
    expect(change.reasons).toEqual([]);
  });

  it("a Grant's spec.licenseArn is its license field", () => {
    const desired = desiredGrant('to-dev', { license: 'arn:aws:license-manager::000000000000:license:l-new' });
    const live = liveGrant('to-dev', { license: 'arn:aws:license-manager::000000000000:license:l-old' });
    expect(compareChange(desired, live).action).toBe('replace');
    expect(compareChange(ignoring(desired, 'spec.licenseArn'), live).action).toBe('no-op');
  });

  it('a create takes the document as written: there is nothing live to keep', () => {
    const change = createChange(ignoring(desiredConfig('windows', { licenseCount: 256 }), 'spec.licenseCount'));
    expect(change.after!.spec).toMatchObject({ licenseCount: 256 });
    expect(change.ignored).toBeUndefined();
  });

  it('drift only on ignored fields plans nothing', () => {
    const desired = desiredState([ignoring(desiredConfig('windows', { licenseCount: 10 }), 'spec.licenseCount')]);
    const plan = computePlan(desired, liveState([liveConfig('windows', { licenseCount: 99 })]), planContext());
    expect(plan.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 1 });
  });
});

describe('ignored fields, for any desired and live resource at one address', () => {
  it('ignoring every field that differs leaves no difference, and each one is listed as ignored', () => {
    fc.assert(fc.property(desiredStates, liveStates, fc.boolean(), (desired, live, merge) => {
      for (const d of desired.resources) {
        const l = live.managed.find((m) => m.kind === d.kind && m.name === d.name);
        if (!l) continue;
        const resource = merge ? merging(d) : d;
        const first = compareChange(resource, l);
        if (first.action === 'create') continue;
        const ignore = [...new Set(first.diff.map((x) => documentPath(x.path)))].sort();
        const change = compareChange(ignore.length ? ignoring(resource, ...ignore) : resource, l);
        expect(change.diff).toEqual([]);
        expect(change.reasons.filter((r) => r.endsWith('cannot change in place'))).toEqual([]);
        expect((change.ignored ?? []).map((x) => x.path)).toEqual(expect.arrayContaining(first.diff.map((x) => x.path)));
      }
    }));
  });
});

describe('spec.tags: merge', () => {
  it('keeps the tags other tools add: no change', () => {
    const change = compareChange(merging(desiredConfig('windows', {}, { tags: { team: 'platform' } })), liveConfig('windows', {}, { tags: { team: 'platform', 'cost:owner': 'finops' }, meta: { tagKeys: ['team'] } }));
    expect(change.action).toBe('no-op');
    expect(change.tagKeys).toEqual(['team']);
  });

  it('replace mode (the default) removes them', () => {
    const change = compareChange(desiredConfig('windows', {}, { tags: { team: 'platform' } }), liveConfig('windows', {}, { tags: { team: 'platform', 'cost:owner': 'finops' } }));
    expect(change.diff).toMatchObject([{ path: 'tags.cost:owner', before: 'finops', after: null }]);
    expect(change.tagKeys).toBeUndefined();
  });

  it('a key licensectl set that leaves the document is removed; the others stay; a changed value is set', () => {
    const change = compareChange(
      merging(desiredConfig('windows', {}, { tags: { team: 'security' } })),
      liveConfig('windows', {}, { tags: { team: 'platform', env: 'prod', 'cost:owner': 'finops' }, meta: { tagKeys: ['env', 'team'] } }),
    );
    expect(change.action).toBe('update');
    expect(change.diff.map((d) => [d.path, d.after])).toEqual([['tags.env', null], ['tags.team', 'security']]);
    expect(change.after!.tags).toEqual({ team: 'security', 'cost:owner': 'finops' });
    expect(change.tagKeys).toEqual(['team']);
  });

  it('a create records the keys the document sets', () => {
    expect(createChange(merging(desiredConfig('windows', {}, { tags: { b: '2', a: '1' } }))).tagKeys).toEqual(['a', 'b']);
  });
});
