// Which accounts a share reaches, how a principal joins it, and which shares a caller sees and may change.
//
// A share can name an account id, an organization or OU ARN, or an IAM role or user ARN. Who a principal reaches
// is the organization's business (organizations/organization.ts, `accountsReachedBy`): an account itself, an
// IAM role's or user's account, every member of the organization, every account of an OU and the OUs below it.
//
// How a principal joins, as RAM does once an organization is declared (`licensectl emulator org apply`):
// - an account of the owner's organization, when the organization enabled sharing
//   (EnableSharingWithAwsOrganization, or `sharingWithOrganization: true`), is associated at once;
// - an account of the owner's organization without sharing enabled, and any account outside it, gets an
//   invitation (invitations.ts) and is ASSOCIATING until it accepts; outside accounts are `external`, and a
//   share with allowExternalPrincipals false refuses them (OperationNotPermittedException);
// - the organization's ARN or one of its OUs needs sharing enabled and must be the owner's own organization
//   (UnknownResourceException "Organization … could not be found", as AWS answers otherwise).
// With no organization declared, every principal is associated at once and none is external, as before
// organizations were emulated. AWS would invite every account of an owner outside any organization; the emulator
// does not, because its users share across accounts with no organization and no invitation step (tried: 23 tests
// of 9 emulator test files relied on it). Declare an organization to get AWS's behaviour. OU and organization
// principals then reach nobody.
//
// Accounts are isolated except through sharing: an account sees the shares it owns in the calling region
// (SELF) and, as OTHER-ACCOUNTS, the ACTIVE shares of other accounts in which a principal reaching it is
// ASSOCIATED (for an invitation: accepted).
import { ACCOUNT_ID } from '../../model/arn.js';
import type { CallContext, ServiceError } from '../core/service-contract.js';
import { accountsReachedBy, organizationOf, organizationOfAccount, sameOrganization } from '../organizations/organization.js';
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

/** Whether `principal` (an association's entity) gives `account` access. */
export function reaches(ctx: CallContext, principal: string, account: string): boolean {
  return accountsReachedBy(ctx.state, principal).includes(account);
}

/** How a principal joins a share: `invite` names the account an invitation goes to, when one is needed. */
export interface Joining {
  readonly external: boolean;
  readonly invite?: { readonly account: string; readonly receiverArn?: string };
}

/** How `principal` joins `share` (see the top of this file); throws what AWS refuses. */
export function joiningOf(ctx: CallContext, share: { owningAccountId: string; allowExternalPrincipals: boolean }, principal: Principal): Joining {
  if (!organizationOf(ctx.state)) return { external: false };
  const owner = share.owningAccountId;
  const ownerOrg = organizationOfAccount(ctx.state, owner);
  if (principal.kind === 'organization' || principal.kind === 'organizational-unit') {
    const known = principal.kind === 'organization' ? ownerOrg?.arn === principal.id : ownerOrg?.units.some((u) => u.arn === principal.id);
    if (!known || !ownerOrg?.sharingWithOrganization) {
      const what = principal.kind === 'organization' ? 'Organization' : 'OrganizationalUnit';
      const why = known ? 'sharing with AWS Organizations is not enabled (EnableSharingWithAwsOrganization)' : `it is not in the organization of account ${owner}`;
      throw unknownResource(`${what} ${principal.id.split('/').pop()} could not be found: ${why}.`);
    }
    return { external: false };
  }
  const account = accountsReachedBy(ctx.state, principal.id)[0]!;
  const inside = sameOrganization(ctx.state, owner, account);
  if (!inside && !share.allowExternalPrincipals)
    throw operationNotPermitted(`The resource share does not allow external principals, and ${principal.id} is outside the organization of account ${owner}.`);
  if (inside && ownerOrg!.sharingWithOrganization) return { external: false };
  return { external: !inside, invite: { account, ...(principal.kind === 'iam' ? { receiverArn: principal.id } : {}) } };
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
      reaches(ctx, association.associatedEntity, ctx.account),
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
