// The findings engine case by case: severities and overrides, what each needs from usage, and what it never says.
import { describe, expect, it } from 'vitest';
import type { ConfigurationUsage, LicenseUsage, Policies, TrackedResource, Usage } from '../../src/model/index.js';
import { DEFAULT_POLICIES } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { usageNeeds } from '../../src/plan/change-usage.js';
import {
  ACCOUNT, arnFor, desired, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, live, liveConfig, liveGrant, liveLicense,
  liveShare, liveState, planContext, specOf,
} from '../helpers/builders.js';
import type { DesiredResource, LiveResource } from '../../src/model/index.js';

const usageOf = (name: string, consumed: number, resources: TrackedResource[] = [], associated = resources.length): ConfigurationUsage => ({
  arn: arnFor('LicenseConfiguration', name), spec: specOf('LicenseConfiguration', name), ownerAccount: ACCOUNT, consumed,
  consumedByType: consumed ? [{ resourceType: 'EC2_INSTANCE', count: consumed }] : [],
  associatedByType: associated ? [{ resourceType: 'EC2_INSTANCE', count: associated }] : [],
  ...(resources.length ? { resources } : {}),
});
const tracked = (id: string, account: string, consumed: number, type = 'EC2_INSTANCE'): TrackedResource => ({
  arn: type === 'EC2_AMI' ? `arn:aws:ec2:us-east-1::image/${id}` : `arn:aws:ec2:us-east-1:${account}:instance/${id}`,
  resourceType: type, status: 'running', account, consumed, associatedAt: null,
});
const licenseUsage = (name: string, consumed: number, maxCount = 50): LicenseUsage => ({
  arn: arnFor('License', name), spec: specOf('License', name), entitlements: [{ name: 'seats', unit: 'Count', consumed, maxCount }],
});
function usage(configurations: ConfigurationUsage[], licenses: LicenseUsage[] = []): Usage {
  return { configurations: Object.fromEntries(configurations.map((c) => [c.arn, c])), licenses: Object.fromEntries(licenses.map((l) => [l.arn, l])) };
}
function plan(want: DesiredResource[], have: LiveResource[], used: Usage, policies: Partial<Policies> = {}): Plan {
  return computePlan(desiredState(want, { policies: { ...DEFAULT_POLICIES, ...policies } }), { ...liveState(have), usage: used }, planContext());
}
const codes = (p: Plan) => p.findings.map((f) => `${f.severity} ${f.code} ${f.override ?? '-'}`);

describe('configuration findings', () => {
  it('a count lowered below use: an error with a hard limit, a warning without; raised or unchanged: nothing', () => {
    const used = usage([usageOf('a', 30, [], 5)]);
    expect(codes(plan([desiredConfig('a', { licenseCount: 20, hardLimit: true })], [liveConfig('a', { licenseCount: 40, hardLimit: true })], used))).toEqual(['error COUNT_BELOW_USAGE allow-overage']);
    const soft = plan([desiredConfig('a', { licenseCount: 20 })], [liveConfig('a', { licenseCount: 40 })], used);
    expect(codes(soft)).toEqual(['warning COUNT_BELOW_USAGE -']);
    expect(soft.findings[0]!.numbers).toEqual({ licenseCount: 20, consumed: 30 });
    expect(codes(plan([desiredConfig('a', { licenseCount: 50 })], [liveConfig('a', { licenseCount: 40 })], used))).toEqual([]);
    expect(codes(plan([desiredConfig('a', { licenseCount: 35 })], [liveConfig('a', { licenseCount: 40 })], used))).toEqual([]);
  });

  it('a hard limit turned on: a warning at exactly the count, an error over it, nothing under it', () => {
    const on = (consumed: number) => codes(plan([desiredConfig('a', { licenseCount: 10, hardLimit: true })], [liveConfig('a', { licenseCount: 10 })], usage([usageOf('a', consumed, [], 1)])));
    expect(on(10)).toEqual(['warning HARD_LIMIT_AT_CAPACITY -']);
    expect(on(11)).toEqual(['error HARD_LIMIT_AT_CAPACITY allow-overage']);
    expect(on(9)).toEqual([]);
  });

  it('no usage read, no usage finding: only what the documents and policies say', () => {
    const p = plan([desiredConfig('a', { licenseCount: 1, hardLimit: true, status: 'DISABLED' })], [liveConfig('a', { licenseCount: 40 })], usage([]), { requireHardLimit: ['b*'] });
    expect(p.findings).toEqual([]);
  });

  it('deactivated or deleted while tracking resources: an error naming how many and the accounts', () => {
    const used = usage([usageOf('a', 12, [tracked('i-1', ACCOUNT, 4), tracked('i-2', '222233334444', 8)])]);
    const off = plan([desiredConfig('a', { status: 'DISABLED' })], [liveConfig('a')], used);
    expect(codes(off)).toEqual(['error CONFIGURATION_IN_USE allow-in-use']);
    expect(off.findings[0]!.message).toBe(`LicenseConfiguration/a is deactivated while it tracks 2 resources (2 EC2_INSTANCE; 12 licenses consumed) in accounts ${ACCOUNT}, 222233334444`);
    expect(off.findings[0]!.subjects).toEqual([ACCOUNT, '222233334444']);
    expect(codes(plan([], [liveConfig('a')], used))).toEqual(['error CONFIGURATION_IN_USE allow-in-use']);
    // An AMI association consumes nothing and still keeps it in use.
    expect(codes(plan([], [liveConfig('a')], usage([usageOf('a', 0, [tracked('ami-1', ACCOUNT, 0, 'EC2_AMI')])])))).toEqual(['error CONFIGURATION_IN_USE allow-in-use']);
  });

  it('pairs the plan\'s own Associations hold do not keep a deleted configuration in use', () => {
    const pair = tracked('i-1', ACCOUNT, 4);
    const assoc = (configs: string[]) => ({ resourceArn: pair.arn, licenseConfigurations: configs, amiAssociationScope: null });
    const used = usage([usageOf('a', 4, [pair])]);
    const p = plan([desired('Association', 'x', assoc(['b']))], [liveConfig('a'), live('Association', 'x', assoc(['a']))], used);
    expect(codes(p)).toEqual([]);
    const other = usage([usageOf('a', 9, [pair, tracked('i-9', ACCOUNT, 5)])]);
    const q = plan([desired('Association', 'x', assoc(['b']))], [liveConfig('a'), live('Association', 'x', assoc(['a']))], other);
    expect(q.findings[0]!.message).toContain('tracks 1 resource (1 EC2_INSTANCE; 5 licenses consumed)');
  });

  it('new bounds on the counted dimension name the tracked resources that break them', () => {
    const used = usage([usageOf('a', 20, [tracked('i-1', ACCOUNT, 4), tracked('i-2', ACCOUNT, 16)])]);
    const p = plan([desiredConfig('a', { rules: { maximumVcpus: 8 } })], [liveConfig('a', { rules: { maximumVcpus: 32 } })], used);
    const rules = p.findings.find((f) => f.code === 'RULES_BREAK_TRACKED')!;
    expect(rules.subjects).toEqual([tracked('i-2', ACCOUNT, 16).arn]);
    expect(rules.severity).toBe('warning');
  });

  it('headroom: a policy error when a lowered count leaves too little, a warning when use has grown into it', () => {
    const used = usage([usageOf('a', 85, [], 10)]);
    expect(codes(plan([desiredConfig('a', { licenseCount: 90 })], [liveConfig('a', { licenseCount: 100 })], used, { minHeadroomPercent: 10 }))).toEqual(['error HEADROOM_BELOW_POLICY -']);
    expect(codes(plan([desiredConfig('a', { licenseCount: 90, description: 'x' })], [liveConfig('a', { licenseCount: 90 })], used, { minHeadroomPercent: 10 }))).toEqual(['warning HEADROOM_LOW -']);
    expect(codes(plan([desiredConfig('a', { licenseCount: 90 })], [liveConfig('a', { licenseCount: 100 })], used))).toEqual([]);
    // Lowered further, below use: the policy still holds; a soft limit's warning does not take its place.
    expect(codes(plan([desiredConfig('a', { licenseCount: 50 })], [liveConfig('a', { licenseCount: 100 })], used, { minHeadroomPercent: 10 }))).toEqual(['warning COUNT_BELOW_USAGE -', 'error HEADROOM_BELOW_POLICY -']);
  });

  it('a counting type changed: consumption in the old units is not held against the new bounds', () => {
    const used = usage([usageOf('a', 8, [tracked('i-1', ACCOUNT, 4), tracked('i-2', ACCOUNT, 4)])]);
    const p = plan([desiredConfig('a', { countingType: 'vCPU', rules: { maximumVcpus: 2 } })], [liveConfig('a', { countingType: 'Core', rules: {} })], used);
    expect(p.findings.map((f) => f.code)).not.toContain('RULES_BREAK_TRACKED');
  });

  it('expiry within the window warns, past it says expired; expiryWarningDays 0 says nothing', () => {
    const at = (days: number) => new Date(Date.parse(planContext().createdAt) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
    const expiring = [desiredConfig('a', { expiry: at(29) })];
    expect(codes(plan(expiring, [liveConfig('a', { expiry: at(29) })], usage([])))).toEqual(['warning EXPIRING -']);
    expect(codes(plan([desiredConfig('a', { expiry: at(31) })], [liveConfig('a', { expiry: at(31) })], usage([])))).toEqual([]);
    expect(codes(plan([desiredConfig('a', { expiry: at(-1) })], [liveConfig('a', { expiry: at(-1) })], usage([])))).toEqual(['warning EXPIRED -']);
    expect(codes(plan(expiring, [liveConfig('a', { expiry: at(29) })], usage([]), { expiryWarningDays: 0 }))).toEqual([]);
  });
});

describe('policy findings', () => {
  it('protect matches a name or Kind/name, for deletes and replaces only, and names no flag', () => {
    const p = plan([desiredConfig('keep-me', { countingType: 'Core' })], [liveConfig('keep-me'), liveConfig('old')], usage([]), { protect: ['keep-*', 'LicenseConfiguration/old'] });
    expect(codes(p)).toEqual(['error POLICY_PROTECTED -', 'error POLICY_PROTECTED -']);
    expect(codes(plan([desiredConfig('keep-me', { licenseCount: 5 })], [liveConfig('keep-me')], usage([]), { protect: ['keep-*'] }))).toEqual([]);
  });

  it('requireHardLimit and allowedPrincipals hold on every matching document, changed or not', () => {
    const docs = [desiredConfig('win', { hardLimit: false }), desiredShare('s', { principals: ['222233334444', 'arn:aws:organizations::111122223333:ou/o-abc/ou-x'] }), desiredGrant('g', { principal: 'arn:aws:iam::999999999999:root' })];
    const p = plan(docs, [liveConfig('win'), liveShare('s', { principals: ['222233334444', 'arn:aws:organizations::111122223333:ou/o-abc/ou-x'] }), liveGrant('g', { principal: 'arn:aws:iam::999999999999:root' }), liveLicense('analytics-pro')], usage([]), {
      requireHardLimit: ['w*'], allowedPrincipals: ['222233334444', 'arn:aws:iam::222233334444:*'],
    });
    expect(p.findings.map((f) => [f.address, f.code, f.subjects])).toEqual([
      ['LicenseConfiguration/win', 'POLICY_HARD_LIMIT_REQUIRED', []],
      ['ResourceShare/s', 'POLICY_PRINCIPAL_NOT_ALLOWED', ['arn:aws:organizations::111122223333:ou/o-abc/ou-x']],
      ['Grant/g', 'POLICY_PRINCIPAL_NOT_ALLOWED', ['arn:aws:iam::999999999999:root']],
    ]);
  });
});

describe('share, license and grant findings', () => {
  const windows = usageOf('w', 40, [tracked('i-1', ACCOUNT, 8), tracked('i-2', '222233334444', 24), tracked('i-3', '333344445555', 8)]);

  it('an account removed from a share warns with what it consumes; an OU removed, every consuming account not kept', () => {
    const before = { principals: ['222233334444', '333344445555'], licenseConfigurations: ['w'] };
    const p = plan([desiredConfig('w'), desiredShare('s', { ...before, principals: ['333344445555'] })], [liveConfig('w'), liveShare('s', before)], usage([windows]));
    expect(p.findings.map((f) => f.message)).toEqual(['ResourceShare/s: account 222233334444 consumes 24 of the licenses of w, and 222233334444 is removed from the share']);
    const ou = { principals: ['333344445555', 'arn:aws:organizations::000000000000:ou/o-abc/ou-x'], licenseConfigurations: ['w'] };
    const q = plan([desiredConfig('w'), desiredShare('s', { ...ou, principals: ['333344445555'] })], [liveConfig('w'), liveShare('s', ou)], usage([windows]));
    expect(q.findings.map((f) => f.subjects)).toEqual([['222233334444']]);
    const gone = plan([desiredConfig('w')], [liveConfig('w'), liveShare('s', before)], usage([windows]));
    expect(gone.findings.map((f) => f.subjects)).toEqual([['222233334444'], ['333344445555']]);
  });

  it('an entitlement lowered below use: an error, a warning where overage is allowed', () => {
    const ent = (maxCount: number, overage = false) => ({ entitlements: [{ name: 'seats', unit: 'Count', maxCount, value: null, overage, allowCheckIn: true }] });
    const used = usage([], [licenseUsage('l', 30)]);
    expect(codes(plan([desiredLicense('l', ent(20))], [liveLicense('l', ent(50))], used))).toEqual(['error ENTITLEMENT_BELOW_USAGE allow-overage']);
    expect(codes(plan([desiredLicense('l', ent(20, true))], [liveLicense('l', ent(50, true))], used))).toEqual(['warning ENTITLEMENT_BELOW_USAGE -']);
    expect(codes(plan([], [liveLicense('l')], used))).toEqual(['error LICENSE_IN_USE allow-in-use']);
  });

  it('a grant deleted, disabled or narrowed while its license is checked out warns; widened says nothing', () => {
    const used = usage([], [licenseUsage('analytics-pro', 5)]);
    const base = [liveLicense('analytics-pro')];
    const docs = [desiredLicense('analytics-pro')];
    expect(codes(plan(docs, [...base, liveGrant('g')], used))).toEqual(['warning GRANT_IN_USE -']);
    expect(codes(plan([...docs, desiredGrant('g', { status: 'DISABLED' })], [...base, liveGrant('g')], used))).toEqual(['warning GRANT_IN_USE -']);
    expect(codes(plan([...docs, desiredGrant('g', { allowedOperations: ['ListPurchasedLicenses'] })], [...base, liveGrant('g')], used))).toEqual(['warning GRANT_IN_USE -']);
    expect(codes(plan([...docs, desiredGrant('g', { allowedOperations: ['CheckInLicense', 'CheckoutLicense', 'CreateToken', 'ListPurchasedLicenses'] })], [...base, liveGrant('g')], used))).toEqual([]);
  });
});

describe('which usage a plan reads', () => {
  const listed = usage([usageOf('busy', 3, [], 1), usageOf('idle', 0)]);

  it('nothing when nothing changes', () => {
    const p = plan([desiredConfig('busy'), desiredConfig('idle')], [liveConfig('busy'), liveConfig('idle')], listed);
    expect(usageNeeds(p.changes, listed)).toEqual({ configurations: [], licenses: [] });
  });

  it('the resources of a configuration going away only when the listing shows it in use; licenses whose entitlements or status change', () => {
    const p = plan([desiredLicense('l', { displayName: 'x' }), desiredLicense('m', { status: 'DEACTIVATED' })], [liveConfig('busy'), liveConfig('idle'), liveLicense('l'), liveLicense('m')], listed);
    expect(usageNeeds(p.changes, listed)).toEqual({ configurations: [arnFor('LicenseConfiguration', 'busy')], licenses: [arnFor('License', 'm')] });
  });

  it('a count change needs no read: the listing has the totals', () => {
    const p = plan([desiredConfig('busy', { licenseCount: 1 })], [liveConfig('busy')], listed);
    expect(usageNeeds(p.changes, listed)).toEqual({ configurations: [], licenses: [] });
    expect(codes(p)).toEqual(['warning COUNT_BELOW_USAGE -']);
  });
});
