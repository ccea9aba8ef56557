// Grants this account distributed: ListDistributedGrants, and tag reads only for grants that cannot be paired by
// name (grant-pairing.ts). Name, operations and status change through new grant versions; license, principal and
// home region force a replace.
import {
  CreateGrantCommand, CreateGrantVersionCommand, DeleteGrantCommand, ListDistributedGrantsCommand,
  TagResourceCommand, UntagResourceCommand, type Grant,
} from '@aws-sdk/client-license-manager';
import { ownershipTags, type GrantOperation, type GrantSpec, type LiveResource, type Tags } from '../../model/index.js';
import { earlyTagReads, pairByName } from './grant-pairing.js';
import type { ResourceChange } from '../../plan/types.js';
import { collectPages } from '../paginate.js';
import { tagChanges, toLmTags } from '../tags.js';
import { classify, withLmTags, type ItemView } from './classify.js';
import { afterOf, arnOfChange, beforeOf, type ApplyContext, type KindAdapter, type KindRead, type ReadHint, type StoreContext } from './adapter.js';

const KIND = 'Grant';
const GONE = new Set(['DELETED', 'PENDING_DELETE']);

export function grantSpecFromAws(g: Grant): GrantSpec {
  return {
    displayName: g.GrantName ?? '',
    // The ARN; the store swaps the ARN of a managed license for its name.
    license: g.LicenseArn ?? g.ParentArn ?? '',
    principal: g.GranteePrincipalArn ?? '',
    homeRegion: g.HomeRegion ?? '',
    allowedOperations: [...new Set(g.GrantedOperations ?? [])].sort() as GrantOperation[],
    // Statuses the grantee drives (pending acceptance, rejected) are kept in meta.status; the planner reads them there.
    status: g.GrantStatus === 'DISABLED' ? 'DISABLED' : 'ACTIVE',
  };
}

async function listGrants(ctx: StoreContext, onPage: (page: readonly Grant[]) => void = () => {}): Promise<Grant[]> {
  return collectPages('ListDistributedGrants', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListDistributedGrantsCommand({ MaxResults: 100, NextToken }));
    const usable = (out.Grants ?? []).filter((g) => !GONE.has(g.GrantStatus ?? ''));
    onPage(usable);
    return { items: usable, nextToken: out.NextToken };
  });
}

const VIEW: ItemView<Grant> = {
  kind: KIND,
  arnOf: (item) => item.GrantArn ?? '',
  displayNameOf: (item) => item.GrantName ?? '',
  toLive: (item, name, tags) => liveGrant(item, name, tags),
};

function liveGrant(item: Grant, name: string, tags: Tags): LiveResource {
  return { kind: KIND, name, arn: item.GrantArn ?? '', tags, spec: grantSpecFromAws(item), meta: { version: item.Version, status: item.GrantStatus } };
}

/**
 * Without a hint, every grant's tags are read. With one, grants pair with their documents by name (grant-pairing.ts):
 * those the plan will change are verified while the listing goes on, the others are left unverified.
 */
async function read(ctx: StoreContext, hint?: ReadHint): Promise<KindRead> {
  if (!hint) return classify(ctx, VIEW, await withLmTags(ctx, VIEW, await listGrants(ctx)));
  const early = earlyTagReads(ctx, hint, (g, d) => liveGrant(g, d.name, d.tags));
  const grants = await listGrants(ctx, early.onPage);
  const { paired, rest } = pairByName(grants, await early.wanted());
  const known = await early.results();
  const verified = paired.filter(({ grant }) => known.has(grant.GrantArn ?? ''));
  const tagged = await withLmTags(ctx, VIEW, [...rest, ...verified.map((p) => p.grant)], known);
  return {
    ...classify(ctx, VIEW, tagged),
    unverified: paired.filter(({ grant }) => !known.has(grant.GrantArn ?? '')).map(({ grant, desired }) => liveGrant(grant, desired.name, desired.tags)),
  };
}

/** Reads the tags of grants paired by name; the grants themselves were listed moments ago and are not listed again. */
async function verify(ctx: StoreContext, resources: readonly LiveResource[]): Promise<KindRead> {
  const view: ItemView<LiveResource> = {
    kind: KIND,
    arnOf: (r) => r.arn,
    displayNameOf: (r) => (r.kind === KIND ? r.spec.displayName : ''),
    toLive: (r, name, tags) => ({ ...r, name, tags }),
  };
  return classify(ctx, view, await withLmTags(ctx, view, resources));
}

async function create(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const out = await ctx.clients.lm.send(new CreateGrantCommand({
    ClientToken: apply.clientToken(change, 'create'),
    GrantName: spec.displayName,
    LicenseArn: apply.arnOf('License', spec.license),
    Principals: [spec.principal],
    HomeRegion: spec.homeRegion,
    AllowedOperations: [...spec.allowedOperations],
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name) }),
  }));
  return out.GrantArn ?? '';
}

async function update(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  const before = beforeOf(change, KIND);
  const after = afterOf(change, KIND);
  const changed = new Set(change.diff.map((d) => d.path.split('.')[0]));
  if (changed.has('displayName') || changed.has('allowedOperations') || changed.has('status')) {
    await ctx.clients.lm.send(new CreateGrantVersionCommand({
      GrantArn: arn,
      ClientToken: apply.clientToken(change, 'version'),
      GrantName: after.spec.displayName,
      AllowedOperations: [...after.spec.allowedOperations],
      ...(changed.has('status') ? { Status: after.spec.status } : {}),
      ...(change.meta?.version ? { SourceVersion: change.meta.version } : {}),
    }));
  }
  const { set, remove } = tagChanges(before.tags, after.tags);
  if (Object.keys(set).length) await ctx.clients.lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: toLmTags(set) }));
  if (remove.length) await ctx.clients.lm.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
}

async function remove(ctx: StoreContext, change: ResourceChange): Promise<void> {
  await ctx.clients.lm.send(new DeleteGrantCommand({ GrantArn: arnOfChange(change), Version: change.meta?.version ?? '1' }));
}

export const grantAdapter: KindAdapter = { kind: KIND, read, verify, create, update, delete: remove };
