// The life of a share record: creation (PENDING → ACTIVE), deletion (DELETING → DELETED, its
// associations DISASSOCIATING → DISASSOCIATED) and the guard against changing a deleted share.
import type { ServiceError, CallContext } from '../core/types.js';
import { resourceShareArn } from '../../model/arn.js';
import { beginDisassociation, isInShare } from './association-changes.js';
import { associationRecords, epochSeconds, shareRecords, type ShareRecord, type Tag } from './records.js';
import { startTransition } from './status-clock.js';
import { shareStatus } from './views.js';

export const SHARE_STATUSES = ['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED'] as const;

export interface NewShare {
  name: string;
  allowExternalPrincipals: boolean;
  tags: Tag[];
  resourceShareConfiguration?: ShareRecord['resourceShareConfiguration'];
}

export function createShare(ctx: CallContext, fields: NewShare): ShareRecord {
  const arn = resourceShareArn(ctx.region, ctx.account, ctx.ids.uuid());
  const now = epochSeconds(ctx);
  const share: ShareRecord = {
    resourceShareArn: arn,
    name: fields.name,
    owningAccountId: ctx.account,
    allowExternalPrincipals: fields.allowExternalPrincipals,
    featureSet: 'STANDARD',
    tags: fields.tags,
    creationTime: now,
    lastUpdatedTime: now,
    ...(fields.resourceShareConfiguration ? { resourceShareConfiguration: fields.resourceShareConfiguration } : {}),
    _region: ctx.region,
    _transition: startTransition(ctx, 'PENDING', 'ACTIVE'),
  };
  shareRecords(ctx.state)[arn] = share;
  return share;
}

export function deleteShare(ctx: CallContext, share: ShareRecord): void {
  share.lastUpdatedTime = epochSeconds(ctx);
  share._transition = startTransition(ctx, 'DELETING', 'DELETED');
  for (const association of Object.values(associationRecords(ctx.state))) {
    if (association.resourceShareArn === share.resourceShareArn && isInShare(association, ctx.now)) {
      beginDisassociation(ctx, association);
    }
  }
}

/** Deleted (or deleting) shares stay readable but can no longer be changed. */
export function requireNotDeleted(ctx: CallContext, share: ShareRecord, error: (message: string) => ServiceError): void {
  const status = shareStatus(share, ctx.now);
  if (status === 'DELETING' || status === 'DELETED') {
    throw error(`The resource share ${share.resourceShareArn} is ${status} and can no longer be changed.`);
  }
}
