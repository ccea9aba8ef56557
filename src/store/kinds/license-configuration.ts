// License configurations: read all with a NextToken loop plus one tag read each (the list omits tags),
// and change them one at a time.
import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, ListLicenseConfigurationsCommand,
  TagResourceCommand, UntagResourceCommand, UpdateLicenseConfigurationCommand,
  type LicenseConfiguration,
} from '@aws-sdk/client-license-manager';
import { ownershipOf, ownershipTags } from '../../model/index.js';
import type { ResourceChange } from '../../plan/types.js';
import { outcomeUnknown } from '../outcome.js';
import { collectPages } from '../paginate.js';
import { tagChanges, toLmTags } from '../tags.js';
import { afterOf, arnOfChange, beforeOf, type KindAdapter, type KindRead, type StoreContext } from './adapter.js';
import { classify, withLmTags, type ItemView } from './classify.js';
import { mutableMembers, rulesToAws, specFromAws } from './license-configuration-wire.js';

const KIND = 'LicenseConfiguration';

async function listAll(ctx: StoreContext): Promise<LicenseConfiguration[]> {
  return collectPages('ListLicenseConfigurations', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurations, nextToken: out.NextToken };
  });
}

const VIEW: ItemView<LicenseConfiguration> = {
  kind: KIND,
  arnOf: (item) => item.LicenseConfigurationArn ?? '',
  displayNameOf: (item) => item.Name ?? '',
  toLive: (item, name, tags) => ({ kind: KIND, name, arn: item.LicenseConfigurationArn ?? '', tags, spec: specFromAws(item), meta: { status: item.Status } }),
};

async function read(ctx: StoreContext): Promise<KindRead> {
  return classify(ctx, VIEW, await withLmTags(ctx, VIEW, await listAll(ctx)));
}

/** Finds a configuration this project created under `name`, after a create whose outcome is unknown. */
async function findOwned(ctx: StoreContext, name: string, displayName: string): Promise<string | undefined> {
  const candidates = (await listAll(ctx)).filter((c) => c.Name === displayName);
  const tagged = await withLmTags(ctx, VIEW, candidates);
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
