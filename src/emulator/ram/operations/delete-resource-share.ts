import type { CallContext } from '../../core/types.js';
import { invalidStateTransition } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { requiredString, type Input, type Output } from '../input.js';
import { deleteShare, requireNotDeleted } from '../share-lifecycle.js';
import { requireOwnedShare } from '../visibility.js';

/**
 * DELETE /deleteresourceshare with query members resourceShareArn and clientToken. The share goes
 * DELETING → DELETED and stays listed with that status, as in AWS.
 */
export function deleteResourceShare(ctx: CallContext, input: Input): Output {
  return withClientToken(ctx, 'DeleteResourceShare', input, () => {
    const share = requireOwnedShare(ctx, requiredString(input, 'resourceShareArn'));
    requireNotDeleted(ctx, share, invalidStateTransition);
    deleteShare(ctx, share);
    return { returnValue: true };
  });
}
