// Adding and removing the entities (resources and principals) of a share: AssociateResourceShare,
// DisassociateResourceShare and GetResourceShareAssociations. Associations are never deleted: a removed
// entity stays listed as DISASSOCIATING, then DISASSOCIATED, as in AWS.
import { list, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import {
  invalidParameter,
  invalidStateTransition,
  pages,
  parseArn,
  requiredText,
  resourceShareLimitExceeded,
  unknownResource,
  withClientToken,
} from './conventions.js';
import { resolveResource } from './principals-and-resources.js';
import {
  associationKey,
  associationRecords,
  associationStatus,
  epochSeconds,
  lastUpdatedAt,
  startTransition,
  type AssociationRecord,
  type AssociationType,
  type ShareRecord,
} from './records.js';
import { newInvitation } from './invitations.js';
import { associationsByShare, joiningOf, parsePrincipal, requireNotDeleted, requireOwnedShare, sharesOf } from './share-access.js';

export interface Entity {
  type: AssociationType;
  id: string;
  /** For resources: the RAM resource type. */
  resourceType?: string;
}

/**
 * Associates an entity; one that is already associated (or associating) is returned unchanged. A principal that
 * must consent gets an invitation and stays ASSOCIATING until it accepts (share-access.ts says who).
 */
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
  const joining = entity.type === 'PRINCIPAL' ? joiningOf(ctx, share, parsePrincipal(entity.id, share.owningAccountId)) : { external: false };
  const record: AssociationRecord = {
    resourceShareArn: share.resourceShareArn,
    associatedEntity: entity.id,
    associationType: entity.type,
    external: joining.external,
    creationTime: now,
    lastUpdatedTime: now,
    ...(entity.resourceType ? { _resourceType: entity.resourceType } : {}),
    ...(joining.invite ? { _invitation: newInvitation(ctx, share, joining.invite) } : {}),
    _transition: startTransition(ctx, 'ASSOCIATING', 'ASSOCIATED'),
  };
  records[key] = record;
  return record;
}

/** Starts disassociating an entity; one that is already disassociating is returned unchanged. */
function disassociateEntity(ctx: CallContext, share: ShareRecord, entity: Entity): AssociationRecord {
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

const MAX_RESOURCES_PER_CALL = 100;

/**
 * Entities to add: resources must exist and belong to the caller. `sources` (source constraints)
 * only apply to service principals, which license configurations cannot be shared with.
 */
export function entitiesToAdd(ctx: CallContext, input: Input): Entity[] {
  rejectSources(input);
  const resources = uniqueResourceArns(input).map((arn) => {
    const resource = resolveResource(ctx, arn);
    return { type: 'RESOURCE' as const, id: resource.arn, resourceType: resource.type };
  });
  return [...resources, ...principalEntities(ctx, input)];
}

/** Entities to remove: resources only need a well-formed ARN, since the resource may be gone already. */
function entitiesToRemove(ctx: CallContext, input: Input): Entity[] {
  rejectSources(input);
  const resources = uniqueResourceArns(input).map((arn) => {
    parseArn(arn);
    return { type: 'RESOURCE' as const, id: arn };
  });
  return [...resources, ...principalEntities(ctx, input)];
}

function uniqueResourceArns(input: Input): string[] {
  const arns = [...new Set(list(input, 'resourceArns') ?? [])];
  if (arns.length > MAX_RESOURCES_PER_CALL) {
    throw resourceShareLimitExceeded(`You can associate up to ${MAX_RESOURCES_PER_CALL} resources per call; got ${arns.length}.`);
  }
  return arns;
}

function principalEntities(ctx: CallContext, input: Input): Entity[] {
  const principals = [...new Set(list(input, 'principals') ?? [])];
  return principals.map((id) => ({ type: 'PRINCIPAL' as const, id: parsePrincipal(id, ctx.account).id }));
}

function rejectSources(input: Input): void {
  const sources = list(input, 'sources');
  if (sources && sources.length > 0) {
    throw invalidParameter('Source constraints apply only to service principals, which cannot be given license configurations.');
  }
}

export function associateResourceShare(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'AssociateResourceShare', input, () => {
    const share = requireOwnedShare(ctx, requiredText(input, 'resourceShareArn'));
    requireNotDeleted(ctx, share, invalidStateTransition);
    const entities = entitiesToAdd(ctx, input);
    if (entities.length === 0) throw invalidParameter('Specify at least one resource ARN or principal to associate.');
    const associations = entities.map((entity) => associateEntity(ctx, share, entity));
    return { resourceShareAssociations: associations.map((association) => associationView(ctx, association, share.name)) };
  });
}

export function disassociateResourceShare(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'DisassociateResourceShare', input, () => {
    const share = requireOwnedShare(ctx, requiredText(input, 'resourceShareArn'));
    requireNotDeleted(ctx, share, invalidStateTransition);
    const entities = entitiesToRemove(ctx, input);
    if (entities.length === 0) throw invalidParameter('Specify at least one resource ARN or principal to disassociate.');
    const associations = entities.map((entity) => disassociateEntity(ctx, share, entity));
    return { resourceShareAssociations: associations.map((association) => associationView(ctx, association, share.name)) };
  });
}

/**
 * Associations of the caller's own shares, disassociated ones included. SOURCE is a valid type, but
 * source constraints are never stored (see rejectSources), so it lists nothing.
 */
export function getResourceShareAssociations(ctx: CallContext, input: Input): Record<string, unknown> {
  const matches = readFilter(ctx, input);
  const owned = new Map(sharesOf(ctx, 'SELF', associationsByShare(ctx)).map((share) => [share.resourceShareArn, share]));
  const pairs = Object.values(associationRecords(ctx.state)).flatMap((association) => {
    const share = owned.get(association.resourceShareArn);
    return share && matches(association, share) ? [{ association, share }] : [];
  });
  const page = pages.page('GetResourceShareAssociations', input, pairs, ({ association: a }) =>
    associationKey(a.resourceShareArn, a.associationType, a.associatedEntity),
  );
  return pages.output('resourceShareAssociations', page, ({ association, share }) => associationView(ctx, association, share.name));
}

function readFilter(ctx: CallContext, input: Input): (association: AssociationRecord, share: ShareRecord) => boolean {
  const type = str(input, 'associationType');
  const resourceArn = optStr(input, 'resourceArn');
  const principal = optStr(input, 'principal');
  if (resourceArn !== undefined && type === 'PRINCIPAL') {
    throw invalidParameter('resourceArn cannot be specified when associationType is PRINCIPAL.');
  }
  if (principal !== undefined && type === 'RESOURCE') {
    throw invalidParameter('principal cannot be specified when associationType is RESOURCE.');
  }
  if (resourceArn !== undefined) parseArn(resourceArn);
  const status = optStr(input, 'associationStatus');
  const arns = list(input, 'resourceShareArns')?.map((arn) => requireOwnedShare(ctx, arn).resourceShareArn);
  return (association, share) =>
    association.associationType === type &&
    (arns === undefined || arns.includes(share.resourceShareArn)) &&
    (resourceArn === undefined || association.associatedEntity === resourceArn) &&
    (principal === undefined || association.associatedEntity === principal) &&
    (status === undefined || associationStatus(association, ctx.now) === status);
}

function associationView(ctx: CallContext, association: AssociationRecord, shareName: string): Record<string, unknown> {
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
