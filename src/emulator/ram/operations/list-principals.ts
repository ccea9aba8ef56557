import type { CallContext } from '../../core/types.js';
import { parseArn } from '../arns.js';
import { optionalString, optionalStringList, requiredEnum, type Input, type Output } from '../input.js';
import { paginate, pageOutput } from '../pagination.js';
import { accountReachedBy, parsePrincipal } from '../principals.js';
import type { AssociationRecord, ShareRecord } from '../records.js';
import { readResourceTypeFilter } from '../resources.js';
import { entitiesInShare } from '../share-contents.js';
import { lastUpdatedAt } from '../status-clock.js';
import { associationStatus } from '../views.js';
import { associationsByShare, RESOURCE_OWNERS, requireVisibleShares, sharesOf, type ResourceOwner } from '../visibility.js';

interface PrincipalEntry {
  id: string;
  share: ShareRecord;
  association: AssociationRecord;
}

/**
 * SELF lists the principals of the caller's shares; OTHER-ACCOUNTS lists the accounts sharing with the
 * caller, one entry per share, dated by the association that gave the caller access.
 */
export function listPrincipals(ctx: CallContext, input: Input): Output {
  const owner = requiredEnum(input, 'resourceOwner', RESOURCE_OWNERS);
  const keepShare = readShareFilter(ctx, input);
  const principals = optionalStringList(input, 'principals');
  principals?.forEach((id) => parsePrincipal(id, ''));
  const byShare = associationsByShare(ctx);
  const entries = sharesOf(ctx, owner, byShare).flatMap((share) => {
    const associations = byShare.get(share.resourceShareArn) ?? [];
    return keepShare(share, associations) ? principalsSeen(ctx, owner, share, associations) : [];
  });
  const kept = entries.filter((entry) => principals === undefined || principals.includes(entry.id));
  const page = paginate('ListPrincipals', input, kept, (entry) => `${entry.share.resourceShareArn}|${entry.id}`);
  return pageOutput('principals', page, (entry) => principalView(ctx, entry));
}

function readShareFilter(ctx: CallContext, input: Input): (share: ShareRecord, associations: readonly AssociationRecord[]) => boolean {
  const resourceArn = optionalString(input, 'resourceArn');
  if (resourceArn !== undefined) parseArn(resourceArn);
  const typeMatches = readResourceTypeFilter(optionalString(input, 'resourceType'));
  const shareArns = requireVisibleShares(ctx, optionalStringList(input, 'resourceShareArns'));
  return (share, associations) => {
    const resources = entitiesInShare(associations, 'RESOURCE', ctx.now);
    return (
      (shareArns === undefined || shareArns.has(share.resourceShareArn)) &&
      (resourceArn === undefined || resources.some((resource) => resource.associatedEntity === resourceArn)) &&
      (typeMatches === undefined || resources.some((resource) => typeMatches(resource._resourceType)))
    );
  };
}

function principalsSeen(ctx: CallContext, owner: ResourceOwner, share: ShareRecord, associations: readonly AssociationRecord[]): PrincipalEntry[] {
  const principals = entitiesInShare(associations, 'PRINCIPAL', ctx.now);
  if (owner === 'SELF') return principals.map((association) => ({ id: association.associatedEntity, share, association }));
  const access = principals.find(
    (association) => associationStatus(association, ctx.now) === 'ASSOCIATED' && accountReachedBy(association.associatedEntity) === ctx.account,
  );
  return access ? [{ id: share.owningAccountId, share, association: access }] : [];
}

function principalView(ctx: CallContext, entry: PrincipalEntry): Record<string, unknown> {
  return {
    id: entry.id,
    resourceShareArn: entry.share.resourceShareArn,
    creationTime: entry.association.creationTime,
    lastUpdatedTime: lastUpdatedAt(entry.association, ctx.now),
    external: entry.association.external,
  };
}
