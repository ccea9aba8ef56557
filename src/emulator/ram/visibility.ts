// Which shares an account sees. Accounts are isolated except through sharing: an account sees the
// shares it owns in the calling region (SELF) and, as OTHER-ACCOUNTS, the ACTIVE shares of other
// accounts in which it is an ASSOCIATED principal (directly or through one of its IAM roles/users).
import type { CallContext } from '../core/types.js';
import { parseShareArn } from './arns.js';
import { operationNotPermitted, unknownResource } from './errors.js';
import { accountReachedBy } from './principals.js';
import { associationRecords, shareRecords, type AssociationRecord, type ShareRecord } from './records.js';
import { associationStatus, shareStatus } from './views.js';

export type ResourceOwner = 'SELF' | 'OTHER-ACCOUNTS';
export const RESOURCE_OWNERS: readonly ResourceOwner[] = ['SELF', 'OTHER-ACCOUNTS'];

/** All associations grouped by share ARN, built once per call so filters stay linear. */
export function associationsByShare(ctx: CallContext): Map<string, AssociationRecord[]> {
  const byShare = new Map<string, AssociationRecord[]>();
  for (const association of Object.values(associationRecords(ctx.state))) {
    const list = byShare.get(association.resourceShareArn) ?? [];
    list.push(association);
    byShare.set(association.resourceShareArn, list);
  }
  return byShare;
}

export function sharesOf(ctx: CallContext, owner: ResourceOwner, byShare: Map<string, AssociationRecord[]>): ShareRecord[] {
  const inRegion = Object.values(shareRecords(ctx.state)).filter((share) => share._region === ctx.region);
  return owner === 'SELF'
    ? inRegion.filter((share) => share.owningAccountId === ctx.account)
    : inRegion.filter((share) => isSharedWithCaller(ctx, share, byShare.get(share.resourceShareArn) ?? []));
}

export function isSharedWithCaller(ctx: CallContext, share: ShareRecord, associations: readonly AssociationRecord[]): boolean {
  if (share.owningAccountId === ctx.account || shareStatus(share, ctx.now) !== 'ACTIVE') return false;
  return associations.some(
    (association) =>
      association.associationType === 'PRINCIPAL' &&
      associationStatus(association, ctx.now) === 'ASSOCIATED' &&
      accountReachedBy(association.associatedEntity) === ctx.account,
  );
}

/** A share the caller owns or has been given; unknown (or malformed) otherwise. */
export function requireVisibleShare(ctx: CallContext, arn: string): ShareRecord {
  parseShareArn(arn);
  const share = shareRecords(ctx.state)[arn];
  if (share && share._region === ctx.region) {
    if (share.owningAccountId === ctx.account) return share;
    const associations = Object.values(associationRecords(ctx.state)).filter((a) => a.resourceShareArn === arn);
    if (isSharedWithCaller(ctx, share, associations)) return share;
  }
  throw unknownResource(`The resource share ${arn} does not exist.`);
}

/** A share the caller owns; a share merely shared with the caller cannot be changed by it. */
export function requireOwnedShare(ctx: CallContext, arn: string): ShareRecord {
  const share = requireVisibleShare(ctx, arn);
  if (share.owningAccountId !== ctx.account) {
    throw operationNotPermitted(`The resource share ${arn} belongs to account ${share.owningAccountId}; only its owner can change it.`);
  }
  return share;
}

/** Every ARN of a resourceShareArns filter must name a share the caller can see. */
export function requireVisibleShares(ctx: CallContext, arns: readonly string[] | undefined): Set<string> | undefined {
  if (!arns) return undefined;
  return new Set(arns.map((arn) => requireVisibleShare(ctx, arn).resourceShareArn));
}
