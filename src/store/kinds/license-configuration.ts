// License configurations: read all with a NextToken loop plus one tag read each (the list omits tags),
// and change them one at a time.
import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, ListLicenseConfigurationsCommand,
  ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, UpdateLicenseConfigurationCommand,
  type LicenseConfiguration,
} from '@aws-sdk/client-license-manager';
import { ownershipOf, ownershipTags, userTags, type LiveResource, type OtherResource } from '../../model/index.js';
import type { ResourceChange } from '../../plan/types.js';
import { mapLimit } from '../concurrency.js';
import { outcomeUnknown } from '../outcome.js';
import { collectPages } from '../paginate.js';
import { fromLmTags, tagChanges, toLmTags } from '../tags.js';
import { afterOf, arnOfChange, beforeOf, type KindAdapter, type KindRead, type StoreContext } from './adapter.js';
import { mutableMembers, rulesToAws, specFromAws } from './license-configuration-wire.js';

const KIND = 'LicenseConfiguration';

async function listAll(ctx: StoreContext): Promise<LicenseConfiguration[]> {
  return collectPages('ListLicenseConfigurations', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurations, nextToken: out.NextToken };
  });
}

async function withTags(ctx: StoreContext, items: readonly LicenseConfiguration[]) {
  return mapLimit(items, ctx.concurrency, async (item) => {
    const out = await ctx.clients.lm.send(new ListTagsForResourceCommand({ ResourceArn: item.LicenseConfigurationArn }));
    return { item, tags: fromLmTags(out.Tags) };
  });
}

async function read(ctx: StoreContext): Promise<KindRead> {
  const tagged = await withTags(ctx, await listAll(ctx));
  const managed: LiveResource[] = [];
  const others: OtherResource[] = [];
  for (const { item, tags } of tagged) {
    const arn = item.LicenseConfigurationArn ?? '';
    const owner = ownershipOf(tags, ctx.project);
    if (owner.kind === 'managed') {
      managed.push({ kind: KIND, name: owner.name, arn, tags: userTags(tags), spec: specFromAws(item), meta: { status: item.Status } });
    } else {
      others.push({ kind: KIND, arn, displayName: item.Name ?? '', owner: owner.kind, ...(owner.kind === 'foreign' ? { project: owner.project } : {}) });
    }
  }
  return { managed, others };
}

/** Finds a configuration this project created under `name`, after a create whose outcome is unknown. */
async function findOwned(ctx: StoreContext, name: string, displayName: string): Promise<string | undefined> {
  const candidates = (await listAll(ctx)).filter((c) => c.Name === displayName);
  const tagged = await withTags(ctx, candidates);
  const mine = tagged.find(({ tags }) => { const o = ownershipOf(tags, ctx.project); return o.kind === 'managed' && o.name === name; });
  return mine?.item.LicenseConfigurationArn;
}

// CreateLicenseConfiguration takes no client token: after an unknown outcome, look before trying again.
const CREATE_ROUNDS = 3;

async function create(ctx: StoreContext, change: ResourceChange): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const input = {
    ...mutableMembers(spec),
    LicenseCountingType: spec.countingType,
    LicenseRules: rulesToAws(spec),
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name) }),
  };
  for (let round = 1; ; round += 1) {
    try {
      const out = await ctx.clients.lmNoReplay.send(new CreateLicenseConfigurationCommand(input));
      const arn = out.LicenseConfigurationArn ?? '';
      if (spec.status !== 'AVAILABLE') await ctx.clients.lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: spec.status }));
      return arn;
    } catch (error) {
      if (!outcomeUnknown(error) || round >= CREATE_ROUNDS) throw error;
      const existing = await findOwned(ctx, change.name, spec.displayName);
      if (existing) return existing;
    }
  }
}

async function update(ctx: StoreContext, change: ResourceChange): Promise<void> {
  const arn = arnOfChange(change);
  const before = beforeOf(change, KIND);
  const after = afterOf(change, KIND);
  const specChanged = change.diff.some((d) => !d.path.startsWith('tags.'));
  if (specChanged) {
    const rulesChanged = change.diff.some((d) => d.path.startsWith('rules'));
    await ctx.clients.lm.send(new UpdateLicenseConfigurationCommand({
      LicenseConfigurationArn: arn,
      ...mutableMembers(after.spec),
      LicenseConfigurationStatus: after.spec.status,
      ...(rulesChanged ? { LicenseRules: rulesToAws(after.spec) } : {}),
    }));
  }
  const { set, remove } = tagChanges(before.tags, after.tags);
  if (Object.keys(set).length) await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(set) }));
  if (remove.length) await ctx.clients.lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
}

async function remove(ctx: StoreContext, change: ResourceChange): Promise<void> {
  try {
    await ctx.clients.lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arnOfChange(change) }));
  } catch (error) {
    // Already gone (a retried delete, or someone else deleted it): the desired outcome holds.
    if (!/Invalid license configuration ARN/i.test((error as Error).message ?? '')) throw error;
  }
}

export const licenseConfigurationAdapter: KindAdapter = { kind: KIND, read, create, update, delete: remove };
