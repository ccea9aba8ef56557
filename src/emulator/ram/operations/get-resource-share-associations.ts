import type { CallContext } from '../../core/types.js';
import { parseArn } from '../arns.js';
import { invalidParameter } from '../errors.js';
import { optionalEnum, optionalString, optionalStringList, requiredEnum, type Input, type Output } from '../input.js';
import { paginate, pageOutput } from '../pagination.js';
import { associationKey, associationRecords, type AssociationRecord, type ShareRecord } from '../records.js';
import { associationStatus, associationView } from '../views.js';
import { associationsByShare, requireOwnedShare, sharesOf } from '../visibility.js';

const ASSOCIATION_TYPES = ['PRINCIPAL', 'RESOURCE', 'SOURCE'] as const;
export const ASSOCIATION_STATUSES = [
  'ASSOCIATING', 'ASSOCIATED', 'FAILED', 'DISASSOCIATING', 'DISASSOCIATED', 'SUSPENDED', 'SUSPENDING', 'RESTORING',
] as const;

/**
 * Associations of the caller's own shares, disassociated ones included. SOURCE is a valid type, but
 * source constraints are never stored (see association-request.ts), so it lists nothing.
 */
export function getResourceShareAssociations(ctx: CallContext, input: Input): Output {
  const matches = readFilter(ctx, input);
  const owned = new Map(sharesOf(ctx, 'SELF', associationsByShare(ctx)).map((share) => [share.resourceShareArn, share]));
  const pairs = Object.values(associationRecords(ctx.state)).flatMap((association) => {
    const share = owned.get(association.resourceShareArn);
    return share && matches(association, share) ? [{ association, share }] : [];
  });
  const page = paginate('GetResourceShareAssociations', input, pairs, ({ association: a }) =>
    associationKey(a.resourceShareArn, a.associationType, a.associatedEntity),
  );
  return pageOutput('resourceShareAssociations', page, ({ association, share }) => associationView(ctx, association, share.name));
}

function readFilter(ctx: CallContext, input: Input): (association: AssociationRecord, share: ShareRecord) => boolean {
  const type = requiredEnum(input, 'associationType', ASSOCIATION_TYPES);
  const resourceArn = optionalString(input, 'resourceArn');
  const principal = optionalString(input, 'principal');
  if (resourceArn !== undefined && type === 'PRINCIPAL') {
    throw invalidParameter('resourceArn cannot be specified when associationType is PRINCIPAL.');
  }
  if (principal !== undefined && type === 'RESOURCE') {
    throw invalidParameter('principal cannot be specified when associationType is RESOURCE.');
  }
  if (resourceArn !== undefined) parseArn(resourceArn);
  const status = optionalEnum(input, 'associationStatus', ASSOCIATION_STATUSES);
  const arns = optionalStringList(input, 'resourceShareArns')?.map((arn) => requireOwnedShare(ctx, arn).resourceShareArn);
  return (association, share) =>
    association.associationType === type &&
    (arns === undefined || arns.includes(share.resourceShareArn)) &&
    (resourceArn === undefined || association.associatedEntity === resourceArn) &&
    (principal === undefined || association.associatedEntity === principal) &&
    (status === undefined || associationStatus(association, ctx.now) === status);
}
