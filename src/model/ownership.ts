// Ownership tags: how a live resource is recognised as ours, and under which name.
export const PROJECT_TAG = 'licensectl:project';
export const NAME_TAG = 'licensectl:name';
export const RESERVED_TAG_PREFIX = 'licensectl:';

export type Tags = Readonly<Record<string, string>>;

export type Ownership =
  | { readonly kind: 'managed'; readonly name: string }
  | { readonly kind: 'foreign'; readonly project: string }
  | { readonly kind: 'unmanaged' };

export function ownershipOf(tags: Tags, project: string): Ownership {
  const owner = tags[PROJECT_TAG];
  if (owner === undefined) return { kind: 'unmanaged' };
  if (owner !== project) return { kind: 'foreign', project: owner };
  const name = tags[NAME_TAG];
  return name ? { kind: 'managed', name } : { kind: 'unmanaged' };
}

export function ownershipTags(project: string, name: string): Tags {
  return { [PROJECT_TAG]: project, [NAME_TAG]: name };
}

/** The tags a user manages: everything but our reserved ones. */
export function userTags(tags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith(RESERVED_TAG_PREFIX)));
}
