// Live resources as licensectl/v1 documents that look hand-written (import, state show): fields in the order of the
// kind's schema, every value normalisation would fill in left out, references as they are given (a document's name,
// or an ARN), the resource's ARN in a comment above it. Normalising a rendered document again gives back the
// canonical spec it was rendered from (test/render/documents.test.ts). Pure: the caller resolves names and writes files.
import { Document, isScalar, isSeq, visit, type Scalar } from 'yaml';
import type {
  AssociationSpec, Entitlement, GrantSpec, Kind, LicenseConfigurationSpec, LicenseRules, LicenseSpec, ReportGeneratorSpec, ResourceShareSpec,
  ServiceSettingsSpec, SpecByKind, Tags,
} from '../model/index.js';
import { compareText } from '../util/canonical.js';

type ByKind = { [K in Kind]: { readonly kind: K; readonly spec: SpecByKind[K] } }[Kind];

/** One resource to write: its document name, user tags and canonical spec, whose references are names or ARNs. */
export type DocumentInput = ByKind & {
  readonly name: string;
  readonly tags: Tags;
  /** spec.adopt: the ARN of the existing resource the document takes over. */
  readonly adopt?: string;
  /** The comment above the document (the resource's ARN, and what it is). */
  readonly comment?: string;
  /** metadata.targets (a project with spec.targets). */
  readonly targets?: readonly string[];
};

/** Documents as one YAML stream (`---` between them), in the order given. */
export function renderDocuments(inputs: readonly DocumentInput[]): string {
  return inputs.map((input) => documentOf(input).toString({ lineWidth: 0, flowCollectionPadding: false })).join('---\n');
}

/** One resource as a YAML Document: the comment above it, block mappings, short lists of scalars in flow style. */
export function documentOf(input: DocumentInput): Document {
  const doc = new Document(documentValue(input));
  // On the mapping, not the document: a document's comment is followed by a blank line.
  if (input.comment && doc.contents) doc.contents.commentBefore = input.comment.split('\n').map((line) => ` ${line}`).join('\n');
  visit(doc, {
    Seq(_, seq) {
      const scalars = seq.items.every((item) => isScalar(item));
      const width = seq.items.reduce<number>((n, item) => n + String((item as Scalar).value).length + 2, 0);
      if (isSeq(seq) && scalars && width <= FLOW_WIDTH) seq.flow = true;
    },
  });
  return doc;
}

// A list of scalars shorter than this (values and separators) is written on one line: [Core, Socket].
const FLOW_WIDTH = 72;

/** The document as plain data, keys in schema order (see the schemas/*.schema.json of each kind). */
export function documentValue(input: DocumentInput): Record<string, unknown> {
  const tags = Object.keys(input.tags).sort(compareText);
  const metadata = compact({
    name: input.name,
    tags: tags.length ? Object.fromEntries(tags.map((k) => [k, input.tags[k]])) : undefined,
    targets: input.targets?.length ? [...input.targets] : undefined,
  });
  return { apiVersion: 'licensectl/v1', kind: input.kind, metadata, spec: compact({ ...specValue(input), adopt: input.adopt }) };
}

function specValue(input: DocumentInput): Record<string, unknown> {
  const displayName = (value: string) => (value === input.name ? undefined : value);
  switch (input.kind) {
    case 'ServiceSettings':
      return serviceSettings(input.spec);
    case 'LicenseConfiguration':
      return licenseConfiguration(input.spec, displayName(input.spec.displayName));
    case 'License':
      return license(input.spec, displayName(input.spec.displayName));
    case 'ResourceShare':
      return resourceShare(input.spec, displayName(input.spec.displayName));
    case 'Grant':
      return grant(input.spec, displayName(input.spec.displayName));
    case 'Association':
      return association(input.spec);
    case 'ReportGenerator':
      return reportGenerator(input.spec, displayName(input.spec.displayName));
  }
}

function serviceSettings(spec: ServiceSettingsSpec) {
  return compact({
    s3BucketArn: spec.s3BucketArn,
    snsTopicArn: spec.snsTopicArn,
    organizationIntegration: spec.organizationIntegration || undefined,
    crossAccountDiscovery: spec.crossAccountDiscovery || undefined,
    discoverySourceRegions: spec.discoverySourceRegions.length > 0 ? [...spec.discoverySourceRegions] : undefined,
  });
}

function licenseConfiguration(spec: LicenseConfigurationSpec, displayName: string | undefined) {
  const rules = rulesValue(spec.rules);
  return compact({
    displayName,
    description: spec.description || undefined,
    countingType: spec.countingType,
    licenseCount: spec.licenseCount ?? undefined,
    hardLimit: spec.hardLimit || undefined,
    rules: Object.keys(rules).length ? rules : undefined,
    productInformation: spec.productInformation.length
      ? spec.productInformation.map((p) => ({
        resourceType: p.resourceType,
        filters: p.filters.map((f) => compact({ name: f.name, comparator: f.comparator, value: f.values.length === 0 ? undefined : f.values.length === 1 ? f.values[0] : [...f.values] })),
      }))
      : undefined,
    disassociateWhenNotFound: spec.disassociateWhenNotFound || undefined,
    expiry: spec.expiry ?? undefined,
    status: spec.status === 'AVAILABLE' ? undefined : spec.status,
  });
}

// The schema's order of license rules.
const RULE_ORDER: readonly (keyof LicenseRules)[] = [
  'allowedTenancy', 'licenseAffinityToHost', 'minimumCores', 'maximumCores', 'minimumSockets', 'maximumSockets', 'minimumVcpus', 'maximumVcpus', 'honorVcpuOptimization',
];

function rulesValue(rules: LicenseRules): Record<string, unknown> {
  return compact(Object.fromEntries(RULE_ORDER.map((key) => [key, Array.isArray(rules[key]) ? [...rules[key] as readonly string[]] : rules[key]])));
}

function license(spec: LicenseSpec, displayName: string | undefined) {
  const c = spec.consumptionConfiguration;
  const consumption = compact({
    renewType: c.renewType === 'None' ? undefined : c.renewType,
    provisionalConfiguration: c.provisionalConfiguration ? { maxTimeToLiveInMinutes: c.provisionalConfiguration.maxTimeToLiveInMinutes } : undefined,
    borrowConfiguration: c.borrowConfiguration ? { allowEarlyCheckIn: c.borrowConfiguration.allowEarlyCheckIn, maxTimeToLiveInMinutes: c.borrowConfiguration.maxTimeToLiveInMinutes } : undefined,
  });
  return compact({
    displayName,
    productName: spec.productName,
    productSku: spec.productSku,
    issuer: compact({ name: spec.issuer.name, signKey: spec.issuer.signKey ?? undefined }),
    homeRegion: spec.homeRegion,
    validity: compact({ begin: spec.validity.begin, end: spec.validity.end ?? undefined }),
    beneficiary: spec.beneficiary ?? undefined,
    entitlements: spec.entitlements.map(entitlement),
    consumptionConfiguration: Object.keys(consumption).length ? consumption : undefined,
    licenseMetadata: spec.licenseMetadata.length ? spec.licenseMetadata.map(({ name, value }) => ({ name, value })) : undefined,
    status: spec.status === 'AVAILABLE' ? undefined : spec.status,
  });
}

function entitlement(e: Entitlement) {
  return compact({ name: e.name, unit: e.unit, maxCount: e.maxCount ?? undefined, value: e.value ?? undefined, overage: e.overage || undefined, allowCheckIn: e.allowCheckIn || undefined });
}

function resourceShare(spec: ResourceShareSpec, displayName: string | undefined) {
  return compact({
    displayName,
    allowExternalPrincipals: spec.allowExternalPrincipals || undefined,
    principals: spec.principals.length ? [...spec.principals] : undefined,
    licenseConfigurations: spec.licenseConfigurations.length ? sorted(spec.licenseConfigurations) : undefined,
  });
}

/** `license` when it names a document, `licenseArn` when it is an ARN. */
function grant(spec: GrantSpec, displayName: string | undefined) {
  const isArn = spec.license.startsWith('arn:');
  return compact({
    displayName,
    license: isArn ? undefined : spec.license,
    licenseArn: isArn ? spec.license : undefined,
    principal: spec.principal,
    homeRegion: spec.homeRegion,
    allowedOperations: [...spec.allowedOperations],
    status: spec.status === 'ACTIVE' ? undefined : spec.status,
  });
}

function association(spec: AssociationSpec) {
  return compact({ resourceArn: spec.resourceArn, licenseConfigurations: sorted(spec.licenseConfigurations), amiAssociationScope: spec.amiAssociationScope ?? undefined });
}

function reportGenerator(spec: ReportGeneratorSpec, displayName: string | undefined) {
  return compact({
    displayName,
    reportTypes: [...spec.reportTypes],
    licenseConfigurations: sorted(spec.licenseConfigurations),
    frequency: compact({ value: spec.frequency.value === 1 ? undefined : spec.frequency.value, period: spec.frequency.period }),
    description: spec.description || undefined,
  });
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort(compareText);
}

/** The object without its undefined members, in the order written. */
function compact<T extends Record<string, unknown>>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
