// Grants this account distributed: ListDistributedGrants, and tag reads only for grants that cannot be paired by name. Name, operations and
// status change through new grant versions; license, principal and home region force a replace.
import {
  CreateGrantCommand, CreateGrantVersionCommand, DeleteGrantCommand, ListDistributedGrantsCommand,
  TagResourceCommand, UntagResourceCommand, type Grant,
} from '@aws-sdk/client-license-manager';
import { ownershipTags, type DesiredResource, type GrantOperation, type GrantSpec, type LiveResource, type Tags } from '../../model/index.js';
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

async function listGrants(ctx: StoreContext): Promise<Grant[]> {
  const grants = await collectPages('ListDistributedGrants', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListDistributedGrantsCommand({ MaxResults: 100, NextToken }));
    return { items: out.Grants, nextToken: out.NextToken };
  });
  return grants.filter((g) => !GONE.has(g.GrantStatus ?? ''));
}

const VIEW: ItemView<Grant> = {
  kind: KIND,
  arnOf: (item) => item.GrantArn ?? '',
  displayNameOf: (item) => item.GrantName ?? '',
  toLive: (item, name, tags) => liveGrant(item, name, tags),
};

async function readTags(ctx: StoreContext, grants: readonly Grant[]): Promise<KindRead> {
  return classify(ctx, VIEW, await withLmTags(ctx, VIEW, grants));
}

function liveGrant(item: Grant, name: string, tags: Tags): LiveResource {
  return { kind: KIND, name, arn: item.GrantArn ?? '', tags, spec: grantSpecFromAws(item), meta: { version: item.Version, status: item.GrantStatus } };
}

async function read(ctx: StoreContext, hint?: ReadHint): Promise<KindRead> {
  const grants = await listGrants(ctx);
  const { paired, rest } = hint ? pairByName(grants, await hint.desired, await hint.licenseArns) : { paired: [], rest: grants };
  const verified = await readTags(ctx, rest);
  return { ...verified, unverified: paired.map(({ grant, desired }) => liveGrant(grant, desired.name, desired.tags)) };
}

/**
 * A live grant whose license and name match exactly one document, and no other live grant, is taken to be that
 * document's grant without reading its tags. Every other grant gets its tags read. The guess is checked (verify)
 * before any change to such a grant is applied, so a wrong guess can only hide a difference in tags.
 */
function pairByName(grants: readonly Grant[], desired: readonly DesiredResource[], licenseArns: ReadonlyMap<string, string>) {
  const keyOf = (licenseArn: string, name: string) => `${licenseArn}|${name}`;
  const wanted = new Map<string, DesiredResource[]>();
  for (const d of desired) {
    if (d.kind !== KIND) continue;
    const licenseArn = d.spec.license.startsWith('arn:') ? d.spec.license : licenseArns.get(d.spec.license);
    if (licenseArn) wanted.set(keyOf(licenseArn, d.spec.displayName), [...(wanted.get(keyOf(licenseArn, d.spec.displayName)) ?? []), d]);
  }
  const live = new Map<string, Grant[]>();
  for (const g of grants) live.set(keyOf(g.LicenseArn ?? '', g.GrantName ?? ''), [...(live.get(keyOf(g.LicenseArn ?? '', g.GrantName ?? '')) ?? []), g]);
  const paired: { grant: Grant; desired: DesiredResource }[] = [];
  const rest: Grant[] = [];
  for (const [key, group] of live) {
    const docs = wanted.get(key) ?? [];
    if (group.length === 1 && docs.length === 1) paired.push({ grant: group[0]!, desired: docs[0]! });
    else rest.push(...group);
  }
  return { paired, rest };
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
