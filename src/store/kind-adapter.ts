// What the store knows about every resource kind alike: the change it performs, what a kind's read returns, how
// read resources are sorted by their ownership tags, tags on the wire of either service, and adopting by tagging.
import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-license-manager';
import {
  TagResourceCommand as RamTagResourceCommand, UntagResourceCommand as RamUntagResourceCommand,
} from '@aws-sdk/client-ram';
import type { LimitFunction } from 'p-limit';
import {
  ASSOCIATION_TAG_PREFIX, type ConfigurationUsage, type LicenseSpec, ownershipOf, ownershipTags, tagKeysOf, tagKeysTag, userTags, type Address, type Kind, type LiveResource, type OtherResource, type SpecByKind, type Tags, type Target,
} from '../model/index.js';
import { compareText } from '../util/canonical.js';
import type { Clients } from './clients.js';
import type { PendingCreates } from './pending-creates.js';

export interface StoreContext {
  readonly clients: Clients;
  readonly project: string;
  /** Every per-resource read of the store goes through this one limit: at most --concurrency at a time in all. */
  readonly readLimit: LimitFunction;
  readonly target: Target;
  /**
   * Licenses and grants (whose ARNs name no region) of other home regions are left out: set for a unit of a target
   * with several regions, whose other units list the same account's licenses and grants.
   */
  readonly homeRegionOnly: boolean;
  /** ARNs known deleted (listed as deleted, or deleted by this store): a create answered with one was a replay. */
  readonly deleted: Set<string>;
  /** Notes of creates without a client token in flight (see pending-creates.ts). */
  readonly pending: PendingCreates;
  /** What the last listing said beyond the specs, for `repair`: creation times (where AWS reports them), shared ARNs. */
  readonly created: Map<string, string>;
  /** Every configuration and license the last listing saw, managed or not, for usage reads (see usage.ts). */
  readonly listed: { readonly configurations: Map<string, ConfigurationUsage>; readonly licenses: Map<string, LicenseSpec> };
  readonly shared: Set<string>;
}

/** One change to perform, as the plan describes it (a plan's ResourceChange is one). */
export interface StoreChange {
  readonly address: Address;
  readonly kind: Kind;
  readonly name: string;
  readonly arn: string | null;
  readonly before: { readonly tags: Tags; readonly spec: unknown } | null;
  readonly after: { readonly tags: Tags; readonly spec: unknown } | null;
  /** The changed fields, by path (`licenseCount`, `rules.minimumCores`, `tags.team`). */
  readonly diff: readonly { readonly path: string }[];
  readonly meta: { readonly version?: string } | null;
  readonly fingerprint: string;
  /** spec.tags: merge: the user tag keys the document sets, remembered on the resource (see TAG_KEYS_TAG). */
  readonly tagKeys?: readonly string[];
}

/** What a change needs from the apply it is part of. */
export interface ApplyContext {
  /** Turns a reference in a spec (a managed resource's name, or an ARN) into an ARN at apply time. */
  arnOf(kind: Kind, nameOrArn: string): string;
  /** The ARN a reference had when the plan was made (before any replace in this apply); undefined if none. */
  plannedArnOf(kind: Kind, nameOrArn: string): string | undefined;
  /** The ARN a reference has now in this apply, without throwing: undefined while it is deleted or not yet (re)created. */
  currentArnOf(kind: Kind, nameOrArn: string): string | undefined;
  /** The client token of one call of this change (`input`: its other members): the same for every retry of that call. */
  clientToken(change: StoreChange, purpose: string, input?: unknown): string;
}

export interface KindRead {
  /** Every resource carrying our ownership tags, duplicates included; the store pairs them by address. */
  readonly managed: readonly LiveResource[];
  readonly others: readonly OtherResource[];
}

export interface KindAdapter {
  readonly kind: Kind;
  /** Reads one resource again by ARN (the kinds that change through versions); null when it is gone or not ours. */
  reread?(ctx: StoreContext, arn: string): Promise<LiveResource | null>;
  create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string>;
  update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void>;
  /** `apply` is absent only where no plan is applied (repair deletes duplicates, which Associations never have). */
  delete(ctx: StoreContext, change: StoreChange, apply?: ApplyContext): Promise<void>;
}

/**
 * A create that takes a client token. The same token always gets the first answer again, so a create that was
 * fulfilled once, then deleted (by hand) and asked for again would be answered with the deleted resource: when the
 * answer names an ARN the listing showed deleted, the create is asked again under a token that names that ARN.
 */
export async function createWithToken(
  ctx: StoreContext, change: StoreChange, apply: ApplyContext, input: object, send: (token: string) => Promise<string>,
): Promise<string> {
  let purpose = 'create';
  for (let round = 0; round < MAX_REPLAYS; round += 1) {
    const arn = await send(apply.clientToken(change, purpose, input));
    if (!ctx.deleted.has(arn)) return arn;
    purpose = `create after ${arn}`;
  }
  throw new Error(`internal: ${change.address}: every create was answered with a deleted resource`);
}

const MAX_REPLAYS = 5;

/** Listed items without the deleted ones (`isDeleted`), whose ARNs the store remembers (see createWithToken). */
export function withoutDeleted<T>(ctx: StoreContext, items: readonly T[], isDeleted: (item: T) => boolean, arnOf: (item: T) => string): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (isDeleted(item)) ctx.deleted.add(arnOf(item));
    else kept.push(item);
  }
  return kept;
}

/** The desired body of a change, narrowed to its kind. */
export function afterOf<K extends Kind>(change: StoreChange, kind: K): { tags: Tags; spec: SpecByKind[K] } {
  if (change.kind !== kind || !change.after) throw new Error(`internal: ${change.address} has no desired ${kind} body`);
  return change.after as { tags: Tags; spec: SpecByKind[K] };
}

export function beforeOf<K extends Kind>(change: StoreChange, kind: K): { tags: Tags; spec: SpecByKind[K] } {
  if (change.kind !== kind || !change.before) throw new Error(`internal: ${change.address} has no live ${kind} body`);
  return change.before as { tags: Tags; spec: SpecByKind[K] };
}

export function arnOfChange(change: StoreChange): string {
  if (!change.arn) throw new Error(`internal: ${change.address} has no ARN`);
  return change.arn;
}

/** How to read one listed item of a kind. */
export interface ItemView<T> {
  readonly kind: Kind;
  arnOf(item: T): string;
  displayNameOf(item: T): string;
  /** The managed resource this item is, under `name`, with the user's tags. */
  toLive(item: T, name: string, tags: Tags): LiveResource;
}

/** Sorts read items by their ownership tags: ours (under which name), another project's, or nobody's. */
export function classify<T>(ctx: StoreContext, view: ItemView<T>, tagged: readonly { item: T; tags: Tags }[]): KindRead {
  const managed: LiveResource[] = [];
  const others: OtherResource[] = [];
  for (const { item, tags } of tagged) {
    const owner = ownershipOf(tags, ctx.project);
    if (owner.kind === 'managed') managed.push(withTagKeys(view.toLive(item, owner.name, userTags(tags)), tags));
    else others.push({ kind: view.kind, arn: view.arnOf(item), displayName: view.displayNameOf(item), owner: owner.kind, ...(owner.kind === 'foreign' ? { project: owner.project } : {}), live: view.toLive(item, '', userTags(tags)) });
  }
  return { managed, others };
}

/** A managed resource with the user tag keys licensectl remembers setting (spec.tags: merge), when it does. */
export function withTagKeys(live: LiveResource, tags: Tags): LiveResource {
  const tagKeys = tagKeysOf(tags);
  return tagKeys === undefined ? live : { ...live, meta: { ...live.meta, tagKeys } };
}

/**
 * One License Manager ListTagsForResource per item (its list operations leave tags out), at the store's concurrency.
 * An item deleted between its listing and its tag read (by a person, or by a killed apply's request landing late) is
 * left out: it is absent, as a read a moment later would find it.
 */
export async function withLmTags<T>(ctx: StoreContext, view: Pick<ItemView<T>, 'arnOf'>, items: readonly T[]): Promise<{ item: T; tags: Tags }[]> {
  const tagged = await Promise.all(items.map(async (item) => ({ item, tags: await lmTagsOf(ctx, view.arnOf(item)) })));
  return tagged.filter((t): t is { item: T; tags: Tags } => t.tags !== null);
}

/** The resource's tags, or null when it no longer exists. */
function lmTagsOf(ctx: StoreContext, arn: string): Promise<Tags | null> {
  return ctx.readLimit(async () => {
    const out = await unlessGone(() => ctx.clients.lm.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
    return out ? fromLmTags(out.Tags) : null;
  });
}

/** The call's answer, or null when the resource it names is gone (see isGone). */
export async function unlessGone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/**
 * License Manager's answers for a resource that is not there (any more): InvalidParameterValueException "Invalid … ARN"
 * for an ARN that names nothing, ValidationException "… is (already) deleted" for a deleted license or grant.
 */
export function isGone(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  const message = e.message ?? '';
  return (e.name === 'InvalidParameterValueException' && /\binvalid\b.*\barn\b/i.test(message))
    || (e.name === 'ValidationException' && /\bis (already )?deleted\b/i.test(message));
}

/**
 * AWS's answer to a new version whose source version is no longer the latest (another version landed since):
 * CreateLicenseVersion's ConflictException; CreateGrantVersion has none in its model and answers ValidationException
 * "… the source version provided doesn't match the latest version N in our records" (as DeleteGrant does for a stale
 * version).
 */
export function isVersionConflict(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e.name === 'ConflictException'
    || (e.name === 'ValidationException' && /\bsource version\b.*\bdoesn't match the latest version\b/i.test(e.message ?? ''));
}

export function toLmTags(tags: Tags): { Key: string; Value: string }[] {
  return Object.entries(tags).sort(([a], [b]) => compareText(a, b)).map(([Key, Value]) => ({ Key, Value }));
}

function fromLmTags(tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
}

export function toRamTags(tags: Tags): { key: string; value: string }[] {
  return Object.entries(tags).sort(([a], [b]) => compareText(a, b)).map(([key, value]) => ({ key, value }));
}

export function fromRamTags(tags: readonly { key?: string; value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.key !== undefined).map((t) => [t.key!, t.value ?? '']));
}

/**
 * Turns a resource's user tags from the change's `before` into its `after`: what differs is set, what went is removed.
 * With spec.tags: merge (`tagKeys`), the planner has kept other tools' tags in `after`, and the keys the document
 * sets are remembered again whenever tags change.
 */
export async function updateTags(ctx: StoreContext, change: StoreChange, service: 'lm' | 'ram'): Promise<void> {
  const arn = arnOfChange(change);
  const before = change.before?.tags ?? {};
  const after = change.after?.tags ?? {};
  const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  const remove = Object.keys(before).filter((k) => !(k in after)).sort(compareText);
  const touched = Object.keys(changed).length > 0 || remove.length > 0;
  const set = touched && change.tagKeys !== undefined ? { ...changed, ...tagKeysTag(change.tagKeys) } : changed;
  if (service === 'lm') {
    if (Object.keys(set).length) await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(set) }));
    if (remove.length) await ctx.clients.lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
  } else {
    if (Object.keys(set).length) await ctx.clients.ram.send(new RamTagResourceCommand({ resourceShareArn: arn, tags: toRamTags(set) }));
    if (remove.length) await ctx.clients.ram.send(new RamUntagResourceCommand({ resourceShareArn: arn, tagKeys: remove }));
  }
}

/**
 * Adopting an existing resource: our ownership tags are added, nothing else — with spec.tags: merge, also the keys
 * the document sets (licensectl:tags), since an adopt whose tags already match changes no tag and so would never
 * remember them otherwise. What differs from the document is then updated by the kind's own update
 * (apply/execute-plan.ts), so a kill between the two leaves a managed resource whose next plan is that update. An
 * Association has no resource to tag: its claims go on the configurations of the pairs it takes over (see
 * kinds/association.ts).
 */
export async function adoptResource(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  const tags = ownershipTags(ctx.project, change.name, change.tagKeys);
  switch (change.kind) {
    case 'ResourceShare':
      await ctx.clients.ram.send(new RamTagResourceCommand({ resourceShareArn: arn, tags: toRamTags(tags) }));
      return;
    case 'Association': {
      const { spec } = beforeOf(change, 'Association');
      const claim = { Key: `${ASSOCIATION_TAG_PREFIX}${change.name}`, Value: spec.resourceArn };
      for (const ref of spec.licenseConfigurations) {
        await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: apply.arnOf('LicenseConfiguration', ref), Tags: [claim] }));
      }
      return;
    }
    case 'ServiceSettings':
      throw new Error(`internal: ${change.address}: service settings have no ARN to adopt`);
    case 'LicenseConfiguration':
    case 'License':
    case 'Grant':
    case 'ReportGenerator':
      await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(tags) }));
  }
}
