import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute-plan.js';
import { parseTargets } from '../../src/plan/filter.js';
import {
  desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, liveConfig, liveShare, liveState, planContext,
} from '../helpers/builders.js';

describe('parseTargets', () => {
  it('accepts Kind/name addresses, sorted and without repeats', () => {
    expect(parseTargets(['Grant/b', 'LicenseConfiguration/a', ' Grant/b '])).toEqual({ targets: ['LicenseConfiguration/a', 'Grant/b'], errors: [] });
  });

  it('explains every string that is not an address', () => {
    expect(parseTargets(['windows', 'Grant/', 'licenseconfiguration/x']).errors).toEqual([
      '--target "windows" is not an address: expected Kind/name with Kind one of ServiceSettings, LicenseConfiguration, License, ResourceShare, Grant, Association, ReportGenerator',
      '--target "Grant/" is not an address: expected Kind/name with Kind one of ServiceSettings, LicenseConfiguration, License, ResourceShare, Grant, Association, ReportGenerator',
      '--target "licenseconfiguration/x" is not an address: expected Kind/name with Kind one of ServiceSettings, LicenseConfiguration, License, ResourceShare, Grant, Association, ReportGenerator; did you mean LicenseConfiguration/x?',
    ]);
  });
});

describe('computePlan with targets', () => {
  const desired = desiredState([
    desiredConfig('new-config'), desiredConfig('other', { licenseCount: 5 }), desiredConfig('unchanged'),
    desiredShare('s', { licenseConfigurations: ['new-config', 'unchanged'] }),
    desiredLicense('analytics-pro'), desiredGrant('g'),
  ]);
  const live = liveState([liveConfig('other'), liveConfig('unchanged'), liveConfig('gone'), liveShare('s')]);

  it('plans only the targets and the changing resources they refer to, and says the plan is partial', () => {
    const plan = computePlan(desired, live, planContext({ targets: ['ResourceShare/s'] }));
    expect(plan.changes.map((c) => `${c.action} ${c.address}`)).toEqual(['create LicenseConfiguration/new-config', 'update ResourceShare/s']);
    expect(plan.summary).toEqual({ create: 1, update: 1, replace: 0, delete: 0, noop: 0 });
    expect(plan.warnings).toEqual([
      'the plan is partial (--target ResourceShare/s): only these and the changes they depend on are planned; other differences may be pending',
    ]);
  });

  it('records the targets and counts the changes left out, no-ops not counted; a whole plan has no such record', () => {
    expect(computePlan(desired, live, planContext({ targets: ['ResourceShare/s'] })).targeted).toEqual({ addresses: ['ResourceShare/s'], otherChanges: 4 });
    expect(computePlan(desired, live, planContext({ targets: ['LicenseConfiguration/unchanged'] })).targeted).toEqual({ addresses: ['LicenseConfiguration/unchanged'], otherChanges: 6 });
    expect('targeted' in computePlan(desired, live, planContext())).toBe(false);
  });

  it('follows a grant to the license it is created on', () => {
    const plan = computePlan(desired, live, planContext({ targets: ['Grant/g'] }));
    expect(plan.changes.map((c) => c.address)).toEqual(['License/analytics-pro', 'Grant/g']);
  });

  it('includes a targeted no-op and a targeted delete, but nothing a delete refers to', () => {
    const plan = computePlan(desired, live, planContext({ targets: ['LicenseConfiguration/unchanged', 'LicenseConfiguration/gone'] }));
    expect(plan.changes.map((c) => `${c.action} ${c.address}`)).toEqual(['delete LicenseConfiguration/gone', 'no-op LicenseConfiguration/unchanged']);
  });

  it('warns about a target that matches nothing', () => {
    const plan = computePlan(desired, live, planContext({ targets: ['Grant/nope'] }));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[1]).toBe('--target Grant/nope matches no resource in the desired or live state');
  });

  it('only warns about kept resources that are targeted', () => {
    const off = desiredState(desired.resources, { prune: false });
    expect(computePlan(off, live, planContext({ targets: ['Grant/g'] })).warnings).toHaveLength(1);
    expect(computePlan(off, live, planContext({ targets: ['LicenseConfiguration/gone'] })).warnings[1])
      .toBe('LicenseConfiguration/gone is no longer in the desired state but prune is off; it is kept');
  });

  it('plans everything when the target list is empty', () => {
    expect(computePlan(desired, live, planContext({ targets: [] }))).toEqual(computePlan(desired, live, planContext()));
  });
});
