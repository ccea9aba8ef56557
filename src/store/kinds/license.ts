// Seller-issued licenses: ListLicenses plus one tag read each; changes are new license versions.
import {
  CreateLicenseCommand, CreateLicenseVersionCommand, DeleteLicenseCommand, ListLicensesCommand,
  TagResourceCommand, UntagResourceCommand, type License,
} from '@aws-sdk/client-license-manager';
import { ownershipTags } from '../../model/index.js';
import type { ResourceChange } from '../../plan/types.js';
import { collectPages } from '../paginate.js';
import { tagChanges, toLmTags } from '../tags.js';
import { classify, withLmTags, type ItemView } from './classify.js';
import { afterOf, arnOfChange, beforeOf, type ApplyContext, type KindAdapter, type KindRead, type StoreContext } from './adapter.js';
import { licenseSpecFromAws, licenseToAws } from './license-wire.js';

const KIND = 'License';
const GONE = new Set(['DELETED', 'PENDING_DELETE']);

// The account is needed to read the beneficiary back (see licenseSpecFromAws).
const viewFor = (account: string): ItemView<License> => ({
  kind: KIND,
  arnOf: (item) => item.LicenseArn ?? '',
  displayNameOf: (item) => item.LicenseName ?? '',
  toLive: (item, name, tags) => ({ kind: KIND, name, arn: item.LicenseArn ?? '', tags, spec: licenseSpecFromAws(item, account), meta: { version: item.Version, status: item.Status } }),
});

async function read(ctx: StoreContext): Promise<KindRead> {
  const licenses = (await collectPages('ListLicenses', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicensesCommand({ MaxResults: 100, NextToken }));
    return { items: out.Licenses, nextToken: out.NextToken };
  })).filter((l) => !GONE.has(l.Status ?? ''));
  const view = viewFor(ctx.target.account);
  return classify(ctx, view, await withLmTags(ctx, view, licenses));
}

async function create(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const out = await ctx.clients.lm.send(new CreateLicenseCommand({
    ...licenseToAws(spec, ctx.target.account),
    ProductSKU: spec.productSku,
    ClientToken: apply.clientToken(change, 'create'),
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name) }),
  }));
  return out.LicenseArn ?? '';
}

async function update(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  const before = beforeOf(change, KIND);
  const after = afterOf(change, KIND);
  if (change.diff.some((d) => !d.path.startsWith('tags.'))) {
    await ctx.clients.lm.send(new CreateLicenseVersionCommand({
      LicenseArn: arn,
      ...licenseToAws(after.spec, ctx.target.account),
      Status: after.spec.status,
      ...(change.meta?.version ? { SourceVersion: change.meta.version } : {}),
      ClientToken: apply.clientToken(change, 'version'),
    }));
  }
  const { set, remove } = tagChanges(before.tags, after.tags);
  if (Object.keys(set).length) await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(set) }));
  if (remove.length) await ctx.clients.lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
}

async function remove(ctx: StoreContext, change: ResourceChange): Promise<void> {
  await ctx.clients.lm.send(new DeleteLicenseCommand({ LicenseArn: arnOfChange(change), SourceVersion: change.meta?.version ?? '1' }));
}

export const licenseAdapter: KindAdapter = { kind: KIND, read, create, update, delete: remove };
