import type { CallContext } from '../../core/types.js';
import { parseArn } from '../arns.js';
import { optionalEnum, optionalInteger, optionalString, optionalStringList, requiredEnum, type Input, type Output } from '../input.js';
import { paginate, pageOutput } from '../pagination.js';
import { permissionsFor } from '../permissions.js';
import type { AssociationRecord, ShareRecord } from '../records.js';
import { resourceTypesInShare } from '../share-contents.js';
import { SHARE_STATUSES } from '../share-lifecycle.js';
import { matchesTagFilters, readTagFilters } from '../tags.js';
import { resourceShareView, shareStatus } from '../views.js';
import { associationsByShare, RESOURCE_OWNERS, requireVisibleShares, sharesOf } from '../visibility.js';

type ShareFilter = (share: ShareRecord, associations: readonly AssociationRecord[]) => boolean;

export function getResourceShares(ctx: CallContext, input: Input): Output {
  const owner = requiredEnum(input, 'resourceOwner', RESOURCE_OWNERS);
  const filters = readFilters(ctx, input);
  const byShare = associationsByShare(ctx);
  const shares = sharesOf(ctx, owner, byShare).filter((share) =>
    filters.every((filter) => filter(share, byShare.get(share.resourceShareArn) ?? [])),
  );
  const page = paginate('GetResourceShares', input, shares, (share) => share.resourceShareArn);
  return pageOutput('resourceShares', page, (share) => resourceShareView(ctx, share));
}

function readFilters(ctx: CallContext, input: Input): ShareFilter[] {
  const arns = requireVisibleShares(ctx, optionalStringList(input, 'resourceShareArns'));
  const status = optionalEnum(input, 'resourceShareStatus', SHARE_STATUSES);
  const name = optionalString(input, 'name');
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
  const permissionArn = optionalString(input, 'permissionArn');
  const version = optionalInteger(input, 'permissionVersion');
  if (permissionArn === undefined) return undefined;
  parseArn(permissionArn);
  return (_share, associations) =>
    (version === undefined || version === 1) &&
    permissionsFor(resourceTypesInShare(associations, ctx.now)).some((permission) => permission['arn'] === permissionArn);
}
