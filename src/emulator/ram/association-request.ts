// The resources and principals named by CreateResourceShare, AssociateResourceShare and
// DisassociateResourceShare, validated and turned into entities.
import type { CallContext } from '../core/types.js';
import type { Entity } from './association-changes.js';
import { parseArn } from './arns.js';
import { invalidParameter, resourceShareLimitExceeded } from './errors.js';
import { optionalStringList, type Input } from './input.js';
import { parsePrincipal } from './principals.js';
import { resolveResource } from './resources.js';

export const MAX_RESOURCES_PER_CALL = 100;

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
export function entitiesToRemove(ctx: CallContext, input: Input): Entity[] {
  rejectSources(input);
  const resources = uniqueResourceArns(input).map((arn) => {
    parseArn(arn);
    return { type: 'RESOURCE' as const, id: arn };
  });
  return [...resources, ...principalEntities(ctx, input)];
}

function uniqueResourceArns(input: Input): string[] {
  const arns = [...new Set(optionalStringList(input, 'resourceArns') ?? [])];
  if (arns.length > MAX_RESOURCES_PER_CALL) {
    throw resourceShareLimitExceeded(`You can associate up to ${MAX_RESOURCES_PER_CALL} resources per call; got ${arns.length}.`);
  }
  return arns;
}

function principalEntities(ctx: CallContext, input: Input): Entity[] {
  const principals = [...new Set(optionalStringList(input, 'principals') ?? [])];
  return principals.map((id) => ({ type: 'PRINCIPAL' as const, id: parsePrincipal(id, ctx.account).id }));
}

function rejectSources(input: Input): void {
  const sources = optionalStringList(input, 'sources');
  if (sources && sources.length > 0) {
    throw invalidParameter('Source constraints apply only to service principals, which cannot be given license configurations.');
  }
}
