import type { CallContext } from '../../core/types.js';
import { requiredString, type Input, type Output } from '../input.js';
import { paginate, pageOutput } from '../pagination.js';
import { permissionsFor } from '../permissions.js';
import { associationRecords } from '../records.js';
import { resourceTypesInShare } from '../share-contents.js';
import { requireVisibleShare } from '../visibility.js';

/** The managed permissions a share uses: one per resource type it holds. */
export function listResourceSharePermissions(ctx: CallContext, input: Input): Output {
  const share = requireVisibleShare(ctx, requiredString(input, 'resourceShareArn'));
  const associations = Object.values(associationRecords(ctx.state)).filter(
    (association) => association.resourceShareArn === share.resourceShareArn,
  );
  const permissions = permissionsFor(resourceTypesInShare(associations, ctx.now));
  const page = paginate('ListResourceSharePermissions', input, permissions, (permission) => String(permission['arn']));
  return pageOutput('permissions', page, (permission) => permission);
}
