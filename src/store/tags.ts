// Tag conversions and tag-set differences, for both services' wire shapes.
import type { Tags } from '../model/index.js';

export function toLmTags(tags: Tags): { Key: string; Value: string }[] {
  return Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : 1)).map(([Key, Value]) => ({ Key, Value }));
}

export function fromLmTags(tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
}

export function toRamTags(tags: Tags): { key: string; value: string }[] {
  return Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => ({ key, value }));
}

export function fromRamTags(tags: readonly { key?: string; value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.key !== undefined).map((t) => [t.key!, t.value ?? '']));
}

/** What to set and what to remove to turn `before` into `after`. */
export function tagChanges(before: Tags, after: Tags): { set: Record<string, string>; remove: string[] } {
  const set = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  const remove = Object.keys(before).filter((k) => !(k in after)).sort();
  return { set, remove };
}
