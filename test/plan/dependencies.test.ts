import { describe, expect, it } from 'vitest';
import type { DesiredResource, LiveResource } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { dependenciesOf } from '../../src/plan/dependencies.js';
import { executionOrder, executionWaves } from './waves.js';
import type { Plan } from '../../src/plan/types.js';
import {
  desired, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, liveConfig, liveGrant, liveLicense,
  live, liveShare, liveState, planContext,
} from '../helpers/builders.js';

const planOf = (desired: readonly DesiredResource[], live: readonly LiveResource[]): Plan =>
  computePlan(desiredState(desired), liveState(live), planContext());
const depsOf = (plan: Plan, address: string) => dependenciesOf(plan.changes.find((c) => c.address === address)!, plan);
const wavesOf = (plan: Plan) => executionWaves(plan).map((wave) => wave.map((c) => `${c.action} ${c.address}`));

const AMI = 'arn:aws:ec2:us-east-1::image/ami-0abc1234';

describe('dependenciesOf', () => {
  it('an Association comes after the configurations it names, and before the delete of one it drops or loses', () => {
    const created = planOf([desiredConfig('a'), desired('Association', 'x', { resourceArn: AMI, licenseConfigurations: ['a'] })], []);
    expect(depsOf(created, 'Association/x')).toEqual(['LicenseConfiguration/a']);
    const removed = planOf([], [liveConfig('a'), live('Association', 'x', { resourceArn: AMI, licenseConfigurations: ['a'] }, { arn: AMI })]);
    expect(wavesOf(removed)).toEqual([['delete Association/x'], ['delete LicenseConfiguration/a']]);
  });

  it('a replaced configuration forces an update of the Association that keeps it (its new ARN must be associated)', () => {
    const plan = planOf(
      [desiredConfig('c', { countingType: 'Socket' }), desired('Association', 'x', { resourceArn: AMI, licenseConfigurations: ['c'] })],
      [liveConfig('c', { countingType: 'Core' }), live('Association', 'x', { resourceArn: AMI, licenseConfigurations: ['c'] }, { arn: AMI })],
    );
    expect(plan.changes.find((c) => c.address === 'Association/x')).toMatchObject({ action: 'update', reasons: ['re-associates LicenseConfiguration/c, which is replaced'] });
    expect(depsOf(plan, 'Association/x')).toEqual(['LicenseConfiguration/c']);
  });

  it('makes a new share wait for the configurations it lists, and a new grant for its license', () => {
    const plan = planOf([desiredConfig('a'), desiredConfig('b'), desiredShare('s', { licenseConfigurations: ['a', 'b'] }), desiredLicense('l'), desiredGrant('g', { license: 'l' })], []);
    expect(depsOf(plan, 'ResourceShare/s')).toEqual(['LicenseConfiguration/a', 'LicenseConfiguration/b']);
    expect(depsOf(plan, 'Grant/g')).toEqual(['License/l']);
    expect(depsOf(plan, 'License/l')).toEqual([]);
  });

  it('does not wait for what does not change, nor for ARNs', () => {
    const plan = planOf([desiredConfig('a'), desiredShare('s', { licenseConfigurations: ['a', 'arn:aws:license-manager:us-east-1:1:license-configuration:lic-x'] })], [liveConfig('a')]);
    expect(depsOf(plan, 'ResourceShare/s')).toEqual([]);
  });

  it('makes a configuration delete wait for the share that drops it and the share that is deleted', () => {
    const plan = planOf(
      [desiredShare('keeps', { licenseConfigurations: [] })],
      [liveConfig('old'), liveShare('keeps', { licenseConfigurations: ['old'] }), liveShare('gone', { licenseConfigurations: ['old'] })],
    );
    expect(depsOf(plan, 'LicenseConfiguration/old')).toEqual(['ResourceShare/gone', 'ResourceShare/keeps']);
    expect(depsOf(plan, 'ResourceShare/keeps')).toEqual([]);
  });

  it('runs a replaced configuration before the share that re-associates it, with no cycle', () => {
    const plan = planOf(
      [desiredConfig('c', { countingType: 'Socket' }), desiredShare('s', { licenseConfigurations: ['c'] })],
      [liveConfig('c', { countingType: 'Core' }), liveShare('s', { licenseConfigurations: ['c'] })],
    );
    expect(depsOf(plan, 'ResourceShare/s')).toEqual(['LicenseConfiguration/c']);
    expect(depsOf(plan, 'LicenseConfiguration/c')).toEqual([]);
  });

  it('breaks the cycle of two shares swapping two replaced configurations, keeping what creates need', () => {
    const plan = planOf(
      [desiredConfig('a', { countingType: 'Socket' }), desiredConfig('b', { countingType: 'Socket' }),
        desiredShare('s1', { licenseConfigurations: ['b'] }), desiredShare('s2', { licenseConfigurations: ['a'] })],
      [liveConfig('a', { countingType: 'Core' }), liveConfig('b', { countingType: 'Core' }),
        liveShare('s1', { licenseConfigurations: ['a'] }), liveShare('s2', { licenseConfigurations: ['b'] })],
    );
    expect(depsOf(plan, 'ResourceShare/s1')).toEqual(['LicenseConfiguration/b']);
    expect(depsOf(plan, 'ResourceShare/s2')).toEqual(['LicenseConfiguration/a']);
    expect(depsOf(plan, 'LicenseConfiguration/a')).toEqual(['ResourceShare/s1']);
    expect(depsOf(plan, 'LicenseConfiguration/b')).toEqual([]);
    expect(executionOrder(plan)).toHaveLength(4);
  });

  it('makes a license delete wait for its grants to go', () => {
    const plan = planOf([], [liveLicense('l'), liveGrant('g', { license: 'l' })]);
    expect(depsOf(plan, 'License/l')).toEqual(['Grant/g']);
    expect(depsOf(plan, 'Grant/g')).toEqual([]);
  });
});

describe('the dependency graph as waves', () => {
  it('puts each change after what it depends on', () => {
    const plan = planOf(
      [desiredConfig('new'), desiredShare('s', { licenseConfigurations: ['new'] }), desiredLicense('l', { productSku: 'v2' }),
        desiredGrant('g', { license: 'l' })],
      [liveLicense('l'), liveGrant('g', { license: 'l' }), liveConfig('old'), liveShare('old-share', { licenseConfigurations: ['old'] })],
    );
    expect(wavesOf(plan)).toEqual([
      ['replace License/l', 'create LicenseConfiguration/new', 'delete ResourceShare/old-share'],
      ['replace Grant/g', 'delete LicenseConfiguration/old', 'create ResourceShare/s'],
    ]);
  });

  it('leaves no-ops out', () => {
    const plan = planOf([desiredConfig('a')], [liveConfig('a')]);
    expect(executionWaves(plan)).toEqual([]);
  });
});
