// Validated documents into the canonical desired state: defaults filled in, sets sorted and de-duplicated,
// date-times in one form, so that planning is a plain structural comparison with what is read back from AWS.
import {
  addressOf, type AssociationSpec, compareAddresses, type ConsumptionConfiguration, type DesiredResource, type DesiredState, type Entitlement,
  type GrantSpec, ignoredByProject, type Kind, DEFAULT_POLICIES, observedByProject, type Policies, selectUnits, type LicenseConfigurationSpec, type LicenseRules, type LicenseSpec, type ProjectConfig,
  type ReportGeneratorSpec, type ResourceShareSpec, type ServiceSettingsSpec, type SourceRef, type StoreConfig,
} from '../model/index.js';
import { byText, isoSeconds } from '../util/canonical.js';
import { locatePath, nodePosition, type ParsedDocument } from './document.js';
import type {
  RawAssociationSpec, RawDocument, RawEntitlement, RawGrantSpec, RawLicenseConfigurationSpec, RawLicenseSpec, RawProjectSpec, RawReportGeneratorSpec,
  RawManagement, RawResourceShareSpec, RawServiceSettingsSpec,
} from './raw.js';

/** Only for documents that passed every check: the shapes are trusted here. `ref` is the git ref, if any. */
export function normalizeState(documents: readonly ParsedDocument[], ref?: string): DesiredState {
  const project = documents.find((d) => (d.value as RawDocument<unknown>).kind === 'Project')!;
  const config = projectConfig(project.value as RawDocument<RawProjectSpec | undefined>, sourceOf(project, ref));
  const resources = documents.filter((d) => d !== project).map((d) => withTargets(withManagement(normalizeResource(d, sourceOf(d, ref)), d, config), d, config));
  resources.sort((a, b) => compareAddresses(addressOf(a.kind, a.name), addressOf(b.kind, b.name)));
  return { project: config, resources };
}

/** The names of the targets a document selects (metadata.targets, else spec.defaultTargets); none without targets. */
function withTargets(resource: DesiredResource, pd: ParsedDocument, project: ProjectConfig): DesiredResource {
  if (!project.targets) return resource;
  const patterns = (pd.value as RawDocument<unknown>).metadata.targets ?? project.defaultTargets ?? [];
  return { ...resource, targets: selectUnits(project.targets, patterns) };
}

/** spec.adopt, observe-only (the document's spec.management or the project's spec.observe) and ignored fields. */
function withManagement(resource: DesiredResource, pd: ParsedDocument, project: ProjectConfig): DesiredResource {
  const doc = pd.value as RawDocument<RawManagement>;
  const observe = doc.spec.management === 'observe' || observedByProject(project, resource.kind, resource.name);
  const ignore = [...new Set([...(doc.metadata.ignore ?? []), ...ignoredByProject(project, resource.kind, resource.name)])].sort();
  return withoutUndefined({
    ...resource,
    adopt: doc.spec.adopt,
    adoptSource: doc.spec.adopt === undefined || !resource.source ? undefined : { ...resource.source, ...nodePosition(pd, locatePath(pd, ['spec', 'adopt']).node) },
    observe: observe ? (true as const) : undefined,
    ignore: ignore.length > 0 ? ignore : undefined,
    // Associations and service settings carry no tags of their own.
    mergeTags: project.tags === 'merge' && resource.kind !== 'Association' && resource.kind !== 'ServiceSettings' ? (true as const) : undefined,
  });
}

function sourceOf(pd: ParsedDocument, ref: string | undefined): SourceRef {
  return { file: pd.file, ...pd.start, ...(ref === undefined ? {} : { ref }) };
}

function projectConfig(doc: RawDocument<RawProjectSpec | undefined>, source: SourceRef): ProjectConfig {
  const spec = doc.spec ?? {};
  return withoutUndefined({
    name: doc.metadata.name,
    store: storeConfig(spec.store),
    prune: spec.prune ?? true,
    pruneExplicit: spec.prune === undefined ? undefined : true,
    account: spec.account,
    include: spec.include && [...spec.include],
    exclude: spec.exclude && [...spec.exclude],
    policies: spec.policies && policiesOf(spec.policies),
    targets: spec.targets && spec.targets.map((t) => withoutUndefined({ ...t, regions: [...t.regions] })),
    defaultTargets: spec.defaultTargets && [...spec.defaultTargets],
    observe: spec.observe && [...spec.observe],
    ignore: spec.ignore && spec.ignore.map((r) => withoutUndefined({ kind: r.kind, name: r.name, fields: [...r.fields] })),
    tags: spec.tags,
    source,
  });
}

function policiesOf(raw: Partial<Policies>): Policies {
  return {
    protect: sortedSet(raw.protect ?? []),
    minHeadroomPercent: raw.minHeadroomPercent ?? null,
    expiryWarningDays: raw.expiryWarningDays ?? DEFAULT_POLICIES.expiryWarningDays,
    requireHardLimit: sortedSet(raw.requireHardLimit ?? []),
    allowedPrincipals: raw.allowedPrincipals ? sortedSet(raw.allowedPrincipals) : null,
  };
}

function storeConfig(store: StoreConfig | undefined): StoreConfig {
  if (store === undefined) return { type: 'emulator' };
  const { region, allowRegionOverride } = store;
  if (store.type === 'emulator') return withoutUndefined({ type: 'emulator', path: store.path, region, allowRegionOverride });
  const { profile, endpoint } = store;
  return withoutUndefined({ type: 'aws', region, profile, endpoint, allowRegionOverride });
}

function normalizeResource(pd: ParsedDocument, source: SourceRef): DesiredResource {
  const doc = pd.value as RawDocument<unknown>;
  const name = doc.metadata.name;
  const base = { name, tags: { ...doc.metadata.tags }, source };
  const kind = doc.kind as Kind;
  switch (kind) {
    case 'LicenseConfiguration':
      return { ...base, kind, spec: licenseConfigurationSpec(name, doc.spec as RawLicenseConfigurationSpec) };
    case 'License':
      return { ...base, kind, spec: licenseSpec(name, doc.spec as RawLicenseSpec) };
    case 'ResourceShare':
      return { ...base, kind, spec: resourceShareSpec(name, doc.spec as RawResourceShareSpec) };
    case 'Grant':
      return { ...base, kind, spec: grantSpec(name, doc.spec as RawGrantSpec) };
    case 'Association':
      return { ...base, kind, spec: associationSpec(doc.spec as RawAssociationSpec) };
    case 'ServiceSettings':
      return { ...base, kind, spec: serviceSettingsSpec(doc.spec as RawServiceSettingsSpec) };
    case 'ReportGenerator':
      return { ...base, kind, spec: reportGeneratorSpec(name, doc.spec as RawReportGeneratorSpec) };
  }
}

function licenseConfigurationSpec(name: string, spec: RawLicenseConfigurationSpec): LicenseConfigurationSpec {
  return {
    displayName: spec.displayName ?? name,
    description: spec.description ?? '',
    countingType: spec.countingType,
    licenseCount: spec.licenseCount ?? null,
    hardLimit: spec.hardLimit ?? false,
    rules: rules(spec.rules ?? {}),
    productInformation: (spec.productInformation ?? []).map((p) => ({
      resourceType: p.resourceType,
      filters: p.filters.map((f) => ({ name: f.name, comparator: f.comparator, values: valuesOf(f.value) })),
    })),
    disassociateWhenNotFound: spec.disassociateWhenNotFound ?? false,
    expiry: spec.expiry === undefined ? null : canonicalDateTime(spec.expiry),
    status: spec.status ?? 'AVAILABLE',
  };
}

function rules(raw: LicenseRules): LicenseRules {
  return withoutUndefined({ ...raw, allowedTenancy: raw.allowedTenancy && sortedSet(raw.allowedTenancy) });
}

function valuesOf(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** Every optional field defaulted, lists sorted by name. */
function licenseSpec(name: string, spec: RawLicenseSpec): LicenseSpec {
  return {
    displayName: spec.displayName ?? name,
    productName: spec.productName,
    productSku: spec.productSku,
    issuer: { name: spec.issuer.name, signKey: spec.issuer.signKey ?? null },
    homeRegion: spec.homeRegion,
    validity: {
      begin: canonicalDateTime(spec.validity.begin),
      end: spec.validity.end === undefined ? null : canonicalDateTime(spec.validity.end),
    },
    beneficiary: spec.beneficiary ?? null,
    entitlements: spec.entitlements.map(entitlement).sort(byName),
    consumptionConfiguration: consumption(spec.consumptionConfiguration),
    licenseMetadata: (spec.licenseMetadata ?? []).map(({ name: n, value }) => ({ name: n, value })).sort(byName),
    status: spec.status ?? 'AVAILABLE',
  };
}

function entitlement(raw: RawEntitlement): Entitlement {
  return {
    name: raw.name,
    unit: raw.unit,
    maxCount: raw.maxCount ?? null,
    value: raw.value ?? null,
    overage: raw.overage ?? false,
    allowCheckIn: raw.allowCheckIn ?? false,
  };
}

function consumption(raw: RawLicenseSpec['consumptionConfiguration']): ConsumptionConfiguration {
  const provisional = raw?.provisionalConfiguration;
  const borrow = raw?.borrowConfiguration;
  return {
    renewType: raw?.renewType ?? 'None',
    provisionalConfiguration: provisional ? { maxTimeToLiveInMinutes: provisional.maxTimeToLiveInMinutes } : null,
    borrowConfiguration: borrow
      ? { allowEarlyCheckIn: borrow.allowEarlyCheckIn, maxTimeToLiveInMinutes: borrow.maxTimeToLiveInMinutes }
      : null,
  };
}

function resourceShareSpec(name: string, spec: RawResourceShareSpec): ResourceShareSpec {
  return {
    displayName: spec.displayName ?? name,
    // Safer than the RAM API's default (true): sharing outside the organization must be asked for.
    allowExternalPrincipals: spec.allowExternalPrincipals ?? false,
    principals: sortedSet(spec.principals ?? []),
    licenseConfigurations: sortedSet(spec.licenseConfigurations ?? []),
  };
}

function associationSpec(spec: RawAssociationSpec): AssociationSpec {
  return {
    resourceArn: spec.resourceArn,
    licenseConfigurations: sortedSet(spec.licenseConfigurations),
    amiAssociationScope: spec.amiAssociationScope ?? null,
  };
}

function grantSpec(name: string, spec: RawGrantSpec): GrantSpec {
  return {
    displayName: spec.displayName ?? name,
    // The schema guarantees exactly one of the two.
    license: (spec.license ?? spec.licenseArn)!,
    principal: spec.principal,
    homeRegion: spec.homeRegion,
    allowedOperations: sortedSet(spec.allowedOperations),
    status: spec.status ?? 'ACTIVE',
    ...(spec.activationOverrideBehavior ? { activationOverrideBehavior: spec.activationOverrideBehavior } : {}),
  };
}

function serviceSettingsSpec(spec: RawServiceSettingsSpec): ServiceSettingsSpec {
  return {
    s3BucketArn: spec.s3BucketArn,
    snsTopicArn: spec.snsTopicArn,
    organizationIntegration: spec.organizationIntegration ?? false,
    crossAccountDiscovery: spec.crossAccountDiscovery ?? false,
    discoverySourceRegions: sortedSet(spec.discoverySourceRegions ?? []),
  };
}

function reportGeneratorSpec(name: string, spec: RawReportGeneratorSpec): ReportGeneratorSpec {
  return {
    displayName: spec.displayName ?? name,
    reportTypes: sortedSet(spec.reportTypes),
    licenseConfigurations: sortedSet(spec.licenseConfigurations),
    frequency: { value: spec.frequency.value ?? 1, period: spec.frequency.period },
    description: spec.description ?? '',
  };
}

const byName = byText((item: { readonly name: string }) => item.name);

/** Sorted by UTF-16 code units (not locale), so the order is the same on every machine. */
function sortedSet<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// Date-times in one canonical form: UTC, whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, so that a document and
// the same instant read back from AWS compare equal whatever offset or precision the user wrote.

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export type DateTimeProblem = 'not-rfc3339' | 'fractional-seconds' | 'not-a-time';

export function dateTimeProblem(text: string): DateTimeProblem | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return 'not-rfc3339';
  // AWS keeps whole seconds (LicenseExpiry is a Unix timestamp): a fraction would be silently lost.
  if (match[1] !== undefined && /[1-9]/.test(match[1])) return 'fractional-seconds';
  return Number.isNaN(parseDateTime(text)) ? 'not-a-time' : undefined;
}

/** The canonical form of a valid date-time (see dateTimeProblem). */
export function canonicalDateTime(text: string): string {
  return isoSeconds(parseDateTime(text));
}

function parseDateTime(text: string): number {
  return Date.parse(text.replace(/^(.{10})[t ]/, '$1T').replace(/z$/, 'Z'));
}
