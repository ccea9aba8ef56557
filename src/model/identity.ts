// Identity: the resource kinds, addresses (`Kind/name`, the one key by which desired and live resources are
// paired) and the ownership tags that tie a live resource to a project's address.

// The kinds licensectl manages, in dependency order: a kind may only refer to kinds before it.
export const KINDS = ['ServiceSettings', 'LicenseConfiguration', 'License', 'ResourceShare', 'Grant', 'Association', 'ReportGenerator'] as const;
export type Kind = (typeof KINDS)[number];

/** Position of a kind in dependency order; creates run in ascending rank, deletes in descending. */
export function kindRank(kind: Kind): number {
  return KINDS.indexOf(kind);
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export type Address = `${Kind}/${string}`;

export function addressOf(kind: Kind, name: string): Address {
  return `${kind}/${name}`;
}

/**
 * Total order: dependency rank of the kind first, then name in code-unit order. Every list we print is sorted with
 * it. Total even for malformed addresses (planning is total; validation rejects them before).
 */
export function compareAddresses(a: Address, b: Address): number {
  const [kindA, nameA] = splitAddress(a);
  const [kindB, nameB] = splitAddress(b);
  return kindRank(kindA) - kindRank(kindB) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0);
}

function splitAddress(address: Address): [Kind, string] {
  const slash = address.indexOf('/');
  return [address.slice(0, slash) as Kind, address.slice(slash + 1)];
}

// Ownership tags.
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

/** `tagKeys` (spec.tags: merge): the user tag keys the document sets, remembered in TAG_KEYS_TAG. */
export function ownershipTags(project: string, name: string, tagKeys?: readonly string[]): Tags {
  return { [PROJECT_TAG]: project, [NAME_TAG]: name, ...(tagKeys === undefined ? {} : tagKeysTag(tagKeys)) };
}

/**
 * With the project's `spec.tags: merge`, a managed resource remembers the user tag keys its document set, so that a
 * key leaving the document is removed while tags other tools add are kept: `licensectl:tags`, the keys sorted and
 * separated by spaces (AWS tag values allow no other separator that keys cannot hold).
 */
export const TAG_KEYS_TAG = 'licensectl:tags';

export function tagKeysTag(keys: readonly string[]): Tags {
  return { [TAG_KEYS_TAG]: [...keys].sort().join(' ') };
}

/** The user tag keys licensectl set, as TAG_KEYS_TAG remembers them; undefined when the resource has no such tag. */
export function tagKeysOf(tags: Tags): string[] | undefined {
  const value = tags[TAG_KEYS_TAG];
  return value === undefined ? undefined : value.split(' ').filter((k) => k !== '');
}

/**
 * An Association has no AWS resource to tag: the managed configurations it names carry, each, one tag
 * `licensectl:association:<name>` whose value is the associated resource's ARN. It says which pairs are ours.
 */
export const ASSOCIATION_TAG_PREFIX = 'licensectl:association:';

/** Tag keys AWS keeps for itself, in any case (aws:cloudformation:stack-name on what a stack made): nobody sets or removes them. */
export const AWS_TAG_PREFIX = 'aws:';

/** The tags a user manages: everything but our reserved ones and AWS's. */
export function userTags(tags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith(RESERVED_TAG_PREFIX) && !k.toLowerCase().startsWith(AWS_TAG_PREFIX)));
}
