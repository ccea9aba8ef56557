// Plans, apply results and desired-state changes the renderer tests and golden files share.
import type {
  AssociationSpec, ConfigurationUsage, DesiredResource, LicenseConfigurationSpec, LicenseUsage, TrackedResource, Usage,
} from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import type { ApplyResult, Plan } from '../../src/plan/types.js';
import { type DesiredChanges, diffDesired } from '../../src/plan/desired-diff.js';
import {
  ACCOUNT, arnFor, CREATED_AT, specOf, desired, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, foreign, liveConfig, liveFrom,
  live, liveGrant, liveLicense, liveShare, liveState, planContext, TARGET, unmanaged,
} from '../helpers/builders.js';

/** Every action across the kinds, plus unmanaged resources, a duplicate and warnings. */
export function everyActionPlan(): Plan {
  const desired = desiredState([
    desiredConfig('windows-server', { countingType: 'Core', licenseCount: 256, rules: { allowedTenancy: ['EC2-DedicatedHost'] } }, { tags: { team: 'platform' } }),
    desiredConfig('sql-legacy', { countingType: 'Socket', licenseCount: null, description: 'SQL Server 2016' }),
    desiredConfig('oracle-ee', {
      countingType: 'vCPU', licenseCount: 64, hardLimit: true, rules: { maximumVcpus: 32 },
      productInformation: [{ resourceType: 'RDS', filters: [{ name: 'Engine Edition', comparator: 'EQUALS', values: ['oracle-ee'] }] }],
      expiry: '2027-06-30T00:00:00Z',
    }, { source: { file: 'licenses/oracle.yaml', line: 1, column: 1 } }),
    desiredConfig('twin'),
    desiredLicense('analytics-pro'),
    desiredShare('windows-to-dev', { principals: ['222233334444', '333344445555'], licenseConfigurations: ['windows-server'] }),
    desiredShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }),
    desiredGrant('analytics-to-dev', { license: 'analytics-pro' }),
    desiredGrant('analytics-to-qa', { license: 'analytics-pro', principal: 'arn:aws:iam::444455556666:root' }),
  ]);
  const live = liveState([
    liveConfig('windows-server', { countingType: 'Core', licenseCount: 128, rules: { allowedTenancy: ['EC2-DedicatedHost'] } }),
    liveConfig('sql-legacy', { countingType: 'Core', licenseCount: 40, description: 'SQL Server 2016' }),
    liveLicense('analytics-pro'),
    liveShare('windows-to-dev', { licenseConfigurations: ['windows-server'] }),
    liveShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }),
    liveShare('old-share'),
    liveGrant('analytics-to-qa', { license: 'analytics-pro', principal: 'arn:aws:iam::444455556666:root', status: 'ACTIVE' }, { meta: { status: 'PENDING_ACCEPT', version: '1' } }),
  ], {
    others: [unmanaged('LicenseConfiguration', 'by-hand', 'SQL Server Standard'), foreign('Grant', 'theirs', 'data-team', 'bi-to-prod')],
    duplicates: [{ address: 'LicenseConfiguration/twin', arns: [arnFor('LicenseConfiguration', 'twin'), arnFor('LicenseConfiguration', 'twin-2')] }],
  });
  return computePlan(desired, live, planContext());
}

export function noChangesPlan(): Plan {
  const desired = desiredState([desiredConfig('windows-server'), desiredShare('windows-to-dev', { licenseConfigurations: ['windows-server'] })]);
  return computePlan(desired, liveFrom(desired), planContext({ source: { revision: null, dirty: null } }));
}

export function mixedApplyResult(): ApplyResult {
  return {
    project: 'acme-licenses',
    target: TARGET,
    results: [
      { address: 'LicenseConfiguration/oracle-ee', action: 'create', outcome: 'applied', arn: arnFor('LicenseConfiguration', 'oracle-ee') },
      { address: 'LicenseConfiguration/sql-legacy', action: 'replace', outcome: 'failed', arn: arnFor('LicenseConfiguration', 'sql-legacy'), error: { code: 'InvalidParameterValueException', message: 'License configuration is in use' } },
      { address: 'LicenseConfiguration/windows-server', action: 'update', outcome: 'applied', arn: arnFor('LicenseConfiguration', 'windows-server') },
      { address: 'ResourceShare/legacy-to-qa', action: 'update', outcome: 'skipped', arn: arnFor('ResourceShare', 'legacy-to-qa'), blockedBy: 'LicenseConfiguration/sql-legacy' },
      { address: 'ResourceShare/old-share', action: 'delete', outcome: 'applied', arn: arnFor('ResourceShare', 'old-share') },
      { address: 'Grant/analytics-to-dev', action: 'create', outcome: 'skipped', arn: null, error: { code: 'INTERRUPTED', message: 'apply was interrupted before this change started' } },
    ],
    summary: { applied: 3, failed: 1, skipped: 2 },
  };
}

const at = (file: string, line = 1) => ({ source: { file, line, column: 1 } });

/** Added, removed, changed, changed-and-moved and moved documents, and a project setting. */
export function pullRequestChanges(): DesiredChanges {
  const kept: DesiredResource[] = [desiredShare('windows-to-dev', { licenseConfigurations: ['windows-server'] }, at('shares.yaml', 1))];
  const base = desiredState([
    ...kept,
    desiredConfig('windows-server', { countingType: 'Core', licenseCount: 128 }, at('licenses/windows.yaml')),
    desiredConfig('sql-legacy', { countingType: 'Core', licenseCount: 40 }, at('licenses.yaml')),
    desiredShare('old-share', {}, at('shares.yaml', 8)),
    desiredShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }, at('shares.yaml', 15)),
  ], { prune: false });
  const head = desiredState([
    ...kept,
    desiredConfig('windows-server', { countingType: 'Core', licenseCount: 256 }, { tags: { team: 'platform' }, ...at('licenses/windows.yaml') }),
    desiredConfig('sql-legacy', { countingType: 'Socket', licenseCount: null }, at('licenses/sql.yaml')),
    desiredConfig('oracle-ee', { hardLimit: true }, at('licenses/oracle.yaml')),
    desiredShare('legacy-to-qa', { licenseConfigurations: ['sql-legacy'] }, at('shares/legacy.yaml')),
  ], { prune: true });
  return diffDesired(base, head);
}

export function pullRequestPlan(): Plan {
  return { ...everyActionPlan(), desiredChanges: pullRequestChanges() };
}

const DESCRIPTION = [
  'Windows Server Datacenter, BYOL.',
  'Dedicated hosts only: the agreement counts physical cores.',
  'Owner: platform team.',
  'Renewal: every June, through procurement.',
  'Reviewed 2025-06.',
].join('\n');

/**
 * Changes a reviewer should read element by element: a share losing one account and gaining another, a grant's
 * operations, an entitlement's maxCount 50 → 75, a filter's value, and one line of a multi-line description.
 */
export function reviewableDiffsPlan(): Plan {
  const seats = { name: 'seats', unit: 'Count', maxCount: 50, value: null, overage: false, allowCheckIn: true };
  const filters = (value: string) => [{ name: 'Platform Name', comparator: 'EQUALS', values: [value] }];
  const desired = desiredState([
    desiredConfig('windows-server', {
      countingType: 'Core', description: DESCRIPTION.replace('2025-06', '2026-06'),
      productInformation: [{ resourceType: 'SSM_MANAGED', filters: filters('Microsoft Windows Server 2022 Datacenter') }],
    }),
    desiredLicense('analytics-pro', { entitlements: [{ ...seats, maxCount: 75 }] }),
    desiredShare('windows-to-dev', { principals: ['222233334444', '444455556666'], licenseConfigurations: ['windows-server'] }),
    desiredGrant('analytics-to-dev', { allowedOperations: ['CheckInLicense', 'CheckoutBorrowLicense', 'CheckoutLicense'] }),
  ]);
  const live = liveState([
    liveConfig('windows-server', {
      countingType: 'Core', description: DESCRIPTION,
      productInformation: [{ resourceType: 'SSM_MANAGED', filters: filters('Microsoft Windows Server 2019 Datacenter') }],
    }),
    liveLicense('analytics-pro', { entitlements: [seats] }),
    liveShare('windows-to-dev', { principals: ['222233334444', '333344445555'], licenseConfigurations: ['windows-server'] }),
    liveGrant('analytics-to-dev', {}),
  ]);
  return computePlan(desired, live, planContext());
}

const AMI = 'arn:aws:ec2:us-east-1::image/ami-0windows2022';
const INSTANCE = (id: string) => `arn:aws:ec2:us-east-1:${TARGET.account}:instance/${id}`;
const desiredAssociation = (name: string, spec: Partial<AssociationSpec>) => desired('Association', name, spec);
const liveAssociation = (name: string, spec: Partial<AssociationSpec> & { resourceArn: string }) => live('Association', name, spec, { arn: spec.resourceArn });

/**
 * Associations: one gains and loses a configuration, one moves to another instance (a replace), one is created,
 * one whose document is gone is deleted; a pair nobody declared is listed as unmanaged.
 */
export function associationChangesPlan(): Plan {
  const configs = ['windows-server', 'sql-server', 'oracle-ee'];
  const desired = desiredState([
    ...configs.map((name) => desiredConfig(name)),
    desiredAssociation('windows-ami', { resourceArn: AMI, licenseConfigurations: ['sql-server', 'windows-server'].sort(), amiAssociationScope: 'cross-account' }),
    desiredAssociation('db-host', { resourceArn: INSTANCE('i-0bbbbbbbbbbbbbbbb'), licenseConfigurations: ['oracle-ee'] }),
    desiredAssociation('build-agent', { resourceArn: INSTANCE('i-0ccccccccccccccc1'), licenseConfigurations: ['windows-server'] }),
  ]);
  const live = liveState([
    ...configs.map((name) => liveConfig(name)),
    liveAssociation('windows-ami', { resourceArn: AMI, licenseConfigurations: ['oracle-ee', 'windows-server'], amiAssociationScope: 'cross-account' }),
    liveAssociation('db-host', { resourceArn: INSTANCE('i-0aaaaaaaaaaaaaaaa'), licenseConfigurations: ['oracle-ee'] }),
    liveAssociation('old-runner', { resourceArn: INSTANCE('i-0ddddddddddddddd2'), licenseConfigurations: ['sql-server', 'windows-server'] }),
  ], {
    others: [{ kind: 'Association', arn: arnFor('LicenseConfiguration', 'windows-server'), displayName: INSTANCE('i-0eeeeeeeeeeeeeee3'), owner: 'unmanaged' }],
  });
  return computePlan(desired, live, planContext());
}

const configUsage = (name: string, spec: Partial<LicenseConfigurationSpec>, consumed: number, resources: readonly TrackedResource[] = [], associated = resources.length): ConfigurationUsage => ({
  arn: arnFor('LicenseConfiguration', name), spec: specOf('LicenseConfiguration', name, spec), ownerAccount: ACCOUNT, consumed,
  consumedByType: consumed ? [{ resourceType: 'EC2_INSTANCE', count: consumed }] : [],
  associatedByType: associated ? [{ resourceType: 'EC2_INSTANCE', count: associated }] : [],
  ...(resources.length ? { resources } : {}),
});
const instance = (id: string, account: string, consumed: number): TrackedResource => ({
  arn: `arn:aws:ec2:us-east-1:${account}:instance/${id}`, resourceType: 'EC2_INSTANCE', status: 'running', account, consumed, associatedAt: '2026-02-01T00:00:00Z',
});
const seats = (maxCount: number) => [{ name: 'seats', unit: 'Count', maxCount, value: null, overage: false, allowCheckIn: true }];

/** One of every finding code: usage read for the touched resources, and every policy set. */
export function findingsPlan(): Plan {
  const inDays = (days: number) => new Date(Date.parse(CREATED_AT) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
  const policies = {
    protect: ['sql-*'], minHeadroomPercent: 10, expiryWarningDays: 30, requireHardLimit: ['windows-*'],
    allowedPrincipals: ['222233334444', '333344445555', 'arn:aws:iam::222233334444:*'],
  };
  const desired = desiredState([
    desiredConfig('oracle-ee', { licenseCount: 40, hardLimit: true }),
    desiredConfig('oracle-se', { licenseCount: 90 }),
    desiredConfig('windows-server', { licenseCount: 100, hardLimit: true }),
    desiredConfig('windows-desktop', { licenseCount: 100 }),
    desiredConfig('sql-std', { licenseCount: 100 }),
    desiredConfig('db2', { countingType: 'Core', rules: { maximumCores: 8 } }),
    desiredConfig('expiring', { expiry: inDays(10) }),
    desiredConfig('expired', { expiry: inDays(-3) }),
    desiredLicense('analytics-pro', { entitlements: seats(10) }),
    desiredShare('windows-to-dev', { principals: ['222233334444'], licenseConfigurations: ['windows-server'] }),
    desiredGrant('analytics-to-dev', { status: 'DISABLED' }),
    desiredGrant('analytics-to-partner', { principal: '999999999999' }),
  ], { policies });
  const live = liveState([
    liveConfig('oracle-ee', { licenseCount: 64, hardLimit: true }),
    liveConfig('oracle-se', { licenseCount: 100 }),
    liveConfig('windows-server', { licenseCount: 100 }),
    liveConfig('windows-desktop', { licenseCount: 100 }),
    liveConfig('sql-std', { licenseCount: 100 }),
    liveConfig('sql-legacy', {}),
    liveConfig('db2', { countingType: 'Core', rules: { maximumCores: 16 } }),
    liveConfig('expiring', { expiry: inDays(10) }),
    liveConfig('expired', { expiry: inDays(-3) }),
    liveLicense('analytics-pro', { entitlements: seats(100) }),
    liveLicense('old-license'),
    liveShare('windows-to-dev', { principals: ['222233334444', '333344445555'], licenseConfigurations: ['windows-server'] }),
    liveGrant('analytics-to-dev', {}),
    liveGrant('analytics-to-partner', { principal: '999999999999' }),
  ]);
  const configurations = [
    configUsage('oracle-ee', { licenseCount: 64, hardLimit: true }, 48, [], 12),
    configUsage('oracle-se', {}, 85, [], 40),
    configUsage('windows-server', {}, 104, [instance('i-0aaa', '222233334444', 80), instance('i-0bbb', '333344445555', 24)]),
    configUsage('sql-std', {}, 95, [], 20),
    configUsage('sql-legacy', {}, 12, [instance('i-0ccc', ACCOUNT, 4), instance('i-0ddd', '222233334444', 8)]),
    configUsage('db2', { countingType: 'Core', rules: { maximumCores: 16 } }, 28, [instance('i-0eee', ACCOUNT, 12), instance('i-0fff', ACCOUNT, 16)]),
  ];
  const licenseUsage = (name: string, consumed: number): LicenseUsage => ({
    arn: arnFor('License', name), spec: specOf('License', name), entitlements: [{ name: 'seats', unit: 'Count', consumed, maxCount: 100 }],
  });
  const usage: Usage = {
    configurations: Object.fromEntries(configurations.map((c) => [c.arn, c])),
    licenses: Object.fromEntries([licenseUsage('analytics-pro', 25), licenseUsage('old-license', 3)].map((l) => [l.arn, l])),
  };
  return computePlan(desired, { ...live, usage }, planContext());
}

/**
 * Ignore rules (metadata.ignore and the project's spec.ignore, as normalisation puts them on each resource) and
 * spec.tags: merge: an update with an ignored difference beside a planned one, updates and a replace made no-ops by
 * ignored fields, a create that takes the document as written, and tags another tool added kept.
 */
export function ignoreRulesPlan(): Plan {
  const merge = { mergeTags: true as const };
  const desired = desiredState([
    { ...desiredConfig('windows-server', { licenseCount: 256, description: 'Datacenter' }, { tags: { team: 'platform' } }), ignore: ['spec.licenseCount'], ...merge },
    { ...desiredConfig('sql-legacy', { countingType: 'Socket' }), ignore: ['spec.countingType'], ...merge },
    { ...desiredConfig('oracle-ee', { licenseCount: 64 }), ignore: ['spec.licenseCount'], ...merge },
    { ...desiredShare('windows-to-dev', { principals: ['222233334444'], licenseConfigurations: ['windows-server'] }, { tags: { team: 'platform', CostCenter: '42' } }), ignore: ['metadata.tags.CostCenter', 'spec.principals'], ...merge },
  ], { tags: 'merge', ignore: [{ kind: 'ResourceShare', name: 'windows-*', fields: ['spec.principals'] }] });
  const live = liveState([
    liveConfig('windows-server', { licenseCount: 300, description: 'Datacenter 2019' }, { tags: { team: 'platform', 'finops:owner': 'cost-tool' }, meta: { status: 'AVAILABLE', tagKeys: ['team'] } }),
    liveConfig('sql-legacy', { countingType: 'Core' }, { meta: { status: 'AVAILABLE', tagKeys: [] } }),
    liveShare('windows-to-dev', { principals: ['222233334444', '999988887777'], licenseConfigurations: ['windows-server'] }, { tags: { team: 'security', CostCenter: '17', backup: 'daily' }, meta: { status: 'ACTIVE', tagKeys: ['CostCenter', 'team'] } }),
  ]);
  return computePlan(desired, live, planContext());
}

/** An apply of a plan made with --target: what ran, the ARNs of what was left as it is, and how much was left out. */
export function targetedApplyResult(): ApplyResult {
  return {
    project: 'acme-licenses',
    target: TARGET,
    results: [
      { address: 'LicenseConfiguration/oracle-ee', action: 'create', outcome: 'applied', arn: arnFor('LicenseConfiguration', 'oracle-ee') },
      { address: 'ResourceShare/oracle-to-dev', action: 'create', outcome: 'applied', arn: arnFor('ResourceShare', 'oracle-to-dev') },
    ],
    summary: { applied: 2, failed: 0, skipped: 0 },
    unchanged: [{ address: 'LicenseConfiguration/windows-server', arn: arnFor('LicenseConfiguration', 'windows-server') }],
    leftOut: 3,
  };
}
