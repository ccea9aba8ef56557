// The shapes RAM keeps in `EmulatorState.ram`. Records hold RAM-shaped camelCase members as they are
// returned, plus bookkeeping prefixed `_`. Statuses are never stored: each record holds the transition
// it is in (`_transition`) and readers compute the status from the clock (see status-clock.ts).
import type { CallContext, EmulatorState } from '../core/types.js';

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
  _transition: Transition;
};

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
