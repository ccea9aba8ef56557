// Validated documents into the canonical desired state: defaults filled in, sets sorted and de-duplicated,
// so that planning is a plain structural comparison with what is read back from AWS.
import {
  addressOf, compareAddresses, type DesiredResource, type DesiredState, type GrantSpec, type Kind,
  type LicenseConfigurationSpec, type LicenseRules, type ProjectConfig, type ResourceShareSpec, type SourceRef,
  type StoreConfig,
} from '../model/index.js';
import { canonicalDateTime } from './dates.js';
import type { ParsedDocument } from './document.js';
import { licenseSpec } from './normalize-license.js';
import type {
  RawDocument, RawGrantSpec, RawLicenseConfigurationSpec, RawLicenseSpec, RawProjectSpec, RawResourceShareSpec,
} from './raw.js';

/** Only for documents that passed every check: the shapes are trusted here. `ref` is the git ref, if any. */
export function normalizeState(documents: readonly ParsedDocument[], ref?: string): DesiredState {
  const project = documents.find((d) => (d.value as RawDocument<unknown>).kind === 'Project')!;
  const resources = documents.filter((d) => d !== project).map((d) => normalizeResource(d, sourceOf(d, ref)));
  resources.sort((a, b) => compareAddresses(addressOf(a.kind, a.name), addressOf(b.kind, b.name)));
  return { project: projectConfig(project.value as RawDocument<RawProjectSpec | undefined>, sourceOf(project, ref)), resources };
}

function sourceOf(pd: ParsedDocument, ref: string | undefined): SourceRef {
  return { file: pd.file, ...pd.start, ...(ref === undefined ? {} : { ref }) };
}

export function projectConfig(doc: RawDocument<RawProjectSpec | undefined>, source: SourceRef): ProjectConfig {
  const spec = doc.spec ?? {};
  return withoutUndefined({
    name: doc.metadata.name,
    store: storeConfig(spec.store),
    prune: spec.prune ?? true,
    pruneExplicit: spec.prune === undefined ? undefined : true,
    account: spec.account,
    include: spec.include && [...spec.include],
    exclude: spec.exclude && [...spec.exclude],
    source,
  });
}

function storeConfig(store: StoreConfig | undefined): StoreConfig {
  if (store === undefined || store.type === 'emulator') return withoutUndefined({ type: 'emulator', path: store?.path });
  const { region, profile, endpoint } = store;
  return withoutUndefined({ type: 'aws', region, profile, endpoint });
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

function resourceShareSpec(name: string, spec: RawResourceShareSpec): ResourceShareSpec {
  return {
    displayName: spec.displayName ?? name,
    // Safer than the RAM API's default (true): sharing outside the organization must be asked for.
    allowExternalPrincipals: spec.allowExternalPrincipals ?? false,
    principals: sortedSet(spec.principals ?? []),
    licenseConfigurations: sortedSet(spec.licenseConfigurations ?? []),
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
  };
}

/** Sorted by UTF-16 code units (not locale), so the order is the same on every machine. */
function sortedSet<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
