// Builders for desired and live resources with complete canonical specs: tests state only what matters to them.
import { createHash } from 'node:crypto';
import {
  type AssociationSpec, grantArn, licenseArn, licenseConfigurationArn, resourceShareArn,
  type DesiredResource, type DesiredState, type Duplicate, type GrantSpec, type Kind, type LicenseConfigurationSpec,
  type LicenseSpec, type LiveMeta, type LiveResource, type LiveState, type OtherResource, type ProjectConfig,
  type ReportGeneratorSpec, type ResourceShareSpec, type ServiceSettingsSpec, type SourceRef, type SpecByKind, type Tags, type Target,
} from '../../src/model/index.js';
import type { PlanContext } from '../../src/plan/compute-plan.js';

export const PROJECT = 'acme-licenses';
export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';
export const TARGET: Target = { store: 'emulator', account: ACCOUNT, region: REGION, endpoint: null };
export const CREATED_AT = '2026-03-01T12:00:00Z';

const DEFAULT_SPECS: { readonly [K in Kind]: (name: string) => SpecByKind[K] } = {
  LicenseConfiguration: (name): LicenseConfigurationSpec => ({
    displayName: name, description: '', countingType: 'vCPU', licenseCount: 100, hardLimit: false, rules: {},
    productInformation: [], disassociateWhenNotFound: false, expiry: null, status: 'AVAILABLE',
  }),
  License: (name): LicenseSpec => ({
    displayName: name, productName: 'Acme Analytics', productSku: 'acme-analytics-pro',
    issuer: { name: 'Acme Corp', signKey: null }, homeRegion: REGION,
    validity: { begin: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }, beneficiary: null,
    entitlements: [{ name: 'seats', unit: 'Count', maxCount: 50, value: null, overage: false, allowCheckIn: true }],
    consumptionConfiguration: { renewType: 'Monthly', provisionalConfiguration: { maxTimeToLiveInMinutes: 60 }, borrowConfiguration: null },
    licenseMetadata: [], status: 'AVAILABLE',
  }),
  ResourceShare: (name): ResourceShareSpec => ({
    displayName: name, allowExternalPrincipals: false, principals: ['222233334444'], licenseConfigurations: [],
  }),
  Grant: (name): GrantSpec => ({
    displayName: name, license: 'analytics-pro', principal: 'arn:aws:iam::222233334444:root', homeRegion: REGION,
    allowedOperations: ['CheckInLicense', 'CheckoutLicense', 'ListPurchasedLicenses'], status: 'ACTIVE',
  }),
  Association: (): AssociationSpec => ({
    resourceArn: `arn:aws:ec2:${REGION}::image/ami-0abc1234`, licenseConfigurations: ['windows-server'], amiAssociationScope: null,
  }),
  ServiceSettings: (): ServiceSettingsSpec => ({
    s3BucketArn: 'arn:aws:s3:::acme-license-reports', snsTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:license-alerts`, organizationIntegration: false, crossAccountDiscovery: false, discoverySourceRegions: [],
  }),
  ReportGenerator: (name): ReportGeneratorSpec => ({
    displayName: name, reportTypes: ['LicenseConfigurationSummaryReport'], licenseConfigurations: ['windows-server'], frequency: { value: 1, period: 'WEEK' }, description: '',
  }),
};

export function specOf<K extends Kind>(kind: K, name: string, overrides: Partial<SpecByKind[K]> = {}): SpecByKind[K] {
  return { ...DEFAULT_SPECS[kind](name), ...overrides };
}

/** A stable fake id derived from the name, so that ARNs in golden files never change. */
function idFor(kind: Kind, name: string): string {
  const hex = createHash('sha256').update(`${kind}/${name}`).digest('hex').slice(0, 32);
  switch (kind) {
    case 'LicenseConfiguration':
      return `lic-${hex}`;
    case 'License':
      return `l-${hex}`;
    case 'Grant':
      return `g-${hex}`;
    case 'ResourceShare':
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    case 'Association':
      return `i-${hex.slice(0, 17)}`;
    case 'ReportGenerator':
      return `r-${hex}`;
    case 'ServiceSettings':
      return 'service-settings';
  }
}

export function arnFor(kind: Kind, name: string, account = ACCOUNT): string {
  const id = idFor(kind, name);
  switch (kind) {
    case 'LicenseConfiguration':
      return licenseConfigurationArn(REGION, account, id);
    case 'License':
      return licenseArn(account, id);
    case 'Grant':
      return grantArn(account, id);
    case 'ResourceShare':
      return resourceShareArn(REGION, account, id);
    case 'Association':
      // An association's "ARN" is its resource's.
      return `arn:aws:ec2:${REGION}:${account}:instance/${id}`;
    case 'ReportGenerator':
      return `arn:aws:license-manager:${REGION}:${account}:report-generator:${id}`;
    case 'ServiceSettings':
      return `arn:aws:license-manager:${REGION}:${account}:service-settings`;
  }
}

export interface DesiredExtra {
  readonly tags?: Tags;
  readonly source?: SourceRef;
}

export interface LiveExtra {
  readonly tags?: Tags;
  readonly arn?: string;
  readonly meta?: LiveMeta;
}

export function desired<K extends Kind>(kind: K, name: string, spec: Partial<SpecByKind[K]> = {}, extra: DesiredExtra = {}): DesiredResource {
  const resource = { kind, name, tags: extra.tags ?? {}, spec: specOf(kind, name, spec) };
  return (extra.source ? { ...resource, source: extra.source } : resource) as DesiredResource;
}

export function live<K extends Kind>(kind: K, name: string, spec: Partial<SpecByKind[K]> = {}, extra: LiveExtra = {}): LiveResource {
  const full = specOf(kind, name, spec);
  return { kind, name, arn: extra.arn ?? arnFor(kind, name), tags: extra.tags ?? {}, spec: full, meta: extra.meta ?? defaultMeta(kind, full) } as LiveResource;
}

/** What the store reports for a resource that matches its spec: versions start at 1, statuses follow the spec. */
function defaultMeta<K extends Kind>(kind: K, spec: SpecByKind[K]): LiveMeta {
  switch (kind) {
    case 'LicenseConfiguration':
      return { status: (spec as LicenseConfigurationSpec).status };
    case 'License':
      return { version: '1', status: (spec as LicenseSpec).status };
    case 'Grant':
      return { version: '1', status: (spec as GrantSpec).status };
    case 'ResourceShare':
      return { status: 'ACTIVE' };
  }
  return {};
}

export const desiredConfig = (name: string, spec: Partial<LicenseConfigurationSpec> = {}, extra?: DesiredExtra) => desired('LicenseConfiguration', name, spec, extra);
export const liveConfig = (name: string, spec: Partial<LicenseConfigurationSpec> = {}, extra?: LiveExtra) => live('LicenseConfiguration', name, spec, extra);
export const desiredLicense = (name: string, spec: Partial<LicenseSpec> = {}, extra?: DesiredExtra) => desired('License', name, spec, extra);
export const liveLicense = (name: string, spec: Partial<LicenseSpec> = {}, extra?: LiveExtra) => live('License', name, spec, extra);
export const desiredShare = (name: string, spec: Partial<ResourceShareSpec> = {}, extra?: DesiredExtra) => desired('ResourceShare', name, spec, extra);
export const liveShare = (name: string, spec: Partial<ResourceShareSpec> = {}, extra?: LiveExtra) => live('ResourceShare', name, spec, extra);
export const desiredGrant = (name: string, spec: Partial<GrantSpec> = {}, extra?: DesiredExtra) => desired('Grant', name, spec, extra);
export const liveGrant = (name: string, spec: Partial<GrantSpec> = {}, extra?: LiveExtra) => live('Grant', name, spec, extra);

export function desiredState(resources: readonly DesiredResource[], project: Partial<ProjectConfig> = {}): DesiredState {
  return { project: { name: PROJECT, store: { type: 'emulator' }, prune: true, ...project }, resources };
}

export function liveState(
  managed: readonly LiveResource[],
  rest: { readonly others?: readonly OtherResource[]; readonly duplicates?: readonly Duplicate[] } = {},
): LiveState {
  return { managed, others: rest.others ?? [], duplicates: rest.duplicates ?? [] };
}

/** The live state an apply of `resources` would leave behind: same tags and specs, fresh ARNs and metadata. */
export function liveFrom(resources: readonly DesiredResource[] | DesiredState): LiveState {
  const list = 'resources' in resources ? resources.resources : resources;
  return liveState(list.map((r) => live(r.kind, r.name, r.spec as Partial<SpecByKind[typeof r.kind]>, { tags: r.tags })));
}

export function unmanaged(kind: Kind, name: string, displayName = name): OtherResource {
  return { kind, arn: arnFor(kind, name, '999988887777'), displayName, owner: 'unmanaged' };
}

export function foreign(kind: Kind, name: string, project: string, displayName = name): OtherResource {
  return { kind, arn: arnFor(kind, name, '999988887777'), displayName, owner: 'foreign', project };
}

export function planContext(overrides: Partial<PlanContext> = {}): PlanContext {
  return { target: TARGET, source: { revision: '3f2c1a9e', dirty: false }, createdAt: CREATED_AT, ...overrides };
}
