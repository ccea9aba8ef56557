import type { CallContext } from '../../core/types.js';
import { parseArn } from '../arns.js';
import { optionalEnum, optionalString, optionalStringList, requiredEnum, type Input, type Output } from '../input.js';
import { paginate, pageOutput } from '../pagination.js';
import type { AssociationRecord, ShareRecord } from '../records.js';
import { LICENSE_CONFIGURATION_SCOPE, readResourceTypeFilter } from '../resources.js';
import { entitiesInShare } from '../share-contents.js';
import { lastUpdatedAt } from '../status-clock.js';
import { associationStatus } from '../views.js';
import { associationsByShare, RESOURCE_OWNERS, requireVisibleShares, sharesOf, type ResourceOwner } from '../visibility.js';

const REGION_SCOPES = ['ALL', 'REGIONAL', 'GLOBAL'] as const;

/**
 * SELF lists the resources in the caller's shares (being added: PENDING, added: AVAILABLE);
 * OTHER-ACCOUNTS lists the resources other accounts have shared with the caller. The `principal`
 * filter names the other side of the share: a principal of the caller's share for SELF, the owning
 * account for OTHER-ACCOUNTS (as in ListPrincipals).
 */
export function listResources(ctx: CallContext, input: Input): Output {
  const owner = requiredEnum(input, 'resourceOwner', RESOURCE_OWNERS);
  const principal = optionalString(input, 'principal');
  const keep = readResourceFilter(ctx, input);
  const byShare = associationsByShare(ctx);
  const entries = sharesOf(ctx, owner, byShare).flatMap((share) => {
    const associations = byShare.get(share.resourceShareArn) ?? [];
    if (principal !== undefined && !hasOtherSide(owner, share, associations, principal, ctx.now)) return [];
    return resourcesSeen(owner, associations, ctx.now).filter(keep);
  });
  const page = paginate('ListResources', input, entries, (a) => `${a.associatedEntity}|${a.resourceShareArn}`);
  return pageOutput('resources', page, (association) => resourceView(ctx, association));
}

function readResourceFilter(ctx: CallContext, input: Input): (association: AssociationRecord) => boolean {
  const typeMatches = readResourceTypeFilter(optionalString(input, 'resourceType'));
  const resourceArns = optionalStringList(input, 'resourceArns');
  resourceArns?.forEach(parseArn);
  const shareArns = requireVisibleShares(ctx, optionalStringList(input, 'resourceShareArns'));
  const scope = optionalEnum(input, 'resourceRegionScope', REGION_SCOPES) ?? 'ALL';
  return (association) =>
    (typeMatches === undefined || typeMatches(association._resourceType)) &&
    (resourceArns === undefined || resourceArns.includes(association.associatedEntity)) &&
    (shareArns === undefined || shareArns.has(association.resourceShareArn)) &&
    (scope === 'ALL' || scope === LICENSE_CONFIGURATION_SCOPE);
}

function hasOtherSide(owner: ResourceOwner, share: ShareRecord, associations: readonly AssociationRecord[], principal: string, now: Date): boolean {
  if (owner === 'OTHER-ACCOUNTS') return share.owningAccountId === principal;
  return entitiesInShare(associations, 'PRINCIPAL', now).some((association) => association.associatedEntity === principal);
}

function resourcesSeen(owner: ResourceOwner, associations: readonly AssociationRecord[], now: Date): AssociationRecord[] {
  const inShare = entitiesInShare(associations, 'RESOURCE', now);
  return owner === 'SELF' ? inShare : inShare.filter((association) => associationStatus(association, now) === 'ASSOCIATED');
}

function resourceView(ctx: CallContext, association: AssociationRecord): Record<string, unknown> {
  return {
    arn: association.associatedEntity,
    type: association._resourceType,
    resourceShareArn: association.resourceShareArn,
    status: associationStatus(association, ctx.now) === 'ASSOCIATED' ? 'AVAILABLE' : 'PENDING',
    creationTime: association.creationTime,
    lastUpdatedTime: lastUpdatedAt(association, ctx.now),
    resourceRegionScope: LICENSE_CONFIGURATION_SCOPE,
  };
}
