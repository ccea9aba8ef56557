// Records as RAM returns them: statuses and last-update times computed from the clock at read time.
import type { CallContext } from '../core/types.js';
import type { AssociationRecord, ShareRecord } from './records.js';
import { lastUpdatedAt, statusAt } from './status-clock.js';

export function shareStatus(share: ShareRecord, now: Date): string {
  return statusAt(share._transition, now);
}

export function associationStatus(association: AssociationRecord, now: Date): string {
  return statusAt(association._transition, now);
}

export function resourceShareView(ctx: CallContext, share: ShareRecord): Record<string, unknown> {
  return {
    resourceShareArn: share.resourceShareArn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: shareStatus(share, ctx.now),
    tags: share.tags.map((tag) => ({ ...tag })),
    creationTime: share.creationTime,
    lastUpdatedTime: lastUpdatedAt(share, ctx.now),
    featureSet: share.featureSet,
    ...(share.resourceShareConfiguration ? { resourceShareConfiguration: { ...share.resourceShareConfiguration } } : {}),
  };
}

export function associationView(ctx: CallContext, association: AssociationRecord, shareName: string): Record<string, unknown> {
  return {
    resourceShareArn: association.resourceShareArn,
    resourceShareName: shareName,
    associatedEntity: association.associatedEntity,
    associationType: association.associationType,
    status: associationStatus(association, ctx.now),
    creationTime: association.creationTime,
    lastUpdatedTime: lastUpdatedAt(association, ctx.now),
    external: association.external,
  };
}
