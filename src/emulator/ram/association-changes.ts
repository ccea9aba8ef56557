// Adding and removing one entity (a resource or a principal) of a share. Associations are never
// deleted: a removed entity stays listed as DISASSOCIATING, then DISASSOCIATED, as in AWS.
import type { CallContext } from '../core/types.js';
import { invalidStateTransition, unknownResource } from './errors.js';
import {
  associationKey,
  associationRecords,
  epochSeconds,
  type AssociationRecord,
  type AssociationType,
  type ShareRecord,
} from './records.js';
import { startTransition } from './status-clock.js';
import { associationStatus } from './views.js';

export interface Entity {
  type: AssociationType;
  id: string;
  /** For resources: the RAM resource type. */
  resourceType?: string;
}

/** Associates an entity; one that is already associated (or associating) is returned unchanged. */
export function associateEntity(ctx: CallContext, share: ShareRecord, entity: Entity): AssociationRecord {
  const records = associationRecords(ctx.state);
  const key = associationKey(share.resourceShareArn, entity.type, entity.id);
  const existing = records[key];
  const status = existing && associationStatus(existing, ctx.now);
  if (existing && (status === 'ASSOCIATED' || status === 'ASSOCIATING')) return existing;
  if (status === 'DISASSOCIATING') {
    throw invalidStateTransition(`${entity.id} is still being disassociated from ${share.resourceShareArn}; try again when it is DISASSOCIATED.`);
  }
  const now = epochSeconds(ctx);
  const record: AssociationRecord = {
    resourceShareArn: share.resourceShareArn,
    associatedEntity: entity.id,
    associationType: entity.type,
    external: false,
    creationTime: now,
    lastUpdatedTime: now,
    ...(entity.resourceType ? { _resourceType: entity.resourceType } : {}),
    _transition: startTransition(ctx, 'ASSOCIATING', 'ASSOCIATED'),
  };
  records[key] = record;
  return record;
}

/** Starts disassociating an entity; one that is already disassociating is returned unchanged. */
export function disassociateEntity(ctx: CallContext, share: ShareRecord, entity: Entity): AssociationRecord {
  const existing = associationRecords(ctx.state)[associationKey(share.resourceShareArn, entity.type, entity.id)];
  const status = existing && associationStatus(existing, ctx.now);
  if (!existing || (status !== 'ASSOCIATED' && status !== 'ASSOCIATING' && status !== 'DISASSOCIATING')) {
    throw unknownResource(`${entity.id} is not associated with the resource share ${share.resourceShareArn}.`);
  }
  if (status !== 'DISASSOCIATING') beginDisassociation(ctx, existing);
  return existing;
}

export function beginDisassociation(ctx: CallContext, association: AssociationRecord): void {
  association.lastUpdatedTime = epochSeconds(ctx);
  association._transition = startTransition(ctx, 'DISASSOCIATING', 'DISASSOCIATED');
}

/** Whether an association currently counts as part of its share (being added or in place). */
export function isInShare(association: AssociationRecord, now: Date): boolean {
  const status = associationStatus(association, now);
  return status === 'ASSOCIATING' || status === 'ASSOCIATED';
}
