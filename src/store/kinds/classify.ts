// Sorting read resources by their ownership tags: ours (under which name), another project's, or nobody's.
// Shared by every kind; each kind says how to read an item's ARN, AWS name and canonical form.
import { ListTagsForResourceCommand } from '@aws-sdk/client-license-manager';
import { ownershipOf, userTags, type Kind, type LiveResource, type OtherResource, type Tags } from '../../model/index.js';
import { fromLmTags } from '../tags.js';
import type { KindRead, StoreContext } from './adapter.js';

export interface ItemView<T> {
  readonly kind: Kind;
  arnOf(item: T): string;
  displayNameOf(item: T): string;
  /** The managed resource this item is, under `name`, with the user's tags. */
  toLive(item: T, name: string, tags: Tags): LiveResource;
}

export function classify<T>(ctx: StoreContext, view: ItemView<T>, tagged: readonly { item: T; tags: Tags }[]): KindRead {
  const managed: LiveResource[] = [];
  const others: OtherResource[] = [];
  for (const { item, tags } of tagged) {
    const owner = ownershipOf(tags, ctx.project);
    if (owner.kind === 'managed') managed.push(view.toLive(item, owner.name, userTags(tags)));
    else others.push({ kind: view.kind, arn: view.arnOf(item), displayName: view.displayNameOf(item), owner: owner.kind, ...(owner.kind === 'foreign' ? { project: owner.project } : {}) });
  }
  return { managed, others };
}

/**
 * One License Manager ListTagsForResource per item (the list operations leave tags out), at the store's bounded
 * concurrency; items whose tags were already read (`known`, by ARN) are not read again.
 */
export async function withLmTags<T>(
  ctx: StoreContext, view: Pick<ItemView<T>, 'arnOf'>, items: readonly T[], known: ReadonlyMap<string, Tags> = new Map(),
): Promise<{ item: T; tags: Tags }[]> {
  return Promise.all(items.map(async (item) => ({ item, tags: known.get(view.arnOf(item)) ?? (await lmTagsOf(ctx, view.arnOf(item))) })));
}

/** One tag read, under the store's limit on per-resource reads. */
export function lmTagsOf(ctx: StoreContext, arn: string): Promise<Tags> {
  return ctx.readLimit(async () => fromLmTags((await ctx.clients.lm.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags));
}
