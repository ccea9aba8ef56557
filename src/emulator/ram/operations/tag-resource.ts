import type { CallContext } from '../../core/types.js';
import { parseArn } from '../arns.js';
import { invalidParameter, missingParameter, resourceArnNotFound, unknownResource, type ServiceErrorFactory } from '../errors.js';
import { optionalString, optionalStringList, type Input, type Output } from '../input.js';
import type { ShareRecord } from '../records.js';
import { requireNotDeleted } from '../share-lifecycle.js';
import { mergeTags, readTags, removeTags } from '../tags.js';
import { requireOwnedShare } from '../visibility.js';

/** Tags go on the share itself, never on the resources in it; they come back in ResourceShare.tags. */
export function tagResource(ctx: CallContext, input: Input): Output {
  const tags = readTags(input, 'tags');
  if (tags === undefined) throw missingParameter('tags');
  if (tags.length === 0) throw invalidParameter('Specify at least one tag.');
  const share = taggedShare(ctx, input, resourceArnNotFound);
  share.tags = mergeTags(share.tags, tags);
  return {};
}

export function untagResource(ctx: CallContext, input: Input): Output {
  const keys = optionalStringList(input, 'tagKeys');
  if (keys === undefined) throw missingParameter('tagKeys');
  if (keys.length === 0) throw invalidParameter('Specify at least one tag key.');
  const share = taggedShare(ctx, input, (arn) => unknownResource(`The managed permission ${arn} does not exist.`));
  share.tags = removeTags(share.tags, keys);
  return {};
}

/**
 * Exactly one of resourceShareArn and resourceArn. resourceArn names a customer-managed permission;
 * the emulator has none (and AWS-managed permissions cannot be tagged), so it is never found.
 */
function taggedShare(ctx: CallContext, input: Input, permissionNotFound: ServiceErrorFactory): ShareRecord {
  const shareArn = optionalString(input, 'resourceShareArn');
  const resourceArn = optionalString(input, 'resourceArn');
  if (shareArn !== undefined && resourceArn === undefined) {
    const share = requireOwnedShare(ctx, shareArn);
    requireNotDeleted(ctx, share, unknownResource);
    return share;
  }
  if (shareArn === undefined && resourceArn !== undefined) {
    parseArn(resourceArn);
    throw permissionNotFound(resourceArn);
  }
  throw invalidParameter('Specify either resourceShareArn or resourceArn, but not both.');
}
