// RAM resource shares: one paginated GetResourceShares for the account's shares (tags included), and one
// paginated GetResourceShareAssociations per association type for all of them: a handful of calls
// whatever the number of shares. Principals and resources change through associate/disassociate.
import { createHash } from 'node:crypto';
import {
  AcceptResourceShareInvitationCommand, AssociateResourceShareCommand, CreateResourceShareCommand, DeleteResourceShareCommand, DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand, GetResourceShareInvitationsCommand, GetResourceSharesCommand, UpdateResourceShareCommand,
  type ResourceShare, type ResourceShareAssociation,
} from '@aws-sdk/client-ram';
import { type LiveResource, type OtherResource, ownershipOf, ownershipTags, type ResourceShareSpec, userTags } from '../../model/index.js';
import { collectPages } from '../clients.js';
import {
  afterOf, arnOfChange, beforeOf, createWithToken, withTagKeys, fromRamTags, toRamTags, updateTags, withoutDeleted,
  type ApplyContext, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'ResourceShare';
const GONE = new Set(['DELETING', 'DELETED', 'FAILED']);
const PRESENT = new Set(['ASSOCIATING', 'ASSOCIATED']);
// AWS accepts at most 100 resources in one associate or disassociate call.
const ASSOCIATE_BATCH = 100;

async function listShares(ctx: StoreContext): Promise<ResourceShare[]> {
  return collectPages('GetResourceShares', async (nextToken) => {
    const out = await ctx.clients.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', maxResults: 500, nextToken }));
    return { items: out.resourceShares, nextToken: out.nextToken };
  });
}

async function listAssociations(ctx: StoreContext, associationType: 'PRINCIPAL' | 'RESOURCE'): Promise<ResourceShareAssociation[]> {
  return collectPages('GetResourceShareAssociations', async (nextToken) => {
    const out = await ctx.clients.ram.send(new GetResourceShareAssociationsCommand({ associationType, maxResults: 500, nextToken }));
    return { items: out.resourceShareAssociations, nextToken: out.nextToken };
  });
}

function entitiesByShare(associations: readonly ResourceShareAssociation[]): Map<string, string[]> {
  const byShare = new Map<string, string[]>();
  for (const a of associations) {
    if (!a.resourceShareArn || !a.associatedEntity || !PRESENT.has(a.status ?? '')) continue;
    byShare.set(a.resourceShareArn, [...(byShare.get(a.resourceShareArn) ?? []), a.associatedEntity]);
  }
  return byShare;
}

export async function readResourceShares(ctx: StoreContext): Promise<KindRead> {
  const [shares, principals, resources] = await Promise.all([listShares(ctx), listAssociations(ctx, 'PRINCIPAL'), listAssociations(ctx, 'RESOURCE')]);
  const principalsOf = entitiesByShare(principals);
  const resourcesOf = entitiesByShare(resources);
  for (const entities of resourcesOf.values()) for (const arn of entities) ctx.shared.add(arn);
  const managed: LiveResource[] = [];
  const others: OtherResource[] = [];
  for (const share of withoutDeleted(ctx, shares, (s) => GONE.has(s.status ?? ''), (s) => s.resourceShareArn ?? '')) {
    const arn = share.resourceShareArn ?? '';
    if (share.creationTime) ctx.created.set(arn, share.creationTime.toISOString());
    const tags = fromRamTags(share.tags);
    const owner = ownershipOf(tags, ctx.project);
    const spec: ResourceShareSpec = {
      displayName: share.name ?? '',
      allowExternalPrincipals: share.allowExternalPrincipals ?? true,
      principals: sortedUnique(principalsOf.get(arn) ?? []),
      // ARNs here; the store swaps the ARNs of managed configurations for their names.
      licenseConfigurations: sortedUnique(resourcesOf.get(arn) ?? []),
    };
    const live = { kind: KIND, name: owner.kind === 'managed' ? owner.name : '', arn, tags: userTags(tags), spec, meta: { status: share.status } } as const;
    if (owner.kind === 'managed') managed.push(withTagKeys(live, tags));
    else others.push({ kind: KIND, arn, displayName: share.name ?? '', owner: owner.kind, ...(owner.kind === 'foreign' ? { project: owner.project } : {}), live });
  }
  return { managed, others };
}

async function create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const resourceArns = spec.licenseConfigurations.map((ref) => apply.arnOf('LicenseConfiguration', ref));
  const input = {
    name: spec.displayName,
    allowExternalPrincipals: spec.allowExternalPrincipals,
    principals: [...spec.principals],
    resourceArns: resourceArns.slice(0, ASSOCIATE_BATCH),
    tags: toRamTags({ ...tags, ...ownershipTags(ctx.project, change.name, change.tagKeys) }),
  };
  const arn = await createWithToken(ctx, change, apply, input, async (clientToken) => (await ctx.clients.ram.send(new CreateResourceShareCommand({ ...input, clientToken }))).resourceShare?.resourceShareArn ?? '');
  await associate(ctx, arn, [], resourceArns.slice(ASSOCIATE_BATCH));
  return arn;
}

async function update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  const before = beforeOf(change, KIND);
  const after = afterOf(change, KIND);
  if (before.spec.displayName !== after.spec.displayName || before.spec.allowExternalPrincipals !== after.spec.allowExternalPrincipals) {
    await ctx.clients.ram.send(new UpdateResourceShareCommand({
      resourceShareArn: arn, name: after.spec.displayName, allowExternalPrincipals: after.spec.allowExternalPrincipals,
    }));
  }
  // What is associated now is what the plan read; a configuration replaced in this apply has a new ARN to associate.
  const beforeRes = before.spec.licenseConfigurations.flatMap((ref) => apply.plannedArnOf('LicenseConfiguration', ref) ?? []);
  const afterRes = after.spec.licenseConfigurations.map((ref) => apply.arnOf('LicenseConfiguration', ref));
  await disassociate(ctx, arn, minus(before.spec.principals, after.spec.principals), minus(beforeRes, afterRes));
  await associate(ctx, arn, minus(after.spec.principals, before.spec.principals), minus(afterRes, beforeRes));
  await updateTags(ctx, change, 'ram');
}

// Updates, associations and disassociations send no client token: they set or unset entries, so a replay cannot
// make anything twice, and a token derived from the request would answer an A → B → A change with A's old reply.
async function associate(ctx: StoreContext, arn: string, principals: string[], resources: string[]): Promise<void> {
  for (const batch of batches(principals, resources)) {
    await ctx.clients.ram.send(new AssociateResourceShareCommand({ resourceShareArn: arn, ...batch }));
  }
}

/**
 * An entity that is no longer associated (a killed run's disassociation, or a delete, landed after this run read the
 * account) is what was wanted: a batch refused for that is done one entity at a time, those already gone skipped.
 */
async function disassociate(ctx: StoreContext, arn: string, principals: string[], resources: string[]): Promise<void> {
  const send = (batch: { principals?: string[]; resourceArns?: string[] }) => ctx.clients.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: arn, ...batch }));
  for (const batch of batches(principals, resources)) {
    try {
      await send(batch);
    } catch (error) {
      if (!notAssociated(error)) throw error;
      const singles = [...(batch.principals ?? []).map((p) => ({ principals: [p] })), ...(batch.resourceArns ?? []).map((r) => ({ resourceArns: [r] }))];
      for (const single of singles) await send(single).catch((e: unknown) => { if (!notAssociated(e)) throw e; });
    }
  }
}

function notAssociated(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e.name === 'UnknownResourceException' && /not associated/i.test(e.message ?? '');
}

/** Principals go with the first batch; resources in batches of at most 100. */
function batches(principals: string[], resources: string[]): { principals?: string[]; resourceArns?: string[] }[] {
  const out: { principals?: string[]; resourceArns?: string[] }[] = [];
  for (let i = 0; i === 0 || i < resources.length; i += ASSOCIATE_BATCH) {
    const resourceArns = resources.slice(i, i + ASSOCIATE_BATCH);
    const first = i === 0 ? principals : [];
    if (first.length || resourceArns.length) out.push({ ...(first.length ? { principals: first } : {}), ...(resourceArns.length ? { resourceArns } : {}) });
  }
  return out;
}

async function remove(ctx: StoreContext, change: StoreChange): Promise<void> {
  try {
    await ctx.clients.ram.send(new DeleteResourceShareCommand({ resourceShareArn: arnOfChange(change) }));
  } catch (error) {
    // Gone, or already being deleted (a retried delete, or a killed run's delete that landed): done either way.
    if ((error as Error).name !== 'UnknownResourceException' && (error as Error).name !== 'InvalidStateTransitionException') throw error;
  }
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

export const resourceShareAdapter: KindAdapter = { kind: KIND, create, update, delete: remove };

// ---- The receiving side, for a project whose targets include the principal's account (app/grantee-steps.ts).

/** The invitations this account has not answered, by share ARN (GetResourceShareInvitations, paginated). */
export async function pendingInvitations(ctx: StoreContext): Promise<Map<string, string>> {
  const invitations = await collectPages('GetResourceShareInvitations', async (nextToken) => {
    const out = await ctx.clients.ram.send(new GetResourceShareInvitationsCommand({ maxResults: 500, nextToken }));
    return { items: out.resourceShareInvitations, nextToken: out.nextToken };
  });
  return new Map(invitations.filter((i) => i.status === 'PENDING' && i.resourceShareArn && i.resourceShareInvitationArn).map((i) => [i.resourceShareArn!, i.resourceShareInvitationArn!]));
}

/** AcceptResourceShareInvitation, as the invited account; the same token for every retry. */
export async function acceptInvitation(ctx: StoreContext, invitationArn: string): Promise<void> {
  await ctx.clients.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: createHash('sha256').update(`accept|${invitationArn}`).digest('hex').slice(0, 64) }));
}

/** Whether the owner's share reaches `principal` yet (its association ASSOCIATED): then no invitation is coming. */
export async function principalAssociated(ctx: StoreContext, shareArn: string, principal: string): Promise<boolean> {
  const out = await ctx.clients.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [shareArn], principal }));
  return (out.resourceShareAssociations ?? []).some((a) => a.status === 'ASSOCIATED');
}
