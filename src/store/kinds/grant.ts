// Grants this account distributed: ListDistributedGrants lists them without their tags; the tags of a grant are
// read only when it cannot be paired with its document by license and name, or the plan will act on it (see
// live-state.ts). Name, operations and status change through new grant versions; license, principal and home
// region force a replace.
import { createHash } from 'node:crypto';
import {
  ListReceivedGrantsCommand,
  AcceptGrantCommand, CreateGrantCommand, CreateGrantVersionCommand, DeleteGrantCommand, GetGrantCommand, ListDistributedGrantsCommand, type Grant,
} from '@aws-sdk/client-license-manager';
import { type ActivationOverrideBehavior, type GrantOperation, type GrantSpec, type LiveResource, ownershipTags, type Tags } from '../../model/index.js';
import { collectPages } from '../clients.js';
import {
  afterOf, arnOfChange, classify, createWithToken, toLmTags, unlessGone, updateTags, withLmTags, withoutDeleted,
  type ApplyContext, type ItemView, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'Grant';
const GONE = new Set(['DELETED', 'PENDING_DELETE']);

/** A grant as listed: everything but its tags. `spec.license` is the license's ARN. */
export interface ListedGrant {
  readonly arn: string;
  readonly spec: GrantSpec;
  readonly meta: { readonly version?: string; readonly status?: string };
}

export async function listGrants(ctx: StoreContext): Promise<ListedGrant[]> {
  const grants = await collectPages('ListDistributedGrants', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListDistributedGrantsCommand({ MaxResults: 100, NextToken }));
    return { items: out.Grants, nextToken: out.NextToken };
  });
  const ours = ctx.homeRegionOnly ? grants.filter((g) => g.HomeRegion === ctx.target.region) : grants;
  return withoutDeleted(ctx, ours, (g) => GONE.has(g.GrantStatus ?? ''), (g) => g.GrantArn ?? '').map((g) => ({ arn: g.GrantArn ?? '', spec: grantSpecFromAws(g), meta: { version: g.Version, status: g.GrantStatus } }));
}

/** The managed grant a listed grant is, under `name`, with the user's `tags`. */
export function liveGrant(grant: ListedGrant, name: string, tags: Tags): LiveResource {
  return { kind: KIND, name, arn: grant.arn, tags, spec: grant.spec, meta: grant.meta };
}

const VIEW: ItemView<ListedGrant> = { kind: KIND, arnOf: (g) => g.arn, displayNameOf: (g) => g.spec.displayName, toLive: liveGrant };

/** Reads the tags of listed grants (one call each) and sorts them by owner. */
export async function tagGrants(ctx: StoreContext, grants: readonly ListedGrant[]): Promise<KindRead> {
  return classify(ctx, VIEW, await withLmTags(ctx, VIEW, grants));
}

function grantSpecFromAws(g: Grant): GrantSpec {
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

async function create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const input = {
    GrantName: spec.displayName,
    LicenseArn: apply.arnOf('License', spec.license),
    Principals: [spec.principal],
    HomeRegion: spec.homeRegion,
    AllowedOperations: [...spec.allowedOperations],
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name, change.tagKeys) }),
  };
  return createWithToken(ctx, change, apply, input, async (ClientToken) => (await ctx.clients.lm.send(new CreateGrantCommand({ ...input, ClientToken }))).GrantArn ?? '');
}

async function update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const after = afterOf(change, KIND);
  const changed = new Set(change.diff.map((d) => d.path.split('.')[0]));
  if (changed.has('displayName') || changed.has('allowedOperations') || changed.has('status')) {
    await ctx.clients.lm.send(new CreateGrantVersionCommand({
      GrantArn: arnOfChange(change),
      ClientToken: apply.clientToken(change, 'version', after.spec),
      GrantName: after.spec.displayName,
      AllowedOperations: [...after.spec.allowedOperations],
      ...(changed.has('status') ? { Status: after.spec.status } : {}),
      ...(change.meta?.version ? { SourceVersion: change.meta.version } : {}),
    }));
  }
  await updateTags(ctx, change, 'lm');
}

/** Already deleted (a retried delete, or a killed apply's delete that landed) is done. */
async function remove(ctx: StoreContext, change: StoreChange): Promise<void> {
  await unlessGone(() => ctx.clients.lm.send(new DeleteGrantCommand({ GrantArn: arnOfChange(change), Version: change.meta?.version ?? '1' })));
}

/** One grant read again (GetGrant and its tags); its license is an ARN, as in a listing. */
async function reread(ctx: StoreContext, arn: string): Promise<LiveResource | null> {
  const g = (await unlessGone(() => ctx.clients.lm.send(new GetGrantCommand({ GrantArn: arn }))))?.Grant;
  if (!g || GONE.has(g.GrantStatus ?? '')) return null;
  const listed: ListedGrant = { arn: g.GrantArn ?? arn, spec: grantSpecFromAws(g), meta: { version: g.Version, status: g.GrantStatus } };
  return (await tagGrants(ctx, [listed])).managed[0] ?? null;
}

export const grantAdapter: KindAdapter = { kind: KIND, reread, create, update, delete: remove };

// ---- The grantee's side, for a project whose targets include the grantee's account (app/grantee-steps.ts).

/** The grant as its grantee sees it: status and version; null when the grantee does not see it (yet). */
export async function receivedGrantStatus(ctx: StoreContext, arn: string): Promise<{ status: string; version: string } | null> {
  const g = (await unlessGone(() => ctx.clients.lm.send(new GetGrantCommand({ GrantArn: arn }))))?.Grant;
  return g ? { status: g.GrantStatus ?? '', version: g.Version ?? '' } : null;
}

/** A grant this account received, as it sees it; `parentArn` names an organization or OU grant's parent. */
export interface ReceivedGrant {
  readonly arn: string;
  readonly parentArn: string;
  readonly status: string;
  readonly version: string;
}

/** Every grant this account received (ListReceivedGrants): among them, its child grants of organization and OU grants. */
export async function receivedGrants(ctx: StoreContext): Promise<ReceivedGrant[]> {
  const grants = await collectPages('ListReceivedGrants', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListReceivedGrantsCommand({ MaxResults: 100, NextToken }));
    return { items: out.Grants, nextToken: out.NextToken };
  });
  return grants.map((g) => ({ arn: g.GrantArn ?? '', parentArn: g.ParentArn ?? '', status: g.GrantStatus ?? '', version: g.Version ?? '' }));
}

/** AcceptGrant, as the grantee. */
export async function acceptGrant(ctx: StoreContext, arn: string): Promise<void> {
  await ctx.clients.lm.send(new AcceptGrantCommand({ GrantArn: arn }));
}

/**
 * Activates an accepted grant, as the grantee: a new version with Status ACTIVE (the same token for every retry),
 * with the document's activation override behavior when it names one.
 */
export async function activateGrant(ctx: StoreContext, arn: string, version: string, behavior?: ActivationOverrideBehavior): Promise<void> {
  const token = createHash('sha256').update(`activate|${arn}|${version}${behavior ? `|${behavior}` : ''}`).digest('hex').slice(0, 64);
  await ctx.clients.lm.send(new CreateGrantVersionCommand({
    GrantArn: arn, Status: 'ACTIVE', SourceVersion: version, ClientToken: token,
    ...(behavior ? { Options: { ActivationOverrideBehavior: behavior } } : {}),
  }));
}
