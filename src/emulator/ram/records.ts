// The shapes RAM keeps in `EmulatorState.ram`, and their statuses. Records hold RAM-shaped camelCase members
// as they are returned, plus bookkeeping prefixed `_`.
//
// RAM's statuses are asynchronous (share PENDING → ACTIVE, DELETING → DELETED; association ASSOCIATING →
// ASSOCIATED, DISASSOCIATING → DISASSOCIATED), so they are never stored: a mutation records when its
// transition completes (`_transition`) and every read derives the status from `ctx.now`. So reads never
// write, and a persisted state keeps ageing correctly between processes. With a zero delay the transition
// completes at once.
import type { CallContext, EmulatorState } from '../core/service-contract.js';

export interface Tag {
  key: string;
  value: string;
}

/** A status change that completes at `atMs` (epoch milliseconds): `from` before it, `to` from then on. */
export interface Transition {
  from: string;
  to: string;
  atMs: number;
}

export type AssociationType = 'PRINCIPAL' | 'RESOURCE';

export type ShareRecord = {
  resourceShareArn: string;
  name: string;
  owningAccountId: string;
  allowExternalPrincipals: boolean;
  featureSet: 'STANDARD';
  tags: Tag[];
  creationTime: number;
  lastUpdatedTime: number;
  resourceShareConfiguration?: { retainSharingOnAccountLeaveOrganization?: boolean };
  /** The region of the share (also in its ARN), so region filtering needs no ARN parsing. */
  _region: string;
  _transition: Transition;
};

export type AssociationRecord = {
  resourceShareArn: string;
  associatedEntity: string;
  associationType: AssociationType;
  external: boolean;
  creationTime: number;
  lastUpdatedTime: number;
  /** For RESOURCE associations: the RAM resource type, e.g. `license-manager:LicenseConfiguration`. */
  _resourceType?: string;
  /** For PRINCIPAL associations that need the principal's consent: the invitation sent to its account. */
  _invitation?: InvitationRecord;
  _transition: Transition;
};

/** An invitation to a share, kept on the principal association it is for (one invitation per association). */
export type InvitationRecord = {
  arn: string;
  receiverAccountId: string;
  /** When the principal is an IAM role or user. */
  receiverArn?: string;
  /** Epoch seconds, as on the wire. */
  invitationTimestamp: number;
  answer?: 'ACCEPTED' | 'REJECTED';
};

// The RAM User Guide gives some resource types seven days to accept an invitation and the others 12 hours, and
// does not say which list License Manager's configurations are on; the emulator gives them the seven days of
// RAM's API documentation. An invitation not answered by then is EXPIRED.
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export function shareRecords(state: EmulatorState): Record<string, ShareRecord> {
  return state.ram.resourceShares as Record<string, ShareRecord>;
}

export function associationRecords(state: EmulatorState): Record<string, AssociationRecord> {
  return state.ram.associations as Record<string, AssociationRecord>;
}

export function associationKey(shareArn: string, type: AssociationType, entity: string): string {
  return `${shareArn}|${type}|${entity}`;
}

/** Epoch seconds with milliseconds, the RAM wire format for timestamps. */
export function epochSeconds(ctx: Pick<CallContext, 'now'>): number {
  return ctx.now.getTime() / 1000;
}

/** How long a transition takes (the emulator's `shareDelayMs` option); no delay when absent. */
function shareDelayMs(ctx: CallContext): number {
  const delay = ctx.delays?.shareMs ?? 0;
  return Number.isFinite(delay) && delay > 0 ? delay : 0;
}

export function startTransition(ctx: CallContext, from: string, to: string): Transition {
  return { from, to, atMs: ctx.now.getTime() + shareDelayMs(ctx) };
}

function statusAt(transition: Transition, now: Date): string {
  return now.getTime() >= transition.atMs ? transition.to : transition.from;
}

function isSettled(transition: Transition, now: Date): boolean {
  return now.getTime() >= transition.atMs;
}

/** A completed transition counts as an update at the moment it completed. */
export function lastUpdatedAt(record: { lastUpdatedTime: number; _transition: Transition }, now: Date): number {
  const { _transition: transition } = record;
  return isSettled(transition, now) ? Math.max(record.lastUpdatedTime, transition.atMs / 1000) : record.lastUpdatedTime;
}

export function shareStatus(share: ShareRecord, now: Date): string {
  return statusAt(share._transition, now);
}

export function invitationStatus(invitation: InvitationRecord, now: Date): 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED' {
  if (invitation.answer) return invitation.answer;
  return now.getTime() >= invitation.invitationTimestamp * 1000 + INVITATION_LIFETIME_MS ? 'EXPIRED' : 'PENDING';
}

/**
 * A principal invited to a share is ASSOCIATING while the invitation is PENDING, follows its transition to
 * ASSOCIATED once it is accepted, and is DISASSOCIATED once it is rejected or expired ("the end user principal in
 * the resource share is disassociated", RAM User Guide), so that associating it again sends a new invitation.
 */
export function associationStatus(association: AssociationRecord, now: Date): string {
  const invitation = association._invitation;
  if (!invitation || association._transition.from === 'DISASSOCIATING') return statusAt(association._transition, now);
  const status = invitationStatus(invitation, now);
  if (status === 'PENDING') return 'ASSOCIATING';
  return status === 'ACCEPTED' ? statusAt(association._transition, now) : 'DISASSOCIATED';
}

/** Whether an association currently counts as part of its share (being added or in place). */
export function isInShare(association: AssociationRecord, now: Date): boolean {
  const status = associationStatus(association, now);
  return status === 'ASSOCIATING' || status === 'ASSOCIATED';
}

// What a share currently holds, derived from its associations at the time of the call.

export function resourceTypesInShare(associations: readonly AssociationRecord[], now: Date): Set<string> {
  const types = new Set<string>();
  for (const association of associations) {
    if (association.associationType === 'RESOURCE' && association._resourceType && isInShare(association, now)) {
      types.add(association._resourceType);
    }
  }
  return types;
}

export function entitiesInShare(associations: readonly AssociationRecord[], type: AssociationRecord['associationType'], now: Date): AssociationRecord[] {
  return associations.filter((association) => association.associationType === type && isInShare(association, now));
}
