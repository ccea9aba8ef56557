// fast-check arbitraries of canonical specs as AWS can hold them (any text where AWS takes any text, strings YAML
// would misread), shared by the renderer's round trip and the import-then-plan property.
import fc from 'fast-check';
import type { LicenseRules, SpecByKind } from '../../src/model/index.js';

// Strings YAML would read as something else unless quoted, beside ordinary text.
export const text = fc.oneof(fc.string({ minLength: 1, maxLength: 24 }), fc.constantFrom('true', 'null', '0123', '1e3', '- x', 'a: b', '#c', ' x ', 'yes', '~', '2027-01-01', "it's", 'Windows Server 2022'));
export const optionalText = fc.oneof(fc.constant(''), text);
const dateTime = fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
export const sortedSet = <T extends string>(arb: fc.Arbitrary<T>, min = 0) => fc.uniqueArray(arb, { minLength: min, maxLength: 4 }).map((a) => [...a].sort());
const count = fc.integer({ min: 1, max: 10000 });

const rules = fc.constantFrom('Core', 'Instance', 'Socket', 'vCPU' as const).chain((countingType) => {
  const common = { allowedTenancy: fc.option(sortedSet(fc.constantFrom('EC2-Default', 'EC2-DedicatedHost', 'EC2-DedicatedInstance' as const), 1), { nil: undefined }) };
  const pair = (min: keyof LicenseRules, max: keyof LicenseRules) => fc.tuple(count, count).map(([a, b]) => ({ [min]: Math.min(a, b), [max]: Math.max(a, b) }));
  const extra = {
    Core: fc.record({ affinity: fc.option(fc.integer({ min: 1, max: 180 }), { nil: undefined }), range: fc.option(pair('minimumCores', 'maximumCores'), { nil: undefined }) }).map((r) => ({ licenseAffinityToHost: r.affinity, ...r.range })),
    Socket: fc.option(pair('minimumSockets', 'maximumSockets'), { nil: undefined }).map((r) => ({ ...r })),
    Instance: fc.option(pair('minimumVcpus', 'maximumVcpus'), { nil: undefined }).map((r) => ({ ...r })),
    vCPU: fc.option(fc.boolean(), { nil: undefined }).map((h) => ({ honorVcpuOptimization: h })),
  }[countingType];
  return fc.tuple(fc.record(common), extra).map(([a, b]) => ({ countingType, rules: defined({ ...a, ...b }) as LicenseRules }));
});

export const configuration: fc.Arbitrary<SpecByKind['LicenseConfiguration']> = fc.record({
  displayName: text, description: optionalText, counted: rules, licenseCount: fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: null }), hardLimit: fc.boolean(),
  productInformation: fc.array(fc.record({ resourceType: fc.constantFrom('SSM_MANAGED', 'RDS'), filters: fc.array(fc.record({ name: text, comparator: fc.constantFrom('EQUALS', 'NOT_EQUALS'), values: fc.array(text, { maxLength: 3 }) }), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
  disassociateWhenNotFound: fc.boolean(), expiry: fc.option(dateTime, { nil: null }), status: fc.constantFrom('AVAILABLE', 'DISABLED' as const),
}).map(({ counted, ...rest }) => ({ ...rest, ...counted }));

const entitlement = fc.record({ name: text, counted: fc.boolean(), maxCount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }), value: text, overage: fc.boolean(), allowCheckIn: fc.boolean() })
  .map(({ counted, maxCount, value, ...rest }) => (counted ? { ...rest, unit: 'Count', maxCount, value: null } : { ...rest, unit: 'None', maxCount: null, value }));
export const license: fc.Arbitrary<SpecByKind['License']> = fc.record({
  displayName: text, productName: text, productSku: text, issuer: fc.record({ name: text, signKey: fc.option(text, { nil: null }) }), homeRegion: fc.constantFrom('us-east-1', 'eu-west-1'),
  validity: fc.tuple(dateTime, fc.option(fc.integer({ min: 1, max: 10 ** 8 }), { nil: null })).map(([begin, days]) => ({ begin, end: days === null ? null : new Date(Date.parse(begin) + days * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') })),
  beneficiary: fc.option(text, { nil: null }),
  entitlements: fc.uniqueArray(entitlement, { minLength: 1, maxLength: 3, selector: (e) => e.name }).map((list) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
  consumptionConfiguration: fc.record({ renewType: fc.constantFrom('None', 'Weekly', 'Monthly' as const), provisionalConfiguration: fc.option(fc.record({ maxTimeToLiveInMinutes: fc.integer({ min: 1, max: 10000 }) }), { nil: null }), borrowConfiguration: fc.option(fc.record({ allowEarlyCheckIn: fc.boolean(), maxTimeToLiveInMinutes: fc.integer({ min: 1, max: 10000 }) }), { nil: null }) }),
  licenseMetadata: fc.uniqueArray(fc.record({ name: text, value: optionalText }), { maxLength: 2, selector: (m) => m.name }).map((list) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
  status: fc.constantFrom('AVAILABLE', 'DEACTIVATED', 'SUSPENDED' as const),
}) as fc.Arbitrary<SpecByKind['License']>;

/** User tags: never licensectl: keys (they carry ownership). */
export const tags = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !k.startsWith('licensectl:') && !['__proto__', 'constructor', 'prototype'].includes(k)), fc.string({ maxLength: 10 }), { maxKeys: 3 });

function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
