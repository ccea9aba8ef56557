// Which accounts a share reaches, and which shares a caller sees and may change.
//
// A share can name an account id, an organization or OU ARN, or an IAM role or user ARN. The emulator
// models no AWS Organizations: every emulated account counts as a member of the owner's organization, so
// principals are never `external` and no invitation has to be accepted. Access through a share reaches an
// account named by id or through one of its IAM roles/users; OU and organization principals are recorded
// and listed, but grant no emulated account access because their membership is unknown.
//
// Accounts are isolated except through sharing: an account sees the shares it owns in the calling region
// (SELF) and, as OTHER-ACCOUNTS, the ACTIVE shares of other accounts in which it is an ASSOCIATED principal.
import { ACCOUNT_ID } from '../../model/arn.js';
import type { CallContext, ServiceError } from '../core/service-contract.js';
import { invalidParameter, operationNotPermitted, parseArn, parseShareArn, unknownResource } from './conventions.js';
import { associationRecords, associationStatus, shareRecords, shareStatus, type AssociationRecord, type ShareRecord } from './records.js';

export type ResourceOwner = 'SELF' | 'OTHER-ACCOUNTS';

export type PrincipalKind = 'account' | 'organization' | 'organizational-unit' | 'iam';

export interface Principal {
  id: string;
  kind: PrincipalKind;
}

const ORGANIZATION = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:organization\/o-[a-z0-9]+$/;
const ORGANIZATIONAL_UNIT = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:ou\/o-[a-z0-9]+\/ou-[a-z0-9-]+$/;
const IAM_ROLE_OR_USER = /^arn:aws[a-zA-Z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;

export function parsePrincipal(id: string, owner: string): Principal {
  if (ACCOUNT_ID.test(id)) {
    if (id === owner) throw invalidParameter(`The principal ${id} is the owner of the resource share.`);
    return { id, kind: 'account' };
  }
  if (!id.startsWith('arn:')) {
    throw invalidParameter(`The principal ${id} is not an account id, an organization or OU ARN, or an IAM role or user ARN.`);
  }
  parseArn(id);
  if (ORGANIZATION.test(id)) return { id, kind: 'organization' };
  if (ORGANIZATIONAL_UNIT.test(id)) return { id, kind: 'organizational-unit' };
  if (IAM_ROLE_OR_USER.test(id)) return { id, kind: 'iam' };
  throw invalidParameter(`The principal ${id} is not an organization, OU, IAM role or IAM user ARN.`);
}

/** The emulated account a principal gives access to, if any. */
export function accountReachedBy(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  return IAM_ROLE_OR_USER.test(principal) ? principal.split(':')[4] : undefined;
}

/** All associations grouped by share ARN, built once per call. */
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

function isSharedWithCaller(ctx: CallContext, share: ShareRecord, associations: readonly AssociationRecord[]): boolean {
  if (share.owningAccountId === ctx.account || shareStatus(share, ctx.now) !== 'ACTIVE') return false;
  return associations.some(
    (association) =>
      association.associationType === 'PRINCIPAL' &&
      associationStatus(association, ctx.now) === 'ASSOCIATED' &&
      accountReachedBy(association.associatedEntity) === ctx.account,
  );
}

/** Whether another account's ACTIVE share gives the caller `resourceArn` (both associations ASSOCIATED). */
export function sharedWithCaller(ctx: CallContext, resourceArn: string): boolean {
  const byShare = associationsByShare(ctx);
  return sharesOf(ctx, 'OTHER-ACCOUNTS', byShare).some((share) => (byShare.get(share.resourceShareArn) ?? []).some(
    (a) => a.associationType === 'RESOURCE' && a.associatedEntity === resourceArn && associationStatus(a, ctx.now) === 'ASSOCIATED',
  ));
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

/** Deleted (or deleting) shares stay readable but can no longer be changed. */
export function requireNotDeleted(ctx: CallContext, share: ShareRecord, error: (message: string) => ServiceError): void {
  const status = shareStatus(share, ctx.now);
  if (status === 'DELETING' || status === 'DELETED') {
    throw error(`The resource share ${share.resourceShareArn} is ${status} and can no longer be changed.`);
  }
}
