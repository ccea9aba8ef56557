// Resource share invitations, for principals that must consent to a share (share-access.ts says which):
// GetResourceShareInvitations, AcceptResourceShareInvitation, RejectResourceShareInvitation and
// ListPendingInvitationResources; and EnableSharingWithAwsOrganization, after which the accounts of the
// caller's organization join its shares without one.
//
// An invitation lives on the principal association it is for (records.ts): PENDING while the association is
// ASSOCIATING; accepted, the association becomes ASSOCIATED and the share's resources usable by the receiver;
// rejected or expired, the association is DISASSOCIATED. Invitations are regional, like their share, and only
// their receiver sees them ("invitations that you have received"); another account's invitation is not found.
// Its ARN is arn:aws:ram:REGION:OWNER:resource-share-invitation/UUID.
import { list, optStr, ServiceError, type CallContext, type Input } from '../core/service-contract.js';
import { organizationOfAccount } from '../organizations/organization.js';
import { operationNotPermitted, pages, parseArn, parseShareArn, requiredText, withClientToken } from './conventions.js';
import { LICENSE_CONFIGURATION_SCOPE, resourceView } from './principals-and-resources.js';
import {
  associationRecords,
  entitiesInShare,
  epochSeconds,
  invitationStatus,
  shareRecords,
  shareStatus,
  startTransition,
  type AssociationRecord,
  type InvitationRecord,
  type ShareRecord,
} from './records.js';

/** The invitation a new principal association carries. */
export function newInvitation(ctx: CallContext, share: ShareRecord, to: { account: string; receiverArn?: string }): InvitationRecord {
  const [arn, partition, , region, owner] = share.resourceShareArn.split(':');
  return {
    arn: `${arn}:${partition}:ram:${region}:${owner}:resource-share-invitation/${ctx.ids.uuid()}`,
    receiverAccountId: to.account,
    ...(to.receiverArn ? { receiverArn: to.receiverArn } : {}),
    invitationTimestamp: epochSeconds(ctx),
  };
}

interface Received {
  readonly invitation: InvitationRecord;
  readonly association: AssociationRecord;
  readonly share: ShareRecord;
}

/** The invitations the caller received in the calling region (the owner's later disassociation withdraws one). */
function received(ctx: CallContext): Received[] {
  const shares = shareRecords(ctx.state);
  return Object.values(associationRecords(ctx.state)).flatMap((association) => {
    const invitation = association._invitation;
    const share = shares[association.resourceShareArn];
    if (!invitation || !share || invitation.receiverAccountId !== ctx.account || share._region !== ctx.region) return [];
    return association._transition.from === 'DISASSOCIATING' ? [] : [{ invitation, association, share }];
  });
}

function notFound(arn: string): ServiceError {
  return new ServiceError('ResourceShareInvitationArnNotFoundException', `The resource share invitation ${arn} could not be found.`);
}

/** One of the caller's invitations by ARN (malformed: MalformedArnException; not the caller's: not found). */
function requireReceived(ctx: CallContext, arn: string): Received {
  parseArn(arn);
  const found = received(ctx).find((r) => r.invitation.arn === arn);
  if (!found) throw notFound(arn);
  return found;
}

export function getResourceShareInvitations(ctx: CallContext, input: Input): Record<string, unknown> {
  const arns = list(input, 'resourceShareInvitationArns');
  const shareArns = list(input, 'resourceShareArns');
  shareArns?.forEach(parseShareArn);
  const all = received(ctx);
  for (const arn of arns ?? []) {
    parseArn(arn);
    if (!all.some((r) => r.invitation.arn === arn)) throw notFound(arn);
  }
  const kept = all.filter((r) => (arns === undefined || arns.includes(r.invitation.arn)) && (shareArns === undefined || shareArns.includes(r.share.resourceShareArn)));
  const page = pages.page('GetResourceShareInvitations', input, kept, (r) => r.invitation.arn);
  return pages.output('resourceShareInvitations', page, (r) => invitationView(ctx, r));
}

export function acceptResourceShareInvitation(ctx: CallContext, input: Input): Record<string, unknown> {
  return answer(ctx, input, 'AcceptResourceShareInvitation', 'ACCEPTED');
}

export function rejectResourceShareInvitation(ctx: CallContext, input: Input): Record<string, unknown> {
  return answer(ctx, input, 'RejectResourceShareInvitation', 'REJECTED');
}

function answer(ctx: CallContext, input: Input, operation: string, reply: 'ACCEPTED' | 'REJECTED'): Record<string, unknown> {
  return withClientToken(ctx, operation, input, () => {
    const found = requireReceived(ctx, requiredText(input, 'resourceShareInvitationArn'));
    requireAnswerable(ctx, found);
    const status = shareStatus(found.share, ctx.now);
    if (status === 'DELETING' || status === 'DELETED') throw operationNotPermitted(`The resource share ${found.share.resourceShareArn} is ${status}.`);
    found.invitation.answer = reply;
    found.association.lastUpdatedTime = epochSeconds(ctx);
    if (reply === 'ACCEPTED') found.association._transition = startTransition(ctx, 'ASSOCIATING', 'ASSOCIATED');
    return { resourceShareInvitation: invitationView(ctx, found) };
  });
}

/** A PENDING invitation; the others are refused with the error their status has. */
function requireAnswerable(ctx: CallContext, { invitation }: Received): void {
  const status = invitationStatus(invitation, ctx.now);
  if (status === 'ACCEPTED') throw new ServiceError('ResourceShareInvitationAlreadyAcceptedException', `The resource share invitation ${invitation.arn} has already been accepted.`);
  if (status === 'REJECTED') throw new ServiceError('ResourceShareInvitationAlreadyRejectedException', `The resource share invitation ${invitation.arn} has already been rejected.`);
  if (status === 'EXPIRED') throw new ServiceError('ResourceShareInvitationExpiredException', `The resource share invitation ${invitation.arn} has expired.`);
}

/** The resources of the share an invitation is for, before (or after) it is accepted; not once rejected or expired. */
export function listPendingInvitationResources(ctx: CallContext, input: Input): Record<string, unknown> {
  const found = requireReceived(ctx, requiredText(input, 'resourceShareInvitationArn'));
  const status = invitationStatus(found.invitation, ctx.now);
  if (status === 'REJECTED' || status === 'EXPIRED') requireAnswerable(ctx, found);
  const scope = optStr(input, 'resourceRegionScope') ?? 'ALL';
  const share = found.share.resourceShareArn;
  const associations = Object.values(associationRecords(ctx.state)).filter((a) => a.resourceShareArn === share);
  const resources = scope === 'ALL' || scope === LICENSE_CONFIGURATION_SCOPE ? entitiesInShare(associations, 'RESOURCE', ctx.now) : [];
  const page = pages.page('ListPendingInvitationResources', input, resources, (a) => a.associatedEntity);
  return pages.output('resources', page, (association) => resourceView(ctx, association));
}

/**
 * Only the management account of an organization may enable sharing with it (OperationNotPermittedException
 * otherwise). RAM turns on trusted access in Organizations; the emulator records it on the organization, where
 * `emulator org apply` sets it too.
 */
export function enableSharingWithAwsOrganization(ctx: CallContext): Record<string, unknown> {
  const org = organizationOfAccount(ctx.state, ctx.account);
  if (!org) throw operationNotPermitted(`Account ${ctx.account} is not a member of an organization in AWS Organizations.`);
  if (org.managementAccount !== ctx.account)
    throw operationNotPermitted(`Only the management account of ${org.id} (${org.managementAccount}) can enable sharing with AWS Organizations.`);
  org.sharingWithOrganization = true;
  return { returnValue: true };
}

function invitationView(ctx: CallContext, { invitation, share }: Received): Record<string, unknown> {
  return {
    resourceShareInvitationArn: invitation.arn,
    resourceShareName: share.name,
    resourceShareArn: share.resourceShareArn,
    senderAccountId: share.owningAccountId,
    receiverAccountId: invitation.receiverAccountId,
    invitationTimestamp: invitation.invitationTimestamp,
    status: invitationStatus(invitation, ctx.now),
    ...(invitation.receiverArn ? { receiverArn: invitation.receiverArn } : {}),
  };
}
