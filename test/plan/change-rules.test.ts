import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute-plan.js';
import { forcesReplacement } from '../../src/plan/change-rules.js';
import {
  desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, liveConfig, liveGrant, liveLicense,
  liveShare, liveState, planContext,
} from '../helpers/builders.js';
import type { DesiredResource, LiveResource } from '../../src/model/index.js';

const changeOf = (d: DesiredResource, l: LiveResource) => computePlan(desiredState([d]), liveState([l]), planContext()).changes[0]!;

describe('forcesReplacement', () => {
  it.each([
    ['LicenseConfiguration', 'countingType', true],
    ['LicenseConfiguration', 'rules.minimumCores', true],
    ['LicenseConfiguration', 'rules.allowedTenancy', true],
    ['LicenseConfiguration', 'rules.licenseAffinityToHost', false],
    ['LicenseConfiguration', 'licenseCount', false],
    ['LicenseConfiguration', 'displayName', false],
    ['LicenseConfiguration', 'tags.rules', false],
    ['License', 'productSku', true],
    ['License', 'beneficiary', true],
    ['License', 'homeRegion', true],
    ['License', 'entitlements', false],
    ['License', 'issuer.name', false],
    ['License', 'status', false],
    ['ResourceShare', 'principals', false],
    ['ResourceShare', 'licenseConfigurations', false],
    ['ResourceShare', 'displayName', false],
    ['Grant', 'license', true],
    ['Grant', 'principal', true],
    ['Grant', 'homeRegion', true],
    ['Grant', 'allowedOperations', false],
    ['Grant', 'status', false],
  ] as const)('%s %s → %s', (kind, path, expected) => {
    expect(forcesReplacement(kind, path)).toBe(expected);
  });
});

describe('replace in a plan', () => {
  it('marks the forcing field, keeps the others, and says why', () => {
    const change = changeOf(
      desiredConfig('legacy', { countingType: 'Socket', licenseCount: 20 }),
      liveConfig('legacy', { countingType: 'Core', licenseCount: 10 }),
    );
    expect(change.action).toBe('replace');
    expect(change.diff).toEqual([
      { path: 'countingType', before: 'Core', after: 'Socket', forcesReplacement: true },
      { path: 'licenseCount', before: 10, after: 20 },
    ]);
    expect(change.reasons).toEqual(['countingType cannot change in place']);
  });

  it('replaces a configuration whose rules change, but updates one that only gains licenseAffinityToHost', () => {
    const minimum = changeOf(desiredConfig('c', { countingType: 'Core', rules: { minimumCores: 8 } }), liveConfig('c', { countingType: 'Core' }));
    expect([minimum.action, minimum.reasons]).toEqual(['replace', ['rules.minimumCores cannot change in place']]);
    const affinity = changeOf(desiredConfig('c', { countingType: 'Core', rules: { licenseAffinityToHost: 90 } }), liveConfig('c', { countingType: 'Core' }));
    expect([affinity.action, affinity.reasons]).toEqual(['update', []]);
  });

  it('replaces a grant moved to another principal and updates one given other operations', () => {
    expect(changeOf(desiredGrant('g', { principal: 'arn:aws:iam::555566667777:root' }), liveGrant('g')).reasons)
      .toEqual(['principal cannot change in place']);
    expect(changeOf(desiredGrant('g', { allowedOperations: ['CheckoutLicense'] }), liveGrant('g')).action).toBe('update');
  });

  it('replaces a license whose SKU changes, and writes a new version for anything else', () => {
    expect(changeOf(desiredLicense('l', { productSku: 'other' }), liveLicense('l')).action).toBe('replace');
    expect(changeOf(desiredLicense('l', { productName: 'Renamed' }), liveLicense('l')).action).toBe('update');
  });

  it('never replaces a share', () => {
    const change = changeOf(desiredShare('s', { principals: ['111122223333'], displayName: 'x', allowExternalPrincipals: true }), liveShare('s'));
    expect(change.action).toBe('update');
  });
});
