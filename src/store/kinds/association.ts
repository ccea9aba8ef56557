// Associations between a resource (an AMI, an instance or a dedicated host: never ours) and managed license
// configurations. The resource carries no tag of ours, so each managed configuration records the pairs it is in:
// one tag `licensectl:association:<name>` = the resource's ARN (a claim). Reading is one paginated
// ListAssociationsForLicenseConfiguration per managed configuration that carries a claim (no call per resource, and
// none at all for a project without Associations: the claims come with the tag reads the configurations already
// need). A pair is the Association's when it is both associated and claimed; a pair of such a configuration that no
// claim names is unmanaged: listed (the resource as its name, the configuration as its ARN), never removed. A claim
// whose pair is gone is read as the Association's `unpairedClaims`, which no document has: the plan shows it, and
// the apply removes the tag before it can claim a pair someone makes by hand later.
// Changes are set diffs sent with UpdateLicenseSpecificationsForResource.
import {
  ListAssociationsForLicenseConfigurationCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, UpdateLicenseSpecificationsForResourceCommand,
  type LicenseConfigurationAssociation,
} from '@aws-sdk/client-license-manager';
import {
  ASSOCIATION_TAG_PREFIX, type AmiAssociationScope, NAME_TAG, type AssociationSpec, type LiveResource, type OtherResource, type Tags,
} from '../../model/index.js';
import { compareText } from '../../util/canonical.js';
import { collectPages } from '../clients.js';
import {
  afterOf, beforeOf, isGone, unlessGone, type ApplyContext, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'Association';

async function listAssociations(ctx: StoreContext, configurationArn: string): Promise<LicenseConfigurationAssociation[]> {
  return ctx.readLimit(() => collectPages('ListAssociationsForLicenseConfiguration', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: configurationArn, MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurationAssociations, nextToken: out.NextToken };
  }));
}

/**
 * The configurations whose associations are listed although they carry no claim: those Association documents name
 * (a managed configuration by name, any by ARN or through its document's spec.adopt), so that pairs made by hand
 * can be adopted. Once adopted they carry claims, so a project whose Associations are all ours lists no more.
 */
export interface AssociationReads {
  readonly names: ReadonlySet<string>;
  readonly arns: ReadonlySet<string>;
}

/** `configurations`: the managed configurations by ARN, with all their tags. */
export async function readAssociations(ctx: StoreContext, configurations: ReadonlyMap<string, Tags>, wanted?: AssociationReads): Promise<KindRead> {
  const named = [...configurations].filter(([, tags]) => claimsOf(tags).size > 0 || wanted?.names.has(tags[NAME_TAG] ?? '')).map(([arn]) => arn);
  const arns = [...new Set([...named, ...(wanted?.arns ?? [])])].sort(compareText);
  const listed = await Promise.all(arns.map(async (arn) => ({ arn, associations: (await unlessGone(() => listAssociations(ctx, arn))) ?? [] })));
  // name → resource → the configurations associated with it under a claim of that name (and their scopes).
  const byName = new Map<string, Map<string, { configurations: string[]; scopes: string[] }>>();
  const others: OtherResource[] = [];
  // name → resource claimed → the configurations claiming a pair that is gone.
  const unpaired = new Map<string, { resourceArn: string; configurations: string[] }>();
  for (const { arn, associations } of listed) {
    const claims = claimsOf(configurations.get(arn) ?? {});
    const claimed = new Set(claims.values());
    for (const [name, resourceArn] of claims) {
      const found = associations.find((a) => a.ResourceArn === resourceArn);
      // A claim whose pair is gone (removed by hand, or an apply killed between the two) is no pair, but it is
      // still ours to remove: left there, it would take over a pair someone makes by hand later.
      if (!found) {
        const entry = unpaired.get(name) ?? { resourceArn, configurations: [] };
        unpaired.set(name, entry);
        entry.configurations.push(arn);
        continue;
      }
      const resources = byName.get(name) ?? new Map<string, { configurations: string[]; scopes: string[] }>();
      const entry = resources.get(resourceArn) ?? { configurations: [], scopes: [] };
      byName.set(name, resources.set(resourceArn, entry));
      entry.configurations.push(arn);
      if (found.AmiAssociationScope) entry.scopes.push(found.AmiAssociationScope);
    }
    for (const a of associations) {
      if (a.ResourceArn && !claimed.has(a.ResourceArn)) others.push(unmanagedPair(a.ResourceArn, arn, a.AmiAssociationScope));
    }
  }
  // A name's resource is the one most of its live pairs name; pairs it claims on another resource (left by a
  // replace that was killed half-way) are listed as unmanaged rather than guessed at.
  const managed: LiveResource[] = [];
  for (const [name, resources] of byName) {
    const [first, ...rest] = [...resources].sort(([a, x], [b, y]) => y.configurations.length - x.configurations.length || compareText(a, b));
    if (!first) continue;
    const [resourceArn, entry] = first;
    for (const [stray, { configurations: strays }] of rest) others.push(...strays.map((c) => unmanagedPair(stray, c)));
    const spec: AssociationSpec = {
      resourceArn,
      // ARNs here; the store swaps them for the configurations' names.
      licenseConfigurations: [...new Set(entry.configurations)].sort(compareText),
      amiAssociationScope: entry.scopes.length > 0 && entry.scopes.length === entry.configurations.length ? entry.scopes[0] as AmiAssociationScope : null,
      ...unpairedOf(unpaired.get(name)),
    };
    managed.push({ kind: KIND, name, arn: resourceArn, tags: {}, meta: {}, spec });
  }
  // A name with claims only, none of them paired: an Association with no pair, whose claims the plan removes.
  for (const [name, entry] of [...unpaired].sort(([a], [b]) => compareText(a, b))) {
    if (byName.has(name)) continue;
    const spec: AssociationSpec = { resourceArn: entry.resourceArn, licenseConfigurations: [], amiAssociationScope: null, ...unpairedOf(entry) };
    managed.push({ kind: KIND, name, arn: entry.resourceArn, tags: {}, meta: {}, spec });
  }
  return { managed, others };
}

function unpairedOf(entry: { configurations: readonly string[] } | undefined): Pick<AssociationSpec, 'unpairedClaims'> {
  return entry && entry.configurations.length > 0 ? { unpairedClaims: [...new Set(entry.configurations)].sort(compareText) } : {};
}

/** A pair that is not an Association's: the resource as its name, the configuration as its ARN. */
function unmanagedPair(resourceArn: string, configurationArn: string, scope?: string): OtherResource {
  const spec = { resourceArn, licenseConfigurations: [configurationArn], amiAssociationScope: (scope ?? null) as AmiAssociationScope | null };
  return { kind: KIND, arn: configurationArn, displayName: resourceArn, owner: 'unmanaged', live: { kind: KIND, name: '', arn: resourceArn, tags: {}, spec, meta: {} } };
}

/** Every pair of the given configurations, whoever made it (import): one paginated list per configuration. */
export async function readPairs(ctx: StoreContext, configurationArns: readonly string[]): Promise<AssociationPair[]> {
  const listed = await Promise.all([...configurationArns].sort(compareText).map(async (arn) => ({ arn, associations: (await unlessGone(() => listAssociations(ctx, arn))) ?? [] })));
  return listed.flatMap(({ arn, associations }) => associations.flatMap((a) => (a.ResourceArn ? [{ configurationArn: arn, resourceArn: a.ResourceArn, amiAssociationScope: (a.AmiAssociationScope ?? null) as AmiAssociationScope | null }] : [])));
}

export interface AssociationPair {
  readonly configurationArn: string;
  readonly resourceArn: string;
  readonly amiAssociationScope: AmiAssociationScope | null;
}

/** Association name → resource ARN, from one configuration's tags. */
function claimsOf(tags: Tags): Map<string, string> {
  return new Map(Object.entries(tags).filter(([k]) => k.startsWith(ASSOCIATION_TAG_PREFIX)).map(([k, v]) => [k.slice(ASSOCIATION_TAG_PREFIX.length), v]));
}

/**
 * The claim is tagged before the pair is added, and removed after the pair is: a pair of ours is never unclaimed.
 * `unclaim`: configurations whose claim has no pair any more; only their tag is removed.
 */
async function setPairs(ctx: StoreContext, change: StoreChange, spec: AssociationSpec, add: readonly string[], remove: readonly string[], unclaim: readonly string[] = []): Promise<void> {
  const key = `${ASSOCIATION_TAG_PREFIX}${change.name}`;
  for (const arn of add) await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: key, Value: spec.resourceArn }] }));
  if (add.length > 0 || remove.length > 0) {
    const scope = spec.amiAssociationScope === null ? {} : { AmiAssociationScope: spec.amiAssociationScope };
    await ctx.clients.lm.send(new UpdateLicenseSpecificationsForResourceCommand({
      ResourceArn: spec.resourceArn,
      ...(add.length > 0 ? { AddLicenseSpecifications: add.map((LicenseConfigurationArn) => ({ LicenseConfigurationArn, ...scope })) } : {}),
      ...(remove.length > 0 ? { RemoveLicenseSpecifications: remove.map((LicenseConfigurationArn) => ({ LicenseConfigurationArn })) } : {}),
    }));
  }
  // A configuration deleted meanwhile took its tags with it.
  const untag = [...new Set([...remove, ...unclaim.filter((arn) => !add.includes(arn))])];
  for (const arn of untag) await unlessGone(() => ctx.clients.lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: [key] })));
}

/** The configurations whose claim the plan read without its pair, as their ARNs when the plan was made. */
function unpairedArns(spec: AssociationSpec, apply: ApplyContext): string[] {
  return (spec.unpairedClaims ?? []).flatMap((ref) => apply.plannedArnOf('LicenseConfiguration', ref) ?? []);
}

async function create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string> {
  const { spec } = afterOf(change, KIND);
  await setPairs(ctx, change, spec, spec.licenseConfigurations.map((ref) => apply.arnOf('LicenseConfiguration', ref)), []);
  return spec.resourceArn;
}

async function update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const before = beforeOf(change, KIND).spec;
  const after = afterOf(change, KIND).spec;
  // A configuration replaced earlier in this apply took its pair with it: only the pairs of configurations still
  // there are removed. One the plan deletes (or replaces after this update: it waits for the configurations an
  // update drops) has no ARN in this apply yet, and its pair is removed here, before its delete.
  const beforeArns = before.licenseConfigurations.flatMap((ref) => {
    const planned = apply.plannedArnOf('LicenseConfiguration', ref);
    const current = apply.currentArnOf('LicenseConfiguration', ref);
    return planned !== undefined && (current === undefined || current === planned) ? [planned] : [];
  });
  const afterArns = after.licenseConfigurations.map((ref) => apply.arnOf('LicenseConfiguration', ref));
  await setPairs(ctx, change, after, afterArns.filter((a) => !beforeArns.includes(a)), beforeArns.filter((b) => !afterArns.includes(b)), unpairedArns(before, apply));
}

/** Removes exactly the pairs the plan read as this Association's: the configurations' ARNs as the plan knew them. */
async function remove(ctx: StoreContext, change: StoreChange, apply?: ApplyContext): Promise<void> {
  if (!apply) throw new Error(`internal: ${change.address} is removed only as part of a plan`);
  const { spec } = beforeOf(change, KIND);
  await setPairs(ctx, change, spec, [], spec.licenseConfigurations.flatMap((ref) => apply.plannedArnOf('LicenseConfiguration', ref) ?? []), unpairedArns(spec, apply));
}

/**
 * Before a managed configuration is deleted (a delete, or the first half of a replace): AWS refuses to delete one in
 * use, so the pairs this project claims on it are removed first; they would go with it anyway, and an Association
 * that keeps naming a replaced configuration associates the new one after (its forced update). Pairs nobody claims
 * are not ours to remove: when there is one, the delete is refused before anything is touched (as AWS would refuse
 * it, naming them), so our working pairs are not stripped from a configuration that stays.
 */
export async function releaseClaimedPairs(ctx: StoreContext, configurationArn: string): Promise<void> {
  const out = await unlessGone(() => ctx.clients.lm.send(new ListTagsForResourceCommand({ ResourceArn: configurationArn })));
  const tags = Object.fromEntries((out?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const claimed = [...new Set(claimsOf(tags).values())].sort(compareText);
  const associations = (await unlessGone(() => listAssociations(ctx, configurationArn))) ?? [];
  const others = [...new Set(associations.flatMap((a) => (a.ResourceArn && !claimed.includes(a.ResourceArn) ? [a.ResourceArn] : [])))].sort(compareText);
  if (others.length > 0) {
    const error = new Error(`License configuration ${configurationArn} is in use by ${others.length === 1 ? '1 associated resource' : `${others.length} associated resources`} this project does not manage: ${others.join(', ')}; disassociate them before deleting it`);
    error.name = 'InvalidParameterValueException';
    throw error;
  }
  for (const resourceArn of claimed) {
    try {
      await ctx.clients.lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: resourceArn, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: configurationArn }] }));
    } catch (error) {
      // A resource that is gone (an instance no longer there, or terminated) holds no pair to release.
      if (!isGone(error) && (error as Error).name !== 'InvalidResourceStateException') throw error;
    }
  }
}

export const associationAdapter: KindAdapter = { kind: KIND, create, update, delete: remove };
