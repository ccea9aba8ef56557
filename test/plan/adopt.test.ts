import { describe, expect, it } from 'vitest';
import type { DesiredResource, LiveResource, LiveState, OtherResource } from '../../src/model/index.js';
import { adoptMessages } from '../../src/plan/adopt.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { fingerprintOf } from '../../src/plan/plan-change.js';
import { hasChanges } from '../../src/plan/types.js';
import {
  arnFor, desired, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, live, liveConfig, liveState, planContext,
} from '../helpers/builders.js';

/** A resource made by hand: unmanaged, read as a managed one would be (references as ARNs, no name). */
function handMade(resource: LiveResource, owner: OtherResource['owner'] = 'unmanaged', project?: string): OtherResource {
  return { kind: resource.kind, arn: resource.arn, displayName: 'hand made', owner, ...(project ? { project } : {}), live: { ...resource, name: '' } };
}

const adopting = <R extends DesiredResource>(resource: R, arn: string): R => ({ ...resource, adopt: arn });
const SOURCE = { file: 'licenses.yaml', line: 4, column: 3 };

describe('adoption (spec.adopt)', () => {
  it('adopts a hand-made configuration: an adopt action with the update diff, counted and a change', () => {
    const existing = liveConfig('old-name', { licenseCount: 100 });
    const doc = adopting(desiredConfig('windows', { licenseCount: 256, displayName: 'old-name' }), existing.arn);
    const plan = computePlan(desiredState([doc]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ address: 'LicenseConfiguration/windows', action: 'adopt', arn: existing.arn, diff: [{ path: 'licenseCount', before: 100, after: 256 }] });
    expect(plan.changes[0]!.fingerprint).toBe(fingerprintOf({ ...existing, name: 'windows' }));
    expect(plan.summary).toEqual({ adopt: 1, create: 0, update: 0, replace: 0, delete: 0, noop: 0 });
    expect(hasChanges(plan.summary)).toBe(true);
    expect(plan.unmanaged).toEqual([]);
  });

  it('adopts with an empty diff when the resource already matches (tags only)', () => {
    const existing = liveConfig('c');
    const plan = computePlan(desiredState([adopting(desiredConfig('c'), existing.arn)]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'adopt', diff: [] });
  });

  it('compares a share adopted with its configuration by name, not ARN', () => {
    const config = liveConfig('c');
    const share = live('ResourceShare', 's', { licenseConfigurations: [config.arn] });
    const docs = [adopting(desiredConfig('c'), config.arn), adopting(desiredShare('s', { licenseConfigurations: ['c'] }), share.arn)];
    const plan = computePlan(desiredState(docs), liveState([], { others: [handMade(config), handMade(share)] }), planContext());
    expect(plan.changes.map((c) => [c.address, c.action, c.diff.length])).toEqual([['LicenseConfiguration/c', 'adopt', 0], ['ResourceShare/s', 'adopt', 0]]);
  });

  it('compares a grant adopted on a managed license by the license name', () => {
    const license = live('License', 'analytics-pro');
    const grant = live('Grant', 'g', { license: license.arn }, { meta: { version: '3', status: 'ACTIVE' } });
    const plan = computePlan(
      desiredState([desiredLicense('analytics-pro'), adopting(desiredGrant('g'), grant.arn)]),
      liveState([license], { others: [handMade(grant)] }), planContext(),
    );
    expect(plan.changes.find((c) => c.kind === 'Grant')).toMatchObject({ action: 'adopt', diff: [], meta: { version: '3' } });
  });

  it('judges the usage of an adopt as of an update: a count below what is in use is a finding', () => {
    const existing = liveConfig('c', { licenseCount: 100, hardLimit: true });
    const usage = {
      configurations: { [existing.arn]: { arn: existing.arn, spec: existing.spec, ownerAccount: '000000000000', consumed: 50, consumedByType: [{ resourceType: 'EC2_INSTANCE', count: 50 }], associatedByType: [] } },
      licenses: {},
    } as unknown as NonNullable<LiveState['usage']>;
    const doc = adopting(desiredConfig('c', { licenseCount: 10, hardLimit: true }), existing.arn);
    const plan = computePlan(desiredState([doc]), { ...liveState([], { others: [handMade(existing)] }), usage }, planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'adopt', usage: { consumed: 50 } });
    expect(plan.findings.map((f) => [f.code, f.severity])).toEqual([['COUNT_BELOW_USAGE', 'error']]);
  });

  it('refuses what cannot be adopted, each with its document, and plans nothing for them', () => {
    const foreignOne = liveConfig('f');
    const managedElsewhere = liveConfig('other');
    const docs = [
      adopting(desiredConfig('a', {}, { source: SOURCE }), arnFor('LicenseConfiguration', 'a', '111122223333')),
      adopting(desiredConfig('b'), arnFor('LicenseConfiguration', 'b').replace('us-east-1', 'eu-west-1')),
      adopting(desiredConfig('c'), arnFor('LicenseConfiguration', 'missing')),
      adopting(desiredConfig('d'), foreignOne.arn),
      adopting(desiredConfig('e'), managedElsewhere.arn),
    ];
    const plan = computePlan(desiredState(docs), liveState([managedElsewhere], { others: [handMade(foreignOne, 'foreign', 'payroll')] }), planContext());
    expect(plan.refused).toEqual([
      { address: 'LicenseConfiguration/a', source: SOURCE, message: adoptMessages.otherAccount(docs[0]!.adopt!, '000000000000') },
      { address: 'LicenseConfiguration/b', source: null, message: adoptMessages.otherRegion(docs[1]!.adopt!, 'us-east-1') },
      { address: 'LicenseConfiguration/c', source: null, message: adoptMessages.notFound(docs[2]!.adopt!, 'LicenseConfiguration') },
      { address: 'LicenseConfiguration/d', source: null, message: adoptMessages.foreign(foreignOne.arn, 'payroll') },
      { address: 'LicenseConfiguration/e', source: null, message: adoptMessages.managedElsewhere(managedElsewhere.arn, 'LicenseConfiguration/other') },
    ]);
    // Nothing is created in their place; the resource managed as "other" is planned as usual.
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['LicenseConfiguration/other', 'delete']]);
  });

  it('never adopts by replacing: a field that cannot change in place refuses it, naming the field', () => {
    const existing = liveConfig('c', { countingType: 'vCPU' });
    const plan = computePlan(desiredState([adopting(desiredConfig('c', { countingType: 'Core' }), existing.arn)]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.changes).toEqual([]);
    expect(plan.refused).toEqual([{ address: 'LicenseConfiguration/c', source: null, message: adoptMessages.cannotChange(['countingType cannot change in place']) }]);
  });

  it('once managed under the same name, plans as usual and says spec.adopt is no longer needed', () => {
    const existing = liveConfig('c');
    const plan = computePlan(desiredState([adopting(desiredConfig('c'), existing.arn)]), liveState([existing]), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', warnings: [adoptMessages.noLongerNeeded(existing.arn)] });
    expect(hasChanges(plan.summary)).toBe(false);
    expect(plan.summary).not.toHaveProperty('adopt');
  });

  it('refuses the second of two documents adopting the same resource', () => {
    const existing = liveConfig('c');
    const plan = computePlan(desiredState([adopting(desiredConfig('a'), existing.arn), adopting(desiredConfig('b'), existing.arn)]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['LicenseConfiguration/a', 'adopt']]);
    expect(plan.refused).toEqual([{ address: 'LicenseConfiguration/b', source: null, message: adoptMessages.adoptedTwice(existing.arn, 'LicenseConfiguration/a') }]);
  });

  it('refuses an address that already manages another resource', () => {
    const managed = liveConfig('c');
    const other = arnFor('LicenseConfiguration', 'x');
    const plan = computePlan(desiredState([adopting(desiredConfig('c'), other)]), liveState([managed], { others: [handMade(liveConfig('x'))] }), planContext());
    expect(plan.refused?.[0]?.message).toBe(adoptMessages.addressTaken(other, managed.arn));
  });

  it('adopts the existing unclaimed pairs of an Association instead of creating them', () => {
    const config = liveConfig('windows-server');
    const doc = desired('Association', 'ami');
    const pair = handMade({ ...live('Association', 'ami', { licenseConfigurations: [config.arn] }) }, 'unmanaged');
    const plan = computePlan(desiredState([desiredConfig('windows-server'), doc]), liveState([config], { others: [{ ...pair, arn: config.arn }] }), planContext());
    expect(plan.changes.find((c) => c.kind === 'Association')).toMatchObject({ action: 'adopt', diff: [], arn: 'arn:aws:ec2:us-east-1::image/ami-0abc1234' });
    expect(plan.unmanaged).toEqual([]);
  });
});

describe('observe-only resources', () => {
  const observing = <R extends DesiredResource>(resource: R): R => ({ ...resource, observe: true });

  it('reports drift and never acts on it: a no-op marked observed, not a change', () => {
    const plan = computePlan(desiredState([observing(desiredConfig('c', { licenseCount: 10 }))]), liveState([liveConfig('c', { licenseCount: 20 })]), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', observed: 'drift', diff: [{ path: 'licenseCount', before: 20, after: 10 }] });
    expect(hasChanges(plan.summary)).toBe(false);
  });

  it('marks an observed resource in sync, and one that is missing as missing (never created)', () => {
    const plan = computePlan(desiredState([observing(desiredConfig('a')), observing(desiredConfig('b'))]), liveState([liveConfig('a')]), planContext());
    expect(plan.changes.map((c) => [c.address, c.action, c.observed])).toEqual([
      ['LicenseConfiguration/a', 'no-op', 'in-sync'], ['LicenseConfiguration/b', 'no-op', 'missing'],
    ]);
    expect(plan.changes[1]).toMatchObject({ arn: null, before: null, warnings: ['observed (spec.management: observe) but not found live; it is not created'] });
  });

  it('never deletes a managed resource the project observes, even with prune on', () => {
    const plan = computePlan(desiredState([], { observe: ['LicenseConfiguration/legacy-*'] }), liveState([liveConfig('legacy-a'), liveConfig('b')]), planContext());
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['LicenseConfiguration/b', 'delete']]);
    expect(plan.warnings).toEqual(['LicenseConfiguration/legacy-a is no longer in the desired state but spec.observe selects it; it is kept']);
  });

  it('reports as drift what an adopt would have to replace, when it only observes', () => {
    const existing = liveConfig('c', { countingType: 'vCPU' });
    const doc = observing(adopting(desiredConfig('c', { countingType: 'Core' }), existing.arn));
    const plan = computePlan(desiredState([doc]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.refused).toBeUndefined();
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', observed: 'drift', diff: [{ path: 'countingType', forcesReplacement: true }] });
  });

  it('observes a hand-made resource through spec.adopt without adopting it', () => {
    const existing = liveConfig('c', { licenseCount: 5 });
    const doc = observing(adopting(desiredConfig('c', { licenseCount: 8 }), existing.arn));
    const plan = computePlan(desiredState([doc]), liveState([], { others: [handMade(existing)] }), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', observed: 'drift', arn: existing.arn });
    expect(plan.summary.adopt).toBeUndefined();
    expect(plan.unmanaged).toEqual([]);
  });
});
