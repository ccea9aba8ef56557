// Tags of resource shares: validation (AWS's general tag limits: key 1–128 characters, value 0–256,
// 50 tags per resource, `aws:` reserved) and the tag filters of GetResourceShares.
import { invalidParameter, tagLimitExceeded, tagPolicyViolation } from './errors.js';
import { optionalObjectList, optionalString, optionalStringList, type Input } from './input.js';
import type { Tag } from './records.js';

const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;

export interface TagFilter {
  tagKey: string;
  tagValues: string[];
}

export function readTags(input: Input, member: string): Tag[] | undefined {
  const list = optionalObjectList(input, member);
  if (list === undefined) return undefined;
  const tags = list.map(readTag);
  const keys = new Set(tags.map((tag) => tag.key));
  if (keys.size !== tags.length) throw invalidParameter(`The parameter ${member} repeats a tag key.`);
  return tags;
}

function readTag(entry: Input): Tag {
  const key = optionalString(entry, 'key');
  const value = optionalString(entry, 'value');
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
  return [...merged].map(([key, value]) => ({ key, value })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const removed = new Set(keys);
  return existing.filter((tag) => !removed.has(tag.key));
}

export function readTagFilters(input: Input): TagFilter[] | undefined {
  return optionalObjectList(input, 'tagFilters')?.map((entry) => {
    const tagKey = optionalString(entry, 'tagKey');
    if (!tagKey) throw invalidParameter('Every tag filter needs a non-empty tagKey.');
    return { tagKey, tagValues: optionalStringList(entry, 'tagValues') ?? [] };
  });
}

/** Filters OR together; a filter without values matches any value of its key. */
export function matchesTagFilters(tags: readonly Tag[], filters: readonly TagFilter[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((filter) =>
    tags.some((tag) => tag.key === filter.tagKey && (filter.tagValues.length === 0 || filter.tagValues.includes(tag.value))),
  );
}
