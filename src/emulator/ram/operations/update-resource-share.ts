import type { CallContext } from '../../core/types.js';
import { invalidParameter, operationNotPermitted } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { optionalBoolean, optionalString, requiredString, type Input, type Output } from '../input.js';
import { epochSeconds } from '../records.js';
import { requireNotDeleted } from '../share-lifecycle.js';
import { resourceShareView } from '../views.js';
import { requireOwnedShare } from '../visibility.js';

/** Only the name and allowExternalPrincipals change here; tags, resources and principals have their own calls. */
export function updateResourceShare(ctx: CallContext, input: Input): Output {
  return withClientToken(ctx, 'UpdateResourceShare', input, () => {
    const arn = requiredString(input, 'resourceShareArn');
    const name = optionalString(input, 'name');
    if (name === '') throw invalidParameter('The name of a resource share must not be empty.');
    const allowExternalPrincipals = optionalBoolean(input, 'allowExternalPrincipals');
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
