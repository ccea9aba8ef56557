// Tags of resource shares: AWS's general tag limits (key 1–128 characters, value 0–256, 50 tags per
// resource, `aws:` reserved; RAM's model states none of them), TagResource and UntagResource, and the tag
// filters of GetResourceShares.
import { byText } from '../../util/canonical.js';
import { type CallContext, type Input, list, optStr } from '../core/service-contract.js';
import {
  invalidParameter,
  parseArn,
  resourceArnNotFound,
  tagLimitExceeded,
  tagPolicyViolation,
  unknownResource,
  type ServiceErrorFactory,
} from './conventions.js';
import type { ShareRecord, Tag } from './records.js';
import { requireNotDeleted, requireOwnedShare } from './share-access.js';

const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;

export interface TagFilter {
  tagKey: string;
  tagValues: string[];
}

export function readTags(input: Input, member: string): Tag[] | undefined {
  const entries = list<Input>(input, member);
  if (entries === undefined) return undefined;
  const tags = entries.map(readTag);
  const keys = new Set(tags.map((tag) => tag.key));
  if (keys.size !== tags.length) throw invalidParameter(`The parameter ${member} repeats a tag key.`);
  return tags;
}

function readTag(entry: Input): Tag {
  const key = optStr(entry, 'key');
  const value = optStr(entry, 'value');
  if (key === undefined || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalidParameter(`A tag key must be 1 to ${MAX_KEY_LENGTH} characters long.`);
  }
  if (value === undefined || value.length > MAX_VALUE_LENGTH) {
    throw invalidParameter(`The value of tag ${key} must be present and at most ${MAX_VALUE_LENGTH} characters long.`);
  }
  if (key.toLowerCase().startsWith('aws:')) throw tagPolicyViolation(key);
  return { key, value };
}

/** The tags after adding (or overwriting) `added`, sorted by key. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((tag) => [tag.key, tag.value]));
  for (const tag of added) merged.set(tag.key, tag.value);
  if (merged.size > MAX_TAGS) {
    throw tagLimitExceeded(`A resource share can have at most ${MAX_TAGS} tags; this request would give it ${merged.size}.`);
  }
  return [...merged].map(([key, value]) => ({ key, value })).sort(byText((tag) => tag.key));
}

function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const removed = new Set(keys);
  return existing.filter((tag) => !removed.has(tag.key));
}

export function readTagFilters(input: Input): TagFilter[] | undefined {
  return list<Input>(input, 'tagFilters')?.map((entry) => {
    const tagKey = optStr(entry, 'tagKey');
    if (!tagKey) throw invalidParameter('Every tag filter needs a non-empty tagKey.');
    return { tagKey, tagValues: list(entry, 'tagValues') ?? [] };
  });
}

/** Filters OR together; a filter without values matches any value of its key. */
export function matchesTagFilters(tags: readonly Tag[], filters: readonly TagFilter[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((filter) =>
    tags.some((tag) => tag.key === filter.tagKey && (filter.tagValues.length === 0 || filter.tagValues.includes(tag.value))),
  );
}

/** Tags go on the share itself, never on the resources in it; they come back in ResourceShare.tags. */
export function tagResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const tags = readTags(input, 'tags') ?? [];
  if (tags.length === 0) throw invalidParameter('Specify at least one tag.');
  const share = taggedShare(ctx, input, resourceArnNotFound);
  share.tags = mergeTags(share.tags, tags);
  return {};
}

export function untagResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const keys = list(input, 'tagKeys') ?? [];
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
  const shareArn = optStr(input, 'resourceShareArn');
  const resourceArn = optStr(input, 'resourceArn');
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
