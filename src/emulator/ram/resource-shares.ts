// Resource shares: CreateResourceShare, GetResourceShares, UpdateResourceShare and DeleteResourceShare.
// A share is created PENDING and becomes ACTIVE; deleting it makes it DELETING, then DELETED (its
// associations DISASSOCIATING, then DISASSOCIATED), and it stays listed with that status, as in AWS.
import { resourceShareArn } from '../../model/arn.js';
import { list, optBool, optNum, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import { invalidParameter, invalidStateTransition, operationNotPermitted, pages, parseArn, requiredText, withClientToken } from './conventions.js';
import { associateEntity, beginDisassociation, entitiesToAdd } from './associations.js';
import { checkPermissionArns, permissionsFor } from './permissions.js';
import {
  associationRecords,
  epochSeconds,
  isInShare,
  lastUpdatedAt,
  resourceTypesInShare,
  shareRecords,
  shareStatus,
  startTransition,
  type AssociationRecord,
  type ShareRecord,
} from './records.js';
import { associationsByShare, requireNotDeleted, requireOwnedShare, requireVisibleShares, sharesOf, type ResourceOwner } from './share-access.js';
import { matchesTagFilters, mergeTags, readTagFilters, readTags } from './tags.js';

export function createResourceShare(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateResourceShare', input, () => {
    const name = requiredText(input, 'name');
    const tags = mergeTags([], readTags(input, 'tags') ?? []);
    checkPermissionArns(list(input, 'permissionArns') ?? []);
    const configuration = (input['resourceShareConfiguration'] ?? undefined) as Input | undefined;
    const retain = configuration && optBool(configuration, 'retainSharingOnAccountLeaveOrganization');
    const entities = entitiesToAdd(ctx, input);
    const arn = resourceShareArn(ctx.region, ctx.account, ctx.ids.uuid());
    const now = epochSeconds(ctx);
    const share: ShareRecord = {
      resourceShareArn: arn,
      name,
      owningAccountId: ctx.account,
      // The API default is true (Terraform's is false): an omitted member allows external principals.
      allowExternalPrincipals: optBool(input, 'allowExternalPrincipals') ?? true,
      featureSet: 'STANDARD',
      tags,
      creationTime: now,
      lastUpdatedTime: now,
      ...(configuration ? { resourceShareConfiguration: retain === undefined ? {} : { retainSharingOnAccountLeaveOrganization: retain } } : {}),
      _region: ctx.region,
      _transition: startTransition(ctx, 'PENDING', 'ACTIVE'),
    };
    shareRecords(ctx.state)[arn] = share;
    for (const entity of entities) associateEntity(ctx, share, entity);
    return { resourceShare: resourceShareView(ctx, share) };
  });
}

type ShareFilter = (share: ShareRecord, associations: readonly AssociationRecord[]) => boolean;

export function getResourceShares(ctx: CallContext, input: Input): Record<string, unknown> {
  const owner = str(input, 'resourceOwner') as ResourceOwner;
  const filters = readFilters(ctx, input);
  const byShare = associationsByShare(ctx);
  const shares = sharesOf(ctx, owner, byShare).filter((share) =>
    filters.every((filter) => filter(share, byShare.get(share.resourceShareArn) ?? [])),
  );
  const page = pages.page('GetResourceShares', input, shares, (share) => share.resourceShareArn);
  return pages.output('resourceShares', page, (share) => resourceShareView(ctx, share));
}

function readFilters(ctx: CallContext, input: Input): ShareFilter[] {
  const arns = requireVisibleShares(ctx, list(input, 'resourceShareArns'));
  const status = optStr(input, 'resourceShareStatus');
  const name = optStr(input, 'name');
  const tagFilters = readTagFilters(input);
  const filters: ShareFilter[] = [(share) => matchesTagFilters(share.tags, tagFilters)];
  if (arns) filters.push((share) => arns.has(share.resourceShareArn));
  if (status) filters.push((share) => shareStatus(share, ctx.now) === status);
  if (name !== undefined) filters.push((share) => share.name === name);
  const permission = readPermissionFilter(ctx, input);
  if (permission) filters.push(permission);
  return filters;
}

/** permissionArn/permissionVersion: shares that use that managed permission (version 1 is the only one). */
function readPermissionFilter(ctx: CallContext, input: Input): ShareFilter | undefined {
  const permissionArn = optStr(input, 'permissionArn');
  const version = optNum(input, 'permissionVersion');
  if (permissionArn === undefined) return undefined;
  parseArn(permissionArn);
  return (_share, associations) =>
    (version === undefined || version === 1) &&
    permissionsFor(resourceTypesInShare(associations, ctx.now)).some((permission) => permission['arn'] === permissionArn);
}

/** Only the name and allowExternalPrincipals change here; tags, resources and principals have their own calls. */
export function updateResourceShare(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'UpdateResourceShare', input, () => {
    const arn = requiredText(input, 'resourceShareArn');
    const name = optStr(input, 'name');
    if (name === '') throw invalidParameter('The name of a resource share must not be empty.');
    const allowExternalPrincipals = optBool(input, 'allowExternalPrincipals');
    const share = requireOwnedShare(ctx, arn);
    requireNotDeleted(ctx, share, operationNotPermitted);
    const changed =
      (name !== undefined && name !== share.name) ||
      (allowExternalPrincipals !== undefined && allowExternalPrincipals !== share.allowExternalPrincipals);
    if (changed) {
      share.name = name ?? share.name;
      share.allowExternalPrincipals = allowExternalPrincipals ?? share.allowExternalPrincipals;
      share.lastUpdatedTime = epochSeconds(ctx);
    }
    return { resourceShare: resourceShareView(ctx, share) };
  });
}

/** DELETE /deleteresourceshare, with resourceShareArn and clientToken in the query string. */
export function deleteResourceShare(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'DeleteResourceShare', input, () => {
    const share = requireOwnedShare(ctx, requiredText(input, 'resourceShareArn'));
    requireNotDeleted(ctx, share, invalidStateTransition);
    share.lastUpdatedTime = epochSeconds(ctx);
    share._transition = startTransition(ctx, 'DELETING', 'DELETED');
    for (const association of Object.values(associationRecords(ctx.state))) {
      if (association.resourceShareArn === share.resourceShareArn && isInShare(association, ctx.now)) beginDisassociation(ctx, association);
    }
    return { returnValue: true };
  });
}

/** A share as RAM returns it: its status and last-update time computed from the clock at read time. */
function resourceShareView(ctx: CallContext, share: ShareRecord): Record<string, unknown> {
  return {
    resourceShareArn: share.resourceShareArn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: shareStatus(share, ctx.now),
    tags: share.tags.map((tag) => ({ ...tag })),
    creationTime: share.creationTime,
    lastUpdatedTime: lastUpdatedAt(share, ctx.now),
    featureSet: share.featureSet,
    ...(share.resourceShareConfiguration ? { resourceShareConfiguration: { ...share.resourceShareConfiguration } } : {}),
  };
}
