// fast-check arbitraries for canonical specs and whole desired/live states.
import fc from 'fast-check';
import {
  COUNTING_TYPES, GRANT_OPERATIONS, KINDS, REPORT_PERIODS, REPORT_TYPES, RULES_BY_COUNTING_TYPE, TENANCIES,
  type Address, type AssociationSpec, type CountingType, type DesiredResource, type DesiredState, type Duplicate, type GrantSpec, type Kind,
  type LicenseConfigurationSpec, type LicenseRules, type LicenseSpec, type LiveResource, type LiveState,
  type OtherResource, type ReportGeneratorSpec, type ResourceShareSpec, type ServiceSettingsSpec, type Tags,
} from '../../src/model/index.js';
import { arnFor, desiredState } from '../helpers/builders.js';

const NAMES = ['a', 'b', 'c', 'windows-server', 'z9'];
const name = fc.constantFrom(...NAMES);
const text = fc.string({ maxLength: 6 });
const sortedSet = <T extends string>(values: fc.Arbitrary<T>) => fc.uniqueArray(values, { maxLength: 3 }).map((v) => [...v].sort());
const tags: fc.Arbitrary<Tags> = fc.dictionary(fc.constantFrom('team', 'cost', 'env'), fc.constantFrom('x', 'y', ''), { maxKeys: 2 });

function rulesFor(countingType: CountingType): fc.Arbitrary<LicenseRules> {
  const values: Record<string, fc.Arbitrary<unknown>> = {
    allowedTenancy: sortedSet(fc.constantFrom(...TENANCIES)).filter((t) => t.length > 0),
    honorVcpuOptimization: fc.boolean(),
    licenseAffinityToHost: fc.integer({ min: 1, max: 180 }),
  };
  const allowed = RULES_BY_COUNTING_TYPE[countingType];
  const model = Object.fromEntries(allowed.map((rule) => [rule, values[rule] ?? fc.integer({ min: 1, max: 64 })]));
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<LicenseRules>;
}

const configSpec = (display: string): fc.Arbitrary<LicenseConfigurationSpec> =>
  fc.constantFrom(...COUNTING_TYPES).chain((countingType) => fc.record({
    displayName: fc.constantFrom(display, 'Windows Server'), description: text, countingType: fc.constant(countingType),
    licenseCount: fc.option(fc.integer({ min: 1, max: 10000 })), hardLimit: fc.boolean(), rules: rulesFor(countingType),
    productInformation: fc.array(fc.record({
      resourceType: fc.constantFrom('SSM_MANAGED', 'RDS'),
      filters: fc.array(fc.record({ name: fc.constantFrom('Platform Name', 'Engine Edition'), comparator: fc.constant('EQUALS'), values: fc.array(text, { maxLength: 2 }) }), { maxLength: 2 }),
    }), { maxLength: 2 }),
    disassociateWhenNotFound: fc.boolean(), expiry: fc.option(fc.constant('2027-06-30T00:00:00Z')),
    status: fc.constantFrom('AVAILABLE', 'DISABLED'),
  }));

const reference = (kind: Kind) => fc.oneof(name, fc.constant(arnFor(kind, 'elsewhere', '111122223333')));

const shareSpec = (display: string): fc.Arbitrary<ResourceShareSpec> => fc.record({
  displayName: fc.constant(display), allowExternalPrincipals: fc.boolean(),
  principals: sortedSet(fc.constantFrom('222233334444', 'arn:aws:organizations::111122223333:ou/o-abc/ou-dev')),
  licenseConfigurations: sortedSet(reference('LicenseConfiguration')),
});

const licenseSpec = (display: string): fc.Arbitrary<LicenseSpec> => fc.record({
  displayName: fc.constant(display), productName: text, productSku: fc.constantFrom('sku-1', 'sku-2'),
  issuer: fc.record({ name: fc.constant('Acme Corp'), signKey: fc.option(fc.constant('key')) }),
  homeRegion: fc.constantFrom('us-east-1', 'eu-west-1'),
  validity: fc.record({ begin: fc.constant('2026-01-01T00:00:00Z'), end: fc.option(fc.constant('2027-01-01T00:00:00Z')) }),
  beneficiary: fc.option(fc.constant('222233334444')),
  entitlements: fc.uniqueArray(fc.record({
    name: fc.constantFrom('seats', 'cores'), unit: fc.constant('Count'), maxCount: fc.option(fc.integer({ min: 1, max: 99 })),
    value: fc.constant(null), overage: fc.boolean(), allowCheckIn: fc.boolean(),
  }), { selector: (e) => e.name, maxLength: 2 }).map((list) => [...list].sort((a, b) => a.name.localeCompare(b.name))),
  consumptionConfiguration: fc.record({
    renewType: fc.constantFrom('None', 'Weekly', 'Monthly'),
    provisionalConfiguration: fc.option(fc.record({ maxTimeToLiveInMinutes: fc.integer({ min: 1, max: 600 }) })),
    borrowConfiguration: fc.option(fc.record({ allowEarlyCheckIn: fc.boolean(), maxTimeToLiveInMinutes: fc.integer({ min: 1, max: 600 }) })),
  }),
  licenseMetadata: fc.constant([]), status: fc.constantFrom('AVAILABLE', 'DEACTIVATED', 'SUSPENDED'),
});

const grantSpec = (display: string): fc.Arbitrary<GrantSpec> => fc.record({
  displayName: fc.constant(display), license: reference('License'),
  principal: fc.constantFrom('arn:aws:iam::222233334444:root', 'arn:aws:iam::555566667777:root'),
  homeRegion: fc.constantFrom('us-east-1', 'eu-west-1'),
  allowedOperations: sortedSet(fc.constantFrom(...GRANT_OPERATIONS)).filter((ops) => ops.length > 0),
  status: fc.constantFrom('ACTIVE', 'DISABLED'),
});

const associationSpec = (): fc.Arbitrary<AssociationSpec> => fc.record({
  resourceArn: fc.constantFrom('arn:aws:ec2:us-east-1::image/ami-0abc1234', 'arn:aws:ec2:us-east-1:000000000000:instance/i-0123456789abcdef0'),
  licenseConfigurations: sortedSet(name).filter((names) => names.length > 0),
  amiAssociationScope: fc.constantFrom(null, 'cross-account' as const),
});

const serviceSettingsSpec = (): fc.Arbitrary<ServiceSettingsSpec> => fc.record({
  s3BucketArn: fc.constantFrom('arn:aws:s3:::reports-a', 'arn:aws:s3:::reports-b'), snsTopicArn: fc.constant('arn:aws:sns:us-east-1:000000000000:alerts'),
  organizationIntegration: fc.boolean(), crossAccountDiscovery: fc.boolean(),
  discoverySourceRegions: fc.subarray(['eu-west-1', 'us-west-2']),
});

const reportGeneratorSpec = (display: string): fc.Arbitrary<ReportGeneratorSpec> => fc.record({
  displayName: fc.constant(display), reportTypes: sortedSet(fc.constantFrom(...REPORT_TYPES)).filter((types) => types.length > 0),
  licenseConfigurations: sortedSet(reference('LicenseConfiguration')).filter((refs) => refs.length > 0),
  frequency: fc.record({ value: fc.constant(1), period: fc.constantFrom(...REPORT_PERIODS) }), description: text,
});

const SPECS = {
  LicenseConfiguration: configSpec, License: licenseSpec, ResourceShare: shareSpec, Grant: grantSpec, Association: associationSpec,
  ServiceSettings: serviceSettingsSpec, ReportGenerator: reportGeneratorSpec,
} as const;

function resource(kind: Kind, resourceName: string): fc.Arbitrary<{ kind: Kind; name: string; tags: Tags; spec: unknown }> {
  return fc.record({ tags, spec: (SPECS[kind] as (d: string) => fc.Arbitrary<unknown>)(resourceName) }).map((r) => ({ kind, name: resourceName, ...r }));
}

/** Valid desired states: names unique per kind, every spec canonical. */
export const desiredStates: fc.Arbitrary<DesiredState> = fc.tuple(
  ...KINDS.map((kind) => fc.uniqueArray(name, { maxLength: 3 }).chain((names) => fc.tuple(...names.map((n) => resource(kind, n))))),
).map((groups) => desiredState(groups.flat() as DesiredResource[]));

/** Any live state: duplicate addresses, odd statuses and versions, unmanaged and foreign resources, reported duplicates. */
export const liveStates: fc.Arbitrary<LiveState> = fc.record({
  managed: fc.array(
    fc.tuple(fc.constantFrom(...KINDS), name, fc.constantFrom('ACTIVE', 'DISABLED', 'PENDING_ACCEPT', 'REJECTED', 'DELETED', 'AVAILABLE', 'toString'), fc.option(fc.constantFrom('1', '2')), fc.boolean())
      .chain(([kind, n, status, version, sameArn]) => resource(kind, n).map((r): LiveResource => ({
        ...r, arn: sameArn ? arnFor(kind, n) : `${arnFor(kind, n)}-copy`, meta: version === null ? { status } : { status, version },
      }) as LiveResource)),
    { maxLength: 8 },
  ),
  others: fc.array(fc.record({
    kind: fc.constantFrom(...KINDS), arn: fc.constantFrom('arn:1', 'arn:2'), displayName: text, owner: fc.constantFrom('unmanaged', 'foreign'),
  }, { requiredKeys: ['kind', 'arn', 'displayName', 'owner'] }) as fc.Arbitrary<OtherResource>, { maxLength: 3 }),
  duplicates: fc.array(fc.record({
    address: fc.tuple(fc.constantFrom(...KINDS), name).map(([k, n]): Address => `${k}/${n}`),
    arns: fc.uniqueArray(fc.constantFrom('arn:x', 'arn:y', 'arn:z'), { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<Duplicate>, { maxLength: 2 }),
});

export const targetLists: fc.Arbitrary<Address[] | undefined> = fc.option(
  fc.array(fc.tuple(fc.constantFrom(...KINDS), name).map(([k, n]): Address => `${k}/${n}`), { maxLength: 3 }),
  { nil: undefined },
);
