// `licensectl import`: the unmanaged resources of a target as documents, one file per kind, each document saying
// `spec.adopt: ARN` so that the next plan adopts the resource instead of creating another. What is imported is chosen
// here (importPlan, pure); rendering is render/documents.ts; checking and writing the files is import-files.ts.
import path from 'node:path';
import picomatch from 'picomatch';
import { LicensectlError } from '../errors/index.js';
import {
  type DesiredState, desiredForUnit, KINDS, type Kind, type OtherResource, type ProjectConfig, selectUnits, type ServiceSettingsSpec, type Target, targetUnits, type TargetUnit,
} from '../model/index.js';
import { assignNames } from '../render/document-names.js';
import type { DocumentInput } from '../render/documents.js';
import type { ImportResult } from '../render/import-result.js';
import { serviceSettingsId, type Store } from '../store/index.js';
import { compareText, canonicalJson } from '../util/canonical.js';
import { checkImport, writeImport } from './import-files.js';
import { DEFAULT_SERVICE_SETTINGS, type Inventory, readInventory } from './live-inventory.js';
import { openStore, type StoreFlags } from './open-store.js';
import { loadDesired } from './planning.js';

export interface ImportOptions {
  /** Only these kinds (all when empty). */
  readonly kinds: readonly Kind[];
  /** A glob on AWS names (an Association's: its resource's ARN). */
  readonly name?: string;
  /** A project with spec.targets: the one unit imported (`name@region`), and metadata.targets of every document. */
  readonly unit?: { readonly key: string; readonly targets: readonly string[] };
}

export interface ImportedDocument {
  readonly address: string;
  readonly arn: string;
  /** Its name in AWS (an Association's: its resource's ARN). */
  readonly awsName: string;
  readonly input: DocumentInput;
}

export interface Skipped {
  readonly kind: Kind;
  readonly arn: string;
  readonly name: string;
  readonly reason: string;
}

export interface ImportPlan {
  /** By kind, in dependency order; each list sorted by name. */
  readonly documents: ReadonlyMap<Kind, readonly ImportedDocument[]>;
  readonly skipped: readonly Skipped[];
  /** Another project's resources: listed, never imported. */
  readonly foreign: readonly { kind: Kind; arn: string; name: string; project: string }[];
  /** With spec.tags: merge, the tag keys left out of documents (a key with a space; merge keeps the tag anyway). */
  readonly tagsLeftOut: readonly { address: string; arn: string; keys: string[] }[];
}

/**
 * What to import of `inventory`, and under which names; references by name where the resource is managed or imported.
 * `desired`: the whole project (its names are taken, its spec.adopt ARNs are not imported again).
 */
export function importPlan(desired: DesiredState, inventory: Inventory, target: Pick<Target, 'account' | 'region'>, options: ImportOptions): ImportPlan {
  const wanted = (kind: Kind) => options.kinds.length === 0 || options.kinds.includes(kind);
  // AWS names are not paths: `*` matches any run of characters, `/` and a leading `.` included (an ARN, "Oracle/prod").
  const matches = options.name ? picomatch(options.name, { bash: true, dot: true }) : () => true;
  const adopted = new Map(desired.resources.flatMap((r) => (r.adopt ? [[r.adopt, `${r.kind}/${r.name}`] as const] : [])));
  // An Association has no ARN to adopt: a pair on a resource an Association document names is that document's to manage.
  const associated = new Map(desired.resources.flatMap((r) => (r.kind === 'Association' ? [[r.spec.resourceArn, `Association/${r.name}`] as const] : [])));
  const skipped: Skipped[] = [];
  const candidates: OtherResource[] = [];
  for (const other of inventory.live.others) {
    if (other.owner !== 'unmanaged' || !wanted(other.kind) || !matches(other.displayName)) continue;
    const by = other.kind === 'Association' ? associated.get(other.displayName) : adopted.get(other.arn);
    if (by) skipped.push({ kind: other.kind, arn: other.arn, name: other.displayName, reason: other.kind === 'Association' ? `its resource is named by ${by}` : `already adopted by ${by} (spec.adopt)` });
    else if (!other.live) skipped.push({ kind: other.kind, arn: other.arn, name: other.displayName, reason: 'licensectl could not read it whole' });
    else candidates.push(other);
  }
  const singles = candidates.filter((c) => c.kind !== 'Association');
  const pairs = groupPairs(candidates.filter((c) => c.kind === 'Association'));
  const taken = new Map(KINDS.map((kind) => [kind, new Set([...desired.resources, ...inventory.live.managed].filter((r) => r.kind === kind).map((r) => r.name))]));
  const names = assignNames([...singles.map((c) => ({ kind: c.kind, arn: c.arn, awsName: c.displayName })), ...pairs.map((p) => ({ kind: 'Association' as const, arn: p.resourceArn, awsName: p.resourceArn.split('/').pop() ?? '' }))], taken);
  // A reference (an ARN) as a document's name, where the resource is managed, adopted by a document (spec.adopt), or
  // imported in this run: as adoption names them (plan/adopt.ts). A managed resource whose document was removed keeps
  // its ARN: its name names no document (and an Association's pair on it is not imported, as an Association names
  // documents only).
  const documented = new Set(desired.resources.map((r) => `${r.kind}/${r.name}`));
  const refs = new Map<string, string>([
    ...inventory.live.managed.filter((r) => documented.has(`${r.kind}/${r.name}`)).map((r) => [r.arn, r.name] as const),
    ...desired.resources.flatMap((r) => (r.adopt ? [[r.adopt, r.name] as const] : [])),
    ...singles.map((c) => [c.arn, names.get(c.arn)!] as const),
  ]);
  const ref = (arn: string) => refs.get(arn) ?? arn;
  const out = new Map<Kind, ImportedDocument[]>();
  const add = (doc: ImportedDocument) => out.set(doc.input.kind, [...out.get(doc.input.kind) ?? [], doc]);
  const base = { tags: {}, ...(options.unit ? { targets: options.unit.targets } : {}) };
  // spec.tags: merge remembers the keys it sets separated by spaces: a key with a space cannot be in a document. Merge
  // keeps the tags other tools set, so such a tag stays on the resource, only out of the document.
  const merge = desired.project.tags === 'merge';
  const tagsLeftOut: { address: string; arn: string; keys: string[] }[] = [];
  for (const c of singles) {
    const live = c.live!;
    const name = names.get(c.arn)!;
    const spec = withReferences(live, ref);
    const address = `${c.kind}/${name}`;
    const leftOut = merge ? Object.keys(live.tags).filter((key) => /\s/.test(key)).sort(compareText) : [];
    if (leftOut.length) tagsLeftOut.push({ address, arn: c.arn, keys: leftOut });
    const tags = Object.fromEntries(Object.entries(live.tags).filter(([key]) => !leftOut.includes(key)));
    add({ address, arn: c.arn, awsName: c.displayName, input: { ...base, kind: live.kind, spec, name, tags, adopt: c.arn, comment: c.arn } as DocumentInput });
  }
  for (const p of pairs) {
    const all = [...p.scopes.keys()];
    for (const arn of all.filter((c) => !refs.has(c))) skipped.push({ kind: 'Association', arn, name: p.resourceArn, reason: 'its license configuration is neither managed nor imported in this run (import LicenseConfiguration with it)' });
    const resolved = all.filter((c) => refs.has(c));
    if (!resolved.length) continue;
    const name = names.get(p.resourceArn)!;
    const comment = [p.resourceArn, ...resolved.map((arn) => `  associated with ${arn}`)].join('\n');
    // The scope of the pairs imported: the others are not the document's (adoption pairs it with these alone).
    const scope: 'cross-account' | null = resolved.every((arn) => p.scopes.get(arn) === 'cross-account') ? 'cross-account' : null;
    const spec = { resourceArn: p.resourceArn, licenseConfigurations: resolved.map(ref).sort(compareText), amiAssociationScope: scope };
    add({ address: `Association/${name}`, arn: p.resourceArn, awsName: p.resourceArn, input: { ...base, kind: 'Association', name, spec, comment } });
  }
  // The settings have no AWS name: --name leaves them out.
  const settingsDocument = desired.resources.some((r) => r.kind === 'ServiceSettings' && (!options.unit || r.targets?.includes(options.unit.key)));
  if (wanted('ServiceSettings') && !options.name && !settingsDocument) importSettings(inventory.settings, target, base, add, skipped);
  const foreign = inventory.live.others.filter((o) => o.owner === 'foreign' && wanted(o.kind) && matches(o.displayName)).map((o) => ({ kind: o.kind, arn: o.arn, name: o.displayName, project: o.project ?? '' }));
  const documents = new Map(KINDS.flatMap((kind) => (out.has(kind) ? [[kind, out.get(kind)!.sort((a, b) => compareText(a.input.name, b.input.name))] as const] : [])));
  return { documents, skipped: skipped.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.arn, b.arn)), foreign, tagsLeftOut: tagsLeftOut.sort((a, b) => compareText(a.address, b.address)) };
}

/** The live spec with the ARNs it refers to as names where known. */
function withReferences(live: NonNullable<OtherResource['live']>, ref: (arn: string) => string): DocumentInput['spec'] {
  switch (live.kind) {
    case 'ResourceShare':
    case 'ReportGenerator':
      return { ...live.spec, licenseConfigurations: live.spec.licenseConfigurations.map(ref).sort(compareText) };
    case 'Grant':
      return { ...live.spec, license: ref(live.spec.license) };
    default:
      return live.spec;
  }
}

/** Unmanaged pairs by resource: one Association per resource, with the scope of each configuration paired with it (by ARN). */
function groupPairs(pairs: readonly OtherResource[]): { resourceArn: string; scopes: ReadonlyMap<string, 'cross-account' | null> }[] {
  const byResource = new Map<string, [string, 'cross-account' | null][]>();
  for (const p of pairs) {
    if (p.live?.kind !== 'Association') continue;
    const entry = byResource.get(p.live.spec.resourceArn) ?? [];
    byResource.set(p.live.spec.resourceArn, entry);
    entry.push([p.arn, p.live.spec.amiAssociationScope]);
  }
  return [...byResource].sort(([a], [b]) => compareText(a, b)).map(([resourceArn, entries]) => ({
    resourceArn, scopes: new Map(entries.sort(([a], [b]) => compareText(a, b))),
  }));
}

/**
 * The service settings always exist, so they are imported only when no document manages them and someone set them
 * (they differ from AWS's defaults); a ServiceSettings document is paired with them by its name, without spec.adopt.
 */
function importSettings(settings: ServiceSettingsSpec, target: Pick<Target, 'account' | 'region'>, base: object, add: (doc: ImportedDocument) => void, skipped: Skipped[]): void {
  if (canonicalJson(settings) === canonicalJson(DEFAULT_SERVICE_SETTINGS)) return;
  const arn = serviceSettingsId(target);
  if (!settings.s3BucketArn || !settings.snsTopicArn) {
    skipped.push({ kind: 'ServiceSettings', arn, name: '', reason: 'its S3 bucket or SNS topic is not set, and a ServiceSettings document needs both' });
    return;
  }
  add({ address: 'ServiceSettings/service-settings', arn, awsName: '', input: { ...base, kind: 'ServiceSettings', name: 'service-settings', tags: {}, spec: settings, comment: `${arn}\nThe service settings always exist: this document manages them (no spec.adopt needed).` } });
}

// ---- The command's run

export interface ImportFlags extends StoreFlags {
  readonly kind?: readonly string[];
  readonly name?: string;
  readonly out?: string;
  readonly 'only-targets'?: readonly string[];
}

/** Reads the target, chooses, checks and writes; with spec.targets, exactly one unit (--only-targets). */
export async function runImport(dir: string, flags: ImportFlags): Promise<{ result: ImportResult; stats: Store['stats'] }> {
  const loaded = await loadDesired(dir);
  const { project } = loaded.state;
  const unit = unitOf(project, flags['only-targets'] ?? []);
  const desired = unit ? desiredForUnit(loaded.state, unit) : loaded.state;
  const store = await openStore({ dir: loaded.dir, project: desired.project, flags, ...(unit ? { unit } : {}) });
  try {
    const inventory = await readInventory(store, desired);
    const out = path.resolve(flags.out ?? loaded.dir);
    const options: ImportOptions = {
      kinds: (flags.kind ?? []) as Kind[], ...(flags.name ? { name: flags.name } : {}),
      ...(unit ? { unit: { key: `${unit.target}@${unit.region}`, targets: [unit.label] } } : {}),
    };
    const plan = await checkImport(importPlan(loaded.state, inventory, store.target, options), loaded.dir, out);
    const files = await writeImport(plan, out);
    const { account, region } = store.target;
    const written = new Set([...plan.documents.values()].flatMap((docs) => docs.map((d) => d.address)));
    const tagsLeftOut = plan.tagsLeftOut.filter((t) => written.has(t.address));
    const result: ImportResult = {
      formatVersion: '1', project: project.name, target: { account, region, ...(unit ? { label: unit.label } : {}) }, files, skipped: plan.skipped, foreign: plan.foreign,
      ...(tagsLeftOut.length ? { tagsLeftOut } : {}),
    };
    return { result, stats: store.stats };
  } finally {
    store.close();
  }
}

/** The one unit a project with spec.targets imports: --only-targets must select exactly one. */
function unitOf(project: ProjectConfig, only: readonly string[]): TargetUnit | undefined {
  const units = targetUnits(project);
  if (!units.length) {
    if (only.length) throw new LicensectlError('USAGE', '--only-targets needs spec.targets in licensectl.yaml', { hint: 'drop --only-targets' });
    return undefined;
  }
  const keys = selectUnits(project.targets ?? [], only);
  if (only.length && keys.length === 1) return units.find((u) => `${u.target}@${u.region}` === keys[0]);
  const labels = units.map((u) => u.label).join(', ');
  throw new LicensectlError('USAGE', only.length
    ? `--only-targets ${only.join(' ')} selects ${keys.length} targets of project ${project.name}; import reads one at a time`
    : `project ${project.name} has spec.targets: import reads one target at a time`, {
    hint: `pass --only-targets with one of ${labels} (a target of several regions: NAME@REGION); its documents get metadata.targets`,
  });
}
