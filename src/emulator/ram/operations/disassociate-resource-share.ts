import type { CallContext } from '../../core/types.js';
import { disassociateEntity } from '../association-changes.js';
import { entitiesToRemove } from '../association-request.js';
import { invalidParameter, invalidStateTransition } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { requiredString, type Input, type Output } from '../input.js';
import { requireNotDeleted } from '../share-lifecycle.js';
import { associationView } from '../views.js';
import { requireOwnedShare } from '../visibility.js';

export function disassociateResourceShare(ctx: CallContext, input: Input): Output {
  return withClientToken(ctx, 'DisassociateResourceShare', input, () => {
    const share = requireOwnedShare(ctx, requiredString(input, 'resourceShareArn'));
    requireNotDeleted(ctx, share, invalidStateTransition);
    const entities = entitiesToRemove(ctx, input);
    if (entities.length === 0) throw invalidParameter('Specify at least one resource ARN or principal to disassociate.');
    const associations = entities.map((entity) => disassociateEntity(ctx, share, entity));
    return { resourceShareAssociations: associations.map((association) => associationView(ctx, association, share.name)) };
  });
}
